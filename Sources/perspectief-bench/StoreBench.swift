import Core
import Foundation
import Store
import Synchronization

enum StoreBench {
    static func append(_ report: inout Report) throws {
        let root = BenchFixtures.tempDir("append")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try SessionStore(root: root)
        let id = try BenchFixtures.session(in: store, entries: 0, index: 1)
        let h = try store.open(id)
        let engine = Engine(workshop: BenchFixtures.workshop)
        var times: [Double] = []
        for i in 0..<1000 {
            let decision = try engine.decide(.addEntry(id: "a\(i)", text: "Een implicatie van gemiddelde lengte, met ë en é — zo'n 80 tekens."), by: .facilitator("Anna"), in: h.state)
            times.append(try Stats.time { _ = try h.append(decision, by: .facilitator("Anna"), now: 1) })
        }
        h.close()
        report.add("durable append of one event (write + fdatasync), median / p99 of 1,000",
                   "\(Stats.fmt(Stats.median(times))) / \(Stats.fmt(Stats.percentile(times, 99)))", "≤ 0.5 ms median")
    }

    static func load2000(_ report: inout Report) throws {
        let root = BenchFixtures.tempDir("load")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try BenchFixtures.writeSnapshot(root: root, entries: 2000, index: 1)
        let store = try SessionStore(root: root)
        let id = store.sessionIDs()[0]
        var times: [Double] = []
        for _ in 0..<30 { times.append(try Stats.time { _ = try store.open(id, readOnly: true) }) }
        let size = (try? FileManager.default.attributesOfItem(atPath: root + "/" + id + "/session.json")[.size] as? Int) ?? 0
        report.add("load a 2,000-entry session (\(size / 1024) KB), median of 30", Stats.fmt(Stats.median(times)), "≤ 15 ms")
    }

    /// 1,000 sessions × 100 entries: load every session fully (parse, decode, fold) and
    /// count live entries per scenario; jq and Python count the same on the same files.
    static func corpus(_ report: inout Report) throws {
        let root = BenchFixtures.tempDir("corpus")
        defer { try? FileManager.default.removeItem(atPath: root) }
        for i in 0..<1000 { try BenchFixtures.writeSnapshot(root: root, entries: 100, index: i) }
        let store = try SessionStore(root: root)
        var ours: [Double] = []
        var counted: [String: Int] = [:]
        for _ in 0..<5 {
            ours.append(Stats.time { counted = countPerScenario(store) })
        }
        let total = counted.values.reduce(0, +)
        let jqProgram = #"[inputs.events[] | select(.type=="entryAdded") | .scenario] | group_by(.) | map({key: .[0], value: length}) | from_entries"#
        let jq = Stats.command("jq -n '\(jqProgram)' \(root)/*/session.json", runs: 3)
        let py = Stats.command(#"python3 -c 'import json,glob,sys,collections; c=collections.Counter(e.get("scenario") for f in glob.glob(sys.argv[1]+"/*/session.json") for e in json.load(open(f))["events"] if e["type"]=="entryAdded"); print(dict(c))' "# + root, runs: 3)
        let o = Stats.median(ours), j = Stats.median(jq), p = Stats.median(py)
        report.add("1,000 sessions × 100 entries: load + count per scenario (\(total) entries), in-process, 2 threads", Stats.fmt(o), "≤ 0.5× jq, ≤ Python")
        report.add("  … the same with jq 1.6 (process)", Stats.fmt(j) + String(format: " — ours is %.2f× jq", o / j), "")
        report.add("  … the same with python3 -c (process)", Stats.fmt(p) + String(format: " — ours is %.2f× Python", o / p), "")
    }

    static func countPerScenario(_ store: SessionStore) -> [String: Int] {
        let ids = store.sessionIDs()
        let root = store.root
        let total = Mutex<[String: Int]>([:])
        let chunks = 2  // the machine has two cores
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            guard let store = try? SessionStore(root: root, create: false) else { return }
            var local: [String: Int] = [:]
            for i in stride(from: c, to: ids.count, by: chunks) {
                guard let h = try? store.open(ids[i], readOnly: true) else { continue }
                for e in h.state.entries where e.isLive { local[e.scenario ?? "-", default: 0] += 1 }
            }
            total.withLock { t in for (k, v) in local { t[k, default: 0] += v } }
        }
        return total.withLock { $0 }
    }
}
