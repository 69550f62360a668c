import Core
import XCTest

final class EngineTests: XCTestCase {
    let ayse = SessionHarness.participant("Ayşe")
    let bram = SessionHarness.participant("Bram")

    func testEntriesTakeTheStepKindAndScenario() {
        var h = SessionHarness()
        h.add("n1", "Wie is Riet?")
        h.go(to: "ronde-b")
        h.add("i1", "Riet mist het loket")
        h.go(to: "inzichten")
        h.add("k1", "Houd een menselijk loket")
        XCTAssertEqual(h.state.entry("n1")?.kind, .note)
        XCTAssertEqual(h.state.entry("i1")?.kind, .implication)
        XCTAssertEqual(h.state.entry("i1")?.scenario, "b")
        XCTAssertEqual(h.state.entry("k1")?.kind, .insight)
        XCTAssertNil(h.state.entry("k1")?.scenario)
        XCTAssertEqual(h.state.entry("i1")?.author, nil, "the facilitator typing for the room has no author")
    }

    func testEveryChangeKindFoldsAndRoundTripsThroughJSON() throws {
        var h = SessionHarness()
        h.run(.join, by: ayse)
        h.go(to: "ronde-a")
        h.run(.startTimer)
        h.run(.extendTimer(seconds: 60))
        h.run(.pauseTimer)
        h.add("a1", "Eerste")
        h.run(.editEntry(id: "a1", text: "Eerste, herzien"))
        h.run(.removeEntry(id: "a1"))
        h.run(.restoreEntry(id: "a1"))
        h.run(.review(id: "a1", status: .shown))
        h.run(.setHolds(id: "a1", scenario: "a", holds: true))
        h.run(.link(id: "a1", target: .direction("centraal"), linked: true))
        h.run(.link(id: "a1", target: .trend("t1"), linked: true))
        h.run(.setStepInput(step: "ronde-a", open: false))
        h.run(.changeSettings(holdForReview: true, hideNames: true, voteBudget: 5))
        h.run(.changeSettings(roomVisible: true))
        h.run(.renameScenario(id: "a", title: "Karig"))
        h.go(to: "stemmen")
        h.run(.vote(id: "a1"))
        h.run(.withdrawVote(id: "a1"))
        h.run(.close)
        h.run(.reopen)
        let kinds = Set(h.events.map(\.change.typeName))
        XCTAssertEqual(kinds.count, 20, "every change kind is exercised: \(kinds.sorted())")
        for e in h.events {
            let line = JSONWriter.compact(e.json)
            let back = try Event(json: try JSONParser.parse(line))
            XCTAssertEqual(back, e, line)
        }
        XCTAssertEqual(SessionState.fold(h.events.reversed()), h.state, "fold order does not depend on input order")
        let a1 = h.state.entry("a1")!
        XCTAssertEqual(a1.text, "Eerste, herzien")
        XCTAssertEqual(a1.holdsIn, ["a"])
        XCTAssertEqual(a1.directions, ["centraal"])
        XCTAssertEqual(a1.trends, ["t1"])
        XCTAssertEqual(h.state.timers["ronde-a"]?.extraSeconds, 60)
        XCTAssertEqual(h.state.scenarioTitles["a"], "Karig")
        XCTAssertTrue(h.state.roomVisible, "participants may see the room's entries")
        XCTAssertEqual(h.state.setup.voteBudget, 5)
        XCTAssertTrue(h.state.hideNames)
        XCTAssertFalse(h.state.closed)
    }

    func testTimerCountsOnlyWhileRunning() {
        var h = SessionHarness()
        h.go(to: "ronde-a")  // 20 minutes
        h.run(.startTimer)
        let started = h.clock
        h.clock += 59_000  // the next event comes 60 s after the start
        h.run(.pauseTimer)
        let t = h.state.timers["ronde-a"]!
        XCTAssertFalse(t.isRunning)
        XCTAssertEqual(t.remainingMs(minutes: 20, now: started + 999_999), 20 * 60_000 - 60_000)
        h.run(.startTimer)
        let running = h.state.timers["ronde-a"]!
        XCTAssertEqual(running.remainingMs(minutes: 20, now: h.clock + 30_000), 20 * 60_000 - 90_000)
        XCTAssertLessThan(running.remainingMs(minutes: 20, now: h.clock + 30 * 60_000), 0, "runs out, keeps counting")
    }

