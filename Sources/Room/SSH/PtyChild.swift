import CRoom

#if canImport(Glibc)
import Glibc
#endif

/// A participant view on its own pseudo-terminal: spawned (never forked: the server is
/// multi-threaded) as the leader of a new session, so the pty is its controlling terminal and
/// resizes reach it as SIGWINCH.
struct PtyChild {
    let pid: pid_t
    /// Our end of the pty; the caller hands it to a pipe channel that owns it from then on.
    let master: Int32
    /// The read end of the pipe on which the child names who joined (fd 3 in the child).
    let announce: Int32

    /// What the child runs and with which environment.
    struct Launch {
        var executable: String
        var arguments: [String]
        var environment: [String]
    }

    static func spawn(_ launch: Launch, rows: Int, cols: Int) throws(RoomError) -> PtyChild {
        var master: Int32 = -1, slave: Int32 = -1
        var name = [CChar](repeating: 0, count: 256)
        let r = UInt16(TerminalSize.clampRows(rows)), c = UInt16(TerminalSize.clampCols(cols))
        guard croom_openpty(&master, &slave, &name, Int32(name.count), r, c) == 0 else {
            throw RoomError("no pseudo-terminal: \(String(cString: strerror(errno)))", nl: "geen pseudoterminal: \(String(cString: strerror(errno)))")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        var fds: [Int32] = [-1, -1]
        guard croom_pipe_cloexec(&fds) == 0 else {
            close(master)
            close(slave)
            throw RoomError("no pipe: \(String(cString: strerror(errno)))", nl: "geen pijp: \(String(cString: strerror(errno)))")
        }
        defer {
            close(slave)
            close(fds[1])
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The slave is opened by name after setsid, so it becomes the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 3)
        _ = croom_spawn_closefrom(&actions, 4)

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) | croom_spawn_setsid_flag())

        let argv = ([launch.executable] + launch.arguments).map { strdup($0) } + [nil]
        let envp = launch.environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, launch.executable, &actions, &attr, argv, envp)
        guard rc == 0 else {
            close(master)
            close(fds[0])
            throw RoomError("cannot start the participant view: \(String(cString: strerror(rc)))", nl: "kan het deelnemersscherm niet starten: \(String(cString: strerror(rc)))")
        }
        _ = fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK)
        return PtyChild(pid: pid, master: master, announce: fds[0])
    }

    /// The child's exit status, if it has ended (never blocks).
    static func reap(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid {
            let signal = status & 0x7f
            return signal == 0 ? (status >> 8) & 0xff : 128 + signal
        }
        // ECHILD: someone else (shutdown) reaped it already.
        if r < 0 && errno == ECHILD { return 255 }
        return nil
    }

    /// Signals the child's whole session (it leads its own process group).
    static func signal(_ pid: pid_t, _ sig: Int32) {
        guard pid > 0 else { return }
        kill(-pid, sig)
        kill(pid, sig)
    }

    /// Reads what the child announced so far (its name, one line) without blocking.
    static func readAnnounced(_ fd: Int32) -> [UInt8] {
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 256)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            out += buf[0..<n]
            if out.count > 4096 { break }
        }
        return out
    }
}

/// What a participant view tells the room's server on its pipe (fd 3), a line each: the name
/// it joined with, or this marker (no name has a control character) for a wrong rejoin code.
public enum RoomAnnounce {
    public static let wrongRejoin = "\u{1}wrong rejoin code"
}

/// The child's environment: TERM (checked against terminfo; ncurses aborts on an unknown one),
/// the client's LANG / LC_* (checked), a minimal PATH, and the room's own marker. Nothing of
/// the server's environment, nothing else the client sent.
enum ChildEnvironment {
    static let fallbackTerm = "xterm-256color"

    static func build(term: String?, locale: [String: String], fallbackLang: String, parentPid: pid_t, terminfoDirs: [String] = terminfoDirectories)
        -> [String]
    {
        var env = ["TERM=" + validTerm(term, dirs: terminfoDirs), "PATH=/usr/local/bin:/usr/bin:/bin", "PERSPECTIEF_ROOM_PARENT=\(parentPid)"]
        let given = locale.filter { isLocaleName($0.key) && isLocaleValue($0.value) }
        for key in given.keys.sorted() { env.append(key + "=" + given[key]!) }
        if given["LANG"] == nil && given["LC_ALL"] == nil && given["LC_MESSAGES"] == nil {
            env.append("LANG=" + fallbackLang)
        }
        return env
    }

    static func isLocaleName(_ name: String) -> Bool {
        name == "LANG" || (name.hasPrefix("LC_") && name.count <= 20 && name.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || $0 == 95 })
    }

    static func isLocaleValue(_ v: String) -> Bool {
        !v.isEmpty && v.utf8.count <= 64 && v.utf8.allSatisfy { isAlnum($0) || $0 == 46 || $0 == 95 || $0 == 45 || $0 == 64 }
    }

    static func validTerm(_ term: String?, dirs: [String]) -> String {
        // A name starts with a letter or digit: "." and ".." name folders, not terminals.
        guard let term, !term.isEmpty, term.utf8.count <= 64, let lead = term.utf8.first, isAlnum(lead),
            term.utf8.allSatisfy({ isAlnum($0) || $0 == 45 || $0 == 46 || $0 == 43 || $0 == 95 }), let first = term.first
        else { return fallbackTerm }
        let hex = String(first.asciiValue ?? 0, radix: 16)
        for dir in dirs where isFile(dir + "/\(first)/" + term) || isFile(dir + "/\(hex)/" + term) {
            return term
        }
        return fallbackTerm
    }

    /// A readable regular file (a terminfo entry), not a folder.
    static func isFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG && access(path, R_OK) == 0
    }

    static let terminfoDirectories = ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"]

    static func isAlnum(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
}
