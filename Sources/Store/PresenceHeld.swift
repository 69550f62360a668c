#if canImport(Glibc)
import Glibc
#endif

extension Presence {
    /// Which of `keys` a live process holds the presence lock of right now: who is at a
    /// terminal or a phone, seen from any process (the desk). Read from /proc/locks by the
    /// lock files' inodes, so looking never takes a lock: a join at that very moment is
    /// never refused because someone looked.
    public static func held(in folder: String, keys: [String]) -> Set<String> {
        let locked = lockedInodes()
        guard !locked.isEmpty else { return [] }
        var out = Set<String>()
        for key in keys {
            var st = stat()
            guard stat(folder + "/" + fileName(for: key), &st) == 0 else { continue }
            if locked.contains(UInt64(st.st_ino)) { out.insert(key) }
        }
        return out
    }

    /// Inodes with a granted flock, from lines like
    /// "1: FLOCK  ADVISORY  WRITE 4242 00:2f:1234567 0 EOF" (waiters, "->", are not held).
    static func lockedInodes(_ table: String? = nil) -> Set<UInt64> {
        let text = table ?? ((try? POSIXFile.read("/proc/locks", followLinks: true)).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) } ?? "")
        var out = Set<UInt64>()
        for line in text.split(separator: "\n") {
            let f = line.split(separator: " ", omittingEmptySubsequences: true)
            guard f.count >= 6, f[1] == "FLOCK", let inode = f[5].split(separator: ":").last.flatMap({ UInt64($0) }) else { continue }
            out.insert(inode)
        }
        return out
    }
}
