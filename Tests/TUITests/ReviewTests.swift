import Core
import Store
import TUI
import XCTest

/// The organiser's review: filters, diacritics-insensitive search, the matrix, opening a
/// session read-only and coming back, exporting.
final class ReviewTests: XCTestCase {
    /// Three sessions (two groups) of the 2035 workshop and a damaged one.
    static func review(language: Language = .nl, width: Int = 80, height: Int = 24) -> TUIHarness {
        var records: [ReviewRecord] = []
        for (i, (group, text)) in [("ouderen", "Reëel risico op eenzaamheid"), ("ondernemers", "Eén loket voor vergunningen"), ("ouderen", "Mantelzorgers ontlasten")].enumerated() {
            var h = TUIHarness(workshop: TUIHarness.main2035, perspective: .workshop(group))
            h.go(toStep: "ronde-\(i + 1)")
            h.press(.char("a")); h.type(text); h.press(.enter)
            h.go(toStep: "inzichten")
            h.press(.char("a")); h.type("Houd een menselijk loket"); h.press(.enter)
            h.go(toStep: "robuustheid")
            h.press(.char("1"), .char("2"), .char("3"), .char("4"))
            if i == 2 { h.press(.char("c")) }
            var state = h.state
            state.setup.sessionId = "20261122-140\(i)-\(group)-000\(i)"
            let listing = SessionListing(
                id: state.setup.sessionId, title: "\(group) \(i)", workshopId: TUIHarness.main2035.id, perspective: .workshop(group),
                createdAt: TUIHarness.start + Int64(i), updatedAt: TUIHarness.start + Int64(i) * 60_000, closed: false,
                entryCount: state.liveEntries.count, currentStep: state.step, problem: nil, readOnly: false)
            records.append(ReviewRecord(listing: listing, input: SessionInput(workshop: TUIHarness.main2035, state: state)))
        }
        records[2].listing.closed = true
        let damaged = SessionListing(
            id: "20261121-0900-kapot-0000", title: "kapot", workshopId: "", perspective: nil, createdAt: 0, updatedAt: 0,
            closed: false, entryCount: 0, currentStep: nil, problem: "journal-a.jsonl: line 2, column 1: empty line", readOnly: true)
        records.append(ReviewRecord(listing: damaged, input: nil))
        var h = TUIHarness(workshop: TUIHarness.main2035, language: language, width: width, height: height, session: false)
        h.app.route = .review(ReviewState(records: records))
        return h
    }

    var review: ReviewState? { if case .review(let r) = harness.app.route { return r } else { return nil } }
    var harness = ReviewTests.review()

    func testListsEverySessionAndMarksTheDamagedOne() {
        let screen = harness.screen
        XCTAssertTrue(screen.contains("ouderen 0") && screen.contains("ondernemers 1") && screen.contains("ouderen 2"), screen)
        XCTAssertTrue(screen.contains("kapot") && screen.contains("beschadigd: journal-a.jsonl: line 2"), screen)
    }

    func testSearchIgnoresDiacriticsAndCase() {
        harness.press(.char("/"))
        harness.type("reeel")
        XCTAssertEqual(review?.visible().count, 1)
        XCTAssertTrue(harness.screen.contains("Reëel risico op eenzaamheid"), harness.screen)
        harness.press(.enter)
        harness.press(.char("/"), .ctrl("u"))
        harness.type("EEN LOKET VERGUNNING")
        XCTAssertEqual(review?.visible().map { review!.records[$0].listing.title }, ["ondernemers 1"])
        harness.press(.escape)
        XCTAssertEqual(review?.visible().count, 4)
    }

    func testFilters() {
        harness.press(.char("w"))
        XCTAssertEqual(review?.visible().count, 3, "the damaged session has no workshop")
        harness.press(.char("p"))
        XCTAssertEqual(review?.perspectiveFilter, "ouderen")
        XCTAssertEqual(review?.visible().count, 2)
        harness.press(.char("o"))
        XCTAssertEqual(review?.visible().count, 1, "open only")
        harness.press(.char("o"))
        XCTAssertEqual(review?.visible().map { review!.records[$0].listing.title }, ["ouderen 2"], "closed only")
    }

