import Core
import Foundation
import XCTest

@testable import Room

/// The participant page's server as a browser (or an attacker) meets it over HTTP.
final class WebHTTPTests: XCTestCase {
    var f: WebFixture!

    override func setUpWithError() throws { f = try WebFixture() }
    override func tearDown() { f?.cleanUp() }

    func testThePageIsOneSmallSelfContainedFileUnderAStrictPolicy() throws {
        let r = try f.http("GET", "/")
        XCTAssertEqual(r.status, 200)
        XCTAssertEqual(r.header("Content-Type"), "text/html; charset=utf-8")
        XCTAssertLessThan(r.body.utf8.count, 30_000, "the page loads at once on a poor connection")
        let csp = try XCTUnwrap(r.header("Content-Security-Policy"))
        XCTAssertTrue(csp.hasPrefix("default-src 'none';"), csp)
        XCTAssertFalse(csp.contains("unsafe-inline"), csp)
        // The nonce of this response is the one on the page's script and style, and a new one each time.
        let nonce = try XCTUnwrap(csp.range(of: "script-src 'nonce-").map { String(csp[$0.upperBound...].prefix { $0 != "'" }) })
        XCTAssertGreaterThanOrEqual(nonce.count, 16)
        XCTAssertTrue(r.body.contains("<script nonce=\"\(nonce)\">"))
        XCTAssertTrue(r.body.contains("<style nonce=\"\(nonce)\">"))
        XCTAssertFalse(r.body.contains("{{"), "every placeholder filled")
        XCTAssertFalse(try f.http("GET", "/").body.contains(nonce))
        // No assets from anywhere: nothing to fetch but the socket.
        XCTAssertFalse(r.body.contains("src=\"http"), "no external script")
        XCTAssertFalse(r.body.contains("href=\"http"), "no external style")
        XCTAssertFalse(r.body.contains("innerHTML"), "the page never parses data as markup")
        XCTAssertEqual(r.header("X-Content-Type-Options"), "nosniff")
        XCTAssertEqual(r.header("X-Frame-Options"), "DENY")
    }

    func testOnlyTheParticipantPathsExist() throws {
        for path in ["/sessions", "/session/\(f.id)", "/export", "/api", "/admin", "/page.html", "/index.html", "/../../etc/passwd",
                     "/%2e%2e/%2e%2e/etc/passwd", "/.git/config", "/join/x", "/ws/x", "/facilitator", "/\(f.id)/session.json"] {
            let r = try f.http("GET", path)
            XCTAssertEqual(r.status, 404, path)
            XCTAssertFalse(r.body.contains(f.id), "\(path) says nothing about the session")
        }
        for (method, path) in [("GET", "/join"), ("POST", "/"), ("PUT", "/join"), ("DELETE", "/"), ("POST", "/ws"), ("POST", "/export")] {
            let r = try f.http(method, path, headers: ["Content-Type": "application/json"], body: Array("{}".utf8))
            XCTAssertTrue([404, 405].contains(r.status), "\(method) \(path) → \(r.status)")
        }
        // A socket without the page's origin is not opened.
        let ws = try f.http("GET", "/ws", headers: [
            "Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
            "Origin": "http://evil.example",
        ])
        XCTAssertNotEqual(ws.status, 101)
    }

    func testJoiningNeedsTheCodeAndGivesAnHttpOnlyStrictCookie() throws {
        let r = try f.join(name: "Ayşe")
        XCTAssertEqual(r.status, 200, r.body)
        let cookie = try XCTUnwrap(r.header("Set-Cookie"))
        XCTAssertTrue(cookie.contains("HttpOnly"), cookie)
        XCTAssertTrue(cookie.contains("SameSite=Strict"), cookie)
        let token = String(cookie.dropFirst(3).prefix { $0 != ";" })
        XCTAssertEqual(token.count, 64, "256 random bits")
        XCTAssertTrue(token.allSatisfy(\.isHexDigit))
        XCTAssertNotEqual(try f.join(name: "Bram").header("Set-Cookie"), cookie)
        let joined = try f.state().participants.values.compactMap(\.name).sorted()
        XCTAssertEqual(joined, ["Ayşe", "Bram"], "a web participant joins the session like a terminal one")
    }

    func testAWrongCodeIsRefusedAndEachNextTryIsSlower() throws {
        var times: [Double] = []
        for _ in 0..<5 {
            let start = Date()
            let r = try f.join(code: "0000", name: "Mallory")
            times.append(Date().timeIntervalSince(start))
            XCTAssertEqual(r.status, 403)
            XCTAssertTrue(r.body.contains("Die code klopt niet."), r.body)
            XCTAssertTrue(r.body.contains("That code is not right."), r.body)
            XCTAssertNil(r.header("Set-Cookie"))
        }
        XCTAssertLessThan(times[0] + times[1] + times[2], 1.0, "a typo or two is answered at once")
        XCTAssertGreaterThanOrEqual(times[3], 0.9, "then each wrong code waits")
        XCTAssertGreaterThanOrEqual(times[4], 1.9, "and the wait doubles")
        XCTAssertTrue(try f.state().participants.isEmpty, "nobody joined")
    }

