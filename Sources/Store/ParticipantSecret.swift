import Core
import Crypto

#if canImport(Glibc)
import Glibc
#endif

/// The store's own secret: 32 random bytes in `<store>/.private/participant-secret`, owner-only,
/// made on first use. It keys the hash that stands for a name in an anonymous session and the
/// hashes of rejoin codes. It lives beside the session folders, never in one, so a pack or a
/// copied session holds keys that no list of likely names can be checked against.
public struct ParticipantSecret: Sendable {
    let bytes: [UInt8]

    public static func folder(store: String) -> String { store + "/.private" }

    /// Reads the store's secret, or makes it (exclusively: two processes starting at once end
    /// up with the same one).
    public static func load(store: String) throws(StoreError) -> ParticipantSecret {
        let dir = folder(store: store)
        try POSIXFile.makeDirectory(dir)
        chmod(dir, 0o700)
        let path = dir + "/participant-secret"
        for _ in 0..<3 {
            if let bytes = try POSIXFile.read(path, limit: 4096), bytes.count == 32 {
                return ParticipantSecret(bytes: bytes)
            }
            var fresh = [UInt8](repeating: 0, count: 32)
            var g = SystemRandomNumberGenerator()
            for i in fresh.indices { fresh[i] = g.next() }
            let temp = path + ".tmp-\(getpid())"
            let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard fd >= 0 else { throw StoreError.io(.create, path, POSIXFile.errorText()) }
            let failed = POSIXFile.writeAll(fd, fresh) != nil || fsync(fd) != 0
            close(fd)
            // link() fails when another process made the secret first: then theirs is read.
            if failed || (link(temp, path) != 0 && errno != EEXIST) {
                unlink(temp)
                throw StoreError.io(.create, path, POSIXFile.errorText())
            }
            unlink(temp)
        }
        throw StoreError.io(.read, path, LocalizedText(nl: "geen geheim van 32 bytes", en: "not a secret of 32 bytes"))
    }

    /// HMAC-SHA256 of `parts` (joined by NUL), as lowercase hex.
    public func mac(_ parts: [String]) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array(parts.joined(separator: "\u{0}").utf8), using: SymmetricKey(data: bytes))
        return code.map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined()
    }
}

extension SessionHandle {
    /// The store folder this session lives in.
    public var storeRoot: String {
        guard let slash = folder.lastIndex(of: "/") else { return "." }
        return String(folder[..<slash])
    }

    /// The key of the participant called `name` in this session: one person however the name
    /// is spelled (ParticipantName.identity). Anonymous: a keyed hash under the store's secret.
    /// A key given by an older build is kept when this session already knows the person by it.
    public func participantKey(for name: String) throws(StoreError) -> String {
        let current: String
        let legacy: String
        if state.setup.anonymous {
            let secret = try ParticipantSecret.load(store: storeRoot)
            current = ParticipantKey.anonymous(mac: secret.mac(["participant", id, ParticipantName.identity(name)]))
            legacy = ParticipantKey.legacyAnonymous(name: name, sessionId: id)
        } else {
            current = ParticipantKey.named(name)
            legacy = ParticipantKey.legacyNamed(name)
        }
        if state.participants[current] == nil && state.participants[legacy] != nil { return legacy }
        return current
    }
}
