import Core
import Foundation
import XCTest

/// The report's findings and form in Core: the organiser's summary first or "concept",
/// similar insights proposed across groups with the words they share, votes as shares with
/// ties kept, names left out on request, figures as SVG, entries in the order made.
final class ReportFindingsTests: XCTestCase {
    static let summary = ReportSummary(
        text: "Twee groepen vragen om één loket.\n\nDe rest volgt.", keyMessages: ["Eén loket is koersvast."], version: 3,
        updatedAt: 1_790_000_000_000, organiser: "Gerda")

    func report(_ l: Language = .nl, options: ReportOptions = .init()) -> Report {
        Report(
            sessions: SynthesisFixtureSet.all().filter { $0.workshop.id == "mini" }.map(\.input), groups: SynthesisFixtureSet.groups,
            language: l, options: options)
    }

    func testTheOrganisersSummaryComesFirstAndEndsTheConcept() {
        let md = MarkdownExport.render(report(options: .init(summary: Self.summary)))
        // The key messages open the report (page 1), the summary's text follows the sessions.
        let messages = try! XCTUnwrap(md.range(of: "## Kernboodschappen\n\n- Eén loket is koersvast."))
        let summary = try! XCTUnwrap(md.range(of: "## Samenvatting\n\nTwee groepen vragen om één loket.\n\nDe rest volgt.\n"))
        XCTAssertLessThan(messages.lowerBound, summary.lowerBound)
        for later in ["## Gedeelde bevindingen over", "## Ontwikkelrichtingen", "## Werkwijze", "## Colofon"] {
            XCTAssertGreaterThan(try XCTUnwrap(md.range(of: later)).lowerBound, summary.upperBound, later)
        }
        XCTAssertFalse(md.contains("Concept"), "a report with findings is no concept")
        XCTAssertTrue(md.contains("versie 3"))
        XCTAssertTrue(md.contains("| Organisator | Gerda |"))
        let html = HTMLExport.render(report(options: .init(summary: Self.summary)))
        XCTAssertFalse(html.contains("@top-right"), "no concept mark on the pages")
        XCTAssertTrue(html.contains("counter(page)") && html.contains("counter(pages)"), "page numbers")
        let concept = HTMLExport.render(report())
        XCTAssertTrue(concept.contains("@top-right { content: \"CONCEPT\""), "concept on every printed page")
        XCTAssertTrue(concept.contains("<p class=\"concept\">"))
        XCTAssertNil(JSONExport.value(report()).objectValue?["summary"]?.objectValue)
    }

    func testASummaryFileSplitsIntoTextAndKeyMessages() {
        let parsed = ReportSummary.parse("Eerste alinea.\n\nTweede.\n\nKernboodschappen:\n- Een\n* Twee\n")
        XCTAssertEqual(parsed.text, "Eerste alinea.\n\nTweede.")
        XCTAssertEqual(parsed.keyMessages, ["Een", "Twee"])
    }

    func testSimilarInsightsMeetOnSharedStemsAndSayWhich() {
        XCTAssertEqual(SimilarInsights.stem("uitvragen"), "uitvrag")
        XCTAssertEqual(SimilarInsights.stem("uitvraag"), "uitvrag")
        XCTAssertEqual(SimilarInsights.stem("questions", language: .en), "question")
        XCTAssertEqual(SimilarInsights.stem("aanvraag"), SimilarInsights.stem("aanvragen"))
        let texts = [
            "Gegevens één keer uitvragen", "Gegevens maar één keer uitvragen", "Eenmalige uitvraag van gegevens",
            "Niet steeds opnieuw dezelfde gegevens uitvragen",
        ]
        for a in texts {
            for b in texts where a != b {
                XCTAssertGreaterThanOrEqual(
                    SimilarInsights.shared(SimilarInsights.stems(a), SimilarInsights.stems(b)).count, 2, "\(a) / \(b)")
            }
        }
        XCTAssertLessThan(SimilarInsights.shared(SimilarInsights.stems("Gegevens één keer uitvragen"), SimilarInsights.stems("Persoonlijk contact blijft nodig")).count, 2)
    }

    func testVotesAreSharesWithinTheSessionAndTiesAreKept() {
        var s = SynthesisSession("s-v", perspective: .workshop("ouderen"), title: "Stemmen", at: 1_790_000_000_000)
        s.go("inzichten")
        for (i, text) in ["Eerste", "Tweede", "Derde", "Vierde", "Vijfde"].enumerated() { s.add("i\(i)", text) }
        s.go("stemmen")
        let p = s.participant("Bram")
        let q = s.participant("Cas")
        s.run(.join, by: p)
        s.run(.join, by: q)
        // Two votes each for three insights, two for the fourth too: a tie for third place.
        for id in ["i0", "i0", "i1", "i1", "i2"] { s.run(.vote(id: id), by: p) }
        s.run(.vote(id: "i3"), by: q)
        s.run(.vote(id: "i2"), by: q)
        s.run(.vote(id: "i3"), by: q)
        s.run(.vote(id: "i4"))
        let md = MarkdownExport.render(Report(sessions: [s.input], language: .nl))
        let section = String(md[md.range(of: "## Stemmen")!.lowerBound...].prefix(1500))
        XCTAssertTrue(section.contains("- Eerste — _● 25% van de deelnemersstemmen \\(2 van 8\\)_"), section)
        XCTAssertTrue(section.contains("- Derde — _● 25%") && section.contains("- Vierde — _● 25%"), "ties for third are kept: \(section)")
        XCTAssertFalse(section.contains("- Vijfde — _● "), "the room's vote is not a participant's")
        XCTAssertTrue(section.contains("1 andere inzichten") || !section.contains("Vijfde"), section)
    }

