import Core

#if canImport(Glibc)
import Glibc
#endif

/// What `unpack` did with each session of a pack.
public struct UnpackOutcome: Equatable, Sendable {
    /// New in this store.
    public var added: [String] = []
    /// Here already, and the pack held events that follow on from what is here: those added.
    public var extended: [(id: String, events: Int)] = []
    /// Here already with every event of the pack: nothing to do.
    public var unchanged: [String] = []
    /// Lines of the organisers' journals (groupings, decisions) new to this store.
    public var decisions = 0

    public static func == (a: UnpackOutcome, b: UnpackOutcome) -> Bool {
        a.added == b.added && a.unchanged == b.unchanged && a.extended.map(\.id) == b.extended.map(\.id)
            && a.extended.map(\.events) == b.extended.map(\.events)
    }
}

extension SessionStore {
    /// Writes every event of `ids` into one pack file, owner-only, whole or not at all.
    /// A damaged or newer-schema session is refused rather than packed with parts missing.
    public func pack(_ ids: [String], to path: String, overwrite: Bool) throws(StoreError) -> (sessions: Int, events: Int) {
        var sessions: [PackFormat.Session] = []
        for id in ids {
            let h = try open(id, readOnly: true)
            if let reason = h.readOnlyReason {
                throw StoreError("session \(id) is not packed: \(reason)", nl: "sessie \(id) is niet ingepakt: \(reason)")
            }
            sessions.append(PackFormat.Session(id: id, events: h.events))
        }
        // The organisers' decisions travel along: they name sessions, never change them.
        let bytes = PackFormat.encode(sessions, organisers: try PackOrganisers.lines(root: root))
        try PackFile.write(bytes, to: path, overwrite: overwrite)
        return (sessions.count, sessions.reduce(0) { $0 + $1.events.count })
    }

    /// Brings a pack's sessions into this store. Everything is checked before anything is
    /// written: a pack that is not whole, or one session that conflicts, changes nothing.
    ///
    /// A session already here is left as it is when it holds every event of the pack, and
    /// gets the pack's further events when everything here is in the pack too (the same
    /// session, further along). Any other difference — events here that the pack lacks, or an
    /// event with the same id and other content — is a conflict: refused, never merged.
    public func unpack(_ path: String) throws(StoreError) -> UnpackOutcome {
        if let trustProblem { throw trustProblem }
        guard let bytes = try POSIXFile.read(path) else { throw StoreError.io(.read, path, LocalizedText(nl: "bestand bestaat niet", en: "no such file")) }
        let (sessions, organisers) = try PackFormat.decodeAll(bytes, label: path)
        let lock = try UnpackWriter.lock(root)
        defer { UnpackWriter.unlock(lock) }
        enum Plan { case create, extend([Event]), keep }
        var plans: [(PackFormat.Session, Plan)] = []
        for s in sessions {
            let folder = folder(of: s.id)
            if !POSIXFile.isDirectory(folder) || (POSIXFile.list(folder) ?? []).isEmpty {
                plans.append((s, .create))
                continue
            }
            let here: SessionHandle
            do { here = try open(s.id, readOnly: true) } catch {
                throw StoreError("session \(s.id) is here already and cannot be read (\(error.message)); nothing was unpacked", nl: "sessie \(s.id) staat hier al en kan niet gelezen worden (\(error.message(in: .nl))); er is niets uitgepakt")
            }
            if let reason = here.readOnlyReason {
                throw StoreError("session \(s.id) is here already and is read-only (\(reason)); nothing was unpacked", nl: "sessie \(s.id) staat hier al en is alleen-lezen (\(reason)); er is niets uitgepakt")
            }
            var local: [String: Event] = [:]
            for e in here.events { local[e.id] = e }
            var fresh: [Event] = []
            for e in s.events {
                if let known = local.removeValue(forKey: e.id) {
                    if known != e {
                        throw StoreError(
                            "session \(s.id) conflicts with the one here: event \(e.id) differs; nothing was unpacked",
                            nl: "sessie \(s.id) botst met die hier: gebeurtenis \(e.id) verschilt; er is niets uitgepakt")
                    }
                } else {
                    fresh.append(e)
                }
            }
            if !local.isEmpty && !fresh.isEmpty {
                throw StoreError(
                    "session \(s.id) conflicts with the one here: \(local.count) events only here, \(fresh.count) only in the pack; nothing was unpacked (sessions are never merged)",
                    nl: "sessie \(s.id) botst met die hier: \(local.count) gebeurtenissen alleen hier, \(fresh.count) alleen in het pakket; er is niets uitgepakt (sessies worden nooit samengevoegd)")
            }
            plans.append((s, fresh.isEmpty ? .keep : .extend(fresh)))
        }
        var outcome = UnpackOutcome()
        let fresh = plans.compactMap { plan -> PackFormat.Session? in if case .create = plan.1 { return plan.0 } else { return nil } }
        try UnpackWriter.create(fresh, in: self)
        outcome.added = fresh.map(\.id)
        for (s, plan) in plans {
            switch plan {
            case .create:
                break
            case .extend(let events):
                try PackFile.appendJournal(events, folder: folder(of: s.id))
                outcome.extended.append((s.id, events.count))
            case .keep:
                outcome.unchanged.append(s.id)
            }
        }
        outcome.decisions = try PackOrganisers.add(organisers, root: root)
        return outcome
    }
}

/// The files of pack and unpack: the pack itself, and the journal that extends a session.
enum PackFile {
    /// The pack: written as every export is (owner-only, whole or not at all, never over
    /// anything but a regular file, and only with --force over one).
    static func write(_ bytes: [UInt8], to path: String, overwrite: Bool) throws(StoreError) {
        try SafeFile.write(bytes: bytes, to: path, overwrite: overwrite)
    }

    /// The events a session lacks, as a journal of their own: one write, one fdatasync.
    /// They keep their ids, writers and clocks, so the fold places them where they were.
    static func appendJournal(_ events: [Event], folder: String) throws(StoreError) {
        let path = folder + "/" + SessionFiles.journal("unpack-" + StoreIDs.writer())
        var bytes: [UInt8] = []
        for e in events {
            bytes.append(contentsOf: JSONWriter.compact(e.json).utf8)
            bytes.append(0x0A)
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw StoreError.io(.notSavedCreate, path, POSIXFile.errorText()) }
        defer { close(fd) }
        if let code = POSIXFile.writeAll(fd, bytes) ?? (fdatasync(fd) == 0 ? nil : errno) {
            unlink(path)
            throw StoreError.io(.notSavedWrite, path, POSIXFile.errorText(code))
        }
        try POSIXFile.fsyncDirectory(folder)
    }
}
