import Core
import Foundation
@testable import Room
import Store
import TestSupport
import XCTest

/// A phone in a real browser (Debian's chromium, headless, 360×740) joins a session whose
/// facilitator runs the real binary in tmux: what the phone saves shows on the projector, and
/// the phone follows the facilitator's steps.
final class PhoneBrowserTests: XCTestCase {
    var store = ""
    var env: [String: String] { ["PERSPECTIEF_STORE": store] }
    var room: WebRoom?

    override func setUp() { store = Binary.tempDir("phone") }
    override func tearDown() {
        room?.stop()
        try? FileManager.default.removeItem(atPath: store)
    }

    func newSession() -> String {
        let r = Spawn.run([Binary.perspectief, "new", "--store", store, "--perspective", "ouderen", "--title", "Zwolle", "--votes", "2"])
        XCTAssertEqual(r.status, 0, r.error)
        return r.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func state(_ id: String) throws -> SessionState { try SessionStore(root: store).open(id, readOnly: true).state }

    static func freePort() -> Int { Int.random(in: 20_000...45_000) }

    func testAPhoneJoinsTheFacilitatorsRoomTypesFollowsVotesAndSurvivesAReload() throws {
        let id = newSession()
        let web = Self.freePort()
        let facilitator = try Tmux(
            width: 120, height: 40,
            command: "\(Binary.perspectief) run \(id) --lang nl --room --listen 127.0.0.1 --port \(web + 1) --web-port \(web) --code 4321",
            environment: env)
        // A first start of the binary on a busy machine can be slow: a longer wait here only.
        facilitator.wait(for: "Stap 1 van 14", timeout: 25)
        facilitator.wait(for: "http://127.0.0.1:\(web)")
        XCTAssertTrue(facilitator.screen().contains("█████████"), "the QR code is on the projector")
        facilitator.keys("Right", "Right")
        facilitator.wait(for: "Stap 3 van 14")

        let phone = try Chromium(width: 360, height: 740, language: "nl-NL")
        try phone.open("http://127.0.0.1:\(web)/")
        try phone.wait("document.getElementById('join').offsetParent !== null")
        XCTAssertEqual(try phone.text("#joinBtn"), "Meedoen", "a Dutch phone gets the Dutch page")
        XCTAssertTrue(try phone.visible("#code"), "the room asks its code")

        // A wrong code is refused, in the phone's language; nobody joins.
        try phone.type(into: "#code", "0000")
        try phone.type(into: "#name", "Ayşe")
        try phone.tap("#joinBtn")
        try phone.wait("document.getElementById('joinErr').textContent === 'Die code klopt niet.'")
        XCTAssertTrue(try state(id).participants.isEmpty)
        try phone.screenshot(to: Binary.repo.appendingPathComponent(".build/phone-360-join.png").path)

        _ = try phone.eval("document.getElementById('code').value = ''")
        try phone.type(into: "#code", "4321")
        try phone.tap("#joinBtn")
        try phone.wait("document.getElementById('room').offsetParent !== null && document.getElementById('stepno').textContent === 'Stap 3 van 14'")
        XCTAssertEqual(try phone.text("#title"), "Zwolle · Ayşe")
        XCTAssertEqual(try phone.eval("document.documentElement.scrollWidth <= 360") as? Bool, true, "no sideways scrolling at 360 px")
        XCTAssertEqual(try phone.eval("Array.from(document.querySelectorAll('button')).filter(function(b){return b.offsetParent&&b.id!=='lang'}).every(function(b){return b.getBoundingClientRect().height>=44})") as? Bool, true, "large touch targets")
        XCTAssertFalse(try phone.text("#tagline").isEmpty, "the scenario's tagline, as on a terminal")
        facilitator.wait(for: "Deelnemers: 1")
        facilitator.wait(for: "1 verbonden")

        // Dutch text typed on the phone shows on the facilitator's screen.
        try phone.type(into: "#text", "één reëel")
        try phone.tap("#save")
        try phone.wait("document.querySelector('#entries li .x') && document.querySelector('#entries li .x').textContent === 'één reëel'")
        facilitator.wait(for: "één reëel — Ayşe")
        try phone.screenshot(to: Binary.repo.appendingPathComponent(".build/phone-360.png").path)

        // The facilitator moves on; the phone follows.
        facilitator.keys("Right")
        try phone.wait("document.getElementById('stepno').textContent === 'Stap 4 van 14'")

        // A draft survives a reload, and the reload keeps the participant (no new join).
        try phone.type(into: "#text", "nog niet klaar")
        try phone.reload()
        try phone.wait("document.getElementById('stepno').textContent === 'Stap 4 van 14'")
        XCTAssertEqual(try phone.eval("document.getElementById('text').value") as? String, "nog niet klaar")
        XCTAssertEqual(try phone.text("#title"), "Zwolle · Ayşe")
        XCTAssertEqual(try state(id).participants.count, 1)
        _ = try phone.eval("document.getElementById('text').value = ''")

        // Insights (past the other rounds, the break and the harvest), with hostile text that stays text.
        facilitator.keys("Right", "Right", "Right", "Right", "Right")
        try phone.wait("document.getElementById('stepno').textContent === 'Stap 9 van 14'")
        try phone.type(into: "#text", "Eén loket <img src=x onerror=\"window.pwned=1\">")
        try phone.tap("#save")
        try phone.wait("document.querySelectorAll('#entries li').length === 1")
        XCTAssertEqual(try phone.text("#entries li .x"), "Eén loket <img src=x onerror=\"window.pwned=1\">")
        XCTAssertEqual(try phone.eval("document.querySelectorAll('#entries img').length") as? Int, 0)
        XCTAssertEqual(try phone.eval("typeof window.pwned") as? String, "undefined")
        facilitator.wait(for: "Eén loket <img src=x")
        try phone.type(into: "#text", "Tweede inzicht")
        try phone.tap("#save")
        try phone.wait("document.querySelectorAll('#entries li').length === 2")

        // Voting within the budget of 2: the step right after the insights.
        facilitator.keys("Right")
        facilitator.wait(for: "Stap 10 van 14")
        try phone.wait("document.getElementById('info').textContent === 'Nog 2 van 2 stemmen te geven'")
        try phone.tap("#entries li:first-child button.vote")
        try phone.wait("document.getElementById('info').textContent === 'Nog 1 van 2 stemmen te geven'")
        try phone.tap("#entries li:first-child button.vote")
        try phone.wait("document.getElementById('info').textContent === 'Nog 0 van 2 stemmen te geven'")
        XCTAssertEqual(try phone.eval("Array.from(document.querySelectorAll('button.vote')).every(function(b){return b.disabled})") as? Bool, true)
        XCTAssertEqual(try state(id).entries.map(\.votes).reduce(0, +), 2)
        try phone.tap("#entries li:first-child button.unvote")
        try phone.wait("document.getElementById('info').textContent === 'Nog 1 van 2 stemmen te geven'")
        try phone.screenshot(to: Binary.repo.appendingPathComponent(".build/phone-360-vote.png").path)

        // The language switch.
        try phone.tap("#lang")
        try phone.wait("document.getElementById('info').textContent === 'Votes left: 1 of 2'")
        XCTAssertTrue(phone.logs.filter { $0.contains("Content Security Policy") || $0.hasPrefix("exception") }.isEmpty, "\(phone.logs)")

        // The facilitator leaves the session (asked first: a phone is connected): the room
        // closes, the phone is told, and the page is no longer served.
        facilitator.keys("q")
        facilitator.wait(for: "Sessie verlaten?")
        facilitator.keys("j")
        try phone.wait("document.getElementById('bye').offsetParent !== null")
        XCTAssertEqual(try phone.text("#byeTitle"), "The room is closed")
        let deadline = Date().addingTimeInterval(5)
        while (try? WebProbe.get(port: web)) != nil && Date() < deadline { usleep(50_000) }
        XCTAssertThrowsError(try WebProbe.get(port: web), "nothing listens once the room is closed")
        facilitator.keys("q")
        XCTAssertTrue(facilitator.waitForExit().hasPrefix("EXIT=0"))
    }

    func testADroppedSocketReconnectsAndAnEntrySavedMeanwhileArrivesOnce() throws {
        let id = newSession()
        let h = try SessionStore(root: store).open(id)
        let workshops = WorkshopCatalog.load().workshops
        let engine = Engine(workshop: try XCTUnwrap(workshops.first { $0.id == h.state.setup.workshopId }))
        try h.perform(.moveStep(to: "ronde-1"), by: .facilitator(nil), engine: engine, now: 1_790_000_000_000)
        h.close()
        let room = try WebRoom.start(storeRoot: store, sessionId: id, workshops: workshops, host: "127.0.0.1", port: 0, code: RoomCode("4321"))
        self.room = room
        let phone = try Chromium()
        try phone.open("http://127.0.0.1:\(room.port)/")
        try phone.type(into: "#code", "4321")
        try phone.type(into: "#name", "Ayşe")
        try phone.tap("#joinBtn")
        try phone.wait("document.getElementById('stepno').textContent === 'Stap 3 van 14'")

        // The socket drops just as an entry is saved: the page reconnects and sends it again
        // with the same request id, and the server saves it once.
        try phone.type(into: "#text", "na de val")
        let dropped = DispatchSemaphore(value: 0)
        Task { await room.hub.dropSockets(); dropped.signal() }
        dropped.wait()
        try phone.tap("#save")
        try phone.wait("document.querySelectorAll('#entries li').length === 1 && document.getElementById('conn').hidden", timeout: 20)
        usleep(500_000)
        XCTAssertEqual(try state(id).entries.filter { $0.text == "na de val" }.count, 1, "saved once, not twice")
        XCTAssertEqual(try phone.eval("localStorage.getItem('pf.outbox')") as? String, "[]", "nothing left to send")

        // A socket that stays away: the page says so, and comes back by itself.
        let again = DispatchSemaphore(value: 0)
        Task { await room.hub.dropSockets(); again.signal() }
        again.wait()
        try phone.wait("!document.getElementById('conn').hidden || document.querySelectorAll('#entries li').length === 1")
        try phone.wait("document.getElementById('conn').hidden && document.querySelectorAll('#entries li').length === 1", timeout: 20)
    }

    func testTheStrangerWithoutACookieSeesTheJoinPageAndClosingEndsThePhone() throws {
        let id = newSession()
        let room = try WebRoom.start(
            storeRoot: store, sessionId: id, workshops: WorkshopCatalog.load().workshops, host: "127.0.0.1", port: 0, code: nil)
        self.room = room
        let phone = try Chromium(language: "en-GB")
        try phone.open("http://127.0.0.1:\(room.port)/")
        try phone.wait("document.getElementById('join').offsetParent !== null")
        XCTAssertEqual(try phone.text("#joinBtn"), "Join", "an English phone gets the English page")
        XCTAssertFalse(try phone.visible("#code"), "an open room asks no code")
        try phone.type(into: "#name", "Bram")
        try phone.tap("#joinBtn")
        try phone.wait("document.getElementById('room').offsetParent !== null")
        room.stop()
        try phone.wait("document.getElementById('bye').offsetParent !== null")
        XCTAssertEqual(try phone.text("#byeTitle"), "The room is closed")
        XCTAssertTrue(try phone.text("#byeText").contains("as soon as the room opens again"))

        // The facilitator opens the room again: the phone is back in by itself, no name typed.
        let again = try WebRoom.start(
            storeRoot: store, sessionId: id, workshops: WorkshopCatalog.load().workshops, host: "127.0.0.1", port: room.port, code: nil)
        self.room = again
        try phone.wait("document.getElementById('room').offsetParent !== null", timeout: 20)
        XCTAssertEqual(try phone.text("#title").hasSuffix("Bram"), true)
        XCTAssertEqual(try state(id).participants.count, 1, "no second join")
    }
}


/// Whether something answers HTTP on a port of 127.0.0.1.
enum WebProbe {
    struct Closed: Error {}
    static func get(port: Int) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        if rc != 0 { throw Closed() }
    }
}
