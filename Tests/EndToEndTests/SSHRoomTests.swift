import Foundation
import TestSupport
import XCTest

/// The room as people use it: the facilitator runs `--room`, participants join with Debian's
/// real OpenSSH client (the room asks its code inside the connection), everything on 127.0.0.1.
final class SSHRoomTests: XCTestCase {
    var store = ""
    var knownHosts = ""
    var env: [String: String] { ["PERSPECTIEF_STORE": store] }

    override func setUpWithError() throws {
        for tool in ["ssh", "sshpass"] where Spawn.run(["sh", "-c", "command -v \(tool)"]).status != 0 {
            throw Requirement.missing("\(tool) is not installed (make setup installs openssh-client and sshpass)")
        }
        store = Binary.tempDir("room")
        knownHosts = store + "-known_hosts"
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

    /// A port nobody listens on now (the kernel's choice, released at once).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    func facilitator(_ id: String, port: Int, extra: String = "--code 4821") throws -> Tmux {
        let t = try Tmux(
            width: 120, height: 40,
            command: "\(Binary.perspectief) run \(id) --lang nl --room --port \(port) \(extra) --listen 127.0.0.1 --no-web", environment: env)
        t.wait(for: "ssh -p \(port) zaal@127.0.0.1")
        return t
    }

    func ssh(_ port: Int, code: String = "4821", _ args: String = "-tt") -> String {
        "sshpass -p \(code) ssh \(args) -p \(port) -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=\(knownHosts)"
            + " -o LogLevel=ERROR -o ConnectTimeout=5 zaal@127.0.0.1"
    }

    /// A participant's laptop: ssh in a terminal of its own.
    /// The room's code is asked inside the connection (not as an SSH password): typed there.
    func participant(_ port: Int, width: Int = 90, height: Int = 28, lang: String = "C.UTF-8", term: String? = nil, code: String? = "4821") throws -> Tmux {
        let t = try Tmux(width: width, height: height, command: "env LANG=\(lang) LC_ALL=\(lang) \(term.map { "TERM=\($0) " } ?? "")\(ssh(port))")
        if let code {
            t.wait(for: "the room's code asked") { $0.contains("Room code (shown on the screen):") || $0.contains("Code van de zaal (staat op het scherm):") }
            t.type(code)
            t.keys("Enter")
        }
        return t
    }

