import Core
import Store
import TUI
import XCTest

final class HomeAndWizardTests: XCTestCase {
    func testTheWizardAsksEverythingAndCreatesTheSession() {
        var h = TUIHarness(workshop: TUIHarness.main2035, session: false)
        h.press(.char("n"), .down, .down, .enter)
        XCTAssertTrue(h.screen.contains("Titel van de sessie"))
        XCTAssertTrue(h.screen.contains("Ouderen — 22-11"), "a default title from group and date: \(h.screen)")
        h.press(.ctrl("u")); h.type("Ouderen Zwolle"); h.press(.enter)
        h.type("Anna"); h.press(.enter)
        XCTAssertTrue(h.screen.contains("Plaats van de sessie"), h.screen)
        h.type("Zwolle, stadhuis"); h.press(.enter)
        h.press(.char(" "), .enter)
        h.press(.right, .right, .enter)
        XCTAssertEqual(h.effects.last, .create(NewSession(
            workshopId: "publieke-dienstverlening-2035", perspective: .workshop("ouderen"), title: "Ouderen Zwolle",
            facilitator: "Anna", place: "Zwolle, stadhuis", anonymous: true, voteBudget: 5)))
    }

    /// `k` on the last question records who sits in the room, for the report's method.
    func testTheWizardRecordsWhoSitsInTheRoom() {
        var h = TUIHarness(workshop: TUIHarness.main2035, session: false)
        h.press(.char("n"), .enter, .enter, .enter, .enter, .enter)
        XCTAssertTrue(h.screen.contains("Wie zit er in de zaal: niet opgegeven"), h.screen)
        h.press(.char("k"))
        XCTAssertTrue(h.screen.contains("Wie zit er in de zaal: ambtenaren en professionals"), h.screen)
        h.press(.char("k"), .enter)
        guard case .create(let request)? = h.effects.last else { return XCTFail("no session created") }
        XCTAssertEqual(request.roomKind, .targetGroup)
    }

    func testThePlaceMayBeLeftEmptyAndChangedOnTheWayBack() {
        var h = TUIHarness(workshop: TUIHarness.main2035, language: .en, session: false)
        h.press(.char("n"), .enter, .enter, .enter)
        XCTAssertTrue(h.screen.contains("Where the session is held"), h.screen)
        h.type("Zwolle"); h.press(.enter)
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("Zwolle"), "going back shows what was typed: \(h.screen)")
        h.press(.ctrl("u")); h.press(.enter)
        h.press(.enter, .enter)
        guard case .create(let request)? = h.effects.last else { return XCTFail("no session created") }
        XCTAssertNil(request.place, "an empty place is no place")
        XCTAssertNil(request.facilitator)
    }

    func testACustomPerspectiveAndGoingBack() {
        var h = TUIHarness(workshop: TUIHarness.main2035, language: .en, session: false)
        h.press(.char("n"), .char("6"), .enter)
        XCTAssertTrue(h.screen.contains("Name of the target group"), h.screen)
        h.type("Jongeren met schulden"); h.press(.enter)
        // A group of one's own gets a description and a persona (both may stay empty).
        XCTAssertTrue(h.screen.contains("Who are Jongeren met schulden?"), h.screen)
        h.type("Jongeren tot 27 met betalingsachterstanden"); h.press(.enter)
        XCTAssertTrue(h.screen.contains("A persona for Jongeren met schulden"), h.screen)
        h.type("Sem (22) heeft drie schuldeisers en opent geen post meer."); h.press(.enter)
        XCTAssertTrue(h.screen.contains("Jongeren met schulden — 22-11"), h.screen)
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("A persona for Jongeren met schulden"), "back one question: \(h.screen)")
        h.press(.escape, .escape, .escape)
        XCTAssertTrue(h.screen.contains("Choose a target group"))
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("New session"), "back home")
        XCTAssertTrue(h.screen.contains("Quit"))
    }

    func testHomeListsRecentSessionsAndOpensThem() {
        var h = TUIHarness(workshop: TUIHarness.main2035, language: .en, session: false)
        let listing = SessionListing(
            id: "20261122-1400-ouderen-ab12", title: "Ouderen Zwolle", workshopId: "publieke-dienstverlening-2035",
            perspective: .workshop("ouderen"), createdAt: TUIHarness.start, updatedAt: TUIHarness.start, closed: false,
            entryCount: 12, currentStep: "ronde-2", problem: nil, readOnly: false)
        let damaged = SessionListing(
            id: "20261121-0900-x-0000", title: "Kapot", workshopId: "", perspective: nil, createdAt: 0, updatedAt: 0,
            closed: false, entryCount: 0, currentStep: nil, problem: "session.json: line 1, column 1: the file is empty", readOnly: true)
        h.send(.listings([listing, damaged]))
        XCTAssertTrue(h.screen.contains("Ouderen Zwolle"), h.screen)
        XCTAssertTrue(h.screen.contains("12 entries"))
        XCTAssertTrue(h.screen.contains("Kapot"))
        XCTAssertTrue(h.screen.contains("read-only"), "damaged sessions are listed, marked, never hidden")
        h.press(.down, .enter)
        XCTAssertEqual(h.effects.last, .open(sessionId: listing.id))
        h.press(.char("G"), .enter)
        XCTAssertEqual(h.effects.last, .quit)
    }

    func testReviewFromTheHomeScreenAndBack() {
        var h = TUIHarness(workshop: TUIHarness.main2035, session: false)
        h.press(.char("G"), .up, .enter)
        XCTAssertEqual(h.effects.last, .openReview)
        var loading = ReviewState(records: [])
        loading.loading = 3
        h.send(.reviewOpened(loading))
        XCTAssertTrue(h.screen.contains("Terugblik") && h.screen.contains("sessies laden… nog 3"), h.screen)
        h.press(.char("q"))
        XCTAssertEqual(h.effects.last, .leaveReview, "back home, not out of the program")
        XCTAssertTrue(h.screen.contains("Nieuwe sessie"), h.screen)
        h.press(.char("q"))
        XCTAssertEqual(h.effects.last, .quit)
    }

    func testTooSmallAndBack() {
        var h = TUIHarness(language: .en, width: 79, height: 24)
        XCTAssertTrue(h.screen.contains("Make the window at least 80×24 (now 79×24)."))
        h.press(.char("a"))
        h.send(.resize(width: 80, height: 24))
        XCTAssertNil(h.session.input, "keys pressed while too small do nothing")
        XCTAssertTrue(h.screen.contains("Step 1 of 11"))
    }
}
