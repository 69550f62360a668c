import Foundation

/// A private PostgreSQL cluster for the sync benchmarks, made and removed by the benchmark
/// itself (Debian's `postgresql`, initdb in a temporary folder, a free loopback port), as
/// the tests do. fsync stays on: these numbers are for a database that keeps what it says.
final class BenchPostgres {
    let dir: String
    let port: Int
    let bin: String
    let asPostgres = geteuid() == 0

    init() throws {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        guard let v = versions.last else { throw BenchError("PostgreSQL is not installed (make setup installs Debian's postgresql)") }
        bin = "\(root)/\(v)/bin"
        dir = BenchFixtures.tempDir("pg")
        chmod(dir, 0o755)
        port = Self.freePort()
        if asPostgres { _ = Self.run(["chown", "postgres:postgres", dir]) }
        try check(runAs([bin + "/initdb", "-D", dir + "/data", "--auth-local=trust", "--auth-host=trust", "-U", "postgres", "-E", "UTF8", "--locale=C"]), "initdb")
        try check(runAs([bin + "/pg_ctl", "-D", dir + "/data", "-l", dir + "/log", "-w", "-o", "-p \(port) -k \(dir) -c listen_addresses=127.0.0.1 -c max_connections=100", "start"]), "pg_ctl start")
        try check(Self.run(["psql", "-X", "-q", "-h", dir, "-p", "\(port)", "-U", "postgres", "-d", "postgres", "-c", "CREATE DATABASE bench"]), "createdb")
    }

    var url: String { "postgres://postgres@127.0.0.1:\(port)/bench" }

    func stop() {
        _ = runAs([bin + "/pg_ctl", "-D", dir + "/data", "-m", "fast", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: dir)
    }

    func psql(_ sql: String) -> String {
        Self.run(["psql", "-X", "-q", "-t", "-A", "-h", dir, "-p", "\(port)", "-U", "postgres", "-d", "bench", "-c", sql]).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func runAs(_ argv: [String]) -> (status: Int32, output: String) { Self.run(asPostgres ? ["runuser", "-u", "postgres", "--"] + argv : argv) }

    private func check(_ r: (status: Int32, output: String), _ what: String) throws {
        if r.status != 0 { throw BenchError("\(what) failed: \(r.output.suffix(300))") }
    }

    /// posix_spawn and waitpid, output through a file: Foundation's Process did not see
    /// runuser end here (left a zombie), and a pipe would be held open by the server.
    static func run(_ argv: [String]) -> (status: Int32, output: String) {
        let out = NSTemporaryDirectory() + "pf-bench-out-" + UUID().uuidString
        defer { unlink(out) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        for fd in 3..<256 { posix_spawn_file_actions_addclose(&actions, Int32(fd)) }
        let args = (["/usr/bin/env"] + argv).map { strdup($0) } + [nil]
        defer { args.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/usr/bin/env", &actions, nil, args, environ) == 0 else { return (-1, "spawn failed") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (code, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
    }

    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