    func testSessionsArriveInChunksWhileTheSelectionStays() {
        let all = review!.records
        var h = TUIHarness(workshop: TUIHarness.main2035, session: false)
        var start = ReviewState(records: [])
        start.loading = all.count
        h.app.route = .review(start)
        XCTAssertTrue(h.screen.contains("sessies laden… nog 4"), h.screen)
        h.send(.reviewLoaded([all[0]], remaining: 3))
        h.press(.char("G"))
        XCTAssertEqual(h.app.notice?.text, "Nog 3 sessies aan het laden; een ogenblik.", "no grouping over part of the sessions")
        XCTAssertTrue(h.screen.contains("ouderen 0"))
        h.send(.reviewLoaded([all[2], all[1], all[3]], remaining: 0))
        guard case .review(let r) = h.app.route else { return XCTFail() }
        XCTAssertEqual(r.records.map(\.listing.title), ["ouderen 2", "ondernemers 1", "ouderen 0", "kapot"], "newest first")
        XCTAssertEqual(r.records[r.visible()[r.selected]].listing.title, "ouderen 0", "the selection stayed on its session")
        XCTAssertFalse(h.screen.contains("sessies laden"))
    }

    func testSessionsListedFromTheCacheAreReplacedWhenTheyArrive() {
        let all = review!.records
        var h = TUIHarness(workshop: TUIHarness.main2035, session: false)
        var start = ReviewState(records: [])
        start.add(all.map { ReviewRecord(listed: $0.listing) }, remaining: all.count)
        h.app.route = .review(start)
        XCTAssertTrue(h.screen.contains("ouderen 2") && h.screen.contains("ondernemers 1"), "listed before read: \(h.screen)")
        h.press(.down)
        h.press(.enter)
        XCTAssertTrue(h.effects.isEmpty, "a session still on its way is not opened half")
        XCTAssertEqual(h.app.notice?.text, "Deze sessie wordt nog geladen; een ogenblik.")
        h.press(.char("e"))
        XCTAssertEqual(h.app.notice?.text, "Nog 4 sessies aan het laden; een ogenblik.", "no report over part of the sessions")
        h.send(.reviewLoaded([all[1], all[0]], remaining: 2))
        guard case .review(let r) = h.app.route else { return XCTFail() }
        XCTAssertEqual(r.records.map(\.listing.title), ["ouderen 2", "ondernemers 1", "ouderen 0", "kapot"], "each once, newest first")
        XCTAssertEqual(r.records.map(\.loaded), [false, true, true, false])
        XCTAssertEqual(r.records[r.visible()[r.selected]].listing.title, "ondernemers 1", "the selection stayed")
        h.press(.enter)
        XCTAssertEqual(h.effects.last, .openReadOnly(sessionId: all[1].listing.id))
    }

    func testSessionsChangedOrRemovedWhileReadingOneAreNotLost() {
        harness.press(.down)
        let selected = review!.records[review!.visible()[1]]
        var changed = review!.records.first { $0.listing.title == "ouderen 2" }!
        changed.listing.title = "ouderen 2, verder"
        harness.press(.enter)
        harness.send(.sessionOpened(id: selected.listing.id, workshop: TUIHarness.main2035, state: selected.input!.state, readOnly: "terugblik"))
        XCTAssertNil(review, "reading a session")
        harness.send(.reviewLoaded([changed], remaining: 0))
        harness.send(.reviewRemoved(["20261121-0900-kapot-0000"]))
        harness.press(.char("q"))
        XCTAssertEqual(review?.records.map(\.listing.title), ["ouderen 2, verder", "ondernemers 1", "ouderen 0"], "what came in meanwhile is there")
        XCTAssertEqual(review?.records[review!.visible()[review!.selected]].listing.title, "ondernemers 1", "on the session just read")
        harness.send(.reviewRemoved([selected.listing.id]))
        XCTAssertEqual(review?.records.count, 2)
        XCTAssertEqual(review?.selected, 1, "the selection stays in the list")
    }

    func testGroupingWhatTheSearchFound() {
        harness.press(.char("G"))
        XCTAssertEqual(harness.app.notice?.text, "Zoek eerst (/) naar minstens twee inzichten om te groeperen.")
        harness.press(.char("/"))
        harness.type("menselijk loket")
        harness.press(.enter, .char("G"))
        guard case .editGroup(.create(let refs, let label))? = harness.effects.last else { return XCTFail("no group effect") }
        XCTAssertEqual(refs.count, 3, "the insight of each of the three sessions")
        XCTAssertEqual(label, "menselijk loket")
        harness.send(.groupsChanged([InsightGroup(id: "g1", label: "Menselijk loket", members: refs)]))
        harness.press(.tab)
        XCTAssertTrue(harness.screen.contains("◆ Menselijk loket — Ondernemers, Ouderen"), harness.screen)
    }

