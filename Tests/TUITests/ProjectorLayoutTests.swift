import Core
import XCTest

@testable import TUI

/// The projector with the room open (issue 21): at every size from 80×24 to 200×60 the wall
/// keeps the step, the timer, the room's newest entries and the way in on one line.
final class ProjectorLayoutTests: XCTestCase {
    static let sizes = [(80, 24), (120, 36), (160, 45), (200, 60)]
    static let wayIn = "ssh -p 2222 zaal@192.168.1.20 · code 4821"

    static func info(visible: Bool = true, people: Int = 3) -> RoomInfo {
        RoomInfo(
            sshCommand: "ssh -p 2222 zaal@192.168.1.20", webAddress: "http://192.168.1.20:8080", code: "4821",
            fingerprint: "SHA256:2iqTogml+Q23oZjnjlNzC8vIgMri+aWaC3PFfW0MeRg",
            people: (0..<people).map { RoomPerson(id: "ssh-\($0)", name: "P\($0)", since: TUIHarness.start, via: .ssh, address: "192.168.1.\(30 + $0)") },
            visible: visible)
    }

    static let texts = [
        "Wachttijden aan de telefoon", "De app werkt niet voor wie slecht ziet",
        "Een vaste contactpersoon in de wijk, ook als de buurtteams krimpen en er minder geld is voor mensen aan het loket",
        "Zorg komt vanzelf op gang na een val", "Buurthuis als loket",
    ]

    /// Round 1 with the room open since the opening, three people in, `count` entries typed.
    static func room(_ language: Language, width: Int, height: Int, entries count: Int) -> TUIHarness {
        var h = TUIHarness(workshop: TUIHarness.main2035, language: language, width: width, height: height)
        h.send(.room(info()))
        let people = (0..<3).map { Actor(role: .participant, key: "p:\($0)", name: ["Ayşe", "Bram", "Riet"][$0]) }
        for p in people { h.arrive(.participantJoined, by: p) }
        h.go(toStep: "ronde-1")
        for i in 0..<count {
            let text = i == count - 1 ? "Nieuwste \(count): één loket" : Self.texts[i % Self.texts.count] + " (\(i + 1))"
            h.arrive(.entryAdded(NewEntry(id: "n\(i)", kind: .implication, text: text, step: "ronde-1", scenario: "zuinig-loket", author: people[i % 3].name, proxy: false, status: .shown)), by: people[i % 3])
        }
        return h
    }

    func testTheNewestEntryAndTheWayInAreOnEveryScreen() {
        for language in Language.allCases {
            for (w, h) in Self.sizes {
                for count in [12, 40, 200] {
                    let t = Self.room(language, width: w, height: h, entries: count)
                    XCTAssertNil(t.app.room.info?.visible == true ? "full" : nil, "the panel folded away when the step moved")
                    checkGolden("projector-room-\(count)-\(language.rawValue)-\(w)x\(h)", t)
                    XCTAssertTrue(t.screen.contains("Nieuwste \(count): één loket"), "newest entry at \(w)×\(h):\n\(t.screen)")
                    XCTAssertTrue(t.screen.contains(Self.wayIn), "way in at \(w)×\(h):\n\(t.screen)")
                    XCTAssertTrue(t.screen.contains("⏱"), "the timer")
                }
            }
        }
    }

    func testTheFullPanelIsAMomentThatLeavesTheNewestEntryInView() {
        for (w, h) in Self.sizes {
            var t = Self.room(.nl, width: w, height: h, entries: 12)
            t.press(.char("i"))
            XCTAssertEqual(t.effects.last, .setRoomVisible(true))
            XCTAssertTrue(t.screen.contains("Meedoen vanaf je eigen laptop"), "the full panel at \(w)×\(h):\n\(t.screen)")
            XCTAssertTrue(t.screen.contains("Nieuwste 12: één loket"), "newest entry under the full panel at \(w)×\(h):\n\(t.screen)")
            XCTAssertTrue(t.screen.contains(Self.wayIn), t.screen)
        }
    }

    func testThePanelStaysWhileNobodyHasJoined() {
        var t = TUIHarness(workshop: TUIHarness.main2035, width: 120, height: 36)
        t.send(.room(Self.info(people: 0)))
        t.go(toStep: "ronde-1")
        XCTAssertEqual(t.app.room.info?.visible, true)
        XCTAssertTrue(t.screen.contains("Meedoen vanaf je eigen laptop"), t.screen)
    }

    func testTheListFollowsUnlessScrolledUpAndSaysWhatIsBelow() {
        var t = Self.room(.nl, width: 120, height: 36, entries: 12)
        XCTAssertEqual(t.session.selectedEntry?.id, "n11", "following the newest")
        t.press(.up, .up)
        XCTAssertEqual(t.session.selectedEntry?.id, "n9")
        t.arrive(.entryAdded(NewEntry(id: "late", kind: .implication, text: "Te laat binnen", step: "ronde-1", scenario: "zuinig-loket", author: nil, proxy: false, status: .shown)), by: Actor(role: .participant, key: "p:0", name: "Ayşe"))
        XCTAssertEqual(t.session.selectedEntry?.id, "n9", "scrolled up: the selection stays where the facilitator put it")
        XCTAssertTrue(t.screen.contains("↓ 3 nieuwer · G volgt"), t.screen)
        t.press(.char("G"))
        t.arrive(.entryAdded(NewEntry(id: "later", kind: .implication, text: "Nog later", step: "ronde-1", scenario: "zuinig-loket", author: nil, proxy: false, status: .shown)), by: Actor(role: .participant, key: "p:0", name: "Ayşe"))
        XCTAssertEqual(t.session.selectedEntry?.id, "later", "following again")
        XCTAssertTrue(t.screen.contains("Nog later"))
        XCTAssertFalse(t.screen.contains("nieuwer"))
    }

    func testHelpListsEveryOtherAddressTheRoomAnswersOn() {
        var t = TUIHarness(workshop: TUIHarness.main2035, language: .en, width: 120, height: 36)
        var info = Self.info()
        info.otherAddresses = ["172.17.0.1 (docker0)", "[2001:db8::20] (wlan0)"]
        t.send(.room(info))
        XCTAssertFalse(t.screen.contains("172.17.0.1"), "the wall shows one address")
        t.press(.char("?"))
        XCTAssertTrue(t.screen.contains("The room can also be reached on: 172.17.0.1 (docker0) · [2001:db8::20] (wlan0)"), t.screen)
    }

    func testTheKeyBarKeepsHelpAtEveryWidth() {
        XCTAssertEqual(Footer.fitted("a nieuw · b wis · ? hulp · q stop", width: 16), "a nieuw · ? hulp")
        XCTAssertEqual(Footer.fitted("a nieuw · b wis · ? hulp · q stop", width: 8), "? hulp", "the help key even when nothing else fits")
        XCTAssertEqual(Footer.fitted("a nieuw · ? hulp", width: 80), "a nieuw · ? hulp")
        for (w, h) in Self.sizes {
            let t = Self.room(.en, width: w, height: h, entries: 3)
            let footer = t.screen.split(separator: "\n").last.map(String.init) ?? ""
            XCTAssertTrue(footer.contains("? help"), "\(w)×\(h): \(footer)")
        }
    }
}
