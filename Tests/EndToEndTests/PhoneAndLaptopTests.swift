import Core
import Foundation
@testable import Room
import Store
import TestSupport
import XCTest

/// One session, two screens: a phone (headless Chromium at 360×740) and a laptop (real `ssh`
/// in tmux) side by side through the whole workshop show the same step, timer, entries (with
/// the room's entries shown and hidden), marks, directions and own votes; a rejected entry is
/// announced on both. The facilitator's process is killed with `kill -9` and started again:
/// the phone is back in, with its draft, without typing the code or its name.
final class PhoneAndLaptopTests: XCTestCase {
    var store = ""
    var knownHosts = ""
    var env: [String: String] { ["PERSPECTIEF_STORE": store] }

    override func setUpWithError() throws {
        let missing = ["ssh", "sshpass", "tmux"].filter { Spawn.run(["sh", "-c", "command -v \($0)"]).status != 0 }
            + (Chromium.binary() == nil ? ["chromium"] : [])
        if !missing.isEmpty {
            throw Requirement.missing("\(missing.joined(separator: ", ")) not installed (make setup installs them)")
        }
        store = Binary.tempDir("twoscreens")
        knownHosts = store + "-known_hosts"
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: store)
        try? FileManager.default.removeItem(atPath: knownHosts)
    }

    func state(_ id: String) throws -> SessionState { try SessionStore(root: store).open(id, readOnly: true).state }

    /// A facilitator's change made beside the running process (another writer of the same
    /// folder): the process and both screens pick it up as they would any change.
    func facilitate(_ id: String, _ commands: [Command]) throws {
        let h = try SessionStore(root: store).open(id)
        defer { h.close() }
        let workshop = try XCTUnwrap(WorkshopCatalog.load().workshops.first { $0.id == h.state.setup.workshopId })
        for c in commands { try h.perform(c, by: .facilitator(nil), engine: Engine(workshop: workshop), now: Int64(Date().timeIntervalSince1970 * 1000)) }
    }

    func facilitator(_ id: String, ssh: Int, web: Int) throws -> Tmux {
        let t = try Tmux(
            width: 120, height: 40,
            command: "\(Binary.perspectief) run \(id) --lang nl --room --listen 127.0.0.1 --port \(ssh) --web-port \(web) --code 4821",
            environment: env)
        t.wait(for: "ssh -p \(ssh) zaal@127.0.0.1", timeout: 25)
        return t
    }

    func laptop(_ port: Int) throws -> Tmux {
        let t = try Tmux(
            width: 100, height: 34,
            command: "env LANG=nl_NL.UTF-8 LC_ALL=nl_NL.UTF-8 ssh -tt -p \(port) -o StrictHostKeyChecking=accept-new"
                + " -o UserKnownHostsFile=\(knownHosts) -o LogLevel=ERROR zaal@127.0.0.1")
        t.wait(for: "Code van de zaal")
        t.type("4821")
        t.keys("Enter")
        return t
    }

    /// The texts of the phone's list, in order.
    func phoneEntries(_ phone: Chromium) throws -> [String] {
        (try phone.eval("Array.from(document.querySelectorAll('#entries li .x')).map(function(e){return e.textContent})") as? [String]) ?? []
    }

    /// The timer as the terminal header shows it: "⏱ 15:00 ⏸" or "⏱ TIJD OM +00:12".
    static func terminalTimer(_ screen: String) -> String? {
        guard let first = screen.split(separator: "\n").first, let r = first.range(of: "⏱") else { return nil }
        let rest = first[r.lowerBound...]
        return rest.components(separatedBy: " · ").first?.trimmingCharacters(in: .whitespaces)
    }

    func testAPhoneAndALaptopShowTheSameSessionThroughEveryStepAndThePhoneSurvivesKillNine() throws {
        let new = Spawn.run([Binary.perspectief, "new", "--store", store, "--perspective", "ouderen", "--title", "Zwolle", "--votes", "3"])
        XCTAssertEqual(new.status, 0, new.error)
        let id = new.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let workshop = try XCTUnwrap(WorkshopCatalog.load().workshops.first { $0.id == (try? state(id))?.setup.workshopId })
        let steps = workshop.steps
        let sshPort = SSHRoomTests.freePort(), webPort = SSHRoomTests.freePort()
        var room = try facilitator(id, ssh: sshPort, web: webPort)

        // The phone scans the QR code: the code comes with the link, the phone types its name only.
        let phone = try Chromium(width: 360, height: 740, language: "nl-NL")
        try phone.open(WebRoom.joinLink("http://127.0.0.1:\(webPort)", code: RoomCode("4821")))
        try phone.wait("document.getElementById('join').offsetParent !== null")
        XCTAssertFalse(try phone.visible("#code"), "the link brought the code")
        try phone.type(into: "#name", "Ayşe")
        try phone.tap("#joinBtn")
        try phone.wait("document.getElementById('stepno').textContent === 'Stap 1 van \(steps.count)'")

        var bram = try laptop(sshPort)
        bram.wait(for: "Hoe heet je?")
        bram.type("Bram")
        bram.keys("Enter")
        // His personal rejoin code, shown once: he needs it to take his name back after the crash.
        let first = bram.wait(for: "Je terugkomcode is")
        let bramCode = try XCTUnwrap(first.range(of: #"terugkomcode is [0-9]{3} [0-9]{3}"#, options: .regularExpression).map { String(first[$0].suffix(7)) })
        bram.wait(for: "Stap 1 van \(steps.count)")
        room.wait(for: "2 verbonden")

        for (i, step) in steps.enumerated() {
            let n = i + 1
            let at = "Stap \(n) van \(steps.count)"
            try phone.wait("document.getElementById('stepno').textContent === '\(at)'")
            var screen = bram.wait(for: at)

            // A new step starts at its top (the page was scrolled down in the step before).
            XCTAssertEqual(try phone.eval("window.scrollY") as? Int, 0, "step \(n) starts at the top")
            if step.kind == .scenarioRound {
                XCTAssertTrue(try phone.text("#persona").hasPrefix("Persona: "), "step \(n): the persona in every round")
                XCTAssertTrue(screen.contains("Persona: "), screen)
            }

            // The same timer (not running: the same to the second).
            let timer = try phone.text("#timer")
            XCTAssertEqual(Self.terminalTimer(screen), timer, "step \(n): the timer")

            if n == 2 {
                let minutes = step.minutes
                // Past its time: both say so, with the same overtime (the timer stands still).
                try facilitate(id, [.extendTimer(seconds: -(minutes * 60 + 7))])
                try phone.wait("document.getElementById('timer').textContent === '⏱ TIJD OM +00:07'")
                XCTAssertTrue(try phone.eval("document.getElementById('timer').classList.contains('over')") as? Bool ?? false)
                screen = bram.wait(for: "⏱ TIJD OM +00:07")
                XCTAssertEqual(Self.terminalTimer(screen), "⏱ TIJD OM +00:07")
            }

            let open = try phone.visible("#composer")
            if open {
                // Each types their own; with the room's entries hidden they see only their own.
                try phone.type(into: "#text", "telefoon \(n)")
                try phone.tap("#save")
                bram.type("laptop \(n)")
                bram.keys("Enter")
                try phone.wait("document.getElementById('notice').textContent === 'Opgeslagen.'")
                screen = bram.wait(for: "Opgeslagen.")
                let mine = try phoneEntries(phone)
                XCTAssertTrue(mine.contains("telefoon \(n)"), "step \(n): \(mine)")
                XCTAssertFalse(mine.contains("laptop \(n)") && step.kind.participantsWorkAlone, "step \(n): z is off: \(mine)")
                if step.kind.participantsWorkAlone { XCTAssertFalse(screen.contains("telefoon \(n)"), "step \(n): z off:\n\(screen)") }

                // z on: both see both; z off again: each their own.
                room.keys("z")
                try phone.wait("Array.from(document.querySelectorAll('#entries li .x')).some(function(e){return e.textContent==='laptop \(n)'})")
                bram.wait(for: "telefoon \(n)")
                // The same heading with the same count ("Bijdragen van de zaal: 2").
                let heading = try phone.text("#listTitle")
                XCTAssertFalse(heading.isEmpty, "step \(n)")
                bram.wait(for: heading)
                room.keys("z")
                if step.kind.participantsWorkAlone {
                    try phone.wait("!Array.from(document.querySelectorAll('#entries li .x')).some(function(e){return e.textContent==='laptop \(n)'})")
                    bram.wait(for: "z off on the laptop") { !$0.contains("telefoon \(n)") && $0.contains(at) }
                }
            } else {
                // A step without input says why, in the same words on both, and offers no box.
                let reason = try phone.text("#info")
                XCTAssertFalse(reason.isEmpty, "step \(n)")
                if step.kind != .voting { XCTAssertTrue(screen.contains(String(reason.prefix(40))), "step \(n): \(reason)\n\(screen)") }
            }

            if n == 4 {
                // A rejected entry is announced to its author on both screens.
                let s = try state(id)
                let rejected = s.entries.filter { $0.step == step.id && ($0.text == "telefoon 4" || $0.text == "laptop 4") }.map(\.id)
                XCTAssertEqual(rejected.count, 2)
                try facilitate(id, rejected.map { .review(id: $0, status: .rejected) })
                try phone.wait("document.getElementById('notice').textContent.indexOf('niet opgenomen') >= 0")
                XCTAssertTrue(try phone.text("#notice").contains("telefoon 4"))
                bram.wait(for: "niet opgenomen")
                XCTAssertFalse(try phoneEntries(phone).contains("telefoon 4"))
            }

            if n == 5 {
                // The facilitator's process dies (kill -9) while the phone has a draft; it comes back.
                try phone.type(into: "#text", "nog een gedachte")
                let app = SSHRoomTests.app(in: room)
                kill(app, SIGKILL)
                try phone.wait("!document.getElementById('conn').hidden", timeout: 15)
                _ = bram.waitForExit(timeout: 10)
                room = try facilitator(id, ssh: sshPort, web: webPort)
                try phone.wait("document.getElementById('conn').hidden && document.getElementById('stepno').textContent === '\(at)'", timeout: 30)
                XCTAssertFalse(try phone.visible("#join"), "back in without the code or the name")
                XCTAssertEqual(try phone.eval("document.getElementById('text').value") as? String, "nog een gedachte", "the draft is kept")
                XCTAssertEqual(try state(id).participants.count, 2, "no new join")
                _ = try phone.eval("document.getElementById('text').value=''")
                bram = try laptop(sshPort)
                bram.wait(for: "Hoe heet je?")
                bram.type("Bram")
                bram.keys("Enter")
                bram.wait(for: "Je terugkomcode (je kreeg hem")
                bram.type(bramCode)
                bram.keys("Enter")
                bram.wait(for: at)
                room.wait(for: "2 verbonden")
            }

            if step.kind == .insights {
                // The facilitator marks where the insights hold and links them, beside the process.
                let insights = try state(id).entries.filter { $0.kind == .insight && $0.isLive }.map(\.id)
                XCTAssertFalse(insights.isEmpty)
                var marks: [Command] = []
                for sc in workshop.scenarios { marks.append(.setHolds(id: insights[0], scenario: sc.id, holds: true)) }
                if insights.count > 1 { marks.append(.setHolds(id: insights[1], scenario: workshop.scenarios[0].id, holds: true)) }
                if let d = workshop.directions.first { marks += insights.map { .link(id: $0, target: .direction(d.id), linked: true) } }
                try facilitate(id, marks)
            }
            if step.kind == .robustness {
                try phone.wait("document.querySelectorAll('#entries .marks').length > 0")
                let marks = (try phone.eval("Array.from(document.querySelectorAll('#entries .marks')).map(function(e){return e.textContent})") as? [String]) ?? []
                XCTAssertTrue(marks.contains { $0.hasPrefix("★ koersvast") }, "\(marks)")
                XCTAssertTrue(screen.contains("★ koersvast"), screen)
                XCTAssertTrue(marks.contains { $0.hasPrefix("[1]") } == screen.contains("[1]"), "\(marks)\n\(screen)")
            }
            if step.kind == .directions {
                let first = try phone.text("#directions li span")
                XCTAssertTrue(first.hasPrefix("→1 "), first)
                XCTAssertTrue(screen.contains(String(first.prefix(20))), "\(first)\n\(screen)")
                XCTAssertTrue(first.hasSuffix(")") && !first.hasSuffix("(0)"), first)
            }
            if step.kind == .voting {
                XCTAssertEqual(try phone.text("#info"), "Nog 3 van 3 stemmen te geven")
                XCTAssertTrue(screen.contains("Nog 3 van 3 stemmen te geven"), screen)
                for _ in 0..<3 { try phone.tap("#entries li:first-child button.vote"); usleep(300_000) }
                try phone.wait("document.getElementById('info').textContent === 'Nog 0 van 3 stemmen te geven'")
                XCTAssertEqual(try phone.text("#entries li:first-child .dots"), "●●●", "every own dot, not capped")
                bram.keys("v")
                bram.keys("v")
                bram.wait(for: "Nog 1 van 3 stemmen te geven")
                bram.wait(for: "●● ")
            }
            if n < steps.count {
                _ = try phone.eval("window.scrollTo(0, document.body.scrollHeight)")
                room.keys("Right")
            }
        }
        try phone.screenshot(to: Binary.repo.appendingPathComponent(".build/phone-360-last-step.png").path)
        XCTAssertTrue(phone.logs.filter { $0.contains("Content Security Policy") || $0.hasPrefix("exception") }.isEmpty, "\(phone.logs)")
    }

    /// What a browser sends for the QR code's link: the fragment with the code stays on the phone.
    func testTheQRLinksCodeNeverReachesTheServer() throws {
        let listener = RawHTTPListener()
        let phone = try Chromium()
        try phone.open("http://127.0.0.1:\(listener.port)/#4821")
        let request = listener.received()
        XCTAssertTrue(request.hasPrefix("GET / HTTP/1.1\r\n"), request)
        XCTAssertFalse(request.contains("4821"), request)
        XCTAssertEqual(WebRoom.joinLink("http://192.168.1.20:8080", code: RoomCode("4821")), "http://192.168.1.20:8080/#4821")
        XCTAssertEqual(WebRoom.joinLink("http://192.168.1.20:8080", code: nil), "http://192.168.1.20:8080")
    }
}

/// A listener on 127.0.0.1 that keeps the bytes of the first request it gets and answers 204.
final class RawHTTPListener: @unchecked Sendable {
    let fd: Int32
    let port: Int
    private let done = DispatchSemaphore(value: 0)
    private var bytes: [UInt8] = []

    init() {
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        fd = s
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, len) } }
        listen(s, 4)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &len) } }
        port = Int(UInt16(bigEndian: addr.sin_port))
        Thread { [self] in
            let c = accept(s, nil, nil)
            guard c >= 0 else { done.signal(); return }
            var got: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(c, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                got += chunk[0..<n]
                if got.count >= 4 && Array(got.suffix(4)) == [13, 10, 13, 10] { break }
            }
            bytes = got
            let answer = Array("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
            _ = answer.withUnsafeBytes { write(c, $0.baseAddress, $0.count) }
            close(c)
            done.signal()
        }.start()
    }

    deinit { close(fd) }

    func received(timeout: Double = 10) -> String {
        _ = done.wait(timeout: .now() + timeout)
        return String(decoding: bytes, as: UTF8.self)
    }
}
