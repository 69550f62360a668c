import Core
import XCTest

@testable import TUI

/// The room on the facilitator's screen: the join panel (goldens at a laptop's and a
/// projector's size), its keys, and what the servers' reports do to it.
final class RoomPanelTests: XCTestCase {
    static let start = TUIHarness.start

    static func info(people: [RoomPerson] = [], code: String? = "4821", visible: Bool = true) -> RoomInfo {
        RoomInfo(
            sshCommand: "ssh -p 2222 zaal@192.168.1.20", code: code, fingerprint: "SHA256:2iqTogml+Q23oZjnjlNzC8vIgMri+aWaC3PFfW0MeRg",
            people: people, visible: visible)
    }

    static let people = [
        RoomPerson(id: "ssh-1", name: "Ayşe", since: start - 600_000, via: .ssh, address: "192.168.1.31"),
        RoomPerson(id: "ssh-2", name: nil, since: start - 60_000, via: .ssh, address: "192.168.1.40"),
        RoomPerson(id: "ssh-3", name: "Riet \u{1B}[31mrood", since: start, via: .ssh, address: "192.168.1.41"),
    ]

    func testJoinPanelGoldens() {
        for language in Language.allCases {
            for (w, h) in [(80, 24), (200, 60)] {
                var t = TUIHarness(workshop: TUIHarness.main2035, language: language, width: w, height: h)
                t.send(.room(Self.info(people: Array(Self.people.prefix(2)))))
                checkGolden("room-panel-\(language.rawValue)-\(w)x\(h)", t)
                t.press(.char("p"))
                checkGolden("room-people-\(language.rawValue)-\(w)x\(h)", t)
            }
        }
    }

    func testProjectorShowsTheJoinLineInBlockLettersThatKeepTheCase() {
        var t = TUIHarness(workshop: TUIHarness.main2035, width: 200, height: 60)
        t.send(.room(Self.info()))
        let screen = t.screen
        // "ssh" in lowercase block letters: the second row of s, s and h side by side.
        XCTAssertTrue(screen.contains("▄▀▀▀ ▄▀▀▀ █▄▄ "), screen)
        XCTAssertEqual(screen.components(separatedBy: "ssh -p 2222 zaal@192.168.1.20").count, 2, "in block letters in the panel; plain only on the way-in line")
        XCTAssertTrue(screen.contains("SHA256:2iqTogml"), screen)
        // The code, big: its first row has the 4's and the 8's tops.
        XCTAssertTrue(screen.contains("█  █ ▄▀▀▄"), screen)
    }

    func testLaptopShowsThePlainLineCodeAndCount() {
        var t = TUIHarness(workshop: TUIHarness.main2035, width: 80, height: 24)
        t.send(.room(Self.info(people: Self.people)))
        let screen = t.screen
        XCTAssertTrue(screen.contains("ssh -p 2222 zaal@192.168.1.20"), screen)
        XCTAssertTrue(screen.contains("Code: 4821"), screen)
        XCTAssertTrue(screen.contains("Verbonden: 3"), screen)
    }

    func testAnOpenRoomSaysNoCodeIsNeeded() {
        var t = TUIHarness(workshop: TUIHarness.main2035, language: .en, width: 80, height: 24)
        t.send(.room(Self.info(code: nil)))
        XCTAssertTrue(t.screen.contains("open room: no code"), t.screen)
        XCTAssertFalse(t.screen.contains("Code:"))
    }

    func testKeysOpenHideAndCloseTheRoom() {
        var t = TUIHarness(workshop: TUIHarness.main2035, width: 80, height: 24)
        t.press(.char("o"))
        XCTAssertEqual(t.effects.last, .openRoom)
        t.send(.room(Self.info()))
        t.press(.char("i"))
        XCTAssertEqual(t.effects.last, .setRoomVisible(false))
        XCTAssertFalse(t.screen.contains("Meedoen vanaf je eigen laptop"), "the full panel folded away")
        XCTAssertTrue(t.screen.contains("ssh -p 2222 zaal@192.168.1.20 · code 4821"), "the way in stays on its line: \(t.screen)")
        t.press(.char("i"))
        XCTAssertEqual(t.effects.last, .setRoomVisible(true))
        XCTAssertTrue(t.screen.contains("Meedoen vanaf je eigen laptop"))
        t.press(.char("o"))
        XCTAssertEqual(t.effects.last, .closeRoom)
        t.send(.room(nil))
        XCTAssertFalse(t.screen.contains("ssh -p 2222"))
        XCTAssertNil(t.app.room.info)
    }

