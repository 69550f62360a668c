import Foundation
import TestSupport
import XCTest

/// Debian's chromium, headless, driven over its DevTools protocol on a pipe (fds 3 and 4,
/// `--remote-debugging-pipe`): no port, no download, no driver. One page, phone-sized.
final class Chromium {
    struct Failure: Error, CustomStringConvertible { var description: String }

    let pid: pid_t
    let toBrowser: Int32
    let fromBrowser: Int32
    let profile: String
    private var nextId = 0
    private var buffer: [UInt8] = []
    private var session = ""
    /// Console and log lines the page produced (CSP violations among them).
    private(set) var logs: [String] = []

    static func binary() -> String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(width: Int = 360, height: Int = 740, language: String = "nl-NL") throws {
        guard let exe = Self.binary() else { throw Requirement.missing("chromium is not installed (make setup installs it)") }
        profile = NSTemporaryDirectory() + "pf-chromium-" + UUID().uuidString.prefix(8).lowercased()
        try FileManager.default.createDirectory(atPath: profile, withIntermediateDirectories: true)
        var down: [Int32] = [0, 0], up: [Int32] = [0, 0]
        guard pipe(&down) == 0, pipe(&up) == 0 else { throw Failure(description: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, down[0], 3)
        posix_spawn_file_actions_adddup2(&actions, up[1], 4)
        for fd in 5..<256 { posix_spawn_file_actions_addclose(&actions, Int32(fd)) }
        let args = [
            exe, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--user-data-dir=\(profile)",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-sync", "--disable-dev-shm-usage", "--lang=\(language)", "--accept-lang=\(language)",
            "--window-size=\(width),\(height)", "about:blank",
        ]
        var env = ProcessInfo.processInfo.environment
        env["LANGUAGE"] = language.replacingOccurrences(of: "-", with: "_")
        let cargs = args.map { strdup($0) } + [nil]
        let cenv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cargs.forEach { free($0) }; cenv.forEach { free($0) } }
        var p: pid_t = 0
        let rc = posix_spawn(&p, exe, &actions, nil, cargs, cenv)
        close(down[0])
        close(up[1])
        guard rc == 0 else { throw Failure(description: "chromium did not start: \(rc)") }
        pid = p
        toBrowser = down[1]
        fromBrowser = up[0]
        let target = try call("Target.createTarget", ["url": "about:blank"], inSession: false)
        let targetId = try XCTUnwrap(target["targetId"] as? String)
        let attached = try call("Target.attachToTarget", ["targetId": targetId, "flatten": true], inSession: false)
        session = try XCTUnwrap(attached["sessionId"] as? String)
        _ = try call("Page.enable")
        _ = try call("Runtime.enable")
        _ = try call("Log.enable")
        _ = try call("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 2, "mobile": true])
        _ = try call("Emulation.setTouchEmulationEnabled", ["enabled": true])
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(toBrowser)
        close(fromBrowser)
        try? FileManager.default.removeItem(atPath: profile)
    }

    /// Sends one command and waits for its answer; events on the way are kept as log lines.
    @discardableResult
    func call(_ method: String, _ params: [String: Any] = [:], inSession: Bool = true, timeout: Double = 15) throws -> [String: Any] {
        nextId += 1
        var message: [String: Any] = ["id": nextId, "method": method, "params": params]
        if inSession { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { write(toBrowser, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "chromium went away") }
            off += n
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reply = try read(until: deadline)
            if let id = reply["id"] as? Int, id == nextId {
                if let error = reply["error"] as? [String: Any] { throw Failure(description: "\(method): \(error)") }
                return reply["result"] as? [String: Any] ?? [:]
            }
            note(reply)
        }
    }

    private func note(_ event: [String: Any]) {
        guard let method = event["method"] as? String, let params = event["params"] as? [String: Any] else { return }
        if method == "Log.entryAdded", let entry = params["entry"] as? [String: Any] {
            logs.append("\(entry["level"] ?? ""): \(entry["text"] ?? "")")
        } else if method == "Runtime.consoleAPICalled" {
            let args = (params["args"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? $0["description"] ?? "")" }
            logs.append("console.\(params["type"] ?? ""): " + args.joined(separator: " "))
        } else if method == "Runtime.exceptionThrown" {
            logs.append("exception: \(params["exceptionDetails"] ?? "")")
        }
    }

    private func read(until deadline: Date) throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let chunk = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                return (try JSONSerialization.jsonObject(with: chunk)) as? [String: Any] ?? [:]
            }
            let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            guard left > 0 else { throw Failure(description: "no answer from chromium in time") }
            var p = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, left) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fromBrowser, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "chromium closed its pipe") }
            buffer += chunk[0..<n]
        }
    }

    // MARK: What a test does with the page

    func open(_ url: String) throws {
        try call("Page.navigate", ["url": url])
        try wait("document.readyState === 'complete'")
    }

    func reload() throws {
        try call("Page.reload", ["ignoreCache": true])
        usleep(200_000)
        try wait("document.readyState === 'complete'")
    }

    /// The value of a JavaScript expression in the page (promises awaited).
    func eval(_ js: String) throws -> Any? {
        let r = try call("Runtime.evaluate", ["expression": js, "returnByValue": true, "awaitPromise": true])
        if let ex = r["exceptionDetails"] { throw Failure(description: "\(js): \(ex)") }
        return (r["result"] as? [String: Any])?["value"]
    }

    func text(_ selector: String) throws -> String {
        (try eval("(function(){var e=document.querySelector(\(Self.quote(selector)));return e?e.textContent:null})()") as? String) ?? ""
    }

    func visible(_ selector: String) throws -> Bool {
        (try eval("(function(){var e=document.querySelector(\(Self.quote(selector)));return !!e&&e.offsetParent!==null})()") as? Bool) ?? false
    }

    /// Taps the element's centre with a touch, as a finger would.
    func tap(_ selector: String) throws {
        guard let box = try eval("""
            (function(){var e=document.querySelector(\(Self.quote(selector)));if(!e)return null;e.scrollIntoView({block:'center'});
            var r=e.getBoundingClientRect();return [r.left+r.width/2,r.top+r.height/2]})()
            """) as? [Double] else { throw Failure(description: "nothing to tap at \(selector)") }
        let point: [String: Any] = ["x": box[0], "y": box[1]]
        try call("Input.dispatchTouchEvent", ["type": "touchStart", "touchPoints": [point]])
        try call("Input.dispatchTouchEvent", ["type": "touchEnd", "touchPoints": []])
    }

    /// Types into the focused field as the phone's keyboard does (an input event per insert).
    func type(into selector: String, _ text: String) throws {
        _ = try eval("document.querySelector(\(Self.quote(selector))).focus()")
        try call("Input.insertText", ["text": text])
    }

    func wait(_ condition: String, timeout: Double = 10, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? eval("!!(\(condition))")) as? Bool == true { return }
            usleep(50_000)
        }
        throw Failure(description: "timed out waiting for \(condition); the page said: \(((try? eval("document.body.innerText")) as? String) ?? "?")")
    }

    func screenshot(to path: String) throws {
        let r = try call("Page.captureScreenshot", ["format": "png"])
        let data = try XCTUnwrap(Data(base64Encoded: r["data"] as? String ?? ""))
        try data.write(to: URL(fileURLWithPath: path))
    }

    static func quote(_ s: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [s]), as: UTF8.self).dropFirst().dropLast().description
    }
}
