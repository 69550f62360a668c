import Foundation
import TestSupport
import XCTest

/// One private tmux server per test: the real binary in a real terminal, driven with
/// send-keys and read with capture-pane, as a person would see it.
final class Tmux {
    let dir: String
    let socket: String
    var env: [String: String]

    init(width: Int = 100, height: Int = 30, command: String, environment: [String: String] = [:]) throws {
        dir = Binary.tempDir("tmux")
        socket = dir + "/sock"
        let conf = dir + "/tmux.conf"
        try """
            set -g status off
            set -g remain-on-exit on
            set -s escape-time 0
            set -g default-terminal tmux-256color
            """.write(toFile: conf, atomically: true, encoding: .utf8)
        env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil
        var args = ["tmux", "-u", "-S", socket, "-f", conf, "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)",
                    "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8"]
        for (k, v) in environment { args += ["-e", "\(k)=\(v)"] }
        // The wrapper reports the exit status in the pane; `trap : INT` keeps it alive for C-c.
        args.append("trap : INT; \(command); echo \"EXIT=$?\"; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo")
        let r = Spawn.run(args, environment: env)
        if r.status != 0 { throw Requirement.missing("tmux did not start: \(r.error)") }
    }

    deinit {
        Spawn.run(["tmux", "-S", socket, "kill-server"], environment: env)
        try? FileManager.default.removeItem(atPath: dir)
    }

    func keys(_ keys: String...) { Spawn.run(["tmux", "-S", socket, "send-keys", "-t", "t"] + keys, environment: env) }
    func type(_ text: String) { Spawn.run(["tmux", "-S", socket, "send-keys", "-t", "t", "-l", text], environment: env) }
    func resize(_ w: Int, _ h: Int) { Spawn.run(["tmux", "-S", socket, "resize-window", "-t", "t", "-x", "\(w)", "-y", "\(h)"], environment: env) }

    func screen() -> String { Spawn.run(["tmux", "-S", socket, "capture-pane", "-p", "-t", "t"], environment: env).output }

    /// Everything the pane printed, history included: what the shell wrapper printed after the
    /// app left the alternate screen may have scrolled out of the visible part.
    func history() -> String { Spawn.run(["tmux", "-S", socket, "capture-pane", "-p", "-S", "-", "-t", "t"], environment: env).output }

    /// Waits until the app has exited; returns the wrapper's report ("EXIT=0" and the tty modes).
    func waitForExit(timeout: TimeInterval = 8, file: StaticString = #filePath, line: UInt = #line) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let h = history()
            if let r = h.range(of: "EXIT="), h[r.lowerBound...].contains("icanon") { return String(h[r.lowerBound...]) }
            usleep(25_000)
        }
        XCTFail("the app did not exit; the screen was:\n\(screen())", file: file, line: line)
        return ""
    }

    /// The pane's process id (the wrapper shell); the app is its child.
    func panePID() -> Int32 {
        Int32(Spawn.run(["tmux", "-S", socket, "display-message", "-p", "-t", "t", "#{pane_pid}"], environment: env).output
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Polls every 25 ms until `condition` holds on a screen that stays the same 30 ms later.
    @discardableResult
    func wait(for what: String, timeout: TimeInterval = 8, file: StaticString = #filePath, line: UInt = #line, _ condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen()
            if condition(last) {
                usleep(30_000)
                let again = screen()
                if again == last { return last }
                continue
            }
            usleep(25_000)
        }
        XCTFail("timed out waiting for \(what); the screen was:\n\(last)", file: file, line: line)
        return last
    }

    @discardableResult
    func wait(for text: String, timeout: TimeInterval = 8, file: StaticString = #filePath, line: UInt = #line) -> String {
        wait(for: "\"\(text)\"", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }
}
