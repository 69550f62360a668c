import Core
import Foundation
import XCTest

/// One programme, one report: sessions of the 2035 workshop and its tables variant share the
/// study, so they are read as one part — one summary, one cross-group section, each shared
/// finding once with how far it reaches. And the study's messages show only the evidence the
/// organiser linked: "niet gekoppeld" otherwise, never "getoetst".
final class ProgrammeReportTests: XCTestCase {
    static let rounds = load("publieke-dienstverlening-2035")
    static let tables = load("publieke-dienstverlening-2035-tafels")
    static let t0: Int64 = 1_796_000_000_000

    static func load(_ name: String) -> Workshop {
        try! WorkshopLoader.load(bytes: Fixtures.bytes("Workshops/\(name).json"), file: name + ".json")
    }

    static func session(_ id: String, _ group: String, _ w: Workshop, _ n: Int64, _ texts: [String]) -> SynthesisSession
    {
        var s = SynthesisSession(
            id, perspective: .workshop(group), title: "Sessie \(group)", at: t0 + n * 86_400_000, workshop: w)
        s.go("inzichten")
        for (i, text) in texts.enumerated() { s.add("i\(i)", text) }
        return s
    }

    /// Three rounds sessions and one tables session, each with the same insight and one of its own.
    static func programme() -> [SessionInput] {
        [
            session("s-oud", "ouderen", rounds, 0, ["Eén loket voor alles", "Hulp aan huis bij formulieren"]),
            session("s-ond", "ondernemers", rounds, 1, ["Eén loket voor alles", "Vergunningen binnen een week"]),
            session("s-nieuw", "nieuwkomers", rounds, 2, ["Eén loket voor alles", "Uitleg in de eigen taal"]),
            session("s-tafel", "gemiddelde-burger", tables, 3, ["Eén loket voor alles", "Een mens aan de telefoon"]),
        ].map(\.input)
    }

    func testThreeRoundsSessionsAndOneTablesSessionAreOneReport() throws {
        let report = Report(
            sessions: Self.programme(), language: .nl, options: .init(summary: ReportSummary(text: "Wat we vonden.")))
        XCTAssertEqual(report.parts.count, 1, "one programme, one part")
        XCTAssertEqual(report.parts[0].workshop.id, "publieke-dienstverlening-2035", "the workshop most sessions used")
        XCTAssertEqual(report.parts[0].sessionIds, ["s-oud", "s-ond", "s-nieuw", "s-tafel"])
        let shared = report.parts[0].shared
        XCTAssertEqual(shared.count, 1)
        XCTAssertEqual(shared[0].reach.groups, 4)
        XCTAssertEqual(shared[0].reach.totalGroups, 4)
        XCTAssertEqual(shared[0].reach.sessions, 4)
        let md = MarkdownExport.render(report)
        XCTAssertEqual(md.components(separatedBy: "## Samenvatting\n").count - 1, 1, "one summary")
        XCTAssertEqual(
            md.components(separatedBy: "## Gedeelde bevindingen over de doelgroepen heen\n").count - 1, 1,
            "one cross-group section")
        XCTAssertEqual(md.components(separatedBy: "### Eén loket voor alles\n").count - 1, 1, "the finding listed once")
        XCTAssertTrue(md.contains("_zelfde tekst · 4 van 4 doelgroepen, 4 sessies"), "its reach: all four groups")
        // The method says which script each session used.
        let scripts = section(md, from: "### Draaiboek per sessie", to: "###")
        XCTAssertTrue(scripts.contains("| Sessie ouderen | " + MarkdownExport.inline(Self.rounds.title.nl) + " |"), scripts)
        XCTAssertTrue(
            scripts.contains("| Sessie gemiddelde-burger | " + MarkdownExport.inline(Self.tables.title.nl) + " |"), scripts)
        XCTAssertEqual(md.components(separatedBy: "\n## Werkwijze en beperkingen\n").count - 1, 1, "one method section")
    }

    func testWorkshopsOfOneStudyThatDisagreeAreReadApart() {
        XCTAssertNil(Programme.disagreement(Self.rounds, Self.tables), "the shipped workshops agree")
        var odd = Self.tables
        odd.directions.removeLast()
        XCTAssertNotNil(Programme.disagreement(Self.rounds, odd))
        var inputs = Self.programme()
        inputs[3].workshop = odd
        XCTAssertEqual(Report(sessions: inputs, language: .nl).parts.map(\.workshop.id), [Self.rounds.id, odd.id])
    }

