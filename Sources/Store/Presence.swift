import Core

#if canImport(Glibc)
import Glibc
#endif

/// Who is at a terminal right now. A participant's process holds an exclusive lock on
/// `presence-<hash>.lock` while it is joined: a second person choosing the same name is
/// told so, and when a terminal dies (kill -9, closed window) the kernel drops the lock, so
/// the same person can join again at once and finds their entries and votes.
public final class Presence {
    private var fd: Int32

    init(fd: Int32) { self.fd = fd }
    deinit { release() }

    public func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }

    static func fileName(for key: String) -> String {
        // The key may hold any characters a name has; the file name holds only hex.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let hex = String(h, radix: 16)
        return "presence-" + String(repeating: "0", count: 16 - hex.count) + hex + ".lock"
    }
}

extension SessionHandle {
    /// Claims `key` for this process; throws when another live terminal holds it.
    public func claimPresence(key: String, name: String) throws(StoreError) -> Presence {
        let path = folder + "/" + Presence.fileName(for: key)
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError("cannot join: \(POSIXFile.errorText())", nl: "kan niet aansluiten: \(POSIXFile.errorText())") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            Glibc.close(fd)
            throw StoreError(
                "someone called \(TerminalText.quoted(name)) is already in this session; choose another name",
                nl: "iemand met de naam \(TerminalText.quoted(name)) doet al mee aan deze sessie; kies een andere naam")
        }
        return Presence(fd: fd)
    }
}
