import Core
import Foundation
import Store
import XCTest

@testable import Room

/// A store with one session of the mini workshop, and a web room on 127.0.0.1 serving it.
final class WebFixture {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let workshop = try! WorkshopCatalog.loadFile(repo.appendingPathComponent("Tests/Fixtures/mini.json").path).get()

    let root: String
    let store: SessionStore
    let id: String
    var room: WebRoom!

    init(
        code: String? = "4321", anonymous: Bool = false, holdForReview: Bool = false,
        limits: AttemptLimiter.Limits = WebRoom.limits(), tls: WebTLS? = nil
    ) throws {
        root = NSTemporaryDirectory() + "pf-web-" + UUID().uuidString.lowercased()
        store = try SessionStore(root: root)
        id = store.newSessionID(perspective: "ouderen", now: 1_790_000_000_000)
        let setup = SessionSetup(
            sessionId: id, workshopId: "mini", workshopTitle: Self.workshop.title, perspective: .workshop("ouderen"),
            title: "Zwolle", facilitator: "Anna", anonymous: anonymous, voteBudget: 2, holdForReview: holdForReview)
        try store.create(setup, by: .facilitator("Anna"), now: 1_790_000_000_000).close()
        room = try WebRoom.start(
            storeRoot: root, sessionId: id, workshops: [Self.workshop], host: "127.0.0.1", port: 0,
            code: code.flatMap(RoomCode.init), limits: limits, tls: tls)
    }

    func cleanUp() {
        room?.stop()
        try? FileManager.default.removeItem(atPath: root)
    }

    /// What the store holds now, read as another process would.
    func state() throws -> SessionState { try store.open(id, readOnly: true).state }

    /// The facilitator moves to a step, in a handle of their own (as their process would).
    func move(to step: String) throws {
        let h = try store.open(id)
        defer { h.close() }
        try h.perform(.moveStep(to: step), by: .facilitator("Anna"), engine: Engine(workshop: Self.workshop), now: 1_790_000_100_000)
    }

    func http(_ method: String, _ path: String, headers: [String: String] = [:], body: [UInt8] = []) throws -> RawHTTP.Response {
        try RawHTTP.send(port: room.port, method: method, path: path, headers: headers, body: body)
    }

    func join(code: String = "4321", name: String) throws -> RawHTTP.Response {
        let body = JSONWriter.compact(["code": .string(code), "name": .string(name)])
        return try http("POST", "/join", headers: ["Content-Type": "application/json"], body: Array(body.utf8))
    }
}

/// HTTP/1.1 over a plain socket on 127.0.0.1: exactly the bytes a test means, nothing a client
/// library would fix up (paths with dots, odd methods, oversize bodies).
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [(String, String)]
        var body: String
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard rc == 0 else { close(fd); throw Failure(description: "connect: \(errno)") }
        var tv = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func readAll(_ fd: Int32) -> [UInt8] {
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            out += buf[0..<n]
        }
        return out
    }

    static func send(port: Int, method: String, path: String, headers: [String: String] = [:], body: [UInt8] = []) throws -> Response {
        let fd = try connect(port: port)
        defer { close(fd) }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (k, v) in headers { head += "\(k): \(v)\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        let bytes = Array(head.utf8) + body
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let raw = String(decoding: readAll(fd), as: UTF8.self)
        guard let split = raw.range(of: "\r\n\r\n") else { throw Failure(description: "no response: \(raw)") }
        let lines = raw[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        let fields = lines.dropFirst().compactMap { l -> (String, String)? in
            guard let c = l.firstIndex(of: ":") else { return nil }
            return (String(l[..<c]), l[l.index(after: c)...].trimmingCharacters(in: .whitespaces))
        }
        var text = String(raw[split.upperBound...])
        if fields.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1 == "chunked" }) { text = dechunk(text) }
        return Response(status: status, headers: fields, body: text)
    }

    static func dechunk(_ s: String) -> String {
        var out = "", rest = Substring(s)
        while let nl = rest.range(of: "\r\n"), let n = Int(rest[..<nl.lowerBound], radix: 16), n > 0 {
            let start = nl.upperBound
            let bytes = Array(rest[start...].utf8)
            out += String(decoding: bytes[0..<min(n, bytes.count)], as: UTF8.self)
            rest = Substring(String(decoding: bytes[min(n + 2, bytes.count)...], as: UTF8.self))
        }
        return out
    }
}
