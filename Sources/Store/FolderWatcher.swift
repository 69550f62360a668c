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

    /// For the polling fallback: true when the folder's files look different from last time.
    public func checkPolled() -> Bool {
        let now = signature()
        defer { lastSignature = now }
        return now != lastSignature
    }

    private func signature() -> [String: Int] {
        var result: [String: Int] = [:]
        for name in POSIXFile.list(path) ?? [] {
            if let s = POSIXFile.signature(path + "/" + name) { result[name] = s.size &* 31 &+ s.mtime &+ Int(s.inode) }
        }
        return result
    }
}