    func testOversizeAndMalformedBodiesAreRefused() throws {
        let big = JSONWriter.compact(["code": "4321", "name": .string(String(repeating: "x", count: 10_000))])
        XCTAssertEqual(try f.http("POST", "/join", headers: ["Content-Type": "application/json"], body: Array(big.utf8)).status, 413)
        XCTAssertEqual(try f.http("POST", "/join", headers: ["Content-Type": "application/json"], body: Array("{not json".utf8)).status, 400)
        XCTAssertEqual(try f.http("POST", "/join", headers: ["Content-Type": "text/plain"], body: Array("{}".utf8)).status, 415)
        XCTAssertTrue(try f.state().participants.isEmpty)
    }

    func testAHostileNameArrivesCleanAndATakenNameIsRefused() throws {
        let hostile = "\u{1B}[31mEvil\u{1B}]0;pwned\u{07}\u{202E}<script>alert(1)</script>"
        XCTAssertEqual(try f.join(name: hostile).status, 200)
        let name = try XCTUnwrap(try f.state().participants.values.first?.name)
        XCTAssertEqual(name, "Evil<script>alert(1)</script>", "no escape or bidi character is stored")
        XCTAssertFalse(name.unicodeScalars.contains { $0.value < 0x20 || (0x202A...0x202E).contains($0.value) })
        let again = try f.join(name: " evil<SCRIPT>alert(1)</script> ")
        XCTAssertEqual(again.status, 409, "the same name (case and spaces aside) is held by a live participant")
        XCTAssertTrue(again.body.contains("kies een andere naam"), again.body)
        XCTAssertEqual(try f.join(name: "\u{1B}[0m  ").status, 409, "an empty name after cleaning is refused")
    }

    func testConnectionsAreCappedPerAddress() throws {
        f.cleanUp()
        f = try WebFixture(limits: WebRoom.limits(total: 10, perAddress: 2))
        let a = try RawHTTP.connect(port: f.room.port), b = try RawHTTP.connect(port: f.room.port)
        defer { close(a); close(b) }
        usleep(200_000)
        // A third connection from one address: the oldest of its idle ones makes way (an
        // address cannot hold more; holding them keeps nobody out).
        let c = try RawHTTP.connect(port: f.room.port)
        defer { close(c) }
        let get = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        _ = get.withUnsafeBytes { write(c, $0.baseAddress, $0.count) }
        let answer = String(decoding: RawHTTP.readAll(c), as: UTF8.self)
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 200"), "the newest is served")
        XCTAssertTrue(RawHTTP.readAll(a).isEmpty, "the oldest was closed unanswered")
        XCTAssertLessThanOrEqual(f.room.limiter.open, 2)
    }

    func testStoppingTheRoomStopsListening() throws {
        let port = f.room.port
        f.room.stop()
        XCTAssertThrowsError(try RawHTTP.send(port: port, method: "GET", path: "/"))
    }
}

extension WebHTTPTests {
    /// Opens the page's socket with the cookie from a join; returns the socket.
    func socket(name: String) throws -> Int32 {
        let cookie = try XCTUnwrap(try f.join(name: name).header("Set-Cookie")).split(separator: ";")[0]
        let fd = try RawHTTP.connect(port: f.room.port)
        let head = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:\(f.room.port)\r\nOrigin: http://127.0.0.1:\(f.room.port)\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nCookie: \(cookie)\r\n\r\n"
        _ = Array(head.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var buf = [UInt8](repeating: 0, count: 4096)
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        XCTAssertTrue(String(decoding: buf[0..<max(0, n)], as: UTF8.self).hasPrefix("HTTP/1.1 101"), "upgraded")
        return fd
    }

    /// One masked client text frame of `payload`.
    static func frame(_ payload: [UInt8]) -> [UInt8] {
        var f: [UInt8] = [0x81]
        if payload.count < 126 { f.append(0x80 | UInt8(payload.count)) }
        else if payload.count < 65536 { f += [0x80 | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] }
        else { f.append(0x80 | 127); f += (0..<8).reversed().map { UInt8((payload.count >> ($0 * 8)) & 0xFF) } }
        let mask: [UInt8] = [1, 2, 3, 4]
        return f + mask + payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
    }

    func testAnOversizeSocketFrameClosesThatSocketAndSavesNothing() throws {
        try f.move(to: "ronde-a")
        let fd = try socket(name: "Mallory")
        defer { close(fd) }
        let text = String(repeating: "x", count: 40_000)
        let big = Self.frame(Array(#"{"rid":"bigbigbigbig1","op":"add","text":"\#(text)"}"#.utf8))
        _ = big.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        // The server answers with a close (or just closes): the read ends within the timeout.
        let rest = RawHTTP.readAll(fd)
        XCTAssertLessThan(rest.count, 16_384, "the state and a close frame at most, then the end")
        XCTAssertTrue(try f.state().entries.isEmpty, "nothing of it was saved")
        // Everyone else carries on.
        let other = try socket(name: "Bram")
        defer { close(other) }
        _ = Self.frame(Array(#"{"rid":"smallsmall001","op":"add","text":"gewoon"}"#.utf8)).withUnsafeBytes { write(other, $0.baseAddress, $0.count) }
        let deadline = Date().addingTimeInterval(5)
        while try f.state().entries.isEmpty, Date() < deadline { usleep(20_000) }
        XCTAssertEqual(try f.state().entries.map(\.text), ["gewoon"])
    }
}