    func testTheWizardCanOpenTheRoomAtTheStart() {
        var h = TUIHarness(workshop: TUIHarness.main2035, session: false)
        h.press(.char("n"), .down, .down, .enter, .enter)
        // Facilitator, place (left empty), anonymity.
        h.type("Anna"); h.press(.enter, .enter, .enter)
        XCTAssertTrue(h.screen.contains("Zaal openen bij de start (meedoen met ssh vanaf je eigen laptop): nee"), h.screen)
        h.press(.char("o"))
        XCTAssertTrue(h.screen.contains("Zaal openen bij de start (meedoen met ssh vanaf je eigen laptop): ja"), h.screen)
        h.press(.enter)
        XCTAssertEqual(h.effects.count, 2)
        guard case .create = h.effects.first else { return XCTFail("the session is created first: \(h.effects)") }
        XCTAssertEqual(h.effects.last, .openRoom, "then the room opens for it")
    }

    func testRoomKeysDoNothingWhileTyping() {
        var t = TUIHarness(workshop: TUIHarness.main2035, width: 80, height: 24)
        t.press(.char("a"))
        t.type("op tijd")
        XCTAssertFalse(t.effects.contains(.openRoom))
        XCTAssertEqual(t.session.input?.text, "op tijd")
    }

    func testThePeopleListDisconnectsTheSelectedPerson() {
        var t = TUIHarness(workshop: TUIHarness.main2035, width: 120, height: 40)
        t.send(.room(Self.info(people: Self.people)))
        t.press(.char("p"), .down, .char("d"))
        XCTAssertEqual(t.effects.last, .disconnect(personId: "ssh-2"))
        t.press(.down, .down, .down)
        XCTAssertEqual(t.app.room.peopleSelected, 2, "the selection stops at the last person")
        // The list follows the room: fewer people, the selection stays in range.
        t.send(.room(Self.info(people: Array(Self.people.prefix(1)))))
        XCTAssertEqual(t.app.room.peopleSelected, 0)
        t.press(.escape)
        XCTAssertNil(t.app.room.peopleSelected)
        XCTAssertEqual(t.session.selected, 0, "Esc closed the list, nothing else")
    }

    func testANameWithEscapesNeverReachesTheScreenRaw() {
        var t = TUIHarness(workshop: TUIHarness.main2035, width: 120, height: 40)
        t.send(.room(Self.info(people: Self.people)))
        t.press(.char("p"))
        XCTAssertFalse(t.screen.unicodeScalars.contains("\u{1B}"))
    }

    func testAProblemIsANoticeAndTheRoomStaysClosed() {
        var t = TUIHarness(workshop: TUIHarness.main2035, width: 80, height: 24)
        t.send(.room(RoomInfo(problem: "cannot open the room on 127.0.0.1 port 2222: address in use")))
        XCTAssertNil(t.app.room.info)
        XCTAssertTrue(t.screen.contains("address in use"), t.screen)
    }

    func testExactBlockLettersRefuseCharactersTheyHaveNoGlyphFor() {
        XCTAssertNotNil(BigText.exactWidth("ssh -p 2222 zaal@192.168.1.20"))
        XCTAssertNil(BigText.exactWidth("ssh -p 2222 zaal@laptop-Q"))
        var b = CellBuffer(width: 40, height: 6)
        XCTAssertFalse(BigText.drawExact("ssh -p 2222 zaal@192.168.1.20", into: &b, x: 0, y: 0, maxWidth: 40, style: .plain))
    }
}
