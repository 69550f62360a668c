import Core
import XCTest

/// The harvest: before insights, the room picks the three most important implications per
/// scenario; the facilitator gives the room's dots, which spend nobody's vote budget.
final class HarvestTests: XCTestCase {
    let ayse = SessionHarness.participant("Ayşe")

    func workshop() throws -> Workshop {
        try WorkshopLoader.load(bytes: Fixtures.bytes("Workshops/publieke-dienstverlening-2035.json"), file: "w")
    }

    func testTheRoomsDotsGoOnImplicationsOnlyAndSpendNoBudget() throws {
        var h = SessionHarness(workshop: try workshop(), budget: 1)
        XCTAssertNil(h.run(.join, by: ayse))
        h.go(to: "ronde-1")
        h.add("i1", "Loket blijft nodig")
        h.go(to: "inzichten")
        h.add("k1", "Persoonlijk contact")
        h.go(to: "oogst")
        XCTAssertNil(h.run(.vote(id: "i1")))
        XCTAssertNil(h.run(.vote(id: "i1")))
        XCTAssertEqual(h.state.entry("i1")?.votesBy, ["facilitator": 2], "the room's dots")
        XCTAssertEqual(h.run(.vote(id: "k1"))?.reason.en, "Voting is only possible in the voting step.", "insights are voted on later")
        XCTAssertNotNil(h.run(.vote(id: "i1"), by: ayse), "the room decides together; participants vote on insights")
        XCTAssertNil(h.run(.withdrawVote(id: "i1")))
        XCTAssertEqual(h.state.entry("i1")?.votes, 1)
        h.go(to: "stemmen")
        XCTAssertNil(h.run(.vote(id: "k1"), by: ayse), "the harvest did not spend Ayşe's one vote")
    }

    func testNothingIsTypedInTheBreak() throws {
        var h = SessionHarness(workshop: try workshop())
        h.go(to: "pauze")
        XCTAssertEqual(h.run(.addEntry(id: "x-pauze", text: "iets")), .noEntriesHere)
    }

    /// The harvest asks what stands out across the four worlds: the room answers with notes,
    /// by the step kind's one rule (`StepKind.entryKind`), and cannot give dots to them.
    func testTheHarvestTakesTheRoomsObservations() throws {
        var h = SessionHarness(workshop: try workshop())
        XCTAssertNil(h.run(.join, by: ayse))
        h.go(to: "oogst")
        XCTAssertEqual(StepKind.harvest.entryKind, .note)
        XCTAssertNil(h.run(.addEntry(id: "o1", text: "In elke wereld ontbreekt een vast loket"), by: ayse))
        let note = try XCTUnwrap(h.state.entry("o1"))
        XCTAssertEqual(note.kind, .note)
        XCTAssertEqual(note.step, "oogst")
        XCTAssertNil(note.scenario)
        XCTAssertNotNil(h.run(.vote(id: "o1")), "dots go to implications only")
    }
}
