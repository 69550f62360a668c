import CNcurses
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The last signal received (0 = none). A C signal handler may only do async-signal-safe
/// work, so it stores the number here and the main loop turns it into a message.
let pendingSignal = Atomic<Int32>(0)

public enum Signals {
    public static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGWINCH]

    /// Installs the handlers and unblocks the signals: a process can inherit a blocked
    /// mask (test runners do), and then Ctrl-C would silently do nothing. Call after the
    /// terminal has started: ncurses keeps its own SIGWINCH handler (it turns a resize into
    /// KEY_RESIZE), ours take INT, TERM and HUP.
    public static func install() {
        var set = sigset_t()
        sigemptyset(&set)
        for s in watched where s != SIGWINCH {
            sigaddset(&set, s)
            signal(s) { number in pendingSignal.store(number, ordering: .relaxed) }
        }
        sigaddset(&set, SIGWINCH)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// The signal that arrived since the last call, if any.
    public static func take() -> Int32? {
        let s = pendingSignal.exchange(0, ordering: .relaxed)
        return s == 0 ? nil : s
    }
}
