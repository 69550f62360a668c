import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// File descriptors: a room that runs out cannot save the facilitator's own entries or draw
/// the projector. The soft limit is raised to the hard one once, when a room first opens,
/// and the servers stop accepting while fewer than `reserve` descriptors are left.
public final class DescriptorBudget: Sendable {
    public static let shared = DescriptorBudget()
    /// Kept free for the store (journals, snapshots, locks), the projector and the watchers.
    public static let reserve = 192

    /// The soft limit after raising it.
    public let limit: Int
    private let counted = Mutex<(atMs: Int64, count: Int)>((0, 0))

    init() {
        var rl = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &rl) == 0 {
            // A hard limit of "unlimited" is not a number select-free servers need: cap it.
            let target = min(rl.rlim_max, 1 << 20)
            if rl.rlim_cur < target {
                var raised = rl
                raised.rlim_cur = target
                if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { rl = raised }
            }
            limit = Int(rl.rlim_cur)
        } else {
            limit = 1024
        }
    }

    /// The most connections a server should hold when each costs `perConnection` descriptors
    /// and it shares the budget with another server.
    public func cap(_ wanted: Int, perConnection: Int) -> Int {
        max(8, min(wanted, (limit - Self.reserve) / (2 * perConnection)))
    }

    /// Whether one more descriptor may be spent on a connection. Counts the open descriptors
    /// at most every 100 ms and adds those handed out since.
    public func hasRoom() -> Bool {
        counted.withLock { c in
            let now = Self.nowMs()
            if now - c.atMs > 100 {
                c = (now, Self.openDescriptors())
            }
            guard c.count + Self.reserve < limit else { return false }
            c.count += 1
            return true
        }
    }

    /// Open descriptors of this process (Linux: /proc/self/fd; elsewhere unknown, 0).
    public static func openDescriptors() -> Int {
        guard let dir = opendir("/proc/self/fd") else { return 0 }
        defer { closedir(dir) }
        var n = 0
        while readdir(dir) != nil { n += 1 }
        return max(0, n - 3)  // ".", "..", and the directory itself
    }

    static func nowMs() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}