    func testRobustnessIsDerived() {
        var h = SessionHarness()
        h.go(to: "robuust")
        h.add("k", "Houd een loket open")
        let all = Fixtures.mini.scenarios.map(\.id)
        XCTAssertEqual(Robustness.of(h.state.entry("k")!, scenarios: all), .open)
        h.run(.setHolds(id: "k", scenario: "c", holds: true))
        h.run(.setHolds(id: "k", scenario: "a", holds: true))
        XCTAssertEqual(Robustness.of(h.state.entry("k")!, scenarios: all), .scenarioSpecific(["a", "c"]))
        h.run(.setHolds(id: "k", scenario: "b", holds: true))
        h.run(.setHolds(id: "k", scenario: "d", holds: true))
        XCTAssertEqual(Robustness.of(h.state.entry("k")!, scenarios: all), .koersvast)
        h.run(.setHolds(id: "k", scenario: "d", holds: false))
        XCTAssertEqual(Robustness.of(h.state.entry("k")!, scenarios: all), .scenarioSpecific(["a", "b", "c"]))
    }

    func testUndoWalksBackTheFacilitatorsChanges() {
        var h = SessionHarness()
        h.go(to: "inzichten")
        h.add("k", "Eerste versie")
        h.run(.editEntry(id: "k", text: "Tweede versie"))
        h.run(.setHolds(id: "k", scenario: "a", holds: true))
        h.run(.join, by: ayse)
        h.add("p", "Van Ayşe", by: ayse)

        XCTAssertNil(h.run(.undo))  // holds
        XCTAssertEqual(h.state.entry("k")?.holdsIn, [])
        XCTAssertNil(h.run(.undo))  // edit
        XCTAssertEqual(h.state.entry("k")?.text, "Eerste versie")
        XCTAssertNil(h.run(.undo))  // add
        XCTAssertEqual(h.state.entry("k")?.removed, true)
        XCTAssertEqual(h.state.entry("p")?.removed, false, "a participant's entry is not the facilitator's to undo")
        XCTAssertNil(h.run(.undo))  // step move
        XCTAssertNil(h.state.step.flatMap { $0 == "inzichten" ? $0 : nil })
        XCTAssertEqual(h.run(.undo), Refusal(nl: "Er is niets om ongedaan te maken.", en: "There is nothing to undo."))
        XCTAssertNotNil(h.run(.undo, by: ayse), "participants cannot undo")
    }

    func testRefusalsOfTheParticipantRole() {
        var h = SessionHarness(budget: 2)
        XCTAssertEqual(h.run(.addEntry(id: "x", text: "te vroeg"), by: ayse)?.reason.en, "Join the session first.")
        h.run(.join, by: ayse)
        h.run(.join, by: bram)
        h.go(to: "ronde-a")
        h.add("f", "Van de facilitator")
        h.add("a", "Van Ayşe", by: ayse)
        XCTAssertEqual(h.run(.moveStep(to: "ronde-b"), by: ayse)?.reason.en, "Only the facilitator can do that.")
        XCTAssertEqual(h.run(.startTimer, by: ayse)?.reason.en, "Only the facilitator can do that.")
        XCTAssertEqual(h.run(.editEntry(id: "f", text: "mijn tekst"), by: ayse)?.reason.en, "You can only change your own entries.")
        XCTAssertEqual(h.run(.removeEntry(id: "a"), by: bram)?.reason.en, "You can only change your own entries.")
        XCTAssertNil(h.run(.editEntry(id: "a", text: "Van Ayşe, beter"), by: ayse))
        XCTAssertEqual(h.run(.changeSettings(hideNames: true), by: ayse)?.reason.en, "Only the facilitator can do that.")
        XCTAssertEqual(h.run(.setHolds(id: "a", scenario: "a", holds: true), by: ayse)?.reason.en, "Only the facilitator can do that.")
        XCTAssertEqual(h.run(.addEntry(id: "p", text: "namens", proxy: true), by: ayse)?.reason.en, "Only the facilitator can do that.")
        XCTAssertEqual(h.run(.vote(id: "a"), by: ayse)?.reason.en, "Voting is only possible in the voting step.")
        h.run(.setStepInput(step: "ronde-a", open: false))
        XCTAssertEqual(h.run(.addEntry(id: "late", text: "te laat"), by: ayse)?.reason.en, "This step is closed for new entries.")
        XCTAssertNil(h.run(.addEntry(id: "fac", text: "de facilitator mag nog")), "closing a step closes it for participants")
        h.go(to: "stemmen")
        XCTAssertEqual(h.run(.addEntry(id: "v", text: "stemmen is geen tekst"), by: ayse)?.reason.en, "This step does not collect entries.")
        XCTAssertNil(h.run(.vote(id: "f"), by: ayse))
        XCTAssertNil(h.run(.vote(id: "f"), by: ayse))
        XCTAssertEqual(h.run(.vote(id: "a"), by: ayse)?.reason.en, "You have used all your votes.")
        XCTAssertEqual(h.run(.withdrawVote(id: "a"), by: ayse)?.reason.en, "You have no vote here to take back.")
        XCTAssertNil(h.run(.withdrawVote(id: "f"), by: ayse))
        XCTAssertNil(h.run(.vote(id: "a"), by: ayse), "a withdrawn vote can be spent again")
        XCTAssertEqual(h.state.entry("f")?.votes, 1)
        XCTAssertEqual(h.state.votesUsed(by: ayse.key), 2)
        XCTAssertNil(h.run(.vote(id: "a")), "the facilitator tallies the room's dots without a budget")
        h.run(.close)
        XCTAssertEqual(h.run(.join, by: SessionHarness.participant("Cas"))?.reason.en, "The session is closed.")
        XCTAssertEqual(h.run(.addEntry(id: "z", text: "na afloop")), Refusal(nl: "De sessie is afgesloten.", en: "The session is closed."))
    }

