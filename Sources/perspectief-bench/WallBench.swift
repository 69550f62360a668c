import Core
import Foundation
import Store
import Sync
import Synchronization

extension SyncBench {
    static let rooms = 20
    static let people = 25
    static let seconds = 20

    /// 20 rooms × 25 participants, one entry every 2 s each (250 entries/s), each room on its
    /// own store with a live syncer; the wall reads the database and notes when each entry
    /// first shows. Latency is from the moment the room's save returned (durable) to then.
    static func wall(_ pg: BenchPostgres, _ url: DatabaseURL, _ report: inout Report) throws {
        _ = pg.psql("TRUNCATE events, rooms")
        let start = Int64(Date().timeIntervalSince1970 * 1000)
        var roots: [(String, String)] = []
        for r in 0..<rooms {
            let root = BenchFixtures.tempDir("room\(r)")
            let store = try SessionStore(root: root)
            let w = BenchFixtures.workshop
            let setup = SessionSetup(
                sessionId: "20261204-0900-zaal-\(r)", workshopId: w.id, workshopTitle: w.title,
                perspective: .workshop(w.perspectives[r % w.perspectives.count].id), title: "Zaal \(r)", facilitator: "Anna")
            let h = try store.create(setup, by: .facilitator("Anna"), now: start)
            try h.perform(.moveStep(to: "ronde-1"), by: .facilitator("Anna"), engine: Engine(workshop: w), now: start)
            for p in 0..<people { try h.perform(.join, by: actor(p), engine: Engine(workshop: w), now: start) }
            h.close()
            roots.append((root, setup.sessionId))
        }
        defer { for (root, _) in roots { try? FileManager.default.removeItem(atPath: root) } }
        let workers = roots.map { SyncWorker.start(store: $0.0, sessionId: $0.1, url: url, now: { Int64(Date().timeIntervalSince1970 * 1000) }) }
        defer { workers.forEach { $0.stop() } }
        let written = Mutex<[String: Double]>([:])
        let failures = Mutex(0)
        let group = DispatchGroup()
        let t0 = Date().timeIntervalSince1970 + 1
        for (r, (root, id)) in roots.enumerated() {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                typeInRoom(r, root: root, id: id, t0: t0, written: written, failures: failures)
            }
        }
        // The wall, on this thread, as `perspectief wall` runs it.
        let feed = WallFeed(url: url, event: nil)
        let listener = ChangeListener(url: url)
        defer { listener.stop(); feed.close() }
        var seen = Set<String>()
        var latencies: [Double] = []
        let expected = rooms * people * (seconds / 2)
        let end = t0 + Double(seconds) + 10
        while Date().timeIntervalSince1970 < end && seen.count < expected {
            _ = listener.wake.wait(timeout: .now() + 1)
            while listener.wake.wait(timeout: .now()) == .success {}
            try feed.catchUp()
            let now = Date().timeIntervalSince1970
            let times = written.withLock { $0 }
            for room in feed.rooms {
                for e in room.state.entries where !seen.contains(e.id) {
                    guard let at = times[e.id] else { continue }
                    seen.insert(e.id)
                    latencies.append((now - at) * 1000)
                }
            }
        }
        group.wait()
        guard failures.withLock({ $0 }) == 0 else { throw BenchError("\(failures.withLock { $0 }) entries could not be saved") }
        let p95 = Stats.percentile(latencies, 95)
        report.add(
            "entry → wall, \(rooms) rooms × \(people) participants, an entry every 2 s each (\(seen.count) of \(expected) entries seen), median / p95",
            "\(Stats.fmt(Stats.median(latencies))) / \(Stats.fmt(p95))", "p95 ≤ 1 s — \(p95 <= 1000 && seen.count == expected ? "met" : "not met")")
    }

    static func actor(_ p: Int) -> Actor { Actor(role: .participant, key: "p\(p)", name: "Deelnemer \(p)") }

    /// One room's typing: each participant every 2 s, spread over the two seconds.
    static func typeInRoom(_ r: Int, root: String, id: String, t0: Double, written: borrowing Mutex<[String: Double]>, failures: borrowing Mutex<Int>) {
        guard let store = try? SessionStore(root: root), let h = try? store.open(id) else {
            failures.withLock { $0 += 1 }
            return
        }
        defer { h.close() }
        let engine = Engine(workshop: BenchFixtures.workshop)
        for tick in 0..<(seconds / 2) {
            for p in 0..<people {
                let due = t0 + Double(tick * 2) + Double(p) * 2 / Double(people) + Double(r) * 0.003
                let wait = due - Date().timeIntervalSince1970
                if wait > 0 { usleep(useconds_t(wait * 1_000_000)) }
                let entry = "z\(r)-\(p)-\(tick)"
                do {
                    try h.perform(.addEntry(id: entry, text: "Zaal \(r), deelnemer \(p): bijdrage \(tick)"), by: actor(p), engine: engine, now: Int64(Date().timeIntervalSince1970 * 1000))
                    let done = Date().timeIntervalSince1970
                    written.withLock { $0[entry] = done }
                } catch {
                    failures.withLock { $0 += 1 }
                }
            }
        }
    }
}
