import Core

/// Reads a session folder: the snapshot, then every journal, de-duplicated by event id.
///
/// What counts as what (see notes/storage.md):
/// - a torn LAST line of a journal (no newline, does not parse) is a crash mid-write: it was
///   never acknowledged, so it is dropped with a warning;
/// - anything else malformed is damage: the reason names file, line and column, the rest is
///   still read, and the session becomes read-only so nothing overwrites the evidence;
/// - a schema newer than this build opens read-only (an older build must not rewrite it).
struct SessionReader {
    let folder: String
    /// Every event read, in the order read (the snapshot is in fold order already).
    var ordered: [Event] = []
    /// Event id → position in `ordered`, for de-duplication.
    var positions: [String: Int] = [:]
    var warnings: [String] = []
    var damage: [String] = []
    var newer: String?
    /// Bytes of each journal consumed so far (whole lines only), for incremental refresh.
    var offsets: [String: Int] = [:]
    var snapshotSignature: (size: Int, mtime: Int, ctime: Int, inode: UInt)?
    var snapshotFolded: [String: Int] = [:]
    /// Set by a head-only load: the snapshot's highest clock, and that journal events the
    /// snapshot already holds (seq ≤ its `folded` mark) are skipped, not read twice.
    var headClock = 0
    var skipFolded = false

    init(folder: String) { self.folder = folder }

    var readOnlyReason: String? {
        if let first = damage.first {
            return damage.count == 1 ? first : "\(first) (and \(damage.count - 1) more problems)"
        }
        return newer
    }

    mutating func loadAll() throws(StoreError) {
        try loadSnapshot()
        for name in journals() { try readJournal(name) }
    }

    func journals() -> [String] { (POSIXFile.list(folder) ?? []).filter(SessionFiles.isJournal).sorted() }

    mutating func loadSnapshot() throws(StoreError) {
        let path = folder + "/" + SessionFiles.snapshot
        snapshotSignature = POSIXFile.signature(path)
        guard let bytes = try POSIXFile.read(path) else { return }
        let root: JSONValue
        do {
            root = try JSONParser.parse(data: bytes)
        } catch {
            damage.append("\(path): \(error)")
            return
        }
        guard let o = root.objectValue else {
            damage.append("\(path): must be a JSON object")
            return
        }
        guard let schema = o["schema"]?.intValue else {
            damage.append("\(path): \"schema\" must be a whole number")
            return
        }
        if schema > SessionFiles.schemaVersion {
            newer = "\(path) has schema version \(schema), newer than this build understands (\(SessionFiles.schemaVersion)); it opens read-only"
        }
        if let folded = o["folded"]?.objectValue {
            for (k, v) in folded.pairs { snapshotFolded[k] = v.intValue ?? 0 }
        }
        guard let list = o["events"]?.arrayValue else {
            damage.append("\(path): \"events\" must be an array")
            return
        }
        for (i, value) in list.enumerated() {
            do {
                try add(try Event(json: value), origin: "\(path) event \(i + 1)")
            } catch let e as EventDecodingError {
                record(e, at: "\(path) event \(i + 1)")
            } catch {
                damage.append("\(path) event \(i + 1): \(error)")
            }
        }
    }

    /// Reads a journal from where the last read stopped. Only whole lines are consumed; a
    /// line without its newline at the end of the file is left for the next read (a writer
    /// may be mid-write) and, if it still does not parse at a full load, it is a torn tail.
    mutating func readJournal(_ name: String, final: Bool = true) throws(StoreError) {
        let path = folder + "/" + name
        let start = offsets[name] ?? 0
        let fd = POSIXFile.openForReading(path)
        if fd < 0 {
            if errno == ENOENT { return }  // compacted away meanwhile
            throw POSIXFile.readFailure(path)
        }
        defer { close(fd) }
        let bytes = try POSIXFile.readAll(fd, path: path, from: start)
        var lineNumber = lineCount(before: start, name: name)
        var lineStart = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                lineNumber += 1
                parseLine(bytes, lineStart, i, path: path, line: lineNumber)
                lineStart = i + 1
            }
            i += 1
        }
        offsets[name] = start + lineStart
        lineCounts[name] = lineNumber
        guard lineStart < bytes.count, final else { return }
        // The rest has no newline: a crash cut the last write short.
        let tail = Array(bytes[lineStart...])
        if let value = try? JSONParser.parse(data: tail), let event = try? Event(json: value) {
            try? add(event, origin: "\(path) line \(lineNumber + 1)")
            offsets[name] = start + bytes.count
        } else {
            warnings.append("\(path): line \(lineNumber + 1) was cut short by a crash and is ignored (it was never saved)")
        }
    }

    var lineCounts: [String: Int] = [:]
    func lineCount(before offset: Int, name: String) -> Int { offset == 0 ? 0 : lineCounts[name] ?? 0 }

    mutating func parseLine(_ bytes: [UInt8], _ from: Int, _ to: Int, path: String, line: Int) {
        let where_ = "\(path): line \(line)"
        if from == to {
            damage.append("\(where_), column 1: empty line")
            return
        }
        let value: JSONValue
        do {
            value = try bytes.withUnsafeBufferPointer { buffer in
                try JSONParser.parse(bytes: UnsafeBufferPointer(rebasing: buffer[from..<to]))
            }
        } catch let e as JSONSyntaxError {
            damage.append("\(path): line \(line), column \(e.column): \(e.reason)")
            return
        } catch {
            damage.append("\(where_): \(error)")
            return
        }
        do {
            try add(try Event(json: value), origin: where_)
        } catch let e as EventDecodingError {
            record(e, at: where_)
        } catch {
            damage.append("\(where_): \(error)")
        }
    }

    mutating func record(_ e: EventDecodingError, at origin: String) {
        if e.reason.contains("newer than this build") {
            newer = newer ?? "\(origin): \(e.reason); the session opens read-only"
        } else {
            damage.append("\(origin): \(e.reason)")
        }
    }

    var newEvents: [Event] = []

    func contains(_ id: String) -> Bool { positions[id] != nil }

    /// The events in fold order, sorting only when the files were not already in order.
    var sortedEvents: [Event] {
        let inOrder = zip(ordered, ordered.dropFirst()).allSatisfy { !Event.foldOrder($1, $0) }
        return inOrder ? ordered : ordered.sorted(by: Event.foldOrder)
    }

    /// Adds an event unless it is already known; the same id with other content is damage.
    mutating func add(_ event: Event, origin: String) throws(StoreError) {
        if skipFolded, event.seq <= snapshotFolded[event.writer] ?? 0 { return }
        if let known = positions[event.id] {
            if ordered[known] != event { damage.append("\(origin): event \(event.id) appears twice with different content") }
            return
        }
        positions[event.id] = ordered.count
        ordered.append(event)
        newEvents.append(event)
    }
}

#if canImport(Glibc)
import Glibc
#endif
