import Foundation
import TestSupport
import XCTest

/// The room against a guest on its Wi-Fi who wants to keep others out, played with the real
/// binary and OpenSSH on loopback, from many 127.0.0.x source addresses. Bounded: a few hundred
/// sockets, well under half a minute each.
final class HostileRoomTests: XCTestCase {
    var store = ""
    var knownHosts = ""
    var env: [String: String] { ["PERSPECTIEF_STORE": store] }

    override func setUpWithError() throws {
        for tool in ["ssh", "sshpass", "tmux"] where Spawn.run(["sh", "-c", "command -v \(tool)"]).status != 0 {
            // CI installs them (make setup): there a missing tool is a failure, not a skip.
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("\(tool) is not installed") }
            throw Requirement.missing("\(tool) is not installed (make setup installs it)")
        }
        store = Binary.tempDir("hostile")
        knownHosts = store + "-known_hosts"
        Self.raiseDescriptorLimit()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: store)
        try? FileManager.default.removeItem(atPath: knownHosts)
    }

    func newSession() -> String {
        let r = Spawn.run([Binary.perspectief, "new", "--store", store, "--perspective", "ouderen", "--title", "Ouderen Zwolle"])
        XCTAssertEqual(r.status, 0, r.error)
        return r.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func ssh(_ port: Int, code: String = "4821") -> String {
        "sshpass -p \(code) ssh -tt -p \(port) -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=\(knownHosts)"
            + " -o LogLevel=ERROR -o ConnectTimeout=10 zaal@127.0.0.1"
    }

    /// The room's code is asked inside the connection (its prompt, in the client's language).
    func enterCode(_ t: Tmux, code: String = "4821") {
        t.wait(for: "the room's code asked", timeout: 15) { $0.contains("Room code (shown on the screen):") || $0.contains("Code van de zaal") }
        t.type(code)
        t.keys("Enter")
    }

    func facilitator(_ id: String, port: Int, web: Int? = nil) throws -> Tmux {
        let t = try Tmux(
            width: 120, height: 40,
            command: "\(Binary.perspectief) run \(id) --lang nl --room --port \(port) --code 4821 --listen 127.0.0.1 "
                + (web.map { "--web-port \($0)" } ?? "--no-web"),
            environment: env)
        t.wait(for: "ssh -p \(port) zaal@127.0.0.1")
        return t
    }

    static func raiseDescriptorLimit() {
        var rl = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &rl)
        rl.rlim_cur = rl.rlim_max
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &rl)
    }

    /// A TCP connection from `source` that the caller holds open.
    static func connect(_ port: Int, from source: String) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        local.sin_addr.s_addr = inet_addr(source)
        _ = withUnsafePointer(to: &local) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        if rc != 0 {
            close(fd)
            return nil
        }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) { _ = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } }

    /// GET / from 127.0.0.1 with curl's patience of `seconds`: the status, or 0.
    static func pageStatus(_ port: Int, seconds: Int = 8) -> Int {
        let r = Spawn.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-m", "\(seconds)", "http://127.0.0.1:\(port)/"])
        return Int(r.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    static func openDescriptors(_ pid: Int32) -> Int { ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []).count }

    static func softLimit(_ pid: Int32) -> Int {
        let limits = (try? String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)) ?? ""
        guard let line = limits.split(separator: "\n").first(where: { $0.hasPrefix("Max open files") }) else { return 0 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[3]) ?? 0
    }

    func testHalfSentRequestsAndSilentSSHConnectionsKeepNobodyOut() throws {
        let id = newSession()
        let port = SSHRoomTests.freePort(), web = SSHRoomTests.freePort()
        let fac = try facilitator(id, port: port, web: web)
        defer { _ = fac }
        var held: [Int32] = []
        defer { held.forEach { close($0) } }
        // 300 requests that never finish their head, from 20 addresses; a 100 KB header.
        for i in 0..<300 {
            if let fd = Self.connect(web, from: "127.0.0.\(20 + i % 20)") {
                Self.send(fd, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                held.append(fd)
            }
        }
        if let big = Self.connect(web, from: "127.0.0.99") {
            Self.send(big, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + String(repeating: "a", count: 100_000))
            var buf = [UInt8](repeating: 0, count: 200)
            var tv = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(big, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            let n = buf.withUnsafeMutableBytes { read(big, $0.baseAddress, $0.count) }
            XCTAssertTrue(n > 0 && String(decoding: buf[0..<max(n, 0)], as: UTF8.self).contains("431"), "a huge head is answered 431")
            close(big)
        }
        // 40 SSH connections that never say a word, from 20 more addresses.
        for i in 0..<40 { if let fd = Self.connect(port, from: "127.0.1.\(20 + i % 20)") { held.append(fd) } }

        XCTAssertEqual(Self.pageStatus(web), 200, "a phone loads the page")
        let p = try Tmux(width: 90, height: 28, command: "env LANG=C.UTF-8 LC_ALL=C.UTF-8 \(ssh(port))")
        enterCode(p)
        p.wait(for: "What is your name?", timeout: 15)
    }

    func testFifteenHundredConnectionsFromOneAddressLeaveTheFacilitatorItsDescriptors() throws {
        let id = newSession()
        let port = SSHRoomTests.freePort(), web = SSHRoomTests.freePort()
        let fac = try facilitator(id, port: port, web: web)
        let pid = SSHRoomTests.app(in: fac)
        // Wrong codes first, so the address is penalised (its connections must still count).
        for _ in 0..<5 {
            _ = Spawn.run(["curl", "-s", "-m", "10", "--interface", "127.0.0.9", "-H", "Content-Type: application/json",
                "-d", #"{"code":"0000","name":"x"}"#, "http://127.0.0.1:\(web)/join"])
        }
        var held: [Int32] = []
        defer { held.forEach { close($0) } }
        for i in 0..<1500 {
            if let fd = Self.connect(i % 2 == 0 ? web : port, from: "127.0.0.9") { held.append(fd) }
        }
        usleep(500_000)
        let open = Self.openDescriptors(pid), limit = Self.softLimit(pid)
        XCTAssertGreaterThan(limit, 0)
        XCTAssertLessThan(open, limit / 2, "\(open) of \(limit) descriptors in use")
        // The facilitator's own add is saved.
        fac.keys("a")
        fac.wait(for: "Enter opslaan")
        fac.type("eigen notitie tijdens de aanval")
        fac.keys("Enter")
        fac.wait(for: "eigen notitie tijdens")
        let folder = store + "/" + id
        let saved = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).contains { file in
            (try? String(contentsOfFile: folder + "/" + file, encoding: .utf8))?.contains("eigen notitie tijdens de aanval") ?? false
        }
        XCTAssertTrue(saved, "the entry is in the session's files")
        XCTAssertEqual(Self.pageStatus(web), 200, "another device still loads the page")
    }

    func testAHugeTerminalOverRealSSHStaysSmall() throws {
        let id = newSession()
        let port = SSHRoomTests.freePort()
        let fac = try facilitator(id, port: port)
        let pid = SSHRoomTests.app(in: fac)
        // The client claims 10000×10000 at connect, then resizes to it again.
        let p = try Tmux(
            width: 100, height: 30,
            command: "stty rows 10000 cols 10000; (sleep 4; stty rows 9999 cols 9998) & env LANG=C.UTF-8 \(ssh(port))")
        enterCode(p)
        let deadline = Date().addingTimeInterval(12)
        var child: Int32 = 0
        var peakKB = 0
        while Date() < deadline {
            if child == 0 { child = SSHRoomTests.children(of: pid).first ?? 0 }
            if child != 0, let status = try? String(contentsOfFile: "/proc/\(child)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
                let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
            {
                peakKB = max(peakKB, kb)
            }
            usleep(200_000)
        }
        XCTAssertNotEqual(child, 0, "the participant view started: \(p.screen())")
        XCTAssertGreaterThan(peakKB, 0)
        XCTAssertLessThan(peakKB, 200 * 1024, "participant process peaked at \(peakKB / 1024) MB")
        let log = (try? String(contentsOfFile: store + "/.room/log", encoding: .utf8)) ?? ""
        _ = log
    }
}
