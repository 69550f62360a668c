import Core
import Room

#if canImport(Glibc)
import Glibc
#endif

/// The room code belongs to the session: kept in `<store>/.room/<session>.code` (owner-only,
/// beside the room's other files, never in the session folder: a pack or a sync must not
/// carry it). A restart after a crash opens the room with the same code, so laptops that type
/// the old one and phones whose QR link carries it get back in; `--code` replaces it.
enum RoomCodeFile {
    static func path(store: String, session: String) -> String {
        RoomFiles.folder(store: store) + "/" + session + ".code"
    }

    /// The code for `session`: the one given (and kept from now on), the one kept, or a new one.
    static func code(store: String, session: String, given: RoomCode?) -> RoomCode {
        let file = path(store: store, session: session)
        if let given {
            if read(file) != given { write(given, to: file, folder: RoomFiles.folder(store: store)) }
            return given
        }
        if let kept = read(file) { return kept }
        let made = RoomCode.random()
        write(made, to: file, folder: RoomFiles.folder(store: store))
        return made
    }

    static func read(_ path: String) -> RoomCode? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 64) }
        guard n > 0 else { return nil }
        return RoomCode(String(decoding: buffer[0..<n], as: UTF8.self).filter { !$0.isWhitespace })
    }

    /// Written whole or not at all (a temporary file renamed over it); a code that cannot be
    /// kept only costs the next restart its old code.
    static func write(_ code: RoomCode, to path: String, folder: String) {
        if mkdir(folder, 0o700) != 0 && errno != EEXIST { return }
        let temp = path + ".tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return }
        let bytes = Array((code.digits + "\n").utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        if written == bytes.count && synced { rename(temp, path) } else { unlink(temp) }
    }
}
