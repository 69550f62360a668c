import Foundation
import Synchronization

/// A TCP proxy on loopback that can stop forwarding without closing anything, as a dead
/// switch or Wi-Fi roaming does: no reset, no FIN, the bytes simply stop. Bounded: every
/// thread ends when the proxy is closed.
final class StallingProxy: Sendable {
    let port: Int
    private let target: Int
    private let listener: Int32
    private let state = Mutex((forwarding: true, closed: false, sockets: [Int32]()))

    init(to target: Int) throws {
        self.target = target
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = Self.loopback(0)
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { throw CocoaError(.fileWriteUnknown) }
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: addr.sin_port))
        let t = Thread { [self] in acceptLoop() }
        t.start()
    }

    /// Stops (false) or resumes (true) forwarding; connections stay open either way.
    func forward(_ on: Bool) { state.withLock { $0.forwarding = on } }

    func close() {
        let fds = state.withLock { s -> [Int32] in
            s.closed = true
            return s.sockets
        }
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
        for fd in fds { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private var closed: Bool { state.withLock { $0.closed } }
    private var forwarding: Bool { state.withLock { $0.forwarding } }

    static func loopback(_ port: Int) -> sockaddr_in {
        var a = sockaddr_in()
        a.sin_family = sa_family_t(AF_INET)
        a.sin_addr.s_addr = inet_addr("127.0.0.1")
        a.sin_port = UInt16(port).bigEndian
        return a
    }

    private func acceptLoop() {
        while !closed {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var addr = Self.loopback(target)
            let ok = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard ok == 0 else {
                Glibc.close(client)
                Glibc.close(server)
                continue
            }
            state.withLock { $0.sockets += [client, server] }
            let t = Thread { [self] in pump(client, server) }
            t.start()
        }
    }

    /// Both directions in one loop; while stalled, nothing is read (the kernel buffers and
    /// acknowledges, exactly like a peer that went silent behind a switch).
    private func pump(_ a: Int32, _ b: Int32) {
        defer {
            Glibc.close(a)
            Glibc.close(b)
        }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !closed {
            guard forwarding else {
                usleep(50_000)
                continue
            }
            var fds = [
                pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0),
            ]
            guard poll(&fds, 2, 100) >= 0 else { return }
            for (i, p) in fds.enumerated() where p.revents != 0 {
                let from = i == 0 ? a : b
                let to = i == 0 ? b : a
                let n = read(from, &buffer, buffer.count)
                if n <= 0 { return }
                var sent = 0
                while sent < n {
                    let w = buffer.withUnsafeBytes { write(to, $0.baseAddress! + sent, n - sent) }
                    if w <= 0 { return }
                    sent += w
                }
            }
        }
    }
}
