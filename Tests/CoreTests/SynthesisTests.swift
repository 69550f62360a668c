import Core
import XCTest

final class SynthesisTests: XCTestCase {
    let syn = SynthesisFixtureSet.synthesis()

    func ids(_ items: [SynthesisItem]) -> [String] { items.map { "\($0.ref.sessionId)/\($0.ref.entryId)" } }

    func testOnlySessionsOfTheWorkshopInCreationOrder() {
        XCTAssertEqual(syn.sessionIds, ["s-oud1", "s-ond", "s-man", "s-oud2"])
    }

    func testPerspectivesInWorkshopOrderThenCustomAndMergedAcrossSessions() {
        XCTAssertEqual(syn.perspectives.map(\.key), [.workshop("ouderen"), .workshop("ondernemers"), .custom("Mantelzorgers")])
        XCTAssertEqual(syn.perspectives[0].sessionIds, ["s-oud1", "s-oud2"])
        XCTAssertEqual(syn.perspectives[0].name.nl, "Ouderen")
        XCTAssertEqual(syn.perspectives[2].name.en, "Mantelzorgers")
    }

    func testKoersvastSpecificAndOpenPerPerspective() {
        let oud = syn.perspectives[0]
        XCTAssertEqual(ids(oud.koersvast), ["s-oud1/k1", "s-oud2/k2"])
        XCTAssertEqual(oud.specific.map(\.item.ref.entryId), ["sp1"])
        XCTAssertEqual(oud.specific[0].scenarios, ["b", "d"], "scenarios listed in workshop order")
        XCTAssertEqual(ids(oud.open), ["s-oud1/op1"])
        XCTAssertEqual(ids(syn.perspectives[1].koersvast), ["s-ond/k3", "s-ond/k4"])
        XCTAssertEqual(ids(syn.perspectives[2].koersvast), ["s-man/k5"])
    }

    func testPerScenarioEveryPerspectiveLiveImplicationsOnly() {
        XCTAssertEqual(syn.scenarios.map(\.scenarioId), ["a", "b", "c", "d"])
        let a = syn.scenarios[0]
        XCTAssertEqual(a.byPerspective.map(\.key), [.workshop("ouderen"), .workshop("ondernemers"), .custom("Mantelzorgers")])
        XCTAssertEqual(ids(a.byPerspective[0].implications), ["s-oud1/a1", "s-oud1/a2", "s-oud2/a1"], "removed a3 left out")
        XCTAssertEqual(ids(a.byPerspective[1].implications), ["s-ond/x1"])
        XCTAssertEqual(a.byPerspective[2].implications, [])
        XCTAssertEqual(ids(syn.scenarios[1].byPerspective[2].implications), ["s-man/b1"])
    }

    func testPerDirectionInsightsFromEverySession() {
        XCTAssertEqual(syn.directions.map(\.directionId), ["centraal", "proactief"])
        XCTAssertEqual(ids(syn.directions[0].insights), ["s-oud1/k1", "s-oud1/sp1", "s-oud2/k2"])
        XCTAssertEqual(ids(syn.directions[1].insights), ["s-oud1/sp1", "s-ond/k4"])
    }

    func testMatrixCountsTopVotedAndKoersvastRow() {
        XCTAssertEqual(syn.matrix.map { $0.cells.map(\.count) }, [[3, 1, 1, 1], [1, 0, 0, 0], [0, 1, 0, 0]])
        XCTAssertEqual(syn.matrix.map(\.koersvastCount), [2, 2, 1])
        let cell = syn.matrix[0].cells[0]
        XCTAssertEqual(ids(cell.top), ["s-oud1/a2", "s-oud1/a1", "s-oud2/a1"], "most votes first, ties in stable order")
        XCTAssertEqual(cell.top.map(\.entry.votes), [2, 1, 0])
        let small = Synthesis.build(workshop: Fixtures.mini, sessions: SynthesisFixtureSet.all().map(\.input), top: 1)
        XCTAssertEqual(ids(small.matrix[0].cells[0].top), ["s-oud1/a2"])
    }

    func testSharedKoersvastOnlyWhereGroupedOrTextIdentical() {
        // Equal reach (2 of 3 groups, 2 sessions): the one with the larger share of votes first.
        XCTAssertEqual(syn.shared.count, 2)
        XCTAssertEqual(syn.shared[1].source, .group(id: "g1"))
        XCTAssertEqual(syn.shared[1].label, "Eén loket")
        XCTAssertEqual(ids(syn.shared[1].items), ["s-ond/k4", "s-oud2/k2"])
        XCTAssertEqual(syn.shared[1].perspectives, [.workshop("ouderen"), .workshop("ondernemers")])
        XCTAssertEqual(syn.shared[0].source, .exactMatch)
        XCTAssertEqual(ids(syn.shared[0].items), ["s-oud1/k1", "s-ond/k3"])
        XCTAssertEqual(syn.shared[0].reach, Reach(
            groups: 2, totalGroups: 3, sessions: 2, koersvast: true, worlds: ["a", "b", "c", "d"], votes: 1, totalVotes: 1))
        // Without the organiser's group, different wording is never merged.
        let ungrouped = Synthesis.build(workshop: Fixtures.mini, sessions: SynthesisFixtureSet.all().map(\.input))
        XCTAssertEqual(ungrouped.shared.map(\.source), [.exactMatch])
    }