    func testOrganiserOnlyLooks() {
        var h = SessionHarness()
        let organiser = Actor(role: .organiser, key: "org", name: "Org")
        XCTAssertNotNil(h.run(.addEntry(id: "x", text: "x"), by: organiser))
        XCTAssertNotNil(h.run(.moveStep(to: "ronde-a"), by: organiser))
    }

    func testHoldForReviewAndAnonymity() {
        var h = SessionHarness(anonymous: true, hold: true)
        let anon = SessionHarness.participant("Ayşe", anonymous: true)
        h.run(.join, by: anon)
        h.go(to: "ronde-a")
        h.add("p", "Anoniem gezegd", by: anon)
        XCTAssertEqual(h.state.entry("p")?.status, .pending)
        XCTAssertFalse(h.state.entry("p")!.isLive)
        XCTAssertNil(h.state.entry("p")?.author)
        XCTAssertFalse(h.events.map { JSONWriter.compact($0.json) }.joined().contains("Ayşe"), "names are not stored at all")
        h.run(.review(id: "p", status: .shown))
        XCTAssertTrue(h.state.entry("p")!.isLive)
        XCTAssertNil(h.run(.addEntry(id: "q", text: "voor Piet", author: "Piet", proxy: true)))
        XCTAssertNil(h.state.entry("q")?.author, "anonymous sessions store no names, not even proxies")
        XCTAssertTrue(h.state.entry("q")!.proxy)
    }

    func testUnknownIdsAreRefused() {
        var h = SessionHarness()
        XCTAssertEqual(h.run(.moveStep(to: "nergens"))?.reason.en, "Step \"nergens\" does not exist.")
        XCTAssertEqual(h.run(.editEntry(id: "nope", text: "x"))?.reason.en, "That entry does not exist.")
        h.add("k", "iets")
        XCTAssertEqual(h.run(.setHolds(id: "k", scenario: "q", holds: true))?.reason.en, "Scenario \"q\" does not exist.")
        XCTAssertNotNil(h.run(.link(id: "k", target: .direction("nope"), linked: true)))
        XCTAssertNotNil(h.run(.addEntry(id: "k", text: "zelfde id")), "an entry id is never reused")
    }

    func testTextIsCleanedAtTheDoor() {
        var h = SessionHarness()
        XCTAssertNil(h.run(.addEntry(id: "x", text: "  Reëel\u{1B}[31m rood\u{1B}]0;titel\u{07} \u{202E}omgekeerd\u{0}\r\nregel 2\t!  ")))
        XCTAssertEqual(h.state.entry("x")?.text, "Reëel rood omgekeerd\nregel 2\t!")
        XCTAssertEqual(h.run(.addEntry(id: "y", text: " \u{1B}[2J \u{7} ")), Refusal(nl: "Typ eerst een tekst.", en: "Type some text first."))
        XCTAssertNotNil(h.run(.addEntry(id: "z", text: String(repeating: "é", count: 2001))))
        XCTAssertNil(h.run(.addEntry(id: "w", text: String(repeating: "é", count: 2000))))
    }

    func testRacingVotesPastTheBudgetAreIgnoredByTheFold() {
        var h = SessionHarness(budget: 1)
        h.run(.join, by: ayse)
        h.go(to: "inzichten")
        h.add("k1", "een")
        h.add("k2", "twee")
        h.go(to: "stemmen")
        // Two terminals of the same participant each decided a vote on the same old state.
        let base = h.state
        let v1 = Event(id: "r1", writer: "x", seq: 1, clock: base.clock + 1, time: 0, actor: ayse, change: .voteCast(id: "k1"))
        let v2 = Event(id: "r2", writer: "y", seq: 1, clock: base.clock + 1, time: 0, actor: ayse, change: .voteCast(id: "k2"))
        let folded = SessionState.fold(h.events + [v2, v1])!
        XCTAssertEqual(folded.votesUsed(by: ayse.key), 1)
        XCTAssertEqual(folded.entry("k1")?.votes, 1, "the fold order (clock, writer, seq) decides, not arrival")
    }
}