    func testPeriodFilterAndTimeline() {
        harness.send(.tick(now: TUIHarness.start + 86_400_000 + 90_000))
        harness.press(.char("d"))
        XCTAssertEqual(review?.visible().map { review!.records[$0].listing.title }, ["ouderen 2"], "changed in the last day")
        harness.press(.char("d"), .char("d"), .char("d"), .char("d"))
        XCTAssertEqual(review?.visible().count, 4, "any time again")
        harness.press(.char("t"))
        XCTAssertEqual(harness.effects.last, .replay(sessionId: "20261122-1400-ouderen-0000"))
        var session = TUIHarness(workshop: TUIHarness.main2035)
        session.press(.char("a")); session.type("Eerste aantekening"); session.press(.enter, .right)
        let events = session.events
        harness.send(.replayLoaded(title: "ouderen 0", workshop: TUIHarness.main2035, events: events))
        XCTAssertTrue(harness.screen.contains("Tijdlijn · ouderen 0"), harness.screen)
        harness.press(.char("g"))
        XCTAssertTrue(harness.screen.contains("1/\(events.count)"), harness.screen)
        harness.press(.char("G"))
        XCTAssertTrue(harness.screen.contains("aantekening: 1"), harness.screen)
        harness.press(.char("q"))
        XCTAssertNotNil(review, "back in the review")
    }

    func testTheMatrixAndItsKoersvastRow() {
        harness.press(.tab)
        let screen = harness.screen
        XCTAssertTrue(screen.contains("Ouderen"), screen)
        XCTAssertTrue(screen.contains("Ondernemers"), screen)
        guard let syn = review?.synthesis else { return XCTFail("no synthesis") }
        let ouderen = syn.matrix.first { $0.key == .workshop("ouderen") }!
        XCTAssertEqual(ouderen.cells.map(\.count), [1, 0, 1, 0])
        XCTAssertEqual(ouderen.koersvastCount, 2)
        harness.press(.down)  // to Ouderen, whose first cell holds the eenzaamheid implication
        XCTAssertTrue(harness.screen.contains("Reëel risico op eenzaamheid"), harness.screen)
        XCTAssertTrue(harness.screen.contains("★ Houd een menselijk loket"), harness.screen)
    }

    func testTheMatrixFollowsASearchOnceItIsConfirmed() {
        harness.press(.tab)
        XCTAssertEqual(review?.synthesis?.sessionIds.count, 3)
        harness.press(.char("/"))
        harness.type("eenzaam")
        XCTAssertEqual(review?.synthesis?.sessionIds.count, 3, "not rebuilt per character")
        harness.press(.enter)
        XCTAssertEqual(review?.synthesis?.sessionIds, ["20261122-1400-ouderen-0000"], "the matrix of the sessions found")
        harness.press(.char("/"), .escape)
        XCTAssertEqual(review?.synthesis?.sessionIds.count, 3, "all again once the search is dropped")
    }

    func testOpenReadOnlyComeBackAndExport() {
        harness.press(.enter)
        XCTAssertEqual(harness.effects.last, .openReadOnly(sessionId: "20261122-1400-ouderen-0000"))
        let record = review!.records[0]
        harness.send(.sessionOpened(id: record.listing.id, workshop: TUIHarness.main2035, state: record.input!.state, readOnly: "terugblik"))
        harness.press(.right)
        XCTAssertFalse(harness.effects.contains { if case .perform = $0 { return true } else { return false } }, "review writes nothing")
        harness.press(.char("q"))
        XCTAssertNotNil(review, "back in the review")
        harness.press(.char("e"), .char("h"))
        XCTAssertEqual(harness.effects.last, .export(sessionIds: review!.visible().compactMap { review!.records[$0].input == nil ? nil : review!.records[$0].listing.id }, format: "html"))
        // `s`: the short PDF a director forwards.
        harness.press(.char("e"), .char("s"))
        XCTAssertEqual(harness.effects.last, .export(sessionIds: review!.visible().compactMap { review!.records[$0].input == nil ? nil : review!.records[$0].listing.id }, format: "pdf", short: true))
    }

    func testGoldenReviewScreens() {
        for language in Language.allCases {
            for (w, h) in [(80, 24), (160, 48)] {
                var r = ReviewTests.review(language: language, width: w, height: h)
                checkGolden("review-sessions-\(language.rawValue)-\(w)x\(h)", r)
                r.press(.char("/"))
                r.type("loket")
                checkGolden("review-search-\(language.rawValue)-\(w)x\(h)", r)
                r.press(.enter, .tab, .down)
                checkGolden("review-matrix-\(language.rawValue)-\(w)x\(h)", r)
            }
        }
    }
}
