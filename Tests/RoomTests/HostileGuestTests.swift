import Core
import Crypto
import Foundation
import Store
import Synchronization
import XCTest

@testable import Room

/// A guest on the room's Wi-Fi, played on loopback from many source addresses: names cannot be
/// taken over, an anonymous session keeps its names, the code holds, the log stays small.
final class HostileGuestTests: XCTestCase {
    var f: WebFixture!
    var hub: WebHub { f.room.hub }

    override func tearDown() { f?.cleanUp() }

    func joined(_ r: WebHub.JoinResult) throws -> (token: String, code: String?) {
        guard case .joined(let token, let code) = r else { throw Failure(description: "join refused: \(r)") }
        return (token, code)
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    func testALookAlikeNameCannotTakeOverAnnasEntriesWithoutProof() async throws {
        f = try WebFixture()
        let anna = try joined(await hub.join(name: "Anna", address: "127.0.0.2"))
        let code = try XCTUnwrap(anna.code, "the first join shows a personal rejoin code")
        XCTAssertEqual(code.filter(\.isNumber).count, RejoinCodes.digits)
        guard case .connected(let socket, let stream) = await hub.connect(token: anna.token) else { return XCTFail("socket") }
        var it = stream.makeAsyncIterator()
        await hub.receive(token: anna.token, socket: socket, text: #"{"rid":"anna000000000001","op":"add","text":"van Anna"}"#)
        while let m = await it.next(), !m.contains("\"ack\""), !m.contains("refused") {}
        _ = stream
        // Anna leaves: her phone is gone, her name is free to be claimed.
        let person = try XCTUnwrap(f.room.people.first).id
        await hub.disconnect(personId: person)

        for lookalike in [" ANNA ", "anna", "\u{0410}nna", "An\u{2060}na", "Ａｎｎａ"] {
            let r = await hub.join(name: lookalike, address: "127.0.0.3")
            XCTAssertEqual(r, .refused(Refusal.nameNeedsProof.reason), lookalike)
        }
        let wrong = await hub.join(name: " ANNA ", address: "127.0.0.3", rejoinCode: "000 000")
        XCTAssertEqual(wrong, .refused(WebHub.wrongRejoinCode))
        XCTAssertEqual(try f.state().participants.count, 1, "no second person was made")

        // Anna herself, with her code (typed without the space), is Anna again.
        let back = try joined(await hub.join(name: " ANNA ", address: "127.0.0.4", rejoinCode: code.replacingOccurrences(of: " ", with: "")))
        XCTAssertNil(back.code, "no new code for a name that has one")
        guard case .connected(let s2, let st2) = await hub.connect(token: back.token) else { return XCTFail("socket") }
        var it2 = st2.makeAsyncIterator()
        await hub.receive(token: back.token, socket: s2, text: #"{"rid":"anna000000000002","op":"edit","id":"w-anna000000000001","text":"nog steeds van Anna"}"#)
        while let m = await it2.next(), !m.contains("\"ack\""), !m.contains("refused") {}
        XCTAssertEqual(try f.state().entries.first?.text, "nog steeds van Anna")

        // The facilitator releases the name (Anna lost her code): the next Anna needs none.
        await hub.disconnect(personId: try XCTUnwrap(f.room.people.first).id)
        let h = try f.store.open(f.id)
        try h.releaseName("Anna")
        h.close()
        let fresh = try joined(await hub.join(name: "anna", address: "127.0.0.5"))
        XCTAssertNotNil(fresh.code, "a released name gets a new code")
    }

    func testTheJoinAnswerCarriesTheRejoinCodeAndAForeignHostIsRefused() throws {
        f = try WebFixture()
        let r = try f.join(name: "Bram")
        XCTAssertEqual(r.status, 200)
        let o = try XCTUnwrap(JSONParser.parse(r.body).objectValue)
        XCTAssertEqual(o["rejoin"]?.stringValue?.filter(\.isNumber).count, RejoinCodes.digits)
        // DNS rebinding: a page of evil.example whose name now points here.
        let fd = try RawHTTP.connect(port: f.room.port)
        defer { close(fd) }
        let request = Array("GET / HTTP/1.1\r\nHost: evil.example:\(f.room.port)\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let rebound = String(decoding: RawHTTP.readAll(fd), as: UTF8.self)
        XCTAssertTrue(rebound.hasPrefix("HTTP/1.1 421"), rebound)
        XCTAssertFalse(rebound.contains("<html"))
        XCTAssertTrue(WebServer.hostAllowed("192.168.1.20:8080"))
        XCTAssertTrue(WebServer.hostAllowed("[::1]:8080"))
        XCTAssertFalse(WebServer.hostAllowed("192.168.1.20.evil.example"))
    }

    func testAnAnonymousSessionsFilesAndPackRevealNoNameFromAListOfCandidates() async throws {
        f = try WebFixture(anonymous: true)
        // (Anna is the facilitator, named in the session's setup.)
        let candidates = ["Bram", "Carla", "Daan", "Eva", "Fatima", "Gert", "Hanna", "Ilse", "Jan", "Kees", "Lotte"]
        for (n, name) in ["Carla", "Kees"].enumerated() {
            let p = try joined(await hub.join(name: name, address: "127.0.0.2"))
            guard case .connected(let s, let st) = await hub.connect(token: p.token) else { return XCTFail("socket") }
            var it = st.makeAsyncIterator()
            await hub.receive(token: p.token, socket: s, text: #"{"rid":"entry0000000000\#(n)","op":"add","text":"anoniem idee"}"#)
            while let m = await it.next(), !m.contains("\"ack\""), !m.contains("refused") {}
        }
        f.room.stop()
        let pack = f.root + "-pack"
        defer { try? FileManager.default.removeItem(atPath: pack) }
        _ = try f.store.pack([f.id], to: pack, overwrite: true)
        var blobs: [String] = [try String(contentsOfFile: pack, encoding: .utf8)]
        let folder = f.store.folder(of: f.id)
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            blobs.append(String(decoding: FileManager.default.contents(atPath: folder + "/" + file) ?? Data(), as: UTF8.self) + " " + file)
        }
        let all = blobs.joined(separator: "\n").lowercased()
        let keys = try f.state().participants.keys.sorted()
        XCTAssertEqual(keys.count, 2)
        XCTAssertTrue(keys.allSatisfy { $0.hasPrefix("h:") }, "\(keys)")
        // Every way to test a candidate without the store's secret finds nothing.
        for name in candidates {
            let identity = ParticipantName.identity(name)
            var guesses = [name.lowercased(), ParticipantKey.legacyAnonymous(name: name, sessionId: f.id), ParticipantKey.named(name)]
            for material in [identity, f.id + "\u{0}" + identity, "participant\u{0}" + f.id + "\u{0}" + identity] {
                guesses.append(SHA256.hash(data: Array(material.utf8)).map { String(format: "%02x", $0) }.joined())
                let unkeyed = HMAC<SHA256>.authenticationCode(for: Array(material.utf8), using: SymmetricKey(data: [UInt8]()))
                guesses.append(unkeyed.map { String(format: "%02x", $0) }.joined())
            }
            for g in guesses { XCTAssertFalse(all.contains(g.lowercased()), "\(name) is recoverable as \(g)") }
        }
        // The secret is the store's, owner-only, and in no session or pack.
        let secret = ParticipantSecret.folder(store: f.root) + "/participant-secret"
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: secret)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o077, 0)
        let secretHex = (FileManager.default.contents(atPath: secret) ?? Data()).map { String(format: "%02x", $0) }.joined()
        XCTAssertFalse(all.contains(secretHex))
    }

    func testOldAnonymousKeysStillFindTheirOwner() throws {
        f = try WebFixture(anonymous: true)
        let h = try f.store.open(f.id)
        defer { h.close() }
        let old = ParticipantKey.legacyAnonymous(name: "Anna", sessionId: f.id)
        try h.perform(.join, by: Actor(role: .participant, key: old, name: nil), engine: Engine(workshop: WebFixture.workshop), now: 1_790_000_000_500)
        XCTAssertEqual(try h.participantKey(for: " anna "), old, "a session saved before keeps its keys")
        XCTAssertTrue(try h.participantKey(for: "Bram").hasPrefix("h:"))
    }

    /// Wrong codes from 50 loopback addresses for 20 s: counted against one room-wide budget,
    /// so the checks per second put the default code's expected guessing time over a day.
    func testWrongCodesFromFiftyAddressesCannotGuessTheDefaultCodeInADay() throws {
        let code = RoomCode.random()
        XCTAssertEqual(code.digits.count, RoomCode.defaultLength)
        f = try WebFixture(code: code.digits)
        let port = f.room.port
        let checked = Atomic<Int>(0), refused = Atomic<Int>(0)
        let until = Date().addingTimeInterval(20)
        DispatchQueue.concurrentPerform(iterations: 50) { i in
            var g = SystemRandomNumberGenerator()
            while Date() < until {
                let guess = String(format: "%08d", Int.random(in: 0..<100_000_000, using: &g))
                let body = Array(#"{"code":"\#(guess)","name":"x\#(i)"}"#.utf8)
                guard let r = try? RawHTTP.send(port: port, from: "127.0.0.\(10 + i)", method: "POST", path: "/join",
                    headers: ["Content-Type": "application/json"], body: body)
                else { usleep(50_000); continue }
                if r.status == 403 { checked.wrappingAdd(1, ordering: .relaxed) } else { refused.wrappingAdd(1, ordering: .relaxed) }
                if r.status == 200 { XCTFail("a guess was right") }
                usleep(20_000)
            }
        }
        let perSecond = Double(checked.load(ordering: .relaxed)) / 20
        let expectedSeconds = pow(10, Double(RoomCode.defaultLength)) / 2 / max(perSecond, 0.001)
        XCTAssertGreaterThan(expectedSeconds, 86_400, "\(checked.load(ordering: .relaxed)) checked guesses in 20 s")
        XCTAssertGreaterThan(refused.load(ordering: .relaxed), 0, "guesses beyond the budget were turned away unchecked")
        // And a phone with the right code still gets in after the flood.
        var ok = 0
        for _ in 0..<3 where ok == 0 {
            if (try? f.join(code: code.grouped, name: "Echte telefoon"))?.status == 200 { ok += 1 } else { sleep(3) }
        }
        XCTAssertEqual(ok, 1)
    }

    func testTheRoomLogStaysUnderItsSizeAfterAFlood() throws {
        let dir = NSTemporaryDirectory() + "pf-log-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let log = RoomLog(path: dir + "/log", maxBytes: 64 * 1024)
        var now: Int64 = 1_790_000_000_000
        for i in 0..<200_000 {
            log.refused(address: "127.0.\(i % 7).\(i % 250)", reason: "tooManyFromAddress", nowMs: now)
            if i % 50 == 0 { log.write("2026-12-04T10:00:00Z ssh 127.0.0.1 TERM=xterm 80x24 0.1s wrong code 3x") }
            now += 3
        }
        log.flush()
        for name in ["log", "log.1"] {
            let size = (try FileManager.default.attributesOfItem(atPath: dir + "/" + name)[.size] as? Int) ?? 0
            XCTAssertLessThanOrEqual(size, 64 * 1024, name)
        }
        let text = try String(contentsOfFile: dir + "/log", encoding: .utf8)
        XCTAssertTrue(text.contains("x in this minute"), "refusals are counted, not written one by one")
    }
}

extension RawHTTP {
    /// One request from a chosen loopback source address (as many devices on one Wi-Fi).
    static func send(port: Int, from source: String, method: String, path: String, headers: [String: String] = [:], body: [UInt8] = [])
        throws -> Response
    {
        let fd = try connect(port: port, from: source)
        defer { close(fd) }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (k, v) in headers { head += "\(k): \(v)\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        let bytes = Array(head.utf8) + body
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let raw = String(decoding: readAll(fd), as: UTF8.self)
        guard raw.hasPrefix("HTTP/1.1 "), let status = Int(raw.dropFirst(9).prefix(3)) else { throw Failure(description: "no response") }
        return Response(status: status, headers: [], body: raw)
    }

    static func connect(port: Int, from source: String) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        local.sin_addr.s_addr = inet_addr(source)
        _ = withUnsafePointer(to: &local) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard rc == 0 else { close(fd); throw Failure(description: "connect: \(errno)") }
        var tv = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }
}
