import Application
import Core
import Foundation
import Store
import Synchronization
import TestSupport
import XCTest

/// The room's doors with the real binary and OpenSSH, second pass: guessers from 30 addresses
/// do not keep a laptop or a phone with the right code out, and 64 ssh connections parked at
/// the code prompt make way for a participant. Bounded: every loop has a count and a deadline.
extension HostileRoomTests {
    /// `ssh -tt` from `source` whose keyboard is `input` and then silence until it is ended.
    func parkedSSH(_ port: Int, from source: String, input: String = "") throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        let ssh = "ssh -tt -b \(source) -p \(port) -o StrictHostKeyChecking=accept-new"
            + " -o UserKnownHostsFile=\(knownHosts)"
            + " -o LogLevel=ERROR -o ConnectTimeout=10 -o BatchMode=yes zaal@127.0.0.1"
        p.arguments = ["-c", "(printf '\(input)'; sleep 40) | timeout 45 \(ssh)"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// One wrong code posted to the page's join from `source`; waits for the answer.
    static func guess(_ port: Int, from source: String, code: String) {
        guard let fd = connect(port, from: source) else { return }
        defer { close(fd) }
        var tv = timeval(tv_sec: 12, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let body = #"{"code":"\#(code)","name":"x"}"#
        send(fd, "POST /join HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body)
        var buf = [UInt8](repeating: 0, count: 4096)
        while buf.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
    }

    func testThirtyAddressesGuessingWrongCodesKeepNeitherALaptopNorAPhoneOut() throws {
        let id = newSession()
        let port = SSHRoomTests.freePort(), web = SSHRoomTests.freePort()
        let fac = try facilitator(id, port: port, web: web)
        defer { _ = fac }
        let stop = StopFlag()
        let done = DispatchGroup()
        var guessers: [Process] = []
        defer { guessers.forEach { $0.terminate() } }
        // Over ssh: each address types three wrong codes a connection, a few connections.
        for i in 0..<30 {
            for _ in 0..<2 {
                let wrong = "11112222\\r33334444\\r55556666\\r"
                guessers.append(try parkedSSH(port, from: "127.0.7.\(10 + i)", input: wrong))
            }
        }
        // Over the page: each address guesses as fast as the room answers (bounded).
        for i in 0..<30 {
            done.enter()
            Thread {
                var n = 0
                while !stop.flag.load(ordering: .relaxed) && n < 400 {
                    n += 1
                    Self.guess(web, from: "127.0.7.\(10 + i)", code: String(format: "%08d", 10_000 * i + n))
                    usleep(50_000)
                }
                done.leave()
            }.start()
        }
        defer {
            stop.flag.store(true, ordering: .relaxed)
            _ = done.wait(timeout: .now() + 20)
        }
        sleep(3)
        // A phone with the right code: curl as the phone's page would post it.
        let phone = Spawn.run([
            "curl", "-s", "-m", "12", "--interface", "127.0.7.200", "-H", "Content-Type: application/json",
            "-d", #"{"code":"4821","name":"Telefoon"}"#, "http://127.0.0.1:\(web)/join"])
        XCTAssertTrue(phone.output.contains("\"ok\":true"), phone.output)
        // A laptop with the right code.
        let laptop = try Tmux(width: 90, height: 28, command: "env LANG=C.UTF-8 LC_ALL=C.UTF-8 \(ssh(port))")
        enterCode(laptop)
        laptop.wait(for: "What is your name?", timeout: 15)
    }

    func testSixtyFourSSHConnectionsParkedAtTheCodePromptMakeWayForAParticipant() throws {
        let id = newSession()
        let port = SSHRoomTests.freePort()
        let fac = try facilitator(id, port: port)
        defer { _ = fac }
        var parked: [Process] = []
        defer { parked.forEach { $0.terminate() } }
        for i in 0..<64 { parked.append(try parkedSSH(port, from: "127.0.8.\(1 + i / 8)")) }
        // Give them time to reach the prompt (a handshake each, on 2 cores).
        sleep(6)
        for attempt in 0..<3 {
            let p = try Tmux(width: 90, height: 28, command: "env LANG=C.UTF-8 LC_ALL=C.UTF-8 \(ssh(port))")
            enterCode(p)
            p.wait(for: "What is your name? (attempt \(attempt))", timeout: 15) { $0.contains("What is your name?") }
        }
    }

    /// Wrong rejoin codes typed on the SSH join screen count where the page's count: a
    /// handful, then the name is held for the facilitator.
    func testWrongRejoinCodesOverTheSSHJoinScreenHoldTheName() throws {
        let id = newSession()
        // Anna took part before (her code is hers); her device is gone.
        let sessions = try SessionStore(root: store, create: false)
        let h = try sessions.open(id)
        let path = Binary.repo.appendingPathComponent("Workshops/publieke-dienstverlening-2035.json").path
        let workshops = [try WorkshopCatalog.loadFile(path).get()]
        let workshop = try Joining.joinable(h, workshops: workshops)
        let anna = try Joining.join(h, workshop: workshop, name: "Anna", now: 1_790_000_000_000)
        anna.presence.release()
        h.close()
        let port = SSHRoomTests.freePort()
        let fac = try facilitator(id, port: port)
        defer { _ = fac }
        let file = ParticipantSecret.folder(store: store) + "/rejoin-" + id
        func wrongCounted() -> Int {
            let lines = ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n")
            return lines.count { $0.hasSuffix("\t!") }
        }
        let p = try Tmux(width: 100, height: 30, command: "env LANG=C.UTF-8 LC_ALL=C.UTF-8 \(ssh(port))")
        enterCode(p)
        p.wait(for: "What is your name?", timeout: 15)
        p.type("Anna")
        p.keys("Enter")
        p.wait(for: "the rejoin code asked") { $0.contains("rejoin code") }
        var tries = 0
        while tries < 10 && !p.screen().contains("is held") {
            tries += 1
            let before = wrongCounted()
            p.type("98765\(tries % 10)")
            p.keys("Enter")
            p.wait(for: "wrong code \(tries) answered") { wrongCounted() > before || $0.contains("is held") }
        }
        XCTAssertTrue(p.screen().contains("is held"), p.screen())
        XCTAssertLessThanOrEqual(wrongCounted(), 5, "a handful of codes were checked")
        XCTAssertLessThanOrEqual(tries, 6)
    }
}

/// Tells the threads a test started to stop.
final class StopFlag: Sendable {
    let flag = Atomic<Bool>(false)
}
