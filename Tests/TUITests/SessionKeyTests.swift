import Core
import TUI
import XCTest

/// Key sequences → state and effects, for every key of the contract and every step kind.
final class SessionKeyTests: XCTestCase {
    func testStepKeysMoveBothWaysAndNothingIsLost() {
        var h = TUIHarness()
        XCTAssertEqual(h.session.step.kind, .opening)
        h.press(.right)
        XCTAssertEqual(h.session.step.kind, .trends)
        h.press(.pageDown)
        XCTAssertEqual(h.session.step.id, "ronde-a")
        h.press(.char("a")); h.type("blijft bewaard"); h.press(.enter)
        h.press(.left, .pageUp)
        XCTAssertEqual(h.session.step.kind, .opening)
        h.press(.left)
        XCTAssertEqual(h.session.step.kind, .opening, "no step before the first")
        h.go(toStep: "ronde-a")
        XCTAssertEqual(h.session.visibleEntries.map(\.text), ["blijft bewaard"])
        h.go(toStep: "afsluiting")
        h.press(.right)
        XCTAssertEqual(h.session.step.kind, .close, "no step after the last")
    }

    func testAddSaveCancelEditRemoveUndo() {
        var h = TUIHarness()
        h.go(toStep: "ronde-b")
        h.press(.char("a"))
        XCTAssertNotNil(h.session.input)
        h.type("Eerste")
        h.press(.escape)
        XCTAssertNil(h.session.input)
        XCTAssertTrue(h.state.entries.isEmpty, "Esc cancels: nothing saved")
        h.press(.char("a")); h.type("Eerste"); h.press(.enter)
        h.press(.char("a")); h.type("Tweede"); h.press(.enter)
        XCTAssertEqual(h.session.visibleEntries.map(\.text), ["Eerste", "Tweede"])
        XCTAssertEqual(h.session.selectedEntry?.text, "Tweede", "the new entry is selected")
        XCTAssertEqual(h.state.entries[0].scenario, "b")
        XCTAssertEqual(h.state.entries[0].kind, .implication)
        h.press(.up)
        XCTAssertEqual(h.session.selectedEntry?.text, "Eerste")
        h.press(.char("e"))
        XCTAssertEqual(h.session.input?.text, "Eerste")
        h.press(.backspace); h.type("r!"); h.press(.enter)
        XCTAssertEqual(h.state.entries[0].text, "Eerstr!")
        h.press(.down, .char("d"))
        XCTAssertEqual(h.session.visibleEntries.map(\.text), ["Eerstr!"])
        h.press(.char("u"))
        XCTAssertEqual(h.session.visibleEntries.map(\.text), ["Eerstr!", "Tweede"], "undo brings a removed entry back")
        h.press(.char("u"))
        XCTAssertEqual(h.state.entries[0].text, "Eerste", "then undoes the edit")
        h.press(.down, .up, .char("G"))
        XCTAssertEqual(h.session.selectedEntry?.text, "Tweede")
        h.press(.char("g"))
        XCTAssertEqual(h.session.selectedEntry?.text, "Eerste")
    }

    func testTimerStartPauseExtendAndTimeUp() {
        var h = TUIHarness()
        h.go(toStep: "ronde-a")  // 20 minutes
        h.press(.char("t"))
        XCTAssertEqual(h.state.timers["ronde-a"]?.isRunning, true)
        h.send(.tick(now: TUIHarness.start + 60_000))
        XCTAssertTrue(h.screen.contains("⏱ 19:00 ▶"), h.screen)
        h.press(.char("t"))
        XCTAssertEqual(h.state.timers["ronde-a"]?.isRunning, false)
        h.press(.char("+"))
        h.send(.tick(now: TUIHarness.start + 3_600_000))
        XCTAssertTrue(h.screen.contains("⏱ 20:00 ⏸"), "paused at 19:00, plus a minute: \(h.screen)")
        h.press(.char("t"))
        h.send(.tick(now: TUIHarness.start + 3_600_000 + 21 * 60_000))
        XCTAssertTrue(h.screen.contains("TIJD OM +01:00"), h.screen)
        h.press(.char("a")); h.type("nog steeds welkom"); h.press(.enter)
        XCTAssertEqual(h.session.visibleEntries.count, 1, "time up stops no one")
    }

    func testRobustnessKeysAndKoersvast() {
        var h = TUIHarness()
        h.go(toStep: "inzichten")
        h.press(.char("a")); h.type("Menselijk loket"); h.press(.enter)
        h.go(toStep: "robuust")
        h.press(.char("1"), .char("3"))
        XCTAssertEqual(h.state.entries[0].holdsIn, ["a", "c"])
        XCTAssertFalse(h.screen.contains("★"))
        h.press(.char("2"), .char("4"))
        XCTAssertTrue(h.screen.contains("■ ■ ■ ■ ★"), h.screen)
        XCTAssertTrue(h.screen.contains("koersvast: 1 / 1"), h.screen)
        h.press(.char("3"))
        XCTAssertEqual(h.state.entries[0].holdsIn, ["a", "b", "d"])
        h.press(.char("5"))
        XCTAssertEqual(h.state.entries[0].holdsIn, ["a", "b", "d"], "only four scenarios")
    }

