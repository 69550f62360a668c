import Core
import Foundation
import TestSupport
import XCTest

@testable import Room

/// The web participant's actions, through the same engine and store as a terminal's.
final class WebHubTests: XCTestCase {
    var f: WebFixture!
    var hub: WebHub { f.room.hub }

    override func setUpWithError() throws { f = try WebFixture() }
    override func tearDown() { f?.cleanUp() }

    /// Joins and opens a socket; returns the token, the socket id and its message iterator.
    func participant(_ name: String) async throws -> (String, Int, AsyncStream<String>.Iterator) {
        guard case .joined(let token, _) = await hub.join(name: name) else { throw Missing(description: "join refused") }
        guard case .connected(let id, let stream) = await hub.connect(token: token) else { throw Missing(description: "no socket") }
        return (token, id, stream.makeAsyncIterator())
    }

    func next(_ it: inout AsyncStream<String>.Iterator, type: String) async throws -> JSONObject {
        while let text = await it.next() {
            let o = try XCTUnwrap(JSONParser.parse(text).objectValue)
            if o["type"]?.stringValue == type { return o }
        }
        throw Missing(description: "the socket ended before a \(type) message")
    }

    func testAnEntrySavedTwiceWithOneRequestIdIsSavedOnce() async throws {
        try f.move(to: "ronde-a")
        var (token, socket, it) = try await participant("Ayşe")
        let first = try await next(&it, type: "state")
        XCTAssertEqual(first["step"]?["kind"]?.stringValue, "scenarioRound")
        XCTAssertNotNil(first["scenario"]?["narrative"]?["nl"]?.stringValue, "the scenario card comes with a round")
        let add = #"{"rid":"abcdef0123456789","op":"add","text":"één reëel"}"#
        await hub.receive(token: token, socket: socket, text: add)
        let ack = try await next(&it, type: "ack")
        XCTAssertEqual(ack["entry"]?.stringValue, "w-abcdef0123456789")
        await hub.receive(token: token, socket: socket, text: add)
        _ = try await next(&it, type: "ack")
        let entries = try f.state().entries
        XCTAssertEqual(entries.map(\.text), ["één reëel"])
        XCTAssertEqual(entries.first?.author, "Ayşe")
        XCTAssertEqual(entries.first?.step, "ronde-a")

        // A new socket (after a reload) repeats what it had not seen answered: still one entry.
        await hub.disconnect(token: token, id: socket)
        guard case .connected(let again, _) = await hub.connect(token: token) else { return XCTFail("reconnect") }
        socket = again
        await hub.receive(token: token, socket: socket, text: add)
        try await Task.sleep(for: .milliseconds(50))
        XCTAssertEqual(try f.state().entries.count, 1)
    }