    func testGroupWithinOnePerspectiveIsNotShared() {
        let g = InsightGroup(
            id: "g2", label: "Ouderen intern",
            members: [EntryRef(sessionId: "s-oud1", entryId: "k1"), EntryRef(sessionId: "s-oud2", entryId: "k2")])
        let s = Synthesis.build(workshop: Fixtures.mini, sessions: SynthesisFixtureSet.all().map(\.input), groups: [g])
        XCTAssertFalse(s.shared.contains { $0.source == .group(id: "g2") })
        XCTAssertFalse(s.shared.contains { $0.source == .exactMatch }, "k1 is grouped, so no longer an exact-match candidate")
    }

    func testAuthorsHiddenForAnonymousAndHiddenNames() {
        let oud = syn.scenarios[0].byPerspective[0].implications
        XCTAssertEqual(oud.map(\.author), ["Bram", "Riet", nil])
        XCTAssertEqual(syn.perspectives[1].koersvast.map(\.author), [nil, nil])
        XCTAssertEqual(syn.perspectives[2].koersvast[0].entry.author, "Fien", "stored, but hidden by the facilitator")
        XCTAssertEqual(syn.perspectives[2].koersvast.map(\.author), [nil])
    }

    func testDeterministicWhateverTheInputOrder() {
        let reversed = Synthesis.build(
            workshop: Fixtures.mini, sessions: SynthesisFixtureSet.all().reversed().map(\.input),
            groups: SynthesisFixtureSet.groups)
        XCTAssertEqual(reversed, syn)
    }

    func testEmpty() {
        let s = Synthesis.build(workshop: Fixtures.mini, sessions: [])
        XCTAssertEqual(s.perspectives, [])
        XCTAssertEqual(s.scenarios.count, 4)
        XCTAssertEqual(s.matrix, [])
        XCTAssertEqual(s.directions.map(\.insights), [[], []])
    }
}

/// A matrix cell carries its most-voted implications: most votes first, ties in the stable
/// order (session creation, then entry creation), every tie for the last place kept.
final class MostVotedTests: XCTestCase {
    func testTheTopOfACellIsTheVotesOrderWithTiesStable() {
        var sessions: [SynthesisSession] = []
        for (n, votes) in [[0, 2, 1, 3, 0, 2], [3, 0, 2, 1, 1, 0], [1, 3, 0, 2, 2, 3]].enumerated() {
            var s = SynthesisSession("s\(n)", perspective: .workshop("ouderen"), title: "S\(n)", at: 1_790_000_000_000 + Int64(n) * 1000, budget: 20)
            s.go("ronde-a")
            for i in votes.indices { s.add("i\(i)", "Implicatie \(n).\(i)") }
            s.go("stemmen")
            for (i, v) in votes.enumerated() { for _ in 0..<v { s.run(.vote(id: "i\(i)")) } }
            sessions.append(s)
        }
        let all = sessions.flatMap { s in (0..<6).map { (session: s.state.setup.sessionId, entry: "i\($0)", votes: s.state.entry("i\($0)")!.votes) } }
        // What sorting everything would give: votes descending; equal votes in session, then entry order.
        let sorted = all.enumerated().sorted { a, b in a.element.votes != b.element.votes ? a.element.votes > b.element.votes : a.offset < b.offset }
        // The first `top`, and every one tied with the last of them (with votes): ties are the room's.
        func expected(_ top: Int) -> [String] {
            let cut = top > 0 && top <= sorted.count ? sorted[top - 1].element.votes : 0
            return sorted.enumerated().filter { $0.offset < top || (cut > 0 && $0.element.element.votes == cut) }
                .map { "\($0.element.element.session)/\($0.element.element.entry)" }
        }
        for top in [0, 1, 3, 5, 18, 30] {
            let syn = Synthesis.build(workshop: Fixtures.mini, sessions: sessions.map(\.input), top: top)
            let cell = syn.matrix[0].cells[0]
            XCTAssertEqual(cell.count, 18)
            XCTAssertEqual(cell.top.map { "\($0.ref.sessionId)/\($0.ref.entryId)" }, expected(top), "top \(top)")
        }
    }
}

final class TextFoldingTests: XCTestCase {
    func testFoldsCaseDiacriticsAndSpace() {
        XCTAssertEqual(TextFolding.fold("  Reëel  RISICO\n"), "reeel risico")
        XCTAssertEqual(TextFolding.fold("Ĳsselmeer Œuvre Straße ÆØÅ çñ Łódź"), "ijsselmeer oeuvre strasse aeoa cn lodz")
        XCTAssertEqual(TextFolding.fold("e\u{0308}e\u{0301}"), "ee", "decomposed marks dropped")
        XCTAssertEqual(TextFolding.fold("日本 Ω"), "日本 ω")
        XCTAssertEqual(TextFolding.fold("Oma 👵🏽  ÉÉN\u{00A0}loket ×2"), "oma 👵🏽 een loket ×2", "four-byte scalars kept, no-break space is a space")
    }

    func testMatches() {
        XCTAssertTrue(TextFolding.matches(query: "reeel", text: "Een reëel risico"))
        XCTAssertTrue(TextFolding.matches(query: "REËEL risi", text: "risico, reeel"))
        XCTAssertFalse(TextFolding.matches(query: "reeel loket", text: "Een reëel risico"))
        XCTAssertTrue(TextFolding.matches(query: "  ", text: "alles"))
        XCTAssertTrue(TextFolding.matches(query: "een", text: "Eén loket"))
    }
}
