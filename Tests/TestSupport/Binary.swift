import Foundation

/// The built `perspectief` binary, beside the test bundle in the same build folder.
public enum Binary {
    public static var perspectief: String {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [dir, dir.deletingLastPathComponent()].map { $0.appendingPathComponent("perspectief").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    public static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func tempDir(_ tag: String) -> String {
        let path = NSTemporaryDirectory() + "pf-\(tag)-" + String(UUID().uuidString.prefix(8)).lowercased()
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Runs a command to completion with posix_spawn (Foundation.Process can hang on tmux's
/// forked server, which keeps inherited descriptors open). Output goes through a file.
public enum Spawn {
    public struct Result { public var status: Int32; public var output: String; public var error: String }

    @discardableResult
    public static func run(_ argv: [String], environment: [String: String]? = nil, stdin: String? = nil) -> Result {
        let dir = Binary.tempDir("spawn")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/out", err = dir + "/err", inp = dir + "/in"
        _ = FileManager.default.createFile(atPath: inp, contents: Data((stdin ?? "").utf8))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inp, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        for fd in 3..<256 { posix_spawn_file_actions_addclose(&actions, Int32(fd)) }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let cargs = argv.map { strdup($0) } + [nil]
        let cenv = env.map { strdup($0) } + [nil]
        defer { cargs.forEach { free($0) }; cenv.forEach { free($0) } }
        let rc = posix_spawnp(&pid, argv[0], &actions, &attr, cargs, cenv)
        guard rc == 0 else { return Result(status: -1, output: "", error: "spawn failed: \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(
            status: code, output: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
            error: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }
}
