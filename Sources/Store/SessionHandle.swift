import Core

#if canImport(Glibc)
import Glibc
#endif

/// One open session: its events and folded state, and (once it writes) this process's own
/// journal. Every append is durable — written and `fdatasync`ed — before it returns, so
/// whatever a screen shows after an append survives a power cut.
public final class SessionHandle {
    public let id: String
    public let folder: String
    public private(set) var events: [Event] = []
    public private(set) var state: SessionState
    /// Set when the session must not be written: damaged files or a newer schema.
    public private(set) var readOnlyReason: String?
    public private(set) var warnings: [String] = []
    /// This process's writer id: the name of its journal.
    public let writer: String

    private var reader: SessionReader
    private var journalFD: Int32 = -1
    private var journalSize: off_t = 0
    private var seq = 0
    private let forcedReadOnly: Bool
    /// Opened only to add: `state` holds what deciding an add needs (see `Snapshot`), not
    /// every entry, so the cost of opening does not grow with the session.
    private let forAdding: Bool

    init(id: String, folder: String, readOnly: Bool, forAdding: Bool = false) throws(StoreError) {
        self.id = id
        self.folder = folder
        self.writer = StoreIDs.writer()
        self.forcedReadOnly = readOnly
        self.forAdding = forAdding
        reader = SessionReader(folder: folder)
        try SessionHandle.load(&reader, forAdding: forAdding)
        guard let folded = SessionHandle.fold(reader) else {
            throw StoreError(
                reader.readOnlyReason.map { "session \(id) cannot be read: \($0)" } ?? "session \(id) has no sessionCreated event",
                nl: reader.readOnlyReason.map { "sessie \(id) kan niet gelezen worden: \($0)" } ?? "sessie \(id) heeft geen sessionCreated-gebeurtenis")
        }
        state = folded.state
        events = folded.events
        readOnlyReason = reader.readOnlyReason
        warnings = reader.warnings
        reader.newEvents.removeAll()
    }

    deinit { close() }

    private static func load(_ reader: inout SessionReader, forAdding: Bool) throws(StoreError) {
        if forAdding, try reader.loadHeadAndJournals() { return }
        reader = SessionReader(folder: reader.folder)
        try reader.loadAll()
    }

    private static func fold(_ reader: SessionReader) -> (state: SessionState, events: [Event])? {
        let sorted = reader.sortedEvents
        guard var state = SessionState.fold(sorted) else { return nil }
        state.clock = max(state.clock, reader.headClock)
        return (state, sorted)
    }

    /// Set by the room's ways in (phone, SSH participant): participants' adds are held to
    /// EntryRate. Off for the store's own tools and tests, which add in bulk on purpose.
    public var limitsEntryRate = false
    /// Each participant's budget of other changes (EntryRate.actionBurst, then actionsPerSecond),
    /// by key: the phone page's one handle serves many participants.
    private var actionBudgets: [String: (tokens: Double, atMs: Int64)] = [:]

    public var isReadOnly: Bool { forcedReadOnly || readOnlyReason != nil }

    /// Decides `command` against the latest state on disk and saves the result durably.
    @discardableResult
    public func perform(_ command: Command, by actor: Actor, engine: Engine, now: Int64) throws(PerformError) -> Event {
        do { _ = try refresh() } catch { throw .store(error) }
        let decision: Decision
        do { decision = try engine.decide(command, by: actor, in: state) } catch { throw .refused(error) }
        if limitsEntryRate, case .addEntry = command, actor.role == .participant, let wait = EntryRate.wait(key: actor.key, state: state, now: now) {
            throw .refused(EntryRate.tooFast(waitMs: wait))
        }
        if limitsEntryRate, actor.role == .participant, Self.isOtherAction(command), !takeAction(actor.key, now: now) {
            throw .refused(EntryRate.actionsTooFast)
        }
        do { return try append(decision, by: actor, now: now) } catch { throw .store(error) }
    }

    /// Every participant change but an add (its own rate) and the join.
    static func isOtherAction(_ command: Command) -> Bool {
        if case .addEntry = command { return false }
        if case .join = command { return false }
        return true
    }

    /// Takes one from `key`'s budget of other changes, if there is one.
    private func takeAction(_ key: String, now: Int64) -> Bool {
        var b = actionBudgets[key] ?? (EntryRate.actionBurst, now)
        if now > b.atMs {
            b.tokens = min(EntryRate.actionBurst, b.tokens + Double(now - b.atMs) / 1000 * EntryRate.actionsPerSecond)
            b.atMs = now
        }
        guard b.tokens >= 1 else {
            actionBudgets[key] = b
            return false
        }
        b.tokens -= 1
        actionBudgets[key] = b
        return true
    }

    /// Saves one decided change. Returns only once the bytes are on disk.
    @discardableResult
    public func append(_ decision: Decision, by actor: Actor, now: Int64) throws(StoreError) -> Event {
        try appendAll([decision], by: actor, now: now)[0]
    }

