#if canImport(Glibc)
import Glibc
#endif

/// Tells a live view that a session folder changed: inotify where the kernel supports it
/// for this folder, else a poll of the files' sizes and times (network file systems, where
/// inotify sees nothing another machine writes).
public final class FolderWatcher {
    public let path: String
    /// Readable when something changed (for poll(2) beside the keyboard); -1 when polling.
    public private(set) var fileDescriptor: Int32 = -1
    private var lastSignature: [String: Int] = [:]

    public init(path: String, forcePolling: Bool = false) {
        self.path = path
        if !forcePolling {
            let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            if fd >= 0 {
                let mask = UInt32(IN_MODIFY | IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_CLOSE_WRITE)
                if inotify_add_watch(fd, path, mask) >= 0 {
                    fileDescriptor = fd
                } else {
                    close(fd)
                }
            }
        }
        lastSignature = signature()
        lastStamp = Self.stamp(path)
        lastFullScanMs = Self.monotonicMs()
    }

    deinit { if fileDescriptor >= 0 { close(fileDescriptor) } }

    public var usesInotify: Bool { fileDescriptor >= 0 }

    /// Waits up to `timeoutMs` for a change; true when something changed. Consumes the news.
    public func waitForChange(timeoutMs: Int) -> Bool {
        if fileDescriptor >= 0 {
            var p = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
            let n = poll(&p, 1, Int32(timeoutMs))
            guard n > 0 else { return false }
            drain()
            return true
        }
        // Polling: look every 50 ms until the timeout.
        var waited = 0
        while true {
            if checkPolled() { return true }
            if waited >= timeoutMs { return false }
            let step = min(50, timeoutMs - waited)
            usleep(useconds_t(step * 1000))
            waited += step
        }
    }

    /// Reads and discards pending inotify events (call when poll(2) said the fd is readable).
    public func drain() {
        guard fileDescriptor >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 8192)
        while buffer.withUnsafeMutableBytes({ read(fileDescriptor, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// For the polling fallback: true when the folder looks different from last time.
    ///
    /// Every writer of this build stamps the folder's time after each append (SessionHandle),
    /// and creating, renaming or removing a file stamps it too, so one stat of the folder says
    /// whether anything changed. Listing and stat-ing every file on each look cost each view
    /// O(files) four times a second: past the kernel's 128 inotify instances per user, 200
    /// participant views polling a folder of 400 journals and locks cost half a core. The full
    /// look stays as a safety net every `fullScanMs` (a writer of an older build).
    public func checkPolled() -> Bool {
        let stamp = Self.stamp(path)
        let nowMs = Self.monotonicMs()
        if stamp == lastStamp && nowMs - lastFullScanMs < Self.fullScanMs { return false }
        // File times tick coarsely (a few ms): a stamp that fresh may be shared by a write
        // still to come, so it is not trusted until it is older.
        var rt = timespec()
        clock_gettime(CLOCK_REALTIME, &rt)
        let realNs = Int64(rt.tv_sec) * 1_000_000_000 + Int64(rt.tv_nsec)
        if realNs - stamp > 50_000_000 { lastStamp = stamp }
        lastFullScanMs = nowMs
        let now = signature()
        defer { lastSignature = now }
        return now != lastSignature
    }

    static let fullScanMs: Int64 = 10_000
    private var lastStamp: Int64 = 0
    private var lastFullScanMs: Int64 = 0

    /// The folder's modification time in nanoseconds (0 when it cannot be read).
    static func stamp(_ path: String) -> Int64 {
        var st = stat()
        guard stat(path, &st) == 0 else { return 0 }
        return Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    }

    static func monotonicMs() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }

    private func signature() -> [String: Int] {
        var result: [String: Int] = [:]
        for name in POSIXFile.list(path) ?? [] {
            if let s = POSIXFile.signature(path + "/" + name) { result[name] = s.size &* 31 &+ s.mtime &+ Int(s.inode) }
        }
        return result
    }
}