    func testDirectionsVotingAndClose() {
        var h = TUIHarness()
        h.go(toStep: "inzichten")
        h.press(.char("a")); h.type("Een"); h.press(.enter)
        h.press(.char("a")); h.type("Twee"); h.press(.enter)
        h.go(toStep: "richtingen")
        h.press(.char("g"), .char("2"), .char("1"), .char("2"))
        XCTAssertEqual(h.state.entries[0].directions, ["centraal"])
        h.press(.char("v"))
        XCTAssertEqual(h.state.entries[0].votes, 0)
        XCTAssertEqual(h.app.notice?.text, "Stemmen kan alleen in de stemstap.", "refusals show as a one-line notice")
        h.go(toStep: "stemmen")
        h.press(.char("g"), .char("v"), .char("v"), .char("V"), .down, .char("v"))
        XCTAssertEqual(h.state.entries.map(\.votes), [1, 1])
        h.press(.char("V"), .char("V"))
        XCTAssertEqual(h.app.notice?.text, "Je hebt hier geen stem om terug te nemen.")
        h.go(toStep: "afsluiting")
        XCTAssertTrue(h.screen.contains("Samenvatting"))
        h.press(.char("c"))
        XCTAssertTrue(h.state.closed)
        h.press(.char("a"))
        XCTAssertNil(h.session.input, "a closed session takes no new entries")
        XCTAssertEqual(h.app.notice?.text, "De sessie is afgesloten.")
        h.press(.char("c"))
        XCTAssertFalse(h.state.closed)
    }

    func testEveryStepKindHasItsScreen() {
        var h = TUIHarness(language: .en)
        let expected: [StepKind: String] = [
            .opening: "target group: Older people", .trends: "Ageing", .scenarioRound: "Little money, little technology.",
            .insights: "★ top 3 per world", .robustness: "1–4: holds in scenario 1–4",
            .directions: "1–9: link the selected insight", .voting: "Vote budget per participant: 3", .close: "Summary",
        ]
        for step in TUIHarness.mini.steps {
            h.go(toStep: step.id)
            if step.kind == .scenarioRound && step.scenario != "a" { continue }
            XCTAssertTrue(h.screen.contains(expected[step.kind]!), "\(step.id): \(h.screen)")
        }
    }

    func testHelpCardQuitAndTypingKeysDoNotLeak() {
        var h = TUIHarness(language: .en)
        h.press(.char("?"))
        XCTAssertTrue(h.screen.contains("undo the last change"), h.screen)
        h.press(.char("a"))
        XCTAssertNil(h.session.input, "the key that closes help does nothing else")
        h.go(toStep: "ronde-c")
        h.press(.char("n"))
        XCTAssertTrue(h.screen.contains("Much money, little technology."), h.screen)
        h.press(.char("x"))
        XCTAssertFalse(h.session.card)
        // Typing q, t, u, d, arrows while in the input edits text, never the session.
        h.press(.char("a")); h.type("qtud?"); h.press(.left, .char("!"), .enter)
        XCTAssertEqual(h.session.visibleEntries.last?.text, "qtud!?")
        h.effects.removeAll()
        h.press(.char("q"))
        XCTAssertEqual(h.effects, [.leaveSession])
        XCTAssertTrue(h.screen.contains("New session"))
    }

    func testTabChoosesWhoSaidIt() {
        var h = TUIHarness()
        h.arrive(.participantJoined, by: Actor(role: .participant, key: "p:ayşe", name: "Ayşe"))
        h.go(toStep: "ronde-a")
        h.press(.char("a"), .tab)
        XCTAssertTrue(h.screen.contains("Gezegd door: Ayşe"), h.screen)
        h.type("Namens Ayşe"); h.press(.enter)
        XCTAssertEqual(h.state.entries[0].author, "Ayşe")
        XCTAssertTrue(h.state.entries[0].proxy, "recorded as typed for her")
        h.press(.char("a"), .tab, .tab); h.type("De zaal"); h.press(.enter)
        XCTAssertNil(h.state.entries[1].author)
    }

    func testEntriesFromOtherTerminalsAppearAndHostileTextIsHarmless() {
        var h = TUIHarness()
        h.go(toStep: "ronde-a")
        let ayse = Actor(role: .participant, key: "p:ayşe", name: "Ayşe")
        h.arrive(.participantJoined, by: ayse)
        let hostile = TextPolicy.clean("Hallo\u{1B}[2J\u{1B}]0;pwned\u{7} \u{202E}tpircs " + String(repeating: "lang ", count: 500))
        h.arrive(.entryAdded(NewEntry(id: "p1", kind: .implication, text: hostile, step: "ronde-a", scenario: "a", author: "Ayşe")), by: ayse)
        let screen = h.screen
        XCTAssertTrue(screen.contains("Hallo"))
        XCTAssertFalse(screen.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no control characters reach the screen")
        XCTAssertEqual(screen.split(separator: "\n", omittingEmptySubsequences: false).count, 24, "layout intact")
        for line in screen.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 80) }
    }

    func testReadOnlySessionRefusesChangesClearly() {
        var h = TUIHarness(language: .en)
        let state = h.state
        _ = TUI.update(&h.app, .sessionOpened(id: "x", workshop: TUIHarness.mini, state: state, readOnly: "journal-a.jsonl: line 3, column 1: empty line"))
        h.effects.removeAll()
        h.press(.right)
        XCTAssertEqual(h.effects, [], "nothing is written")
        XCTAssertEqual(h.session.step.id, "trends", "but the steps can still be read, one by one")
        XCTAssertNil(h.state.step)
        h.press(.char("a"))
        XCTAssertNil(h.session.input)
        XCTAssertTrue(h.screen.contains("Read-only: journal-a.jsonl: line 3"), h.screen)
    }

    func testRefusedTextIsGivenBack() {
        var h = TUIHarness(language: .en)
        h.press(.char("a")); h.type("   "); h.press(.enter)
        XCTAssertEqual(h.app.notice?.text, "Type some text first.")
        XCTAssertEqual(h.session.input?.text, "   ", "the input is back for another try")
        h.press(.escape)
        h.send(.failed("cannot write: No space left on device"))
        XCTAssertEqual(h.app.notice?.text, "NOT SAVED: cannot write: No space left on device")
    }
}
