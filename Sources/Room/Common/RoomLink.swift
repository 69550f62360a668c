import Core

#if canImport(Glibc)
import Glibc
#endif

/// The room between two windows of one session: the projector's process owns the servers
/// and writes what they report to `<store>/.room/<session>.status` whenever it changes; the
/// desk (`perspectief desk`, another process) reads it, and leaves requests in
/// `<session>.requests`, which the projector's process carries out and removes. Files, like
/// everything else between the session's windows: either window can be closed and
/// reopened, and a projector that died (kill -9) is recognised by its process id.
public struct RoomLink: Sendable {
    public let folder: String
    public let statusPath: String
    public let requestsPath: String
    /// An anonymous session's names never reach a file, this one included: the desk then
    /// lists people by how they joined and since when.
    public var anonymous = false

    public init(store: String, session: String) {
        folder = RoomFiles.folder(store: store)
        statusPath = folder + "/" + session + ".status"
        requestsPath = folder + "/" + session + ".requests"
    }

    // MARK: The projector's side

    /// Writes the room's state (nil: closed) for the desk; a failure only costs the desk
    /// its view of the room.
    public func publish(_ info: RoomInfo?) {
        guard let info else {
            unlink(statusPath)
            return
        }
        try? RoomFiles.ownerOnlyDirectory(folder)
        var shown = info
        if anonymous {
            for i in shown.people.indices { shown.people[i].name = nil }
            for i in shown.absent.indices { shown.absent[i].name = nil }
        }
        let text = JSONWriter.compact(Self.encode(shown, pid: Int(getpid())))
        let temp = statusPath + ".tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        if written == bytes.count { rename(temp, statusPath) } else { unlink(temp) }
    }

    /// The desk's requests since the last call, oldest first (the file is removed). Requests
    /// older than `maxAgeSeconds` are dropped: a desk's `o` pressed while no projector ran must
    /// not open a room when one starts later.
    public func takeRequests(maxAgeSeconds: Int = 10) -> [RoomRequest] {
        let moved = requestsPath + ".taking"
        guard rename(requestsPath, moved) == 0 else { return [] }
        defer { unlink(moved) }
        var st = stat()
        guard stat(moved, &st) == 0, time(nil) - st.st_mtim.tv_sec <= maxAgeSeconds else { return [] }
        return Self.read(moved).split(separator: "\n").compactMap { RoomRequest(rawValue: String($0)) }
    }

    // MARK: The desk's side

    /// What the projector's process last wrote, or nil when its room is closed or it is gone.
    public func status() -> RoomInfo? {
        let text = Self.read(statusPath)
        guard !text.isEmpty, let value = try? JSONParser.parse(text), let pid = value["pid"]?.intValue else { return nil }
        // A projector killed without closing its room left this behind.
        guard pid > 0, kill(pid_t(pid), 0) == 0 || errno == EPERM else { return nil }
        return Self.decode(value)
    }

    /// Leaves a request for the projector's process.
    public func request(_ r: RoomRequest) {
        try? RoomFiles.ownerOnlyDirectory(folder)
        let fd = open(requestsPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return }
        let line = Array((r.rawValue + "\n").utf8)
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    // MARK: Encoding

    static func encode(_ i: RoomInfo, pid: Int) -> JSONValue {
        var o = JSONObject()
        o["pid"] = .number(Double(pid))
        o["ssh"] = i.sshCommand.map { .string($0) } ?? .null
        o["web"] = i.webAddress.map { .string($0) } ?? .null
        o["code"] = i.code.map { .string($0) } ?? .null
        o["fingerprint"] = i.fingerprint.map { .string($0) } ?? .null
        o["visible"] = .bool(i.visible)
        o["joinsStopped"] = .bool(i.joinsStopped)
        o["openedAt"] = i.openedAt.map { .number(Double($0)) } ?? .null
        o["others"] = .array(i.otherAddresses.map { .string($0) })
        o["people"] = .array(i.people.map(encode))
        o["absent"] = .array(i.absent.map(encode))
        o["doorUnderAttack"] = .bool(i.doorUnderAttack)
        return .object(o)
    }

    static func encode(_ p: RoomPerson) -> JSONValue {
        var q = JSONObject()
        q["id"] = .string(p.id)
        q["name"] = p.name.map { .string($0) } ?? .null
        q["since"] = .number(Double(p.since))
        q["via"] = .string(p.via.rawValue)
        q["address"] = .string(p.address)
        return .object(q)
    }

    static func decode(_ v: JSONValue) -> RoomInfo {
        // Names and addresses come from other people: cleaned as any text from a file is.
        func text(_ v: JSONValue?) -> String? { v?.stringValue.map { TerminalText.safe($0, keepLineBreaks: false) } }
        func person(_ p: JSONValue) -> RoomPerson? {
            guard let id = text(p["id"]), let since = p["since"]?.intValue else { return nil }
            return RoomPerson(
                id: id, name: text(p["name"]), since: Int64(since),
                via: RoomPerson.Via(rawValue: text(p["via"]) ?? "") ?? .ssh,
                address: text(p["address"]) ?? "?")
        }
        var info = RoomInfo(
            sshCommand: text(v["ssh"]), webAddress: text(v["web"]), code: text(v["code"]), fingerprint: text(v["fingerprint"]),
            people: (v["people"]?.arrayValue ?? []).compactMap(person),
            visible: v["visible"]?.boolValue ?? true, joinsStopped: v["joinsStopped"]?.boolValue ?? false)
        info.absent = (v["absent"]?.arrayValue ?? []).compactMap(person)
        info.doorUnderAttack = v["doorUnderAttack"]?.boolValue ?? false
        info.openedAt = v["openedAt"]?.intValue.map(Int64.init)
        info.otherAddresses = (v["others"]?.arrayValue ?? []).compactMap { text($0) }
        return info
    }

    static func read(_ path: String) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 1 << 20 {
            let n = Glibc.read(fd, &buf, buf.count)
            if n <= 0 { break }
            bytes += buf[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