    func testTheWidestFindingComesFirst() {
        var inputs = Self.programme()
        // A second finding shared by two groups only.
        var extra = Self.session("s-oud2", "ouderen", Self.rounds, 4, ["Vergunningen binnen een week"])
        extra.go("stemmen")
        extra.run(.vote(id: "i0"))
        inputs.append(extra.input)
        let shared = Report(sessions: inputs, language: .nl).parts[0].shared
        XCTAssertEqual(
            shared.map(\.label), ["Eén loket voor alles", "Vergunningen binnen een week"],
            "four groups before two, votes or not")
        XCTAssertEqual(shared[1].reach.votePercent, 100)
        XCTAssertEqual(
            shared[0].reach.weight(Self.rounds, .nl),
            "4 van 4 doelgroepen, 4 sessies · nog niet beoordeeld per wereld")
    }

    func testMessagesShowTheLinkedInsightsWithCounts() {
        let decisions = OrganiserDecisions(links: [
            "visie": [
                .insight(EntryRef(sessionId: "s-oud", entryId: "i1")),
                .insight(EntryRef(sessionId: "s-ond", entryId: "i1")),
                .insight(EntryRef(sessionId: "s-tafel", entryId: "i1")),
            ],
            "digitalisering": [.direction("technologie-samen")],
        ])
        let report = Report(sessions: Self.programme(), decisions: decisions, language: .nl)
        let md = MarkdownExport.render(report)
        let visie = section(md, from: "### 1\\. ", to: "### 2\\. ")
        XCTAssertTrue(visie.contains("3 inzichten uit 3 doelgroepen"), visie)
        for text in ["Hulp aan huis bij formulieren", "Vergunningen binnen een week", "Een mens aan de telefoon"] {
            XCTAssertTrue(visie.contains(text), text)
        }
        XCTAssertFalse(visie.contains("Uitleg in de eigen taal"), "only what is linked")
        XCTAssertTrue(section(md, from: "### 2\\. ", to: "### 3\\. ").contains("Niet gekoppeld"))
        XCTAssertTrue(
            section(md, from: "### 3\\. ", to: "## ").contains("via ontwikkelrichting · 0 inzichten uit 0 doelgroepen"))
        let json = JSONExport.render(report)
        XCTAssertTrue(json.contains("\"message\": \"visie\""), json)
        for format in ExportFormat.allCases {
            XCTAssertFalse(
                format.render(report).lowercased().contains("getoetst"), "\(format) claims nothing was tested")
        }
    }

    func testWithNothingLinkedEveryMessageSaysNotLinkedAndNothingIsTested() {
        for l in Language.allCases {
            let report = Report(sessions: Self.programme(), language: l)
            let md = MarkdownExport.render(report)
            let phrase = l == .nl ? "Niet gekoppeld" : "Not linked"
            XCTAssertEqual(md.components(separatedBy: phrase).count - 1, Self.rounds.messages.count, "\(l)")
            for format in ExportFormat.allCases {
                let text = format.render(report).lowercased()
                XCTAssertFalse(text.contains("getoetst") || text.contains("tested in"), "\(format) \(l)")
                XCTAssertFalse(
                    text.contains("gedeelde woorden: ") && text.contains("hoofdboodschap"), "no shared-word evidence")
            }
        }
    }

    func section(_ md: String, from: String, to: String) -> String {
        guard let start = md.range(of: from) else { return "" }
        let rest = md[start.upperBound...]
        return String(rest[..<(rest.range(of: to)?.lowerBound ?? rest.endIndex)])
    }
}

/// A rejected proposal never comes back, under its id or as a part of it; an accepted one is a
/// group and a finding with its sessions; what nobody judged goes to the annex with its reason.
final class ProposalDecisionTests: XCTestCase {
    static func input(_ id: String, _ group: String, _ n: Int64, _ texts: [String]) -> SessionInput {
        ProgrammeReportTests.session(id, group, ProgrammeReportTests.rounds, n, texts).input
    }

    func items() -> [SynthesisItem] {
        let s = Synthesis.build(
            workshop: ProgrammeReportTests.rounds,
            sessions: [
                Self.input("s-a", "ouderen", 0, ["Eerste", "Tweede", "Derde"]),
                Self.input("s-b", "ondernemers", 1, ["Vierde"]),
            ])
        return s.perspectives.flatMap(\.open)
    }

