import Foundation

// `make bench`: the performance targets of the issues, measured in a release build, with
// jq and Python doing the same work on the same files. Results go to stdout as a Markdown
// table for docs/PERFORMANCE.md.
// PERSPECTIEF_BENCH_ONLY=review (a comma-separated list of the names below) runs a part.
var report = Report()
let parts: [(String, (inout Report) throws -> Void)] = [
    ("append", StoreBench.append), ("load", StoreBench.load2000), ("keystroke", TUIBench.keystroke),
    ("binary", TerminalBench.binary), ("live", LiveBench.participantLatency), ("corpus", StoreBench.corpus),
    ("review", ReviewBench.run), ("web", WebBench.run),
    ("add", TravelBench.add), ("import", TravelBench.importRows), ("pack", TravelBench.packUnpack),
    ("sync", SyncBench.run),
    ("idle", IdleBench.run),
    ("tables", TablesBench.run),
    ("grouping", GroupingBench.run),
]
let roomParts: [(String, (inout Report) throws -> Void)] = [("room", RoomBench.run)]
let only = ProcessInfo.processInfo.environment["PERSPECTIEF_BENCH_ONLY"].map { Set($0.split(separator: ",").map(String.init)) }
do {
    print("Perspectief benchmarks — \(ProcessInfo.processInfo.activeProcessorCount) cores")
    for (name, part) in parts + roomParts where only?.contains(name) ?? true { try part(&report) }
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
report.print()
