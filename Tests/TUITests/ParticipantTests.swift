import Core
import TUI
import XCTest

/// A participant's terminal is type-first, like a chat: every printable key is text, Enter
/// saves, and nothing one types can remove an entry or end the session.
final class ParticipantTests: XCTestCase {
    func testTypingWithoutAFirstAddsThatTextAndDeletesNothing() {
        var p = TUIHarness.participant()
        p.facilitatorMoves(to: "ronde-1")
        p.type("Eerste"); p.press(.enter)
        p.type("ouderen willen een mens"); p.press(.enter)
        let mine = p.state.entries.filter { $0.owner == "p:ayşe" }
        XCTAssertEqual(mine.map(\.text), ["Eerste", "ouderen willen een mens"])
        XCTAssertTrue(mine.allSatisfy { !$0.removed }, "the d in the text removed nothing")
        XCTAssertEqual(mine.last?.author, "Ayşe")
        XCTAssertFalse(mine.last!.proxy)
        XCTAssertTrue(p.screen.contains("Opgeslagen."), p.screen)
        XCTAssertTrue(p.effects.allSatisfy { $0 != .quit }, "the q in the text did not quit")
    }

    func testEscNeverLeavesAndLeavingAsksFirst() {
        var p = TUIHarness.participant()
        p.facilitatorMoves(to: "ronde-1")
        p.type("half"); p.press(.escape)
        XCTAssertEqual(p.session.draft.text, "", "Esc clears what is typed")
        p.press(.escape, .escape)
        XCTAssertFalse(p.effects.contains(.quit))
        XCTAssertTrue(p.screen.contains("Ctrl-C"), "says how to leave:\n\(p.screen)")
        p.press(.ctrl("c"))
        XCTAssertTrue(p.screen.contains("Sessie verlaten?"), p.screen)
        p.press(.char("n"))
        XCTAssertFalse(p.effects.contains(.quit))
        p.press(.ctrl("c"), .char("j"))
        XCTAssertEqual(p.effects.last, .quit)
    }

    func testRemovingAsksAndUndoBringsItBack() {
        var p = TUIHarness.participant()
        p.facilitatorMoves(to: "ronde-2")
        XCTAssertTrue(p.screen.contains("Digitaal, tenzij"))
        p.type("Mijn idee"); p.press(.enter)
        p.press(.ctrl("x"))
        XCTAssertTrue(p.screen.contains("Deze bijdrage verwijderen?"), p.screen)
        XCTAssertFalse(p.state.entries.last!.removed, "nothing happens before the answer")
        p.press(.char("j"))
        XCTAssertTrue(p.state.entries.last!.removed)
        p.press(.ctrl("z"))
        XCTAssertFalse(p.state.entries.last!.removed, "the participant's own undo brings it back")
        p.press(.ctrl("e"), .backspace); p.type("!"); p.press(.enter)
        XCTAssertEqual(p.state.entries.last?.text, "Mijn ide!")
        p.press(.ctrl("z"))
        XCTAssertEqual(p.state.entries.last?.text, "Mijn idee", "undo takes an edit back too")
        p.press(.right)
        XCTAssertEqual(p.session.step.id, "ronde-2", "a participant cannot move the step")
        p.press(.tab, .escape); p.type("x"); p.press(.enter)
        XCTAssertEqual(p.state.entries.last?.author, "Ayşe", "Tab does not let a participant speak for others")
    }

    func testOthersEntriesAreNotTheirsToChange() {
        var p = TUIHarness.participant()
        p.facilitatorMoves(to: "stemmen")
        XCTAssertEqual(p.session.visibleEntries.map(\.text), ["Houd altijd een menselijk loket"])
        p.press(.ctrl("e"))
        XCTAssertNil(p.session.editing, "editing someone else's insight does not start")
        p.press(.ctrl("x"))
        XCTAssertNil(p.session.asking)
        XCTAssertTrue(p.screen.contains("Kies eerst met ↑↓ een eigen bijdrage."), p.screen)
        p.press(.char("v"), .char("v"), .char("v"), .char("v"))
        XCTAssertTrue(p.screen.contains("Je hebt al je stemmen gebruikt."), p.screen)
        XCTAssertEqual(p.state.votesUsed(by: "p:ayşe"), 3)
        XCTAssertTrue(p.screen.contains("Nog 0 van 3 stemmen te geven"), p.screen)
        XCTAssertTrue(p.screen.contains("●●● Houd altijd"), "three own dots for three votes:\n\(p.screen)")
        p.facilitatorMoves(to: "afsluiting")
        XCTAssertFalse(p.screen.contains("Je hebt al je stemmen gebruikt."), "a message does not follow into the next step")
        XCTAssertTrue(p.session.visibleEntries.isEmpty, "after voting the insights are not theirs to select")
    }

    func testTheCursorStartsAtTheTopOfEachStep() {
        var p = TUIHarness.participant()
        p.facilitatorMoves(to: "ronde-1")
        for t in ["een", "twee", "drie"] { p.type(t); p.press(.enter) }
        p.press(.down, .down)
        p.facilitatorMoves(to: "stemmen")
        XCTAssertEqual(p.session.selected, 0)
        p.press(.char("v"))
        XCTAssertEqual(p.state.entries.first { $0.text == "Houd altijd een menselijk loket" }?.votesBy["p:ayşe"], 1)
    }

    func testAClosedStepSaysSoAndKeepsWhatIsTyped() {
        var p = TUIHarness.participant()
        p.type("Mijn gedachte")
        p.arrive(.stepInputSet(step: "opening", open: false), by: .facilitator("Anna"))
        XCTAssertTrue(p.screen.contains("Deze stap is gesloten voor nieuwe bijdragen"), p.screen)
        XCTAssertTrue(p.screen.contains("Mijn gedachte"), "the draft stays on screen:\n\(p.screen)")
        p.press(.enter)
        XCTAssertEqual(p.session.draft.text, "Mijn gedachte")
        XCTAssertFalse(p.state.entries.contains { $0.text == "Mijn gedachte" })
    }

    func testStepsWithoutInputSayWhatToDoAndTakeNone() {
        var p = TUIHarness.participant()
        for step in ["robuustheid", "richtingen", "pauze"] {
            p.facilitatorMoves(to: step)
            p.type("xyz"); p.press(.enter)
            XCTAssertFalse(p.state.entries.contains { $0.text == "xyz" }, step)
            XCTAssertFalse(p.screen.contains("Typ hier je bijdrage"), "\(step): no input line\n\(p.screen)")
        }
    }
}
