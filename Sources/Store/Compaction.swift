import Core

#if canImport(Glibc)
import Glibc
#endif

/// Folds journals into `session.json` under an exclusive lock on `.lock`.
///
/// Order matters for crash safety: the new snapshot is made durable first (temp file, fsync,
/// rename, fsync of the folder), and only then are journals removed — and only journals whose
/// writer has gone (its shared lock is free) and whose every event is in the snapshot. A kill
/// at any point leaves the old or the new snapshot; events then in both are de-duplicated.
enum Compaction {
    static func run(folder: String, ownJournal: String?, tag: String, wait: Bool = true) throws(StoreError) {
        let lockPath = folder + "/" + SessionFiles.lock
        // O_NOFOLLOW: a planted (or dangling) `.lock` symlink must not make us create or
        // lock a file outside the store.
        let lockFD = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard lockFD >= 0 else { throw StoreError.io(.lock, lockPath, POSIXFile.errorText()) }
        defer { close(lockFD) }
        if flock(lockFD, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            if wait { throw StoreError.io(.lock, lockPath, POSIXFile.errorText()) }
            return
        }
        defer { flock(lockFD, LOCK_UN) }
        sweepTemporaries(folder)

        var reader = SessionReader(folder: folder)
        try reader.loadAll()
        if let reason = reader.readOnlyReason { throw StoreError("not compacted: \(reason)", nl: "niet samengevoegd: \(reason)") }
        let events = reader.sortedEvents
        // How far each journal is folded in, kept only for journals that still exist: the
        // marks of removed ones would only grow the head that every add reads.
        let present = Set(reader.journals().map(SessionFiles.writer(ofJournal:)))
        var folded: [String: Int] = reader.snapshotFolded.filter { present.contains($0.key) }
        for e in events where present.contains(e.writer) { folded[e.writer] = max(folded[e.writer] ?? 0, e.seq) }

        let bytes = Snapshot.bytes(session: folder.split(separator: "/").last.map(String.init) ?? "", folded: folded, events: events)
        try POSIXFile.writeAtomically(
            bytes, to: folder + "/" + SessionFiles.snapshot, folder: folder, tempTag: tag + "-" + StoreIDs.short())

        var removed = false
        for name in reader.journals() where name != ownJournal {
            let path = folder + "/" + name
            let fd = POSIXFile.openForReading(path)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            // A live writer holds a shared lock: leave its journal alone.
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            // Empty and new: as likely a writer that has just created it and not yet locked it
            // as a dead one, so it stays. Empty and a minute old with no lock: its writer was
            // killed before writing (a live one re-checks the name after locking, see
            // SessionHandle.openJournal), so it goes instead of piling up for ever.
            var st = stat()
            guard fstat(fd, &st) == 0 else { continue }
            if st.st_size == 0 {
                if Int(time(nil)) - Int(st.st_mtim.tv_sec) > 60, unlink(path) == 0 { removed = true }
                continue
            }
            // Re-read under the lock: everything in it must be in the snapshot we just wrote.
            var check = SessionReader(folder: folder)
            try check.readJournal(name)
            guard check.damage.isEmpty, check.ordered.allSatisfy({ reader.contains($0.id) }) else { continue }
            if unlink(path) == 0 { removed = true }
        }
        if removed { try POSIXFile.fsyncDirectory(folder) }
    }

    /// Temp files left by a compaction that was killed. Only called under the lock, so no
    /// other compaction is writing one right now.
    static func sweepTemporaries(_ folder: String) {
        for name in POSIXFile.list(folder) ?? [] where name.contains(SessionFiles.tempMarker) {
            unlink(folder + "/" + name)
        }
    }
}
