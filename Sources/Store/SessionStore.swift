import Core
import Foundation

/// A summary of one saved session for lists (home screen, `perspectief sessions`, review).
public struct SessionListing: Equatable, Sendable {
    public var id: String
    public var title: String
    public var workshopId: String
    public var perspective: PerspectiveRef?
    public var createdAt: Int64
    public var updatedAt: Int64
    public var closed: Bool
    public var entryCount: Int
    public var currentStep: String?
    /// Why the session cannot be used normally (damaged, newer schema), or nil.
    public var problem: String?
    public var readOnly: Bool

    public init(
        id: String, title: String, workshopId: String, perspective: PerspectiveRef?, createdAt: Int64, updatedAt: Int64,
        closed: Bool, entryCount: Int, currentStep: String?, problem: String?, readOnly: Bool
    ) {
        self.id = id
        self.title = title
        self.workshopId = workshopId
        self.perspective = perspective
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.closed = closed
        self.entryCount = entryCount
        self.currentStep = currentStep
        self.problem = problem
        self.readOnly = readOnly
    }
}

/// The folder that holds every session: one sub-folder per session (0700), files 0600.
public final class SessionStore {
    public let root: String

    /// `--store`, else `PERSPECTIEF_STORE`, else `$XDG_DATA_HOME/perspectief`, else
    /// `~/.local/share/perspectief`.
    public static func defaultRoot(flag: String?, environment: [String: String]) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let env = environment["PERSPECTIEF_STORE"], !env.isEmpty { return env }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/perspectief" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/perspectief"
    }

    /// Why this store must not be written (another user owns it, or others may write to
    /// it: they could plant symbolic links or rewrite sessions), or nil. Reading still works
    /// with a warning; creating or changing a session is refused.
    public private(set) var trustProblem: StoreError?

    /// Opens (and if needed creates) the store folder.
    public init(root: String, create: Bool = true) throws(StoreError) {
        var path = root
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.root = path
        if !POSIXFile.isDirectory(path) {
            if POSIXFile.linkStatus(path) != nil { throw StoreError("store \(path) is not a folder", nl: "opslag \(path) is geen map") }
            guard create else { throw StoreError("store \(path) does not exist", nl: "opslag \(path) bestaat niet") }
            try Self.makeFolders(path)
        }
        trustProblem = Self.trust(path, what: "store")
    }

    /// `mkdir -p` that names the real obstacle ("/etc/passwd is not a folder") where
    /// Foundation said only "NSCocoaErrorDomain error 512".
    static func makeFolders(_ path: String) throws(StoreError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if POSIXFile.isDirectory(prefix) { continue }
            if mkdir(prefix, 0o700) == 0 || errno == EEXIST && POSIXFile.isDirectory(prefix) { continue }
            let reason = errno == EEXIST || errno == ENOTDIR ? "\(prefix) is not a folder" : POSIXFile.errorText()
            throw StoreError("cannot create store \(path): \(reason)", nl: "kan opslag \(path) niet maken: \(reason)")
        }
    }

    /// A folder this user may trust: owned by them (or root) and not writable by others.
    static func trust(_ path: String, what: String) -> StoreError? {
        guard let st = POSIXFile.linkStatus(path) else { return nil }
        let me = geteuid()
        if st.st_uid != me && st.st_uid != 0 {
            return StoreError(
                "\(what) \(path) belongs to another user (uid \(st.st_uid)); it is not written to",
                nl: "\(what == "store" ? "opslag" : "sessie") \(path) is van een andere gebruiker (uid \(st.st_uid)); er wordt niets in geschreven")
        }
        if st.st_mode & 0o022 != 0 && st.st_mode & UInt32(S_ISVTX) == 0 {
            return StoreError(
                "\(what) \(path) can be written by other users; it is not written to (chmod go-w \(path))",
                nl: "\(what == "store" ? "opslag" : "sessie") \(path) is door anderen te beschrijven; er wordt niets in geschreven (chmod go-w \(path))")
        }
        return nil
    }

    public func folder(of id: String) -> String { root + "/" + id }

    /// Creates a session folder and saves its first event durably.
    public func create(_ setup: SessionSetup, by actor: Actor, now: Int64) throws(StoreError) -> SessionHandle {
        guard StoreIDs.isValidSession(setup.sessionId) else {
            throw StoreError("invalid session id \(TerminalText.quoted(setup.sessionId))", nl: "ongeldige sessiecode \(TerminalText.quoted(setup.sessionId))")
        }
        if let trustProblem { throw trustProblem }
        let folder = folder(of: setup.sessionId)
        if mkdir(folder, 0o700) != 0 {
            if errno == EEXIST { throw StoreError("session \(setup.sessionId) already exists", nl: "sessie \(setup.sessionId) bestaat al") }
            throw StoreError.io(.createSession, folder, POSIXFile.errorText())
        }
        try POSIXFile.fsyncDirectory(root)
        let first = Event(
            id: StoreIDs.event(), writer: "create", seq: 1, clock: 1, time: now, actor: actor, change: .sessionCreated(setup))
        do {
            try POSIXFile.writeAtomically(
                Snapshot.bytes(session: setup.sessionId, folded: [:], events: [first]), to: folder + "/" + SessionFiles.snapshot, folder: folder,
                tempTag: StoreIDs.short())
        } catch {
            rmdir(folder)  // empty again: nothing half-made stays behind
            throw error
        }
        return try SessionHandle(id: setup.sessionId, folder: folder, readOnly: false)
    }

    /// A new session id for a perspective, unique in this store.
    public func newSessionID(perspective: String, now: Int64) -> String {
        var id = StoreIDs.session(perspective: perspective, now: now)
        while FileManager.default.fileExists(atPath: folder(of: id)) { id = StoreIDs.session(perspective: perspective, now: now) }
        return id
    }

    /// Opens a saved session. Damaged or newer-schema sessions open read-only (see
    /// `readOnlyReason`); ids that could leave the store are refused.
    public func open(_ id: String, readOnly: Bool = false) throws(StoreError) -> SessionHandle {
        try open(id, readOnly: readOnly, forAdding: false)
    }

    /// Opens a session only to add entries: reads the snapshot's head and the journals, not
    /// every event, so adding costs the same at 10 and at 20,000 entries. Its `state` is
    /// enough to decide an add and nothing else; a session without a usable head is read whole.
    public func openForAdding(_ id: String) throws(StoreError) -> SessionHandle {
        try open(id, readOnly: false, forAdding: true)
    }

    func open(_ id: String, readOnly: Bool, forAdding: Bool) throws(StoreError) -> SessionHandle {
        guard StoreIDs.isValidSession(id) else {
            throw StoreError(
                "\(TerminalText.quoted(id)) is not a session id (letters a-z, digits and '-' only)",
                nl: "\(TerminalText.quoted(id)) is geen sessiecode (alleen letters a-z, cijfers en '-')")
        }
        let folder = folder(of: id)
        // A session folder that is a symbolic link could lead anywhere: never followed.
        if POSIXFile.isSymbolicLink(folder) {
            throw StoreError(
                "session \(id) is a symbolic link to somewhere else; it is not opened",
                nl: "sessie \(id) is een symbolische koppeling naar elders; die wordt niet geopend")
        }
        guard POSIXFile.isDirectory(folder) else {
            throw StoreError("no session \"\(id)\" in \(root)", nl: "geen sessie \"\(id)\" in \(root)")
        }
        if !readOnly, let problem = trustProblem ?? Self.trust(folder, what: "session") { throw problem }
        return try SessionHandle(id: id, folder: folder, readOnly: readOnly, forAdding: forAdding)
    }

    /// The ids of all session folders.
    public func sessionIDs() -> [String] {
        (POSIXFile.list(root) ?? []).filter { StoreIDs.isValidSession($0) && POSIXFile.isDirectory(folder(of: $0)) }
    }

    /// Every session, newest first. A session that cannot be read is listed with its problem.
    public func listings() -> [SessionListing] {
        sessionIDs().map(listing).sorted {
            $0.updatedAt != $1.updatedAt ? $0.updatedAt > $1.updatedAt : $0.id > $1.id
        }
    }

    func listing(_ id: String) -> SessionListing {
        do {
            let h = try open(id, readOnly: true)
            let s = h.state
            return SessionListing(
                id: id, title: s.setup.title, workshopId: s.setup.workshopId, perspective: s.setup.perspective,
                createdAt: s.createdAt, updatedAt: s.updatedAt, closed: s.closed, entryCount: s.liveEntries.count,
                currentStep: s.step, problem: h.readOnlyReason, readOnly: h.readOnlyReason != nil)
        } catch {
            let mtime = POSIXFile.signature(folder(of: id)).map { Int64($0.mtime / 1_000_000) } ?? 0
            return SessionListing(
                id: id, title: id, workshopId: "", perspective: nil, createdAt: mtime, updatedAt: mtime, closed: false,
                entryCount: 0, currentStep: nil, problem: error.message, readOnly: true)
        }
    }
}
