import Core
import XCTest

final class SynthesisReplayTests: XCTestCase {
    func testEveryEventInFoldOrderEndingInTheFoldedState() {
        let s = SynthesisFixtureSet.ouderen1()
        let steps = Replay.steps(of: s.events.reversed(), workshop: Fixtures.mini)
        XCTAssertEqual(steps.map(\.event.id), s.events.map(\.id))
        XCTAssertEqual(steps.last?.state, s.state)
        XCTAssertEqual(steps.first?.state.entries, [])
        XCTAssertTrue(steps.allSatisfy(\.applied))
        // Stepping: the entry appears exactly at the step that added it.
        let added = steps.firstIndex { $0.event.id == s.events.first { if case .entryAdded(let n) = $0.change { return n.id == "a1" }; return false }!.id }!
        XCTAssertNil(steps[added - 1].state.entry("a1"))
        XCTAssertEqual(steps[added].state.entry("a1")?.text, "Het loket blijft nodig, \"echt\" nodig")
    }

    func testDescriptionsInBothLanguages() {
        let steps = Replay.steps(of: SynthesisFixtureSet.ouderen1().events, workshop: Fixtures.mini)
        let d = steps.map(\.description)
        XCTAssertEqual(d[0].nl, "Facilitator Anna begint de sessie “Ouderen Zwolle”")
        XCTAssertEqual(d[0].en, "Facilitator Anna starts the session “Ouderen Zwolle”")
        XCTAssertEqual(d[1].nl, "Bram doet mee")
        XCTAssertEqual(d[2].en, "Facilitator Anna moves to step “Round A”")
        XCTAssertEqual(d[3].nl, "Bram voegt implicatie toe bij “Zuinig en voorzichtig”: “Het loket blijft nodig, \"echt\" nodig”")
        XCTAssertTrue(d.contains { $0.en == "Facilitator Anna marks “Persoonlijk contact blijft nodig” as holding in “Ample and smart”" })
        XCTAssertTrue(d.contains { $0.nl == "Facilitator Anna koppelt “Digitale hulp aan huis” aan richting 2 “Proactieve dienstverlening”" }, "which direction, by number and title")
        XCTAssertTrue(d.contains { $0.en == "Bram votes for “Het loket blijft nodig, \"echt\" nodig”" })
        XCTAssertTrue(d.contains { $0.nl == "Bram voegt implicatie toe bij “Zuinig en digitaal”: “De app is te moeilijk voor velen”" }, "newlines folded to one line")
    }

    func testNoNamesWhenAnonymousOrHiddenLater() {
        for s in [SynthesisFixtureSet.ondernemers(), SynthesisFixtureSet.mantelzorgers()] {
            let text = Replay.steps(of: s.events, workshop: Fixtures.mini).flatMap { [$0.description.nl, $0.description.en] }
            for name in ["Anna", "Els", "Dirk", "Fien"] {
                XCTAssertFalse(text.contains { $0.contains(name) }, "\(name) shown in \(s.state.setup.sessionId)")
            }
            XCTAssertTrue(text.contains("Een deelnemer doet mee"))
            XCTAssertTrue(text.contains("The facilitator moves to step “Insights”"))
        }
    }

    func testIgnoredEventAndUndoAreShownForWhatTheyAre() {
        var s = SynthesisSession("s-x", perspective: .workshop("ouderen"), title: "X", at: SynthesisFixtureSet.t0)
        s.go("ronde-a")
        s.add("a1", "Eerste")
        s.run(.undo)
        var events = s.events
        events.append(Event(id: "late", writer: "v", seq: 1, clock: 99, time: s.time + 1, actor: .facilitator("Anna"), change: .entryEdited(id: "nope", text: "x")))
        let steps = Replay.steps(of: events, workshop: Fixtures.mini)
        XCTAssertEqual(steps[3].description.en, "Facilitator Anna removes “Eerste” (undo)")
        XCTAssertEqual(steps[3].state.entry("a1")?.removed, true)
        XCTAssertFalse(steps[4].applied)
        XCTAssertEqual(steps[4].description.nl, "Facilitator Anna wijzigt “nope” in “x”")
    }

    func testNotASessionGivesNothing() {
        let e = Event(id: "e", writer: "w", seq: 1, clock: 1, time: 0, actor: .facilitator(nil), change: .sessionClosed)
        XCTAssertEqual(Replay.steps(of: [e], workshop: nil), [])
        XCTAssertEqual(Replay.steps(of: [], workshop: nil), [])
    }
}
