#if canImport(Glibc)
import Glibc
#endif

extension Compaction {
    /// Folding rewrites the whole snapshot, so doing it on every close made each write cost as
    /// much as the session is large. It runs once the journals have grown past a bound
    /// instead: their bytes past half the snapshot (at least 64 KB, at most 1 MB, since every
    /// add reads them), or more than 64 journal files (every `add` process writes its own).
    /// Between foldings nothing is at risk: a journal is as durable as the snapshot.
    static let maxJournalFiles = 64

    static func isDue(_ folder: String) -> Bool {
        var journalBytes = 0
        var files = 0
        for name in POSIXFile.list(folder) ?? [] where SessionFiles.isJournal(name) {
            files += 1
            journalBytes += POSIXFile.signature(folder + "/" + name)?.size ?? 0
        }
        let snapshotBytes = POSIXFile.signature(folder + "/" + SessionFiles.snapshot)?.size ?? 0
        return files > maxJournalFiles || journalBytes > min(max(64 << 10, snapshotBytes / 2), 1 << 20)
    }
}
