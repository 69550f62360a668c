import Core

/// One session folder as `stat` sees it, before anything is read: enough to order the
/// sessions newest first and to tell whether a cached reading of them is still true.
public struct SessionScan: Sendable {
    public let id: String
    /// Name, size, modification and change times (ns) and inode of every file in the folder,
    /// in name order. Journals only grow and snapshots are replaced by rename, so any write
    /// changes it; so does a change of permissions (the change time).
    public let signature: [UInt8]
    /// The newest modification time among the files (ns).
    public let newest: Int
}

extension SessionStore {
    /// Every session folder, most recently written first, without reading any session.
    public func scan() -> [SessionScan] {
        // A thousand folders are a few thousand stat calls: on both cores, as `read` does.
        let ids = sessionIDs()
        let root = self.root
        return BothCores.map(ids.count) { mine in mine.map { Self.scanOne(ids[$0], folder: root + "/" + ids[$0]) } }.sorted { $0.newest != $1.newest ? $0.newest > $1.newest : $0.id > $1.id }
    }

    private static func scanOne(_ id: String, folder: String) -> SessionScan {
        var w = ByteWriter()
        var newest = 0
        for name in (POSIXFile.list(folder) ?? []).sorted() where name != SessionFiles.lock {
            guard let s = POSIXFile.signature(folder + "/" + name) else { continue }
            w.string(name)
            w.int(s.size)
            w.int(s.mtime)
            w.int(s.ctime)
            w.uint(UInt64(s.inode))
            newest = max(newest, s.mtime)
        }
        return SessionScan(id: id, signature: w.bytes, newest: newest)
    }
}
