import Core
import Foundation
import XCTest

/// The grouping proposals as an organiser relies on them: right on a labelled set of real
/// insights, never resting on opposites or on a chain of neighbours, meeting on the
/// glossary's synonyms and on compound heads, and always saying why.
final class SimilarInsightsTests: XCTestCase {
    static let glossary: [Workshop.Concept] = {
        do {
            let bytes = Fixtures.bytes("Workshops/publieke-dienstverlening-2035.json")
            return try WorkshopLoader.load(bytes: bytes, file: "w").glossary
        } catch {
            fatalError("the 2035 workshop must load: \(error)")
        }
    }()

    static func devSet() throws -> LabelledSet {
        try LabelledSet(tsv: String(decoding: Fixtures.bytes("Tests/Fixtures/grouping-dev.tsv"), as: UTF8.self))
    }

    /// The dev set: 41 Dutch insights of five target groups, labelled by theme. Issue 28 aims
    /// at precision 0.9 and F1 0.6; with the 2035 glossary as written the method reaches
    /// 0.74 and 0.47 (docs/GROUPING.md), and this floor keeps it from sliding back.
    func testTheDevSetIsGroupedPreciselyAndFindsMostThemes() throws {
        let set = try Self.devSet()
        XCTAssertEqual(set.rows.count, 41)
        let (groups, score) = set.propose(glossary: Self.glossary)
        let summary = "P \(score.precision) R \(score.recall) F1 \(score.f1): \(groups.map(\.members))"
        XCTAssertGreaterThanOrEqual(score.precision, 0.7, summary)
        XCTAssertGreaterThanOrEqual(score.f1, 0.45, summary)
        for g in groups {
            let perspectives = Set(g.members.map { set.rows[$0].perspective })
            XCTAssertEqual(perspectives.count, g.members.count, "one insight per group")
        }
        XCTAssertEqual(set.propose(glossary: Self.glossary).groups, groups, "the same input, the same proposals")
    }

    func testOppositesAreNotProposedOnTwoSharedWords() {
        let texts = [
            "Eén digitaal loket met één dossier voor alles wat je met de overheid regelt",
            "Houd altijd een volwaardige niet-digitale route open: brief, telefoon en loket",
            "Een app voor alle post van de overheid",
        ]
        for glossary in [[], Self.glossary] {
            let perspectives = ["ouderen", "nieuwkomers", "ondernemers"]
            let groups = SimilarInsights.groups(texts: texts, groups: perspectives, glossary: glossary)
            XCTAssertFalse(groups.contains { $0.members.contains(0) && $0.members.contains(1) }, "\(groups)")
        }
    }

    /// Neighbours share two words each, the ends nothing: single linkage made one group of all.
    func testNoProposalChainsInsightsThatShareNothing() {
        let texts = [
            "Wachtlijsten jeugdzorg korter",
            "Wachtlijsten jeugdzorg korter en huisartsen bereikbaar",
            "Huisartsen bereikbaar en openbaar vervoer",
            "Openbaar vervoer en woningen betaalbaar",
            "Woningen betaalbaar",
        ]
        let groups = SimilarInsights.groups(texts: texts, groups: ["a", "b", "c", "d", "e"])
        XCTAssertFalse(groups.isEmpty, "neighbours that share two rare words are alike")
        for g in groups {
            XCTAssertLessThanOrEqual(g.members.max()! - g.members.min()!, 1, "a chain: \(groups.map(\.members))")
        }
    }

    func testTheGlossaryBringsSynonymsTogetherAndIsNamed() {
        let items = [
            item("s1", "ouderen", "Een vast aanspreekpunt bij de gemeente", 0),
            item("s2", "nieuwkomers", "Een contactpersoon die je kent", 1),
        ]
        XCTAssertTrue(SimilarInsights.propose(items).isEmpty, "no word in common")
        let proposals = SimilarInsights.propose(items, glossary: Self.glossary)
        XCTAssertEqual(proposals.count, 1)
        XCTAssertEqual(proposals.first?.concepts, ["loket"])
        XCTAssertEqual(proposals.first?.conceptLabels.first?.nl, "loket en contact")
        XCTAssertEqual(proposals.first?.perspectives, [.workshop("ouderen"), .workshop("nieuwkomers")])
    }

    func testDutchCompoundsMeetOnTheirHeadWhenItIsAWord() {
        let texts = ["Gegevens van burgers hergebruiken", "De bedrijfsgegevens hergebruiken", "Boekhouders aan tafel"]
        let groups = SimilarInsights.groups(texts: texts, groups: ["a", "b", "c"])
        XCTAssertEqual(groups.map(\.members), [[0, 1]])
        XCTAssertEqual(groups.first?.words.contains("gegevens"), true, "\(groups)")
        XCTAssertEqual(SimilarInsights.stem("bedrijfsgegevens"), "bedrijfsgegeven")
    }

    func testEveryProposalSaysWhyAndHowStrong() throws {
        let set = try Self.devSet()
        let groups = set.propose(glossary: Self.glossary).groups
        XCTAssertFalse(groups.isEmpty)
        for g in groups {
            XCTAssertFalse(g.words.isEmpty && g.concepts.isEmpty, "a proposal without a reason: \(g)")
            XCTAssertGreaterThanOrEqual(g.strength, SimilarInsights.threshold)
            XCTAssertLessThanOrEqual(g.strength, 1)
        }
    }

    func item(_ session: String, _ group: String, _ text: String, _ n: Int) -> SynthesisItem {
        let at = 1_790_000_000_000 + Int64(n)
        var s = SynthesisSession(session, perspective: .workshop(group), title: session, at: at)
        s.go("inzichten")
        s.add("e", text)
        return Synthesis.build(workshop: s.workshop, sessions: [s.input]).perspectives[0].open[0]
    }
}