    func testNoNamesLeavesEveryNameOutOfEveryFormat() {
        // (Riet is a participant and the fixture's persona: the persona stays, so she is not checked.)
        let all = ["Anna", "Bram", "Cas", "Gerda"]
        let named = report(options: .init(summary: Self.summary))
        XCTAssertTrue(all.allSatisfy { MarkdownExport.render(named).contains($0) }, "the names are there to leave out")
        let r = report(options: .init(noNames: true, summary: Self.summary))
        for format in ExportFormat.allCases {
            let text = format.render(r)
            for name in all { XCTAssertFalse(text.contains(name), "\(name) in the \(format) export without names") }
        }
        XCTAssertTrue(MarkdownExport.render(r).contains("Dit verslag bevat geen namen"), "the anonymity statement says so")
    }

    func testTheFiguresAreInlineSVGWithEscapedText() {
        let html = HTMLExport.render(report())
        for figure in ["<svg class=\"quadrant\"", "<svg class=\"heatmap\"", "<svg class=\"bars\""] { XCTAssertTrue(html.contains(figure), figure) }
        XCTAssertFalse(html.contains("xmlns=\"http"), "no external reference")
        XCTAssertTrue(html.contains("<figcaption>De vier scenario&#39;s met het aantal implicaties per doelgroep</figcaption>"))
        XCTAssertEqual(HTMLExport.cssString("a\"b</style>"), "\"a\\22 b\\3c /style\\3e \"", "no text ends the style element")
    }

    func testEntriesKeepTheOrderTheyWereMadeWhateverTheirIds() throws {
        var s = SynthesisSession("s-o", perspective: .workshop("ouderen"), title: "Volgorde", at: 1_790_000_000_000)
        s.go("ronde-a")
        // One batch at one moment (an import), with ids that sort as text differently from
        // the order made: -10 before -2.
        let ids = (0..<12).map { "imp-\($0)" }
        for id in ids {
            let d = try s.engine.decide(.addEntry(id: id, text: "Tekst \(id)"), by: s.facilitator, in: s.state)
            s.seq += 1
            let e = Event(
                id: "s-o-b\(s.seq)", writer: "w", seq: s.seq, clock: s.state.clock + 1, time: s.time, actor: s.facilitator,
                change: d.change, undoes: d.undoes)
            XCTAssertTrue(s.state.apply(e))
        }
        XCTAssertEqual(Set(s.state.entries.map(\.createdAt)).count, 1, "one moment")
        let synthesis = Synthesis.build(workshop: s.workshop, sessions: [s.input])
        let order = synthesis.scenarios[0].byPerspective[0].implications.map(\.entry.id)
        XCTAssertEqual(order, ids)
    }

    func testDatesInWords() {
        XCTAssertEqual(DateWords.format(ms: 1_796_342_400_000, .nl), "4 december 2026")
        XCTAssertEqual(DateWords.format(ms: 1_796_342_400_000, .en), "4 December 2026")
    }
}

extension ReportFindingsTests {
    /// Proposals group insights of different target groups only, each once, with the words.
    func testProposalsSpanTargetGroupsAndSayWhy() {
        func item(_ session: String, _ group: String, _ text: String, _ n: Int) -> SynthesisItem {
            var s = SynthesisSession(session, perspective: .workshop(group), title: session, at: 1_790_000_000_000 + Int64(n))
            s.go("inzichten")
            s.add("e", text)
            return Synthesis.build(workshop: s.workshop, sessions: [s.input]).perspectives[0].open[0]
        }
        let items = [
            item("s1", "ouderen", "Gegevens één keer uitvragen", 0), item("s2", "ondernemers", "Vraag gegevens maar één keer op", 1),
            item("s3", "ouderen", "Gegevens één keer vragen, zeker", 2), item("s4", "ondernemers", "Persoonlijk contact blijft nodig", 3),
        ]
        let proposals = SimilarInsights.propose(items)
        XCTAssertEqual(proposals.count, 1)
        XCTAssertEqual(proposals[0].items.map(\.ref.sessionId), ["s1", "s2", "s3"], "two sessions of one group may agree")
        XCTAssertTrue(Set(proposals[0].words).isSuperset(of: ["gegevens", "keer"]), "as first written: \(proposals[0].words)")
        XCTAssertEqual(proposals[0].perspectives, [.workshop("ouderen"), .workshop("ondernemers")])
        XCTAssertTrue(SimilarInsights.propose(items, except: [items[1].ref]).isEmpty, "one group alone is no proposal across groups")
    }
}

extension ReportFindingsTests {
    /// The JSON with the organiser's summary and the people in the room still matches the
    /// schema, and without names the organiser is null.
    func testJSONWithASummaryValidatesAndHidesTheOrganiserWithoutNames() throws {
        for options in [ReportOptions(summary: Self.summary), ReportOptions(noNames: true, summary: Self.summary)] {
            let json = JSONExport.render(report(options: options))
            let errors = try ExportPython.json(ExportPython.run(ExportTests.validate, input: json, args: [ExportTests.schemaPath])) as? [Any]
            XCTAssertEqual(errors?.count, 0, "\(String(describing: errors))")
            let value = try XCTUnwrap(ExportPython.json(json) as? [String: Any])
            let summary = try XCTUnwrap(value["summary"] as? [String: Any])
            XCTAssertEqual(summary["version"] as? Int, 3)
            XCTAssertEqual(value["concept"] as? Bool, false)
            if options.noNames { XCTAssertTrue(summary["organiser"] is NSNull) } else { XCTAssertEqual(summary["organiser"] as? String, "Gerda") }
        }
    }
}
