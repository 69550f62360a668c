import Core
import Foundation
@testable import Room
import Store
import TestSupport
import XCTest

/// A phone (headless Chromium) keeps its name: the QR link with the room's default 8-digit
/// code joins with only a name, the page shows the rejoin code, and a second browser profile
/// (another phone) takes the name back with it — entries and all. After the facilitator
/// releases the name, whoever joins under it gets the entries and a new code.
final class PhoneRejoinCodeTests: XCTestCase {
    var store = ""
    var room: WebRoom?

    override func setUpWithError() throws {
        if Chromium.binary() == nil { throw Requirement.missing("chromium not installed (make setup installs it)") }
        store = Binary.tempDir("rejoin")
    }

    override func tearDown() {
        room?.stop()
        try? FileManager.default.removeItem(atPath: store)
    }

    func state(_ id: String) throws -> SessionState { try SessionStore(root: store).open(id, readOnly: true).state }

    /// The hub lets go of a name a closed page held (the grace is long in a real room).
    func letGo(_ room: WebRoom) {
        usleep(700_000)  // the closed page's socket reaches the hub
        let done = DispatchSemaphore(value: 0)
        Task {
            await room.hub.setPresenceGrace(0)
            await room.hub.sweep()
            done.signal()
        }
        done.wait()
    }

    func join(_ phone: Chromium, name: String, rejoin: String? = nil) throws {
        try phone.wait("document.getElementById('join').offsetParent !== null")
        _ = try phone.eval("document.getElementById('rejoin').value = ''; document.getElementById('name').value = ''")
        try phone.type(into: "#name", name)
        if let rejoin { try phone.type(into: "#rejoin", rejoin) }
        try phone.tap("#joinBtn")
    }

    func testTheQRLinkJoinsWithANameAndTheRejoinCodeTakesTheNameBackOnAnotherPhone() throws {
        let new = Spawn.run([Binary.perspectief, "new", "--store", store, "--perspective", "ouderen", "--title", "Zwolle"])
        XCTAssertEqual(new.status, 0, new.error)
        let id = new.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let h = try SessionStore(root: store).open(id)
        let workshops = WorkshopCatalog.load().workshops
        try h.perform(.moveStep(to: "ronde-1"), by: .facilitator(nil), engine: Engine(workshop: try XCTUnwrap(workshops.first { $0.id == h.state.setup.workshopId })), now: 1_790_000_000_000)
        let code = RoomCode.random()
        XCTAssertEqual(code.digits.count, 8)
        let room = try WebRoom.start(storeRoot: store, sessionId: id, workshops: workshops, host: "127.0.0.1", port: 0, code: code)
        self.room = room
        let link = WebRoom.joinLink("http://127.0.0.1:\(room.port)", code: code)

        // The QR's link (as scanned, and as typed with a space between the groups): only a name.
        let first = try Chromium()
        try first.open(link)
        try first.wait("document.getElementById('join').offsetParent !== null")
        XCTAssertFalse(try first.visible("#code"), "the code comes from the link:\n\(link)")
        try join(first, name: "Sanne")
        try first.wait("document.getElementById('room').offsetParent !== null")
        let shown = try XCTUnwrap(first.eval("document.getElementById('meCode').value") as? String)
        XCTAssertEqual(shown.filter(\.isNumber).count, 6, shown)
        XCTAssertTrue(try first.text("#meText").contains(shown), "the code is said in words, right after joining")
        try first.wait("document.getElementById('text').offsetParent !== null")
        _ = try first.eval("document.getElementById('text').value = ''")
        try first.type(into: "#text", "Van Sanne")
        try first.tap("#save")
        try first.wait("document.querySelectorAll('#entries li.mine').length === 1")
        try first.open("about:blank")
        letGo(room)

        // Another phone: the name alone is not enough; with the code it is hers again.
        let second = try Chromium(language: "nl-NL")
        try second.open("http://127.0.0.1:\(room.port)/#\(code.digits.prefix(4))%20\(code.digits.dropFirst(4))")
        try join(second, name: "Sanne")
        try second.wait("document.getElementById('joinErr').offsetParent !== null && document.getElementById('joinErr').textContent.length > 0")
        try join(second, name: "Sanne", rejoin: shown)
        try second.wait("document.getElementById('room').offsetParent !== null")
        try second.wait("document.querySelectorAll('#entries li.mine').length === 1")
        XCTAssertEqual(try second.eval("document.getElementById('meCode').value") as? String, shown, "the same code, shown again")
        XCTAssertEqual(try state(id).participants.count, 1, "one person, not a \"Sanne B\"")
        try second.open("about:blank")
        letGo(room)

        // The facilitator releases the name (the desk's R): the next Sanne gets the entries and a new code.
        try h.releaseName("Sanne")
        h.close()
        let third = try Chromium()
        try third.open(link)
        try join(third, name: "Sanne")
        try third.wait("document.getElementById('room').offsetParent !== null")
        try third.wait("document.querySelectorAll('#entries li.mine').length === 1")
        let renewed = try XCTUnwrap(third.eval("document.getElementById('meCode').value") as? String)
        XCTAssertEqual(renewed.filter(\.isNumber).count, 6)
        XCTAssertEqual(try state(id).participants.count, 1)
    }

    func testAnEmptyCodeFieldAsksForTheCode() throws {
        let new = Spawn.run([Binary.perspectief, "new", "--store", store, "--perspective", "ouderen", "--title", "Zwolle"])
        let id = new.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let room = try WebRoom.start(storeRoot: store, sessionId: id, workshops: WorkshopCatalog.load().workshops, host: "127.0.0.1", port: 0, code: RoomCode("27948024"))
        self.room = room
        let phone = try Chromium(language: "nl-NL")
        try phone.open("http://127.0.0.1:\(room.port)/")
        try join(phone, name: "Bram")
        try phone.wait("document.getElementById('joinErr').textContent === 'Typ de code.'")
        XCTAssertTrue(try state(id).participants.isEmpty)
    }
}
