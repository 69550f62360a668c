import Core
import Foundation
import Room
import Store
import Synchronization

/// The room with the real OpenSSH client (`sshpass` types the code) on 127.0.0.1: connect to
/// the first frame of the participant view, a saved entry's way to the facilitator, many
/// participants at once, and what each connection costs.
enum RoomBench {
    static func run(_ report: inout Report) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sshpass") else {
            report.add("room benchmarks", "skipped: sshpass not installed (make setup)", "—")
            return
        }
        let root = BenchFixtures.tempDir("room")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try SessionStore(root: root)
        let id = try BenchFixtures.session(in: store, entries: 1, index: 1)  // round 1, open for input
        var config = SSHRoomConfig(host: "127.0.0.1", port: 0, code: RoomCode("4821"), store: root, session: id)
        config.executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("perspectief").path
        config.limits.perAddress = 200
        config.limits.unauthenticated = 200
        let server = try SSHRoomServer.open(config)
        defer { server.shutdown() }
        let port = server.port.load(ordering: .relaxed)
        let knownHosts = root + "/known_hosts"

        // 1. Connect → first frame (the name prompt), a new ssh process each time.
        var connect: [Double] = []
        for _ in 0..<10 {
            let start = DispatchTime.now().uptimeNanoseconds
            let c = try SSHClient(port: port, knownHosts: knownHosts)
            guard c.wait(for: "name?", timeout: 10) else { c.stop(); continue }
            connect.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            c.stop()
            usleep(100_000)
        }
        report.add("room: ssh connect → first frame of the participant view (new ssh process, key exchange, code, spawn), median / max of \(connect.count)",
                   "\(Stats.fmt(Stats.median(connect))) / \(Stats.fmt(connect.max() ?? .nan))", "≤ 300 ms")

        // 2. A participant's typed entry → saved by their process → in the facilitator's state.
        let h = try store.open(id)
        defer { h.close() }
        let watcher = FolderWatcher(path: store.folder(of: id))
        let p = try SSHClient(port: port, knownHosts: knownHosts)
        _ = p.wait(for: "name?", timeout: 10)
        p.type("Ayse\r")
        _ = p.wait(for: "entries", timeout: 10)
        var latencies: [Double] = []
        for _ in 0..<60 {
            p.type("a")
            usleep(40_000)
            let stamp = Int64(Date().timeIntervalSince1970 * 1_000_000)
            p.type("t=\(stamp)\r")
            let deadline = Date().addingTimeInterval(3)
            var seen = false
            while !seen && Date() < deadline {
                guard watcher.waitForChange(timeoutMs: 200) else { continue }
                _ = try h.refresh()
                seen = h.state.entries.contains { $0.text == "t=\(stamp)" }
            }
            if seen { latencies.append(Double(Int64(Date().timeIntervalSince1970 * 1_000_000) - stamp) / 1000) }
        }
        p.stop()
        report.add("room: typed entry (Enter over ssh) → in the facilitator's state, median / p95 of \(latencies.count)",
                   "\(Stats.fmt(Stats.median(latencies))) / \(Stats.fmt(Stats.percentile(latencies, 95)))", "p95 ≤ 100 ms")

        // 3. Many participants at once, each adding an entry every second.
        let n = Int(ProcessInfo.processInfo.environment["PERSPECTIEF_BENCH_ROOM_PEOPLE"] ?? "") ?? 50
        let seconds = Int(ProcessInfo.processInfo.environment["PERSPECTIEF_BENCH_ROOM_SECONDS"] ?? "") ?? 60
        usleep(500_000)
        let rssBefore = rssKB(getpid())
        var clients: [SSHClient] = []
        for i in 0..<n {
            let c = try SSHClient(port: port, knownHosts: knownHosts)
            _ = c.wait(for: "name?", timeout: 20)
            c.type("P\(i)\r")
            clients.append(c)
        }
        for c in clients { _ = c.wait(for: "entries", timeout: 20) }
        let children = childPids(of: getpid())
        let childRSS = children.map(rssKB)
        // Idle: everyone connected, nobody typing, for 10 s — the facilitator and every view.
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        let all = [getpid()] + children
        let idleBefore = all.map(IdleBench.cpuTicks).reduce(0, +)
        sleep(10)
        let idleTicks = all.map(IdleBench.cpuTicks).reduce(0, +) - idleBefore
        report.add("room: \(n) participants connected and idle for 10 s — CPU of the facilitator and all views, share of a core",
                   String(format: "%.1f %%", Double(idleTicks) / ticksPerSecond / 10 * 100), "≤ 5 % at 200")
        let serverRSS = rssKB(getpid()) - rssBefore
        for second in 0..<seconds {
            let tick = Date()
            for c in clients { c.type("a") }
            usleep(150_000)
            for (i, c) in clients.enumerated() { c.type("m-\(i)-\(second)\r") }
            let rest = 1 - Date().timeIntervalSince(tick)
            if rest > 0 { usleep(UInt32(rest * 1_000_000)) }
        }
        sleep(2)
        _ = try h.refresh()
        var counts: [String: Int] = [:]
        for e in h.state.entries where e.text.hasPrefix("m-") { counts[e.text, default: 0] += 1 }
        let expected = n * seconds
        let once = counts.values.filter { $0 == 1 }.count
        let twice = counts.values.filter { $0 > 1 }.count
        for c in clients { c.stop() }
        report.add("room: \(n) participants over ssh, each adding an entry every second for \(seconds) s: arrived once / expected (duplicates)",
                   "\(once) / \(expected) (\(twice))", "every entry once")
        report.add("room: per connection — processes / memory of the participant view (RSS, median) / the server's own growth",
                   String(format: "%.2f / %.1f MiB / %d KiB", Double(children.count) / Double(max(1, n)), Stats.median(childRSS.map(Double.init)) / 1024, serverRSS / max(1, n)),
                   "1 process")
    }

    static func rssKB(_ pid: pid_t) -> Int {
        guard let s = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in s.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }

    static func childPids(of pid: pid_t) -> [pid_t] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { pid_t($0) }.filter { p in
            guard let stat = try? String(contentsOfFile: "/proc/\(p)/stat", encoding: .utf8), let close = stat.range(of: ")", options: .backwards)
            else { return false }
            let f = stat[close.upperBound...].split(separator: " ")
            return f.count > 2 && pid_t(f[1]) == pid && f[0] != "Z" && (try? String(contentsOfFile: "/proc/\(p)/comm", encoding: .utf8))?.hasPrefix("perspectief") == true
        }
    }
}

/// One `sshpass … ssh -tt` with pipes: what it prints is collected, what we type goes in.
final class SSHClient {
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    let seen = Output()

    final class Output: Sendable {
        let bytes = Mutex<[UInt8]>([])
        func contains(_ text: String) -> Bool { bytes.withLock { String(decoding: $0, as: UTF8.self).contains(text) } }
    }

    init(port: Int, knownHosts: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sshpass")
        process.arguments = [
            "-p", "4821", "ssh", "-tt", "-p", "\(port)", "-o", "StrictHostKeyChecking=accept-new", "-o", "UserKnownHostsFile=\(knownHosts)",
            "-o", "LogLevel=ERROR", "zaal@127.0.0.1",
        ]
        process.environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "TERM": "xterm-256color"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let sink = seen
        output.fileHandleForReading.readabilityHandler = { h in
            let d = h.availableData
            sink.bytes.withLock { $0 += d }
        }
        try process.run()
    }

    func wait(for text: String, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if seen.contains(text) { return true }
            usleep(2_000)
        }
        return false
    }

    func type(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }

    func stop() {
        output.fileHandleForReading.readabilityHandler = nil
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
