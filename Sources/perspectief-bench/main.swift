import Foundation

// `make bench`: the performance targets of the issues, measured in a release build, with
// jq and Python doing the same work on the same files. Results go to stdout as a Markdown
// table for docs/PERFORMANCE.md.
var report = Report()
do {
    print("Perspectief benchmarks — \(ProcessInfo.processInfo.activeProcessorCount) cores")
    try StoreBench.append(&report)
    try StoreBench.load2000(&report)
    try TUIBench.keystroke(&report)
    try TerminalBench.binary(&report)
    try LiveBench.participantLatency(&report)
    try StoreBench.corpus(&report)
    try ReviewBench.run(&report)
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
report.print()
