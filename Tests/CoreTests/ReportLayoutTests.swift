@testable import Core
import XCTest

/// The report a director forwards: the answer on page 1 with its weight, a short version,
/// a method that says what the data cannot, per world only what differs, names found inside
/// entries, ties kept, and the tables in the printable report.
final class ReportLayoutTests: XCTestCase {
    static let all = ["a", "b", "c", "d"]

    /// Two groups that both hold "één loket" koersvast (with votes), one scenario-specific
    /// insight, one never judged, and a name typed inside an entry.
    func sessions() -> [SessionInput] {
        var out: [SessionInput] = []
        for (n, group) in ["ouderen", "ondernemers"].enumerated() {
            var s = SynthesisSession("s-\(group)", perspective: .workshop(group), title: "Sessie \(n + 1)", at: 1_790_000_000_000 + Int64(n) * 86_400_000)
            let p = s.participant("Bram\(n)")
            s.run(.join, by: p)
            s.go("ronde-a")
            s.add("r\(n)", "Vraag van Ingrid aan de zaal: wie helpt hier?", author: "Ingrid")
            s.go("inzichten")
            s.add("k\(n)", "Eén loket voor alle regelingen van de overheid")
            s.add("x\(n)", "Digitale hulp aan huis \(n)")
            s.add("o\(n)", "Nooit besproken \(n)")
            s.go("robuust")
            s.holds("k\(n)", Self.all)
            s.holds("x\(n)", ["b"])
            s.go("stemmen")
            s.run(.vote(id: "k\(n)"), by: p)
            s.run(.vote(id: "x\(n)"), by: p)
            out.append(s.input)
        }
        return out
    }

    func md(_ options: ReportOptions = .init(), _ l: Language = .nl) -> String {
        MarkdownExport.render(Report(sessions: sessions(), language: l, options: options))
    }

    func testPageOneIsTheAnswerWithItsWeight() throws {
        let concept = md()
        let findings = try XCTUnwrap(concept.range(of: "## Sterkste bevindingen"))
        let sessions = try XCTUnwrap(concept.range(of: "## Sessies in dit verslag"))
        XCTAssertLessThan(findings.lowerBound, sessions.lowerBound, "the findings come before the sessions")
        XCTAssertTrue(concept.contains("> **Concept: de organisator heeft de kernboodschappen nog niet geschreven."), "marked as concept")
        // Both groups of two, koersvast, and two of the four votes cast on insights.
        XCTAssertTrue(concept.contains("— _2 van 2 doelgroepen, 2 sessies · koersvast · 50 % van de stemmen_"), concept)
        let summary = ReportSummary(text: "Tekst.", keyMessages: ["Eén loket voor alle regelingen is wat beide groepen vragen."])
        let final = md(.init(summary: summary))
        XCTAssertTrue(final.contains("## Kernboodschappen\n\n- Eén loket voor alle regelingen is wat beide groepen vragen. — _2 van 2 doelgroepen"), final)
        XCTAssertFalse(final.contains("Sterkste bevindingen"))
        let html = HTMLExport.render(Report(sessions: self.sessions(), language: .en, options: .init(summary: summary)))
        XCTAssertTrue(html.contains("<table class=\"plain small\">"), "the sessions in small print")
        XCTAssertTrue(html.contains("<a href=\"#s1\">"), "the contents link to their sections")
    }

    func testTheContentsCarryPageNumbersWhenKnown() {
        var options = ReportOptions()
        options.contentsPages = [1, 1, 3]
        let html = HTMLExport.render(Report(sessions: sessions(), language: .nl, options: options))
        XCTAssertTrue(html.contains("<span class=\"title\">Samenvatting</span><span class=\"page\">3</span>"), html)
        XCTAssertFalse(HTMLExport.render(Report(sessions: sessions(), language: .nl)).contains("class=\"page\""))
    }

    func testTheShortVersionLeavesTheAnnexesOut() {
        var options = ReportOptions()
        options.short = true
        let short = md(options)
        for kept in ["## Sterkste bevindingen", "## Gedeelde bevindingen over", "## Ontwikkelrichtingen", "## Werkwijze en beperkingen", "## Colofon"] {
            XCTAssertTrue(short.contains(kept), kept)
        }
        for left in ["## Bijlage", "## Stemmen", "## Overzichten", "## Achtergrond", "**Inhoud**", "- Nooit besproken 0"] {
            XCTAssertFalse(short.contains(left), left)
        }
        XCTAssertTrue(short.contains("Deze inzichten staan in het volledige verslag en in de CSV."))
    }

