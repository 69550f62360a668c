import Core
import Crypto
import Foundation

/// The phones' tokens, kept on disk so a phone is let back in by itself after the facilitator's
/// process restarts (a crash, `kill -9`) or the room opens again. Only a hash of each token is
/// written: the file alone lets nobody in. Owner-only, in the store's room folder, beside the
/// SSH room's log. No names in an anonymous session: there the key (a salted hash) is enough.
struct WebTokens {
    struct Record: Equatable {
        var hash: String
        var session: String
        var key: String
        var name: String?
        /// Seconds since 1970 of the last socket: tokens unused for a long time are dropped.
        var seen: Double
        /// The address the token was given to: it works from there only.
        var address: String? = nil
    }

    static let fileName = "web-tokens.json"
    let path: String
    private(set) var records: [String: Record] = [:]

    init(storeRoot: String) {
        path = storeRoot + "/.room/" + Self.fileName
        // A missing or unreadable file is no tokens: the phones then join again with their name.
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let list = (try? JSONParser.parse(text))?.objectValue?["tokens"]?.arrayValue
        else { return }
        for item in list {
            guard let o = item.objectValue, let hash = o["hash"]?.stringValue, let session = o["session"]?.stringValue,
                let key = o["key"]?.stringValue, let seen = o["seen"]?.doubleValue
            else { continue }
            records[hash] = Record(
                hash: hash, session: session, key: key, name: o["name"]?.stringValue, seen: seen,
                address: o["address"]?.stringValue)
        }
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    func find(token: String, session: String) -> Record? {
        guard let r = records[Self.hash(token)], r.session == session else { return nil }
        return r
    }

    mutating func remember(
        token: String, session: String, key: String, name: String?, address: String? = nil, now: Double
    ) {
        let h = Self.hash(token)
        let bound = address == "?" ? nil : address
        records[h] = Record(hash: h, session: session, key: key, name: name, seen: now, address: bound)
        save()
    }

    mutating func seen(token: String, now: Double) {
        let h = Self.hash(token)
        guard records[h] != nil else { return }
        records[h]?.seen = now
        save()
    }

    mutating func forget(token: String) {
        guard records.removeValue(forKey: Self.hash(token)) != nil else { return }
        save()
    }

    /// Drops tokens not used for `lifetime` seconds.
    mutating func prune(now: Double, lifetime: Double) {
        let old = records.count
        records = records.filter { now - $0.value.seen <= lifetime }
        if records.count != old { save() }
    }

    /// Written whole to a temporary file and renamed over the old one: a crash leaves either.
    private func save() {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let list: [JSONValue] = records.values.sorted { $0.seen < $1.seen }.map { r in
            var o = JSONObject()
            o["hash"] = .string(r.hash)
            o["session"] = .string(r.session)
            o["key"] = .string(r.key)
            if let name = r.name { o["name"] = .string(name) }
            o["seen"] = .number(r.seen.rounded())
            if let a = r.address { o["address"] = .string(a) }
            return .object(o)
        }
        let text = JSONWriter.compact(["schema": 1, "tokens": .array(list)]) + "\n"
        let temp = path + ".tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
        guard written == bytes.count else {
            unlink(temp)
            return
        }
        rename(temp, path)
    }
}
