import Crypto
import Foundation
import NIOSSH

#if canImport(Glibc)
import Glibc
#endif

/// The room's ed25519 host key: made once, kept owner-only in the store, reused on every
/// start so nobody in the room sees a host-key warning the next time.
public struct HostKey: Sendable {
    /// The 32 raw bytes (Crypto's key type is not Sendable; the bytes are).
    let raw: [UInt8]

    public var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: raw) }

    public var sshKey: NIOSSHPrivateKey { NIOSSHPrivateKey(ed25519Key: key) }

    /// The `ssh-ed25519 AAAA…` line, as in known_hosts.
    public var openSSHPublicKey: String { String(openSSHPublicKey: sshKey.publicKey) }

    /// "SHA256:…" exactly as `ssh` and `ssh-keygen -lf` print it.
    public var fingerprint: String {
        let parts = openSSHPublicKey.split(separator: " ")
        guard parts.count >= 2, let blob = Data(base64Encoded: String(parts[1])) else { return "" }
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    public init(key: Curve25519.Signing.PrivateKey) { raw = [UInt8](key.rawRepresentation) }

    /// Reads `path` (32 raw bytes), or makes a new key there when the file does not exist.
    /// A file of another size or readable by others is an error, never overwritten.
    public static func loadOrCreate(at path: String) throws(RoomError) -> HostKey {
        let dir = (path as NSString).deletingLastPathComponent
        try RoomFiles.ownerOnlyDirectory(dir)
        var st = stat()
        if stat(path, &st) == 0 {
            if st.st_mode & 0o077 != 0 {
                throw RoomError("the host key \(path) can be read by others; run: chmod 600 \(path)", nl: "de hostsleutel \(path) is leesbaar voor anderen; voer uit: chmod 600 \(path)")
            }
            guard let data = FileManager.default.contents(atPath: path), data.count == 32,
                let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: data)
            else { throw RoomError("the host key \(path) is damaged; move it away to make a new one", nl: "de hostsleutel \(path) is beschadigd; zet hem opzij om een nieuwe te maken") }
            return HostKey(key: key)
        }
        let key = Curve25519.Signing.PrivateKey()
        // O_EXCL: two facilitators starting at once never write over each other's key.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return try loadOrCreate(at: path) }
            throw RoomError("cannot make the host key \(path): \(String(cString: strerror(errno)))", nl: "kan de hostsleutel \(path) niet maken: \(String(cString: strerror(errno)))")
        }
        let bytes = [UInt8](key.rawRepresentation)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == 32, synced else {
            unlink(path)
            throw RoomError("cannot write the host key \(path)", nl: "kan de hostsleutel \(path) niet schrijven")
        }
        return HostKey(key: key)
    }
}

/// Why the room cannot open or go on: one line, in both languages, always.
public struct RoomError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public var nl: String
    public init(_ message: String, nl: String) {
        description = message
        self.nl = nl
    }
}

/// Files of the room in the store: `<store>/.room/`, owner-only.
public enum RoomFiles {
    public static func folder(store: String) -> String { store + "/.room" }

    static func ownerOnlyDirectory(_ path: String) throws(RoomError) {
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw RoomError("cannot make \(path): \(String(cString: strerror(errno)))", nl: "kan \(path) niet maken: \(String(cString: strerror(errno)))")
        }
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { throw RoomError("\(path) is not a folder", nl: "\(path) is geen map") }
        if st.st_mode & 0o077 != 0 { chmod(path, 0o700) }
    }

    /// Appends one line to `path` (made owner-only); a log that cannot be written never
    /// stops the room.
    static func append(_ line: String, to path: String) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