    func testTheMethodSaysWhatTheDataCannot() {
        let text = md()
        XCTAssertTrue(text.contains("## Werkwijze en beperkingen"))
        XCTAssertTrue(text.contains("Voor geen van de sessies is vastgelegd wie er in de zaal zat"), "old sessions read as unknown")
        XCTAssertTrue(text.contains("De persona's zijn verzonnen"))
        XCTAssertTrue(text.contains("Alle bijdragen zijn in de sessies zelf ingevoerd."))
        XCTAssertTrue(text.contains("Van de 6 inzichten zijn er 4 beoordeeld op de vier werelden"), text)
        XCTAssertTrue(text.contains("### Draaiboek per sessie\n\n| Sessie | Draaiboek |\n| --- | --- |\n| Sessie 1 | Miniworkshop |"))
        XCTAssertTrue(text.contains("### Niet beoordeeld \\(niet besproken op de vier werelden\\) \\(2\\)"), "not judged apart")
        XCTAssertTrue(text.contains("Geen van de sessies was anoniem."), "anonymity in plain words")
        XCTAssertFalse(text.contains("perspectief export"), "no shell command")
        var s = sessions()
        s[0].state.setup.roomKind = .professionals
        s[1].state.setup.roomKind = .targetGroup
        let kinds = MarkdownExport.render(Report(sessions: s, language: .nl))
        XCTAssertTrue(kinds.contains("Van de twee sessies: in één zaten ambtenaren en professionals die zich in de doelgroep verplaatsten, niet de groep zelf; in één zat de doelgroep zelf."), kinds)
    }

    func testPerWorldOnlyWhatDiffersWithAFigure() throws {
        let text = md()
        let start = try XCTUnwrap(text.range(of: "## Per wereld")).lowerBound
        let end = try XCTUnwrap(text.range(of: "## Stemmen")).lowerBound
        let world = String(text[start..<end])
        XCTAssertTrue(world.contains("Koersvast, in alle vier de werelden nodig: 2 inzichten"), world)
        XCTAssertFalse(world.contains("Eén loket voor alle regelingen"), "koersvast is not repeated per world")
        XCTAssertTrue(world.contains("Digitale hulp aan huis 0"), "the scenario-specific insight is there")
        XCTAssertTrue(world.contains("_Wat deze wereld vraagt: per kwadrant het scenariospecifieke inzicht met de meeste stemmen_"))
        let html = HTMLExport.render(Report(sessions: sessions(), language: .nl))
        XCTAssertTrue(html.contains("<svg class=\"quadrant\""))
    }

    func testNamesInsideEntriesAreFoundAndNeverDeniedAndCanBeRedacted() {
        let plain = Report(sessions: sessions(), language: .nl, options: .init(noNames: true))
        XCTAssertEqual(Set(plain.namesInText.map(\.name)), ["Ingrid"])
        XCTAssertEqual(plain.namesInText.count, 2)
        let text = MarkdownExport.render(plain)
        XCTAssertFalse(text.contains("Dit verslag bevat geen namen"), "no claim while a name remains")
        XCTAssertTrue(text.contains("in 2 bijdragen staat nog een naam in de tekst zelf"), text)
        var options = ReportOptions(noNames: true)
        options.redactNames = true
        let redacted = MarkdownExport.render(Report(sessions: sessions(), language: .nl, options: options))
        XCTAssertFalse(redacted.contains("Ingrid"))
        XCTAssertTrue(redacted.contains("Vraag van \\[naam\\] aan de zaal"), redacted)
        XCTAssertTrue(redacted.contains("Namen in de tekst van een bijdrage zijn vervangen door \\[naam\\]."))
        XCTAssertTrue(Report(sessions: sessions(), language: .nl).namesInText.isEmpty, "only looked for without names")
    }

    func testTiesForThirdAreKeptInTheTop() {
        func e(_ id: String, _ votes: Int) -> Entry {
            Entry(id: id, kind: .implication, text: id, step: "ronde-a", scenario: "a", author: nil, owner: "facilitator", proxy: false,
                  createdAt: 0, editedAt: nil, removed: false, status: .shown, holdsIn: [], directions: [], trends: [],
                  votesBy: ["facilitator": votes])
        }
        let list = [e("a", 4), e("b", 3), e("c", 2), e("d", 2), e("e", 1), e("f", 0)]
        XCTAssertEqual(StepEntries.top(list, scenario: "a"), ["a", "b", "c", "d"], "4-3-2-2-1: both twos are third")
        XCTAssertEqual(StepEntries.top([e("a", 1), e("b", 0), e("c", 0), e("d", 0)], scenario: "a"), ["a"], "no votes, no star")
    }

    func testADayIsARealDay() {
        XCTAssertTrue(SessionDay.valid("2026-12-04"))
        XCTAssertTrue(SessionDay.valid("2028-02-29"))
        for bad in ["2026-02-29", "2026-13-01", "2026-1-01", "04-12-2026", "2026-12-04x", "２０２６-12-04"] {
            XCTAssertFalse(SessionDay.valid(bad), bad)
        }
        var s = sessions()[0]
        s.state.setup.date = "2026-11-03"
        let text = MarkdownExport.render(Report(sessions: [s], language: .nl))
        XCTAssertTrue(text.contains("| Sessie 1 | Ouderen | 3 november 2026 |"), "the session's own day")
    }
}
