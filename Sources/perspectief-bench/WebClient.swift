import Foundation

/// A phone for the benchmark: HTTP and a WebSocket (RFC 6455, masked client frames, pongs for
/// the server's pings) over one blocking socket, nothing else.
final class WebClient: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { var description: String }

    let fd: Int32
    private var buffer: [UInt8] = []
    private(set) var acks = 0

    init(fd: Int32) { self.fd = fd }
    deinit { close(fd) }

    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard fd >= 0, rc == 0 else { throw Failure(description: "connect failed: \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return fd
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "write failed") }
            off += n
        }
    }

    /// One request on its own connection; the whole response.
    static func request(port: Int, _ head: String, body: [UInt8] = []) throws -> [UInt8] {
        let fd = try connect(port: port)
        defer { close(fd) }
        try writeAll(fd, Array(head.utf8) + body)
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            out += chunk[0..<n]
        }
        return out
    }

    static func get(port: Int, path: String) throws -> [UInt8] {
        let raw = try request(port: port, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        guard let split = raw.firstRange(of: Array("\r\n\r\n".utf8)) else { throw Failure(description: "no response") }
        return Array(raw[split.upperBound...])
    }

    /// Joins with the room code and opens the socket with the cookie the join set.
    static func join(port: Int, name: String) throws -> WebClient {
        let body = Array(#"{"code":"4321","name":"\#(name)"}"#.utf8)
        let raw = String(decoding: try request(port: port, """
            POST /join HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n
            """, body: body), as: UTF8.self)
        guard let c = raw.range(of: "pf="), let token = raw[c.upperBound...].split(separator: ";").first else {
            throw Failure(description: "join refused: \(raw.prefix(200))")
        }
        let fd = try connect(port: port)
        try writeAll(fd, Array("""
            GET /ws HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: http://127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
            Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nCookie: pf=\(token)\r\n\r\n
            """.utf8))
        let client = WebClient(fd: fd)
        while client.buffer.firstRange(of: Array("\r\n\r\n".utf8)) == nil { try client.fill(timeoutMs: 5000) }
        let end = client.buffer.firstRange(of: Array("\r\n\r\n".utf8))!.upperBound
        guard String(decoding: client.buffer[..<end], as: UTF8.self).hasPrefix("HTTP/1.1 101") else { throw Failure(description: "no upgrade") }
        client.buffer.removeSubrange(..<end)
        return client
    }

    private func fill(timeoutMs: Int) throws {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, Int32(timeoutMs)) > 0 else { return }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { throw Failure(description: "closed") }
        buffer += chunk[0..<n]
    }

    func send(_ text: String) throws { try frame(0x1, Array(text.utf8)) }

    private func frame(_ opcode: UInt8, _ payload: [UInt8]) throws {
        var f: [UInt8] = [0x80 | opcode]
        if payload.count < 126 { f.append(0x80 | UInt8(payload.count)) } else { f += [0x80 | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)] }
        let mask = (0..<4).map { _ in UInt8.random(in: 0...255) }
        f += mask
        f += payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
        try Self.writeAll(fd, f)
    }

    /// Reads what arrives for up to `ms` (or until `until` holds): counts acks, answers pings.
    func drain(ms: Int, until: () -> Bool = { false }) {
        let deadline = Date().addingTimeInterval(Double(ms) / 1000)
        repeat {
            while let (opcode, payload) = nextFrame() {
                if opcode == 0x9 { try? frame(0xA, payload) }
                if opcode == 0x1, String(decoding: payload, as: UTF8.self).hasPrefix(#"{"type":"ack""#) { acks += 1 }
            }
            if until() { return }
            let left = Int(deadline.timeIntervalSinceNow * 1000)
            if left <= 0 { return }
            do { try fill(timeoutMs: min(left, 100)) } catch { return }
        } while true
    }

    private func nextFrame() -> (UInt8, [UInt8])? {
        guard buffer.count >= 2 else { return nil }
        var len = Int(buffer[1] & 0x7F), off = 2
        if len == 126 {
            guard buffer.count >= 4 else { return nil }
            len = Int(buffer[2]) << 8 | Int(buffer[3]); off = 4
        } else if len == 127 {
            guard buffer.count >= 10 else { return nil }
            len = (2..<10).reduce(0) { $0 << 8 | Int(buffer[$1]) }; off = 10
        }
        guard buffer.count >= off + len else { return nil }
        let frame = (buffer[0] & 0x0F, Array(buffer[off..<off + len]))
        buffer.removeSubrange(..<(off + len))
        return frame
    }
}
