import Core
import Foundation
import Room
import Store

/// The participant page's server on loopback, driven by plain sockets as phones would: the page
/// load, a saved entry → the facilitator's state, and a room full of sockets all typing.
enum WebBench {
    static func run(_ report: inout Report) throws {
        let root = BenchFixtures.tempDir("web")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try SessionStore(root: root)
        let id = try BenchFixtures.session(in: store, entries: 1, index: 1)  // ends in round 1, open for input
        let room = try WebRoom.start(
            storeRoot: root, sessionId: id, workshops: [BenchFixtures.workshop], host: "127.0.0.1", port: 0, code: RoomCode("4321"),
            limits: WebRoom.limits(total: 1000, perAddress: 1000))
        defer { room.stop() }

        var bytes = 0
        let loads = try (0..<50).map { _ in
            try Stats.time { bytes = try WebClient.get(port: room.port, path: "/").count }
        }
        report.add("participant page: bytes, and GET / on loopback (median / p95 of 50)",
                   "\(bytes) B, \(Stats.fmt(Stats.median(loads))) / \(Stats.fmt(Stats.percentile(loads, 95)))", "< 30 KB")

        // One phone saves 200 entries; the facilitator's handle sees each through inotify.
        let h = try store.open(id)
        let watcher = FolderWatcher(path: store.folder(of: id))
        let phone = try WebClient.join(port: room.port, name: "Ayşe")
        let sender = Thread {
            for i in 0..<200 {
                let us = Int64(Date().timeIntervalSince1970 * 1_000_000)
                try? phone.send(#"{"rid":"lat\#(String(format: "%012d", i))","op":"add","text":"t=\#(us)"}"#)
                phone.drain(ms: 20)
            }
        }
        sender.start()
        var latencies: [Double] = []
        var seen = Set<String>()
        let deadline = Date().addingTimeInterval(30)
        while latencies.count < 200 && Date() < deadline {
            guard watcher.waitForChange(timeoutMs: 500) else { continue }
            _ = try h.refresh()
            let nowUs = Int64(Date().timeIntervalSince1970 * 1_000_000)
            for e in h.state.entries where e.text.hasPrefix("t=") && seen.insert(e.id).inserted {
                if let t = Int64(e.text.dropFirst(2)) { latencies.append(Double(nowUs - t) / 1000) }
            }
        }
        h.close()
        report.add("web participant save → in the facilitator's state (socket, engine, fdatasync, inotify), median / p95 of \(latencies.count)",
                   "\(Stats.fmt(Stats.median(latencies))) / \(Stats.fmt(Stats.percentile(latencies, 95)))", "p95 ≤ 100 ms")

        let seconds = Int(ProcessInfo.processInfo.environment["PERSPECTIEF_BENCH_WEB_SECONDS"] ?? "") ?? 60
        try crowd(room: room, store: store, id: id, seconds: seconds, tag: "c", where: "a scenario round (each sees their own)", report: &report)
        // Where everyone sees the room's insights, every save changes every phone's view.
        let f = try store.open(id)
        try f.perform(.moveStep(to: "robuustheid"), by: .facilitator("Anna"), engine: Engine(workshop: BenchFixtures.workshop), now: 1_795_356_100_000)
        f.close()
        try crowd(room: room, store: store, id: id, seconds: max(1, seconds / 3), tag: "r", where: "the robustness step (all see all insights)", report: &report)
    }

    /// N sockets, each adding an entry every second: every entry must be saved and acknowledged once.
    static func crowd(
        room: WebRoom, store: SessionStore, id: String, seconds: Int, tag: String, where place: String, report: inout Report
    ) throws {
        let env = ProcessInfo.processInfo.environment
        let people = Int(env["PERSPECTIEF_BENCH_WEB_PEOPLE"] ?? "") ?? 100
        let clients = try (0..<people).map { try WebClient.join(port: room.port, name: "Deelnemer \(tag)\($0)") }
        let acked = Counter()
        let ackTimes = Samples()
        let start = Date()
        let threads = clients.enumerated().map { (n, client) in
            Thread {
                for i in 0..<seconds {
                    let due = start.addingTimeInterval(Double(i) + Double(n) / Double(people))
                    client.drain(ms: max(0, Int(due.timeIntervalSinceNow * 1000)))
                    let sent = Date()
                    try? client.send(#"{"rid":"\#(tag)\#(String(format: "%04d%08d", n, i))","op":"add","text":"\#(tag)p\#(n) s\#(i)"}"#)
                    client.drain(ms: 2000, until: { client.acks >= i + 1 })
                    ackTimes.add(Date().timeIntervalSince(sent) * 1000)
                }
                client.drain(ms: 3000, until: { client.acks >= seconds })
                acked.add(client.acks)
            }
        }
        threads.forEach { $0.start() }
        while acked.calls < people && Date().timeIntervalSince(start) < Double(seconds) + 60 { usleep(100_000) }
        let state = try store.open(id, readOnly: true).state
        let texts = state.entries.map(\.text).filter { $0.hasPrefix(tag + "p") && $0.contains(" s") }
        let expected = people * seconds
        let once = texts.count == expected && Set(texts).count == expected && acked.total == expected
        report.add("\(people) web participants × 1 entry a second for \(seconds) s in \(place): saved / acknowledged / expected; every entry once",
                   "\(texts.count) / \(acked.total) / \(expected); \(once ? "yes" : "NO")", "all, once")
        report.add("… time from a save to its acknowledgement under that load, median / p95",
                   "\(Stats.fmt(Stats.median(ackTimes.values))) / \(Stats.fmt(Stats.percentile(ackTimes.values, 95)))", "—")
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var total = 0
    private(set) var calls = 0
    func add(_ n: Int) { lock.withLock { total += n; calls += 1 } }
}

final class Samples: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Double] = []
    func add(_ v: Double) { lock.withLock { list.append(v) } }
    var values: [Double] { lock.withLock { list } }
}