    /// Processes whose parent is `pid`, from /proc.
    static func children(of pid: Int32) -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { Int32($0) }.filter { p in
            guard let stat = try? String(contentsOfFile: "/proc/\(p)/stat", encoding: .utf8),
                let close = stat.range(of: ")", options: .backwards)
            else { return false }
            let fields = stat[close.upperBound...].split(separator: " ")
            return fields.count > 2 && Int32(fields[1]) == pid
        }
    }

    /// Alive and not a zombie.
    static func running(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.range(of: ")", options: .backwards)
        else { return false }
        return stat[close.upperBound...].split(separator: " ").first != "Z"
    }

    /// The facilitator's process (the pane's shell wrapper runs it).
    static func app(in t: Tmux) -> Int32 { children(of: t.panePID()).first ?? 0 }

    func testAParticipantJoinsWithSSHTypesDutchFollowsStepsAndRejoinsAfterADrop() throws {
        let id = newSession()
        let port = Self.freePort()
        let room = try facilitator(id, port: port)
        let fac = Self.app(in: room)
        XCTAssertTrue(room.screen().contains("Code: 4821"), room.screen())

        var ayse = try participant(port)
        ayse.wait(for: "What is your name?")
        ayse.type("Ayşe")
        ayse.keys("Enter")
        // The first join shows a personal rejoin code: the proof the name is hers later.
        let first = ayse.wait(for: "Your rejoin code is")
        let code = try XCTUnwrap(first.range(of: #"rejoin code is [0-9]{3} [0-9]{3}"#, options: .regularExpression).map { String(first[$0].suffix(7)) })
        room.wait(for: "1 verbonden")
        ayse.type("één reëel")
        ayse.keys("Enter")
        room.wait(for: "één reëel — Ayşe")
        XCTAssertEqual(Self.children(of: fac).count, 1, "one participant view per connection")

        // The facilitator moves on; the participant's screen follows. Their window resizes.
        room.keys("Right")
        ayse.wait(for: "Step 2 of 14")
        // The new size reaches the participant view through the pty (window-change, SIGWINCH).
        ayse.resize(70, 24)
        ayse.wait(for: "(now 70×24)")
        ayse.resize(100, 30)
        ayse.wait(for: "Step 2 of 14")

        // The connection drops (the ssh client is killed): the child ends, the entry stays.
        let viewPid = Self.children(of: fac).first ?? 0
        XCTAssertTrue(Self.running(viewPid))
        for p in Self.children(of: ayse.panePID()) { kill(p, SIGKILL) }
        room.wait(for: "0 verbonden")
        let deadline = Date().addingTimeInterval(5)
        while Self.running(viewPid) && Date() < deadline { usleep(50_000) }
        XCTAssertFalse(Self.running(viewPid), "the participant view of a dropped connection ends")

        // Rejoining with the same name asks for her rejoin code, then finds the same entries.
        ayse = try participant(port)
        ayse.wait(for: "What is your name?")
        ayse.type("Ayşe")
        ayse.keys("Enter")
        ayse.wait(for: "Your rejoin code (you were given it")
        ayse.type(code)
        ayse.keys("Enter")
        ayse.wait(for: "Step 2 of 14")
        room.keys("Left")
        ayse.wait(for: "één reëel")
        room.wait(for: "1 verbonden")
        let views = Self.children(of: fac)
        XCTAssertEqual(views.count, 1)

        // The facilitator's list shows who is connected, by name.
        room.keys("p")
        room.wait(for: "Ayşe in the list of who is connected") { s in
            s.split(separator: "\n").contains { $0.contains("Ayşe") && $0.contains("ssh 127.0.0.1") }
        }
        room.keys("Escape")

        // The facilitator quits (asked first: someone is connected): the connection ends,
        // no participant view is left running.
        room.keys("q")
        room.wait(for: "Sessie verlaten?")
        room.keys("j")
        room.wait(for: "Nieuwe sessie")
        room.keys("q")
        XCTAssertTrue(room.waitForExit().contains("EXIT=0"))
        for v in views { XCTAssertFalse(Self.running(v), "participant view \(v) outlived the facilitator") }
        XCTAssertTrue(ayse.waitForExit(timeout: 10).contains("EXIT="), "the participant's ssh ended")
        let log = (try? String(contentsOfFile: store + "/.room/log", encoding: .utf8)) ?? ""
        XCTAssertTrue(log.contains("127.0.0.1 TERM=tmux-256color"), log)
    }

    func testTheLanguageOfTheClientsLANGAndAnOpenRoom() throws {
        let id = newSession()
        let port = Self.freePort()
        let room = try facilitator(id, port: port, extra: "--open")
        XCTAssertTrue(room.screen().contains("open zaal: geen code"), room.screen())
        // No code asked: the password given to sshpass is never used.
        let nl = try participant(port, lang: "nl_NL.UTF-8", code: nil)
        nl.wait(for: "Hoe heet je?")
        let en = try participant(port, lang: "en_GB.UTF-8", code: nil)
        en.wait(for: "What is your name?")
        room.wait(for: "2 verbonden")
        // Dutch letters work although this machine never generated nl_NL (a Mac's ssh sends it).
        nl.type("Zoë")
        nl.keys("Enter")
        nl.wait(for: "Jouw bijdragen")
        nl.type("één reëel")
        nl.keys("Enter")
        room.wait(for: "één reëel — Zoë")

        // A terminal type the server's terminfo does not know still gets the view (as xterm-256color).
        let odd = try participant(port, term: "no-such-terminal-9000", code: nil)
        odd.wait(for: "What is your name?")
        // A name someone in the room already has is refused; the other keeps it.
        en.type("Bram")
        en.keys("Enter")
        en.wait(for: "Your entries")
        odd.type("Bram")
        odd.keys("Enter")
        odd.wait(for: "already in this session")
    }

    func testAConnectionThatNeverTypesTheCodeIsClosedAfterTheGraceTime() throws {
        let id = newSession()
        let port = Self.freePort()
        var e = env
        e["PERSPECTIEF_ROOM_GRACE_MS"] = "1500"
        let room = try Tmux(
            width: 120, height: 40, command: "\(Binary.perspectief) run \(id) --lang nl --room --port \(port) --code 4821 --listen 127.0.0.1 --no-web",
            environment: e)
        room.wait(for: "ssh -p \(port) zaal@127.0.0.1")
        // A client that says hello and then nothing: closed by the server, not by the timeout.
        let start = Date()
        let r = Spawn.run(["timeout", "10", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/\(port); printf 'SSH-2.0-slow\\r\\n' >&3; cat <&3 >/dev/null; echo closed"])
        XCTAssertTrue(r.output.contains("closed"), r.output + r.error)
        XCTAssertLessThan(Date().timeIntervalSince(start), 8)
        let log = (try? String(contentsOfFile: store + "/.room/log", encoding: .utf8)) ?? ""
        XCTAssertTrue(log.contains("no code in time"), log)
    }

    func testEverythingButTheParticipantViewIsRefused() throws {
        let id = newSession()
        let port = Self.freePort()
        let room = try facilitator(id, port: port)
        func run(_ command: String) -> Spawn.Result { Spawn.run(["timeout", "20", "sh", "-c", command]) }

        // A wrong code is answered in words, with the tries left; the right one then lets in.
        let guesser = try participant(port, code: nil)
        guesser.wait(for: "Room code (shown on the screen):")
        XCTAssertFalse(guesser.screen().contains("password"), guesser.screen())
        guesser.type("1111")
        guesser.keys("Enter")
        guesser.wait(for: "That code is not right; look again at the screen in the room (2 tries left).")
        guesser.type("4821")
        guesser.keys("Enter")
        guesser.wait(for: "What is your name?", timeout: 10)

        let exec = run(ssh(port, "") + " cat /etc/passwd")
        XCTAssertNotEqual(exec.status, 0)
        XCTAssertFalse(exec.output.contains("root:"), exec.output)
        XCTAssertTrue(exec.error.contains("Only the session is available here"), exec.error)

        let noPty = run(ssh(port, "-T"))
        XCTAssertEqual(noPty.status, 1)
        XCTAssertTrue(noPty.error.contains("needs a terminal"), noPty.error)

        let remote = run(ssh(port, "-N -o ExitOnForwardFailure=yes -R 127.0.0.1:\(Self.freePort()):127.0.0.1:\(port)"))
        XCTAssertNotEqual(remote.status, 0)
        XCTAssertTrue(remote.error.contains("forwarding failed"), remote.error)

        // -L: ssh listens locally, but the room refuses to open the forwarding channel.
        let local = Self.freePort()
        let forward = run(
            "(\(ssh(port, "-N -L 127.0.0.1:\(local):127.0.0.1:\(port)")) 2>&1 &) ; sleep 2; "
                + "exec 3<>/dev/tcp/127.0.0.1/\(local) && head -c 7 <&3; echo \"GOT=$?\"")
        XCTAssertFalse(forward.output.contains("SSH-2.0"), "nothing came through the forward: \(forward.output)")
        XCTAssertTrue(room.screen().contains("ssh -p \(port)"), "the room is still open")

        // Garbage on the port: that connection closes, the room goes on.
        _ = run("head -c 4000 /dev/urandom > /dev/tcp/127.0.0.1/\(port)")
        _ = run("printf 'SSH-2.0-x\\r\\n%s' \"$(head -c 3000 /dev/urandom | base64)\" > /dev/tcp/127.0.0.1/\(port)")

        // The room still serves people after all that.
        let p = try participant(port)
        p.wait(for: "What is your name?")
        let log = (try? String(contentsOfFile: store + "/.room/log", encoding: .utf8)) ?? ""
        XCTAssertTrue(log.contains("command refused"), log)
        XCTAssertTrue(log.contains("no terminal"), log)

        // The third wrong code on one connection closes it, saying why.
        let closer = try participant(port, code: nil)
        closer.wait(for: "Room code (shown on the screen):")
        for (attempt, then) in [("1112", "(2 tries left)"), ("1113", "(1 try left)")] {
            closer.type(attempt)
            closer.keys("Enter")
            closer.wait(for: then, timeout: 15)
        }
        closer.type("1114")
        closer.keys("Enter")
        XCTAssertTrue(closer.waitForExit(timeout: 20).contains("EXIT="))
        XCTAssertTrue(closer.history().contains("Too many wrong codes; the connection is closed."), closer.history())
        let after = (try? String(contentsOfFile: store + "/.room/log", encoding: .utf8)) ?? ""
        XCTAssertTrue(after.contains("wrong code 3 times"), after)
    }

    func testTheFacilitatorDisconnectsSomeoneAndTheIdleAreDisconnectedPolitely() throws {
        let id = newSession()
        let port = Self.freePort()
        var e = env
        e["PERSPECTIEF_ROOM_IDLE_MS"] = "2500"
        let room = try Tmux(
            width: 120, height: 40, command: "\(Binary.perspectief) run \(id) --lang nl --room --port \(port) --code 4821 --listen 127.0.0.1 --no-web",
            environment: e)
        room.wait(for: "ssh -p \(port) zaal@127.0.0.1")
        let bram = try participant(port)
        bram.wait(for: "What is your name?")
        bram.type("Bram")
        bram.keys("Enter")
        bram.wait(for: "Your entries")
        room.keys("p")
        room.wait(for: "Bram")
        room.keys("d")
        room.wait(for: "Verbinding verbroken: Bram")
        XCTAssertTrue(bram.waitForExit().contains("EXIT=255"), "ssh reports the closed connection")

        let idle = try participant(port)
        idle.wait(for: "What is your name?")
        let deadline = Date().addingTimeInterval(10)
        while !idle.history().contains("You typed nothing for a while") && Date() < deadline { usleep(100_000) }
        XCTAssertTrue(idle.history().contains("You typed nothing for a while"), idle.history())
        XCTAssertTrue(idle.waitForExit().contains("EXIT="))
        let log = (try? String(contentsOfFile: store + "/.room/log", encoding: .utf8)) ?? ""
        XCTAssertTrue(log.contains("disconnected by the facilitator"), log)
        XCTAssertTrue(log.contains(" idle"), log)
    }

    func testTheWizardOpensTheRoomAndTheKeyClosesAndReopensIt() throws {
        let port = Self.freePort()
        // The room's settings without --room: used when the wizard or `o` opens it.
        let room = try Tmux(
            width: 120, height: 40, command: "\(Binary.perspectief) run --lang nl --port \(port) --code 4821 --listen 127.0.0.1 --no-web", environment: env)
        room.wait(for: "Nieuwe sessie")
        room.keys("n")
        room.wait(for: "Kies een")
        if room.screen().contains("Kies een workshop") {
            room.keys("Enter")
            room.wait(for: "Kies een doelgroep")
        }
        for (key, next) in [("Enter", "Titel van de sessie"), ("Enter", "Naam van de facilitator"), ("Enter", "Plaats van de sessie"), ("Enter", "Anoniem"), ("Enter", "Zaal openen bij de start")] {
            room.keys(key)
            room.wait(for: next)
        }
        room.keys("o")
        room.wait(for: "eigen laptop): ja")
        room.keys("Enter")
        room.wait(for: "ssh -p \(port) zaal@127.0.0.1")
        let p = try participant(port)
        p.wait(for: "What is your name?")
        room.wait(for: "1 verbonden")

        // `o` closes the room (asked first: someone is connected): the participant's
        // connection ends; `o` again opens it.
        room.keys("o")
        room.wait(for: "s stop nieuwe aanmeldingen")
        room.keys("j")
        room.wait(for: "the join panel gone") { !$0.contains("ssh -p \(port)") }
        XCTAssertTrue(p.waitForExit().contains("EXIT="))
        // The participant is told why, and how to come back.
        XCTAssertTrue(p.history().replacingOccurrences(of: "\n", with: "").contains("The facilitator closed the room."), p.history())
        XCTAssertTrue(p.history().replacingOccurrences(of: "\n", with: "").contains("\(port) zaal@127.0.0.1 again, with the same name."), p.history())
        room.keys("o")
        room.wait(for: "ssh -p \(port) zaal@127.0.0.1")
        let again = try participant(port)
        again.wait(for: "What is your name?")
    }

    func testSIGTERMOrKillNineOfTheFacilitatorEndsEveryParticipantView() throws {
        for signal in [SIGTERM, SIGKILL] {
            let id = newSession()
            let port = Self.freePort()
            let room = try facilitator(id, port: port)
            let fac = Self.app(in: room)
            let a = try participant(port), b = try participant(port)
            a.wait(for: "What is your name?")
            b.wait(for: "What is your name?")
            let views = Self.children(of: fac)
            XCTAssertEqual(views.count, 2)
            kill(fac, signal)
            let deadline = Date().addingTimeInterval(5)
            while views.contains(where: Self.running) && Date() < deadline { usleep(50_000) }
            for v in views { XCTAssertFalse(Self.running(v), "participant view \(v) outlived signal \(signal) of the facilitator") }
        }
    }

    func testAConnectDisconnectStormLeavesTheRoomAlive() throws {
        let id = newSession()
        let port = Self.freePort()
        let room = try facilitator(id, port: port)
        let fac = Self.app(in: room)
        // 100 connections, ten at a time, each cut off after a random moment.
        let storm = """
            for b in $(seq 10); do for i in $(seq 10); do \
            sleep 1 | timeout -s KILL 0.$((RANDOM % 9 + 1)) \(ssh(port)) >/dev/null 2>&1 & done; wait; done
            """
        Spawn.run(["bash", "-c", storm])
        XCTAssertTrue(Self.running(fac), "the facilitator survived")
        let deadline = Date().addingTimeInterval(10)
        while !Self.children(of: fac).isEmpty && Date() < deadline { usleep(100_000) }
        XCTAssertEqual(Self.children(of: fac), [], "no participant view is left behind")
        let p = try participant(port)
        p.wait(for: "What is your name?")
        room.wait(for: "1 verbonden")
        // The room closes (its log's counts are written then).
        kill(fac, SIGTERM)
        let closed = Date().addingTimeInterval(5)
        while Self.running(fac) && Date() < closed { usleep(50_000) }
        let log = (try? String(contentsOfFile: store + "/.room/log", encoding: .utf8)) ?? ""
        // Connections that never got as far as a code are counted per address and minute, not
        // written a line each (a flood must not rotate the log away): lines plus counts.
        let lines = log.split(separator: "\n")
        let counted = lines.reduce(0) { sum, line in
            guard let r = line.range(of: " refused "), let x = line[r.upperBound...].split(separator: "x").first,
                let n = Int(x)
            else { return sum + 1 }
            return sum + n
        }
        XCTAssertGreaterThanOrEqual(counted, 70, "the storm reached the room: \(log)")
    }
}