    func testTheEngineRefusesWithItsOwnReasonsInBothLanguages() async throws {
        var (token, socket, it) = try await participant("Bram")
        // The first step collects notes; voting is for the voting step only.
        await hub.receive(token: token, socket: socket, text: #"{"rid":"vote0000000001","op":"vote","id":"nope"}"#)
        let refused = try await next(&it, type: "refused")
        XCTAssertEqual(refused["reason"]?["nl"]?.stringValue, "Stemmen kan alleen in de stemstap.")
        XCTAssertEqual(refused["reason"]?["en"]?.stringValue, "Voting is only possible in the voting step.")
        await hub.receive(token: token, socket: socket, text: #"{"rid":"empty000000001","op":"add","text":"  \u001b[2J "}"#)
        let empty = try await next(&it, type: "refused")
        XCTAssertEqual(empty["reason"]?["nl"]?.stringValue, "Typ eerst een tekst.")
        await hub.receive(token: token, socket: socket, text: #"{"op":"export"}"#)
        let bad = try await next(&it, type: "error")
        XCTAssertEqual(bad["reason"]?["en"]?.stringValue, "The server does not understand that request.")
        XCTAssertTrue(try f.state().entries.isEmpty)
    }

    func testOthersEntriesCannotBeChangedAndHostileTextArrivesClean() async throws {
        try f.move(to: "ronde-a")
        var (a, sa, ia) = try await participant("Ayşe")
        var (b, sb, ib) = try await participant("Bram")
        _ = try await next(&ia, type: "state")
        _ = try await next(&ib, type: "state")
        let hostile = "\u{1B}[31mrood\u{1B}[0m \u{202E}tegen <script>alert(1)</script> <img src=x onerror=alert(2)>"
        let json = JSONWriter.compact(["rid": "hostile0000001", "op": "add", "text": .string(hostile)])
        await hub.receive(token: a, socket: sa, text: json)
        _ = try await next(&ia, type: "ack")
        let stored = try XCTUnwrap(try f.state().entries.first)
        XCTAssertEqual(stored.text, "rood tegen <script>alert(1)</script> <img src=x onerror=alert(2)>")
        // What the page gets is the clean text as data (the page puts it in a text node).
        let state = try await next(&ia, type: "state")
        XCTAssertEqual(state["entries"]?.arrayValue?.first?["text"]?.stringValue, stored.text)

        await hub.receive(token: b, socket: sb, text: #"{"rid":"steal000000001","op":"edit","id":"w-hostile0000001","text":"mine now"}"#)
        let refused = try await next(&ib, type: "refused")
        XCTAssertEqual(refused["reason"]?["en"]?.stringValue, "You can only change your own entries.")
        await hub.receive(token: b, socket: sb, text: #"{"rid":"steal000000002","op":"remove","id":"w-hostile0000001"}"#)
        _ = try await next(&ib, type: "refused")
        XCTAssertEqual(try f.state().entries.first?.removed, false)
    }

    func testVotingStaysWithinTheBudget() async throws {
        try f.move(to: "inzichten")
        var (token, socket, it) = try await participant("Ayşe")
        for n in 1...2 {
            await hub.receive(token: token, socket: socket, text: #"{"rid":"insight00000\#(n)","op":"add","text":"inzicht \#(n)"}"#)
            _ = try await next(&it, type: "ack")
        }
        try f.move(to: "stemmen")
        await hub.refresh()
        var s = try await next(&it, type: "state")
        while s["step"]?["kind"]?.stringValue != "voting" { s = try await next(&it, type: "state") }
        XCTAssertEqual(s["budget"]?.intValue, 2)
        for n in 1...3 {
            await hub.receive(token: token, socket: socket, text: #"{"rid":"vote00000000\#(n)","op":"vote","id":"w-insight000001"}"#)
        }
        _ = try await next(&it, type: "ack")
        _ = try await next(&it, type: "ack")
        let third = try await next(&it, type: "refused")
        XCTAssertEqual(third["reason"]?["nl"]?.stringValue, "Je hebt al je stemmen gebruikt.")
        XCTAssertEqual(try f.state().entry("w-insight000001")?.votes, 2)
    }

    func testClosingTheSessionEndsEverySocket() async throws {
        var (_, _, it) = try await participant("Ayşe")
        _ = try await next(&it, type: "state")
        let h = try f.store.open(f.id)
        try h.perform(.close, by: .facilitator("Anna"), engine: Core.Engine(workshop: WebFixture.workshop), now: 1_790_000_200_000)
        h.close()
        await hub.refresh()
        _ = try await next(&it, type: "closed")
        let after = await it.next()
        XCTAssertNil(after, "the socket's stream ends")
        let again = await hub.join(name: "Bram")
        XCTAssertEqual(again, .refused(LocalizedText(nl: "De sessie is afgesloten.", en: "The session is closed.")))
    }
}

extension WebHubTests {
    func testANameIsLetGoWhenThePhoneIsGoneAndTakenBackIfStillFree() async throws {
        var (token, socket, it) = try await participant("Ayşe")
        _ = try await next(&it, type: "state")
        // While the phone is here, a terminal cannot take the name.
        let h = try f.store.open(f.id)
        defer { h.close() }
        let key = ParticipantKey.key(name: "Ayşe", sessionId: f.id, anonymous: false)
        XCTAssertThrowsError(try h.claimPresence(key: key, name: "Ayşe"))
        // The phone sleeps past the grace time: the name is free for the same person elsewhere.
        await hub.disconnect(token: token, id: socket)
        await hub.setPresenceGrace(0)
        try await Task.sleep(for: .milliseconds(20))
        await hub.sweep()
        let terminal = try h.claimPresence(key: key, name: "Ayşe")
        // The phone wakes while the terminal holds the name: refused with the terminal's reason.
        guard case .refused(let reason) = await hub.connect(token: token) else { return XCTFail("the name is taken") }
        XCTAssertTrue(reason.en.contains("already in this session"), reason.en)
        terminal.release()
        guard case .connected(let again, _) = await hub.connect(token: token) else { return XCTFail("the name is free again") }
        socket = again
        XCTAssertEqual(try f.state().participants.count, 1, "one person, joined once")
    }
}

extension WebHubTests {
    func testAnAnonymousSessionStoresNoNameFromAPhone() async throws {
        f.cleanUp()
        f = try WebFixture(anonymous: true)
        try f.move(to: "ronde-a")
        var (token, socket, it) = try await participant("Ayşe")
        let first = try await next(&it, type: "state")
        XCTAssertEqual(first["name"], .null, "the page is not even told a name to show")
        await hub.receive(token: token, socket: socket, text: #"{"rid":"anon0000000001","op":"add","text":"zonder naam"}"#)
        _ = try await next(&it, type: "ack")
        let state = try f.state()
        XCTAssertEqual(state.entries.first?.author, nil)
        XCTAssertEqual(state.participants.values.first?.name, nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: f.store.folder(of: f.id))
        for file in files {
            let text = (try? String(contentsOfFile: f.store.folder(of: f.id) + "/" + file, encoding: .utf8)) ?? ""
            XCTAssertFalse(text.contains("Ayşe"), "\(file) holds the name")
        }
    }

    func testHeldEntriesShowAsWaitingOnThePhoneOnly() async throws {
        f.cleanUp()
        f = try WebFixture(holdForReview: true)
        try f.move(to: "ronde-a")
        var (token, socket, it) = try await participant("Ayşe")
        _ = try await next(&it, type: "state")
        await hub.receive(token: token, socket: socket, text: #"{"rid":"held0000000001","op":"add","text":"eerst kijken"}"#)
        _ = try await next(&it, type: "ack")
        let state = try await next(&it, type: "state")
        let entry = try XCTUnwrap(state["entries"]?.arrayValue?.first)
        XCTAssertEqual(entry["pending"], .bool(true))
        XCTAssertEqual(try f.state().entries.first?.status, .pending, "the engine held it, as for a terminal participant")
    }
}