    func testARejectedProposalAndEveryPartOfItStaySuppressed() {
        let i = items()
        let p = SimilarInsights.Proposal(
            items: [i[0], i[1], i[3]], words: ["x"], perspectives: [i[0].perspective, i[3].perspective])
        let part = SimilarInsights.Proposal(
            items: [i[0], i[3]], words: ["x"], perspectives: [i[0].perspective, i[3].perspective])
        let wider = SimilarInsights.Proposal(
            items: [i[2], i[3]], words: ["x"], perspectives: [i[2].perspective, i[3].perspective])
        let d = OrganiserDecisions(rejected: [.init(proposal: p.id, members: p.items.map(\.ref))])
        XCTAssertTrue(d.suppresses(p))
        XCTAssertTrue(d.suppresses(part), "a part of a rejected proposal stays rejected")
        XCTAssertFalse(d.suppresses(wider), "a new member makes a new proposal")
        XCTAssertEqual(d.open([p, part, wider]).map(\.id), [wider.id])
        XCTAssertTrue(
            OrganiserDecisions(rejected: [.init(proposal: part.id, members: [])]).suppresses(part), "the same id")
        XCTAssertTrue(OrganiserDecisions(accepted: [p.id: "g1"]).suppresses(p), "accepted is a group now")
    }

    /// Near-identical insights of two groups among unrelated ones: proposed by any method.
    static let sessions = [
        input(
            "s-a", "ouderen", 0,
            [
                "Vraag gegevens van burgers maar één keer uit, ook na een verhuizing",
                "Bibliotheek als plek voor digitale hulp",
                "Mantelzorgers krijgen vaste respijtzorg", "Groene daken op elk stadhuis",
            ]),
        input(
            "s-b", "ondernemers", 1,
            [
                "Vraag gegevens van burgers maar één keer uit, ook bij een verhuizing",
                "Vergunningen binnen een week afgehandeld",
            ]),
    ]

    func pair() throws -> SimilarInsights.Proposal {
        let part = Report(sessions: Self.sessions, language: .nl).parts[0]
        return try XCTUnwrap(
            part.unreviewed.first { $0.items.count == 2 && Set($0.items.map(\.ref.sessionId)) == ["s-a", "s-b"] })
    }

    func testUnreviewedGoToTheAnnexRejectedNowhereAcceptedAreFindings() throws {
        let p = try pair()
        let md = MarkdownExport.render(Report(sessions: Self.sessions, language: .nl))
        let annex = String(
            md[try XCTUnwrap(md.range(of: "## Voorstellen, nog niet beoordeeld")).lowerBound...].prefix(2000))
        XCTAssertTrue(
            annex.contains("ook na een verhuizing") && annex.contains("sterkte"), "in the annex with its reason")
        XCTAssertFalse(
            try XCTUnwrap(md.components(separatedBy: "## Gedeelde bevindingen").last).prefix(600).contains(
                "verhuizing"),
            "an unjudged proposal is no finding")

        let rejected = OrganiserDecisions(rejected: [.init(proposal: p.id, members: p.items.map(\.ref))])
        let report = Report(sessions: Self.sessions, decisions: rejected, language: .nl)
        XCTAssertTrue(report.parts[0].unreviewed.allSatisfy { !rejected.suppresses($0) })
        XCTAssertTrue(report.parts[0].shared.isEmpty)
        for format in ExportFormat.allCases { XCTAssertFalse(format.render(report).contains(p.id), "\(format)") }
        let rmd = MarkdownExport.render(report)
        let rannex = String(
            rmd[try XCTUnwrap(rmd.range(of: "## Voorstellen, nog niet beoordeeld")).lowerBound...].prefix(1500))
        XCTAssertFalse(rannex.contains("verhuizing"), rannex)

        let group = InsightGroup(id: "g1", label: "Gegevens één keer", members: p.items.map(\.ref))
        let accepted = Report(
            sessions: Self.sessions, groups: [group], decisions: OrganiserDecisions(accepted: [p.id: "g1"]),
            language: .nl)
        XCTAssertEqual(accepted.parts[0].shared.map(\.label), ["Gegevens één keer"])
        XCTAssertEqual(accepted.parts[0].shared[0].reach.sessions, 2)
        let amd = MarkdownExport.render(accepted)
        XCTAssertTrue(
            amd.contains("### Gegevens één keer\n\n_gegroepeerd door de organisator · 2 van 2 doelgroepen, 2 sessies"),
            amd)
        XCTAssertTrue(
            amd.contains("- Vraag gegevens van burgers maar één keer uit, ook bij een verhuizing — _Ondernemers"))
        XCTAssertFalse(JSONExport.render(accepted).contains(p.id), "accepted: no longer a proposal")
    }
}
