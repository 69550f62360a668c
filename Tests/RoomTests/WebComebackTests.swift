import Core
import Foundation
import Store
import TestSupport
import XCTest

@testable import Room

/// A phone is let back in by its token after the room closes and opens again, or after the
/// facilitator's process is gone: the hub keeps only the tokens' hashes, owner-only, on disk.
/// And what a phone is told comes in the model: saved, refused, an entry not accepted.
final class WebComebackTests: XCTestCase {
    var f: WebFixture!

    override func setUpWithError() throws { f = try WebFixture() }
    override func tearDown() { f?.cleanUp() }

    func next(_ it: inout AsyncStream<String>.Iterator, type: String) async throws -> JSONObject {
        while let text = await it.next() {
            let o = try XCTUnwrap(JSONParser.parse(text).objectValue)
            if o["type"]?.stringValue == type { return o }
        }
        throw Missing(description: "the socket ended before a \(type) message")
    }

    func testATokenWorksAgainInANewRoomAndIsStoredOnlyAsAHashOwnerOnly() async throws {
        guard case .joined(let token, _) = await f.room.hub.join(name: "Ayşe") else { return XCTFail("join") }
        let path = f.root + "/.room/" + WebTokens.fileName
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertFalse(text.contains(token), "the token itself is never written")
        XCTAssertTrue(text.contains(WebTokens.hash(token)))
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o077, 0, "owner-only")

        // The room closes (or the process dies) and a new one opens on the same store.
        f.room.stop()
        f.room = try WebRoom.start(
            storeRoot: f.root, sessionId: f.id, workshops: [WebFixture.workshop], host: "127.0.0.1", port: 0, code: RoomCode("9999"))
        guard case .connected(_, let stream) = await f.room.hub.connect(token: token) else { return XCTFail("the phone is not let back in") }
        var it = stream.makeAsyncIterator()
        let state = try await next(&it, type: "state")
        XCTAssertEqual(state["name"]?.stringValue, "Ayşe")
        XCTAssertEqual(try f.state().participants.count, 1, "no second join")
        XCTAssertEqual(f.room.people.map(\.name), ["Ayşe"])

        // A made-up token is not let in; one the facilitator sent away is forgotten.
        guard case .unknown = await f.room.hub.connect(token: WebHub.newToken()) else { return XCTFail("a stranger got in") }
        let person = try XCTUnwrap(f.room.people.first)
        f.room.disconnect(person.id)
        f.room.stop()
        f.room = try WebRoom.start(
            storeRoot: f.root, sessionId: f.id, workshops: [WebFixture.workshop], host: "127.0.0.1", port: 0, code: RoomCode("9999"))
        guard case .unknown = await f.room.hub.connect(token: token) else { return XCTFail("a sent-away phone came back") }
    }

    func testAnAnonymousSessionKeepsNoNameInTheTokens() async throws {
        f.cleanUp()
        f = try WebFixture(anonymous: true)
        guard case .joined = await f.room.hub.join(name: "Ayşe Yılmaz") else { return XCTFail("join") }
        let text = try String(contentsOfFile: f.root + "/.room/" + WebTokens.fileName, encoding: .utf8)
        XCTAssertFalse(text.contains("Ayşe") || text.contains("Yılmaz"), text)
    }

    func testSavedAndRejectedAreToldInTheViewAndStayInTheirStep() async throws {
        try f.move(to: "ronde-a")
        let hub = f.room.hub
        guard case .joined(let token, _) = await hub.join(name: "Bram") else { return XCTFail("join") }
        guard case .connected(let socket, let stream) = await hub.connect(token: token) else { return XCTFail("socket") }
        var it = stream.makeAsyncIterator()
        _ = try await next(&it, type: "state")
        await hub.receive(token: token, socket: socket, text: #"{"rid":"abcdef0123456789","op":"add","text":"Wachttijden van weken"}"#)
        _ = try await next(&it, type: "ack")
        let saved = try await next(&it, type: "state")
        XCTAssertEqual(saved["notice"]?["kind"]?.stringValue, "saved")
        XCTAssertEqual(saved["notice"]?["text"]?["nl"]?.stringValue, "Opgeslagen.")

        // The facilitator does not accept it: the phone is told, in its step.
        let h = try f.store.open(f.id)
        try h.perform(.review(id: "w-abcdef0123456789", status: .rejected), by: .facilitator("Anna"), engine: Engine(workshop: WebFixture.workshop), now: 1_790_000_200_000)
        h.close()
        await hub.refresh()
        let told = try await next(&it, type: "state")
        XCTAssertEqual(told["notice"]?["kind"]?.stringValue, "refused")
        XCTAssertEqual(told["notice"]?["text"]?["nl"]?.stringValue, "De facilitator heeft je bijdrage \"Wachttijden van weken\" niet opgenomen.")
        XCTAssertEqual(told["entries"]?.arrayValue?.count, 0)

        // The next step: the notice stays behind.
        let next = WebFixture.workshop.steps.first { $0.id != "ronde-a" }!.id
        try f.move(to: next)
        await hub.refresh()
        let moved = try await self.next(&it, type: "state")
        XCTAssertNil(moved["notice"], "a notice does not follow into the next step")
    }
}
