import Core

#if canImport(Glibc)
import Glibc
#endif

/// A participant's proof that a name is theirs: a short code shown once, when they first join
/// under it. Only a keyed hash of each code is kept, in `<store>/.private/rejoin-<session>`
/// (append-only lines "key TAB hash", the last line for a key wins; "-" is a name the
/// facilitator released). Beside the sessions, never in one: not packed, not synced.
public struct RejoinCodes {
    public static let digits = 6

    let path: String
    let secret: ParticipantSecret
    let session: String

    init(handle: SessionHandle) throws(StoreError) {
        secret = try ParticipantSecret.load(store: handle.storeRoot)
        path = ParticipantSecret.folder(store: handle.storeRoot) + "/rejoin-" + handle.id
        session = handle.id
    }

    /// The hash kept for each key now (released names have none).
    func current() throws(StoreError) -> [String: String] {
        guard let bytes = try POSIXFile.read(path, limit: 16 << 20) else { return [:] }
        var out: [String: String] = [:]
        for line in bytes.split(separator: 0x0A) {
            let parts = line.split(separator: 0x09, maxSplits: 1)
            guard parts.count == 2 else { continue }  // a torn last line: ignored
            let key = String(decoding: parts[0], as: UTF8.self)
            let hash = String(decoding: parts[1], as: UTF8.self)
            out[key] = hash == "-" ? nil : hash
        }
        return out
    }

    func hash(key: String, code: String) -> String {
        secret.mac(["rejoin", session, key, Self.normal(code)])
    }

    /// What was typed, without the spaces and dashes people put between digit groups.
    static func normal(_ code: String) -> String {
        String(code.unicodeScalars.filter { $0.properties.numericType != nil || $0.properties.isAlphabetic }.map(Character.init))
    }

    func append(key: String, value: String) throws(StoreError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw StoreError.io(.notSavedWrite, path, POSIXFile.errorText()) }
        defer { close(fd) }
        if let code = POSIXFile.writeAll(fd, Array("\(key)\t\(value)\n".utf8)) {
            throw StoreError.io(.notSavedWrite, path, POSIXFile.errorText(code))
        }
        if fdatasync(fd) != 0 { throw StoreError.io(.notSavedSync, path, POSIXFile.errorText()) }
    }

    static func fresh() -> String {
        var g = SystemRandomNumberGenerator()
        let n = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &g)) }.joined()
        return String(n.prefix(3)) + " " + String(n.dropFirst(3))
    }
}

extension SessionHandle {
    /// Whether taking `key` needs its rejoin code (one was given and not released).
    public func rejoinCodeRequired(key: String) throws(StoreError) -> Bool {
        try RejoinCodes(handle: self).current()[key] != nil
    }

    /// Makes a new rejoin code for `key` and keeps its hash; the code itself is returned once,
    /// to be shown to the participant.
    public func issueRejoinCode(key: String) throws(StoreError) -> String {
        let codes = try RejoinCodes(handle: self)
        let code = RejoinCodes.fresh()
        try codes.append(key: key, value: codes.hash(key: key, code: code))
        return code
    }

    /// Whether `code` is the rejoin code given for `key`.
    public func rejoinCodeMatches(key: String, code: String) -> Bool {
        guard let codes = try? RejoinCodes(handle: self), let kept = try? codes.current()[key] else { return false }
        let typed = codes.hash(key: key, code: code)
        // Equal length hex: compared without an early exit.
        guard typed.utf8.count == kept.utf8.count else { return false }
        return zip(typed.utf8, kept.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The facilitator lets the name go: the next person to join under it needs no code (and
    /// gets a new one). For someone who lost their code, or a name taken by mistake.
    public func releaseName(_ name: String) throws(StoreError) {
        try RejoinCodes(handle: self).append(key: participantKey(for: name), value: "-")
    }
}