    /// Saves several decided changes as one durable batch — one write, one `fdatasync` —
    /// so either all of them are on disk when it returns or none is.
    @discardableResult
    public func appendAll(_ decisions: [Decision], by actor: Actor, now: Int64) throws(StoreError) -> [Event] {
        if forcedReadOnly { throw StoreError("session \(id) is open read-only", nl: "sessie \(id) is alleen-lezen geopend") }
        if let reason = readOnlyReason { throw StoreError("session \(id) is read-only: \(reason)", nl: "sessie \(id) is alleen-lezen: \(reason)") }
        guard !decisions.isEmpty else { return [] }
        try openJournal()
        var batch: [Event] = []
        var bytes: [UInt8] = []
        for (i, decision) in decisions.enumerated() {
            let event = Event(
                id: StoreIDs.event(), writer: writer, seq: seq + i + 1, clock: state.clock + i + 1, time: now, actor: actor,
                change: decision.change, undoes: decision.undoes)
            batch.append(event)
            bytes.append(contentsOf: JSONWriter.compact(event.json).utf8)
            bytes.append(0x0A)
        }
        if let code = POSIXFile.writeAll(journalFD, bytes) {
            // Take back a partial write so the journal stays whole; nothing was saved.
            _ = ftruncate(journalFD, journalSize)
            throw StoreError.io(.notSavedWrite, journalPath, POSIXFile.errorText(code))
        }
        if fdatasync(journalFD) != 0 {
            let code = errno
            _ = ftruncate(journalFD, journalSize)
            throw StoreError.io(.notSavedSync, journalPath, POSIXFile.errorText(code))
        }
        // The folder's time says "changed" to views that poll (FolderWatcher.checkPolled).
        _ = utimensat(AT_FDCWD, folder, nil, 0)
        seq += batch.count
        journalSize += off_t(bytes.count)
        // Our own lines are known now; reading them back later must not count them twice.
        reader.offsets[SessionFiles.journal(writer)] = Int(journalSize)
        reader.lineCounts[SessionFiles.journal(writer), default: 0] += batch.count
        for event in batch {
            reader.positions[event.id] = reader.ordered.count
            reader.ordered.append(event)
        }
        events += batch
        for event in batch { state.apply(event) }
        return batch
    }

    private var journalPath: String { folder + "/" + SessionFiles.journal(writer) }

    private func openJournal() throws(StoreError) {
        guard journalFD < 0 else { return }
        for _ in 0..<5 {
            let fd = open(journalPath, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw StoreError.io(.notSavedCreate, journalPath, POSIXFile.errorText()) }
            // A shared lock says "this writer is alive": compaction leaves live journals alone.
            _ = flock(fd, LOCK_SH)
            // Between the create and the lock, another process's compaction may have taken the
            // empty journal for a dead writer's and removed it. Then this file has no name, and
            // whatever is written to it would be acknowledged and lost: start again.
            if POSIXFile.isNamed(fd, journalPath) {
                journalFD = fd
                try POSIXFile.fsyncDirectory(folder)
                return
            }
            Glibc.close(fd)
        }
        throw StoreError("not saved: \(journalPath) was removed as soon as it was created, five times", nl: "niet bewaard: \(journalPath) werd vijf keer verwijderd zodra het gemaakt was")
    }

    /// Reads what other processes wrote since the last look. Returns true when the state changed.
    @discardableResult
    public func refresh() throws(StoreError) -> Bool {
        let snapshotNow = POSIXFile.signature(folder + "/" + SessionFiles.snapshot)
        if snapshotNow?.inode != reader.snapshotSignature?.inode || snapshotNow?.mtime != reader.snapshotSignature?.mtime {
            return try reloadFully()
        }
        for name in reader.journals() where name != SessionFiles.journal(writer) {
            try reader.readJournal(name, final: false)
        }
        let fresh = reader.newEvents
        reader.newEvents.removeAll()
        guard !fresh.isEmpty else { return false }
        readOnlyReason = reader.readOnlyReason
        let sortedFresh = fresh.sorted(by: Event.foldOrder)
        if let last = events.last, let first = sortedFresh.first, Event.foldOrder(first, last) {
            // Something concurrent sorts before what we folded: fold again from the start.
            events = (events + sortedFresh).sorted(by: Event.foldOrder)
            if let s = SessionState.fold(events) { state = s }
        } else {
            for e in sortedFresh { state.apply(e) }
            events += sortedFresh
        }
        return true
    }

    private func reloadFully() throws(StoreError) -> Bool {
        var fresh = SessionReader(folder: folder)
        try SessionHandle.load(&fresh, forAdding: forAdding)
        fresh.newEvents.removeAll()
        // Our own journal's position must survive the reload.
        let own = SessionFiles.journal(writer)
        if journalFD >= 0 { fresh.offsets[own] = Int(journalSize) }
        guard let folded = SessionHandle.fold(fresh) else { return false }
        reader = fresh
        let changed = folded.events.count != events.count
        events = folded.events
        state = folded.state
        readOnlyReason = fresh.readOnlyReason
        warnings = fresh.warnings
        return changed
    }

    /// Folds every journal into a new snapshot and removes the journals of writers that have
    /// gone. Safe to run from several processes and to kill at any moment.
    public func compact() throws(StoreError) {
        if isReadOnly { throw StoreError("session \(id) is read-only; it is not compacted", nl: "sessie \(id) is alleen-lezen; die wordt niet samengevoegd") }
        try Compaction.run(folder: folder, ownJournal: journalFD >= 0 ? SessionFiles.journal(writer) : nil, tag: writer)
        _ = try reloadFully()
    }

    /// Releases this writer's journal; folds it into the snapshot when nothing else is writing.
    public func close() {
        guard journalFD >= 0 else { return }
        Glibc.close(journalFD)
        journalFD = -1
        if !isReadOnly && Compaction.isDue(folder) { try? Compaction.run(folder: folder, ownJournal: nil, tag: writer, wait: false) }
    }
}
