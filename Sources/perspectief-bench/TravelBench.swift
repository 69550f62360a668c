import Core
import Foundation
import Store

/// Issue 16 through the real binary: `add` at 10 / 1,000 / 20,000 entries, `import` of
/// 10,000 CSV rows, `pack` + `unpack` of 1,000 sessions × 100 entries — each beside a peer
/// (python3, tar + sha256sum) doing the nearest same work on the same data.
enum TravelBench {
    static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("perspectief").path
    }

    /// Runs the binary once; the wall time in ms (process start included). Fails loudly.
    /// posix_spawn + waitpid, not Foundation's Process: its waitUntilExit polls a run loop and
    /// added ~35 ms to every run here (a 15 ms `add` measured 51 ms).
    static func timed(_ args: [String]) throws -> Double {
        var status: Int32 = 0
        let argv = ([binary] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var spawnError: Int32 = 0
        let ms = Stats.time {
            var pid: pid_t = 0
            spawnError = posix_spawn(&pid, binary, &actions, nil, argv, environ)
            guard spawnError == 0 else { return }
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        if spawnError != 0 { throw BenchError("cannot start \(binary): \(String(cString: strerror(spawnError)))") }
        // Exited normally with status 0: the low 7 bits (signal) and the exit code are zero.
        if status != 0 { throw BenchError("perspectief \(args.joined(separator: " ")) exited with wait status \(status)") }
        return ms
    }

    static func add(_ report: inout Report) throws {
        for entries in [10, 1000, 20_000] {
            let root = BenchFixtures.tempDir("add")
            defer { try? FileManager.default.removeItem(atPath: root) }
            try BenchFixtures.writeSnapshot(root: root, entries: entries, index: 1)
            let store = try SessionStore(root: root)
            let id = store.sessionIDs()[0]
            // Rewritten once by the store itself, so the snapshot has its head.
            let h = try store.open(id)
            try h.compact()
            h.close()
            // 100 adds: more than the 64 journals after which one of them compacts.
            var times: [Double] = []
            for i in 0..<100 {
                times.append(try timed(["add", "--store", root, id, "--kind", "note", "--text", "Nog een implicatie \(i): reëel en één loket."]))
            }
            let mean = times.reduce(0, +) / Double(times.count)
            report.add("`perspectief add` at \(entries) entries (process start included), median / mean / max of 100",
                       "\(Stats.fmt(Stats.median(times))) / \(Stats.fmt(mean)) / \(Stats.fmt(times.max() ?? 0))", "flat, ≤ 20 ms")
            // In-process, without process start: this build's add against the old one's way
            // (read every event, fold, append, compact on close).
            let engine = Engine(workshop: BenchFixtures.workshop)
            func with(_ id: String) -> Command { .addEntry(id: id, text: "In-process implicatie, reëel.", kind: .note) }
            var now: [Double] = []
            var before: [Double] = []
            // Each way on its own, so one's writeback does not land in the other's fsync.
            for i in 0..<10 {
                now.append(try Stats.time {
                    let h = try store.openForAdding(id)
                    try h.perform(with("new\(i)"), by: .facilitator("Anna"), engine: engine, now: 1)
                    h.close()
                })
            }
            for i in 0..<5 {
                before.append(try Stats.time {
                    let h = try store.open(id)
                    try h.perform(with("old\(i)"), by: .facilitator("Anna"), engine: engine, now: 1)
                    try h.compact()
                    h.close()
                })
            }
            report.add("  … in-process at \(entries) entries: open for adding + add + close / the old way (read all + add + compact), median of 10 / 5",
                       "\(Stats.fmt(Stats.median(now))) / \(Stats.fmt(Stats.median(before)))", "")
        }
        let file = BenchFixtures.tempDir("peer") + "/journal.jsonl"
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        let py = Stats.command(
            #"python3 -c 'import os,json,sys; fd=os.open(sys.argv[1], os.O_WRONLY|os.O_APPEND|os.O_CREAT, 0o600); os.write(fd, (json.dumps({"text":"x"})+"\n").encode()); os.fdatasync(fd)' "# + file, runs: 30)
        report.add("  … python3 -c appending one JSON line + fdatasync (process start included), median of 30", Stats.fmt(Stats.median(py)), "")
    }

    static func importRows(_ report: inout Report) throws {
        let root = BenchFixtures.tempDir("import")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var csv = "\u{FEFF}tekst;soort;stap;auteur\r\n"
        for i in 0..<10_000 {
            csv += "\"Briefje \(i): \"\"één loket\"\"; reëel\r\nen een tweede regel\";implicatie;ronde-\(i % 4 + 1);Deelnemer \(i % 17)\r\n"
        }
        let path = root + "/rows.csv"
        try csv.write(toFile: path, atomically: false, encoding: .utf8)
        let store = try SessionStore(root: root + "/store")
        var times: [Double] = []
        for i in 0..<3 {
            let id = try BenchFixtures.session(in: store, entries: 0, index: i)
            times.append(try timed(["import", "--store", store.root, id, path]))
        }
        let py = Stats.command(
            #"python3 -c 'import csv,json,sys; rows=list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig"), delimiter=";")); f=open(sys.argv[1]+".jsonl","w"); f.write("".join(json.dumps(r)+"\n" for r in rows)); f.flush(); import os; os.fdatasync(f.fileno())' "# + path, runs: 3)
        let o = Stats.median(times), p = Stats.median(py)
        report.add("`perspectief import` of 10,000 CSV rows (`;`, BOM, two-line cells), median of 3", Stats.fmt(o), "≤ 1 s")
        report.add("  … python3 csv.DictReader → JSON lines + fdatasync, same file", Stats.fmt(p) + String(format: " — ours is %.2f× Python", o / p), "")
    }

    static func packUnpack(_ report: inout Report) throws {
        let root = BenchFixtures.tempDir("pack")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let here = root + "/here"
        for i in 0..<1000 { try BenchFixtures.writeSnapshot(root: here, entries: 100, index: i) }
        let pack = root + "/all.pack"
        var packs: [Double] = []
        var unpacks: [Double] = []
        for i in 0..<3 {
            packs.append(try timed(["pack", "--store", here, "--all", "-o", pack, "--force"]))
            unpacks.append(try timed(["unpack", "--store", root + "/there-\(i)", pack]))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: pack)[.size] as? Int) ?? 0
        let tar = Stats.command("tar -cf \(root)/all.tar -C \(here) . && sha256sum \(root)/all.tar", runs: 3)
        let untar = Stats.command("mkdir -p \(root)/t && tar -xf \(root)/all.tar -C \(root)/t && sync -f \(root)/t", runs: 3)
        report.add("`perspectief pack --all` of 1,000 sessions × 100 entries (\(size >> 20) MB), median of 3",
                   Stats.fmt(Stats.median(packs)) + String(format: " — %.2f× tar + sha256sum", Stats.median(packs) / Stats.median(tar)), "")
        report.add("`perspectief unpack` of that pack into an empty store (1,000 durable sessions), median of 3",
                   Stats.fmt(Stats.median(unpacks)) + String(format: " — %.2f× tar -x + sync", Stats.median(unpacks) / Stats.median(untar)), "")
        report.add("  … tar -c + sha256sum / tar -x + sync of the same folder", "\(Stats.fmt(Stats.median(tar))) / \(Stats.fmt(Stats.median(untar)))", "")
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
