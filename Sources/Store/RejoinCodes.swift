import Core

#if canImport(Glibc)
import Glibc
#endif

/// A participant's proof that a name is theirs: a short code shown once, when they first join
/// under it. Only a keyed hash of each code is kept, in `<store>/.private/rejoin-<session>`
/// (append-only lines "key TAB hash", the last line for a key wins; "-" is a name the
/// facilitator released; "!" a wrong code typed for it). Beside the sessions, never in one:
/// not packed, not synced. Every process of the room (the phone page's, each SSH participant's
/// own) appends to the same file, so a name's wrong codes are counted wherever they are typed.
public struct RejoinCodes {
    public static let digits = 6
    /// Wrong codes for one name before it is held: nobody takes it until the facilitator
    /// releases it (then it gets a new code). A guesser's chance per release is at most
    /// heldAfter / 10^digits = 5 in a million, whatever the number of addresses or processes.
    public static let heldAfter = 5

    /// What is kept for one name: its code's hash, and wrong codes typed since it was given.
    struct Kept {
        var hash: String?
        var wrong = 0
    }

    /// The answer to a typed rejoin code.
    public enum Check: Equatable, Sendable {
        case right
        case wrong
        /// Too many wrong codes for this name: it waits for the facilitator (nothing was checked).
        case held
    }

    let path: String
    let secret: ParticipantSecret
    let session: String

    init(handle: SessionHandle) throws(StoreError) {
        secret = try ParticipantSecret.load(store: handle.storeRoot)
        path = ParticipantSecret.folder(store: handle.storeRoot) + "/rejoin-" + handle.id
        session = handle.id
    }

    /// The hash kept for each key now (released names have none).
    func current() throws(StoreError) -> [String: String] { try kept().compactMapValues(\.hash) }

    /// What is kept for each key now.
    func kept() throws(StoreError) -> [String: Kept] {
        guard let bytes = try POSIXFile.read(path, limit: 16 << 20) else { return [:] }
        var out: [String: Kept] = [:]
        for line in bytes.split(separator: 0x0A) {
            let parts = line.split(separator: 0x09, maxSplits: 1)
            guard parts.count == 2 else { continue }  // a torn last line: ignored
            let key = String(decoding: parts[0], as: UTF8.self)
            let value = String(decoding: parts[1], as: UTF8.self)
            switch value {
            case "-": out[key] = nil
            case "!": out[key, default: Kept()].wrong += 1
            default: out[key] = Kept(hash: value)
            }
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

    /// Whether `code` is the rejoin code given for `key` (counts nothing: see `checkRejoinCode`).
    public func rejoinCodeMatches(key: String, code: String) -> Bool {
        guard let codes = try? RejoinCodes(handle: self), let kept = try? codes.current()[key] else { return false }
        return Self.sameHash(codes.hash(key: key, code: code), kept)
    }

    /// Checks a typed rejoin code for `key` and counts it when wrong; a name with
    /// `RejoinCodes.heldAfter` wrong codes is held (not checked) until it is released.
    public func checkRejoinCode(key: String, code: String) -> RejoinCodes.Check {
        guard let codes = try? RejoinCodes(handle: self), let kept = try? codes.kept()[key], let hash = kept.hash else {
            return .wrong
        }
        if kept.wrong >= RejoinCodes.heldAfter { return .held }
        if Self.sameHash(codes.hash(key: key, code: code), hash) { return .right }
        // Counted before answering; a code that cannot be counted is not checked again.
        do { try codes.append(key: key, value: "!") } catch { return .held }
        return kept.wrong + 1 >= RejoinCodes.heldAfter ? .held : .wrong
    }

    /// Whether `key`'s name is held after too many wrong rejoin codes.
    public func rejoinNameHeld(key: String) -> Bool {
        guard let codes = try? RejoinCodes(handle: self), let kept = try? codes.kept()[key] else { return false }
        return kept.hash != nil && kept.wrong >= RejoinCodes.heldAfter
    }

    /// Equal length hex, compared without an early exit.
    static func sameHash(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return zip(a.utf8, b.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The facilitator lets the name go: the next person to join under it needs no code (and
    /// gets a new one). For someone who lost their code, or a name taken by mistake.
    public func releaseName(_ name: String) throws(StoreError) {
        try RejoinCodes(handle: self).append(key: participantKey(for: name), value: "-")
    }
}
