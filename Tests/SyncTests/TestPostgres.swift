import Foundation
import TestSupport
import XCTest

/// A private PostgreSQL server for the tests: Debian's `postgresql` package (`make setup`
/// installs it), a cluster made by initdb in a temporary folder, on a free loopback port,
/// no system service and no root. Stopped when the tests end — and by a watchdog if the
/// test process dies first, so no server is ever left behind.
///
/// Without the package the tests skip on a developer's machine and FAIL under CI=true.
final class TestPostgres: @unchecked Sendable {
    let dir: String
    let port: Int
    private let bin: String
    private let asPostgres: Bool
    private(set) var running = false

    /// One server for the whole test run, made on first use.
    nonisolated(unsafe) private static var sharedServer: TestPostgres?
    nonisolated(unsafe) private static var sharedFailure: String?
    private static let lock = NSLock()

    static func shared() throws -> TestPostgres {
        lock.lock()
        defer { lock.unlock() }
        if let s = sharedServer { return s }
        if let f = sharedFailure { throw Unavailable.describe(f) }
        do {
            let s = try TestPostgres()
            sharedServer = s
            atexit { TestPostgres.sharedServer?.stop() }
            return s
        } catch let e as Unavailable {
            sharedFailure = e.reason
            throw Unavailable.describe(e.reason)
        }
    }

    struct Unavailable: Error {
        var reason: String
        /// Under CI a missing server is a failure, never a skip (the one rule in TestSupport).
        static func describe(_ reason: String) -> Error { Requirement.missing("PostgreSQL: \(reason)") }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func binDir() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        return versions.last.map { "\(root)/\($0)/bin" }.flatMap { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") ? $0 : nil }
    }

    init() throws {
        guard let bin = Self.binDir() else { throw Unavailable(reason: "no server in /usr/lib/postgresql/*/bin (make setup installs Debian's postgresql)") }
        self.bin = bin
        // initdb refuses root: then the package's own `postgres` user runs the server.
        asPostgres = geteuid() == 0
        dir = NSTemporaryDirectory() + "pf-pg-" + String(UUID().uuidString.prefix(8)).lowercased()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        chmod(dir, 0o755)
        if asPostgres { try Self.check(Self.sh(["chown", "postgres:postgres", dir]), "chown") }
        port = Self.freePort()
        let initdb = runAs([bin + "/initdb", "-D", dir + "/data", "--auth-local=trust", "--auth-host=scram-sha-256", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"])
        guard initdb.status == 0 else { throw Unavailable(reason: "initdb failed: \(initdb.output.suffix(400))") }
        try start()
        // Over TCP (what the code under test uses) passwords are checked; psql uses the socket.
        try Self.check(psql("ALTER ROLE postgres PASSWORD '\(Self.adminPassword)'", database: "postgres"), "password")
        try Self.check(psql("CREATE DATABASE perspectief", database: "postgres"), "createdb")
        watchdog()
    }

    private func runAs(_ argv: [String]) -> (status: Int32, output: String) {
        Self.sh(asPostgres ? ["runuser", "-u", "postgres", "--"] + argv : argv)
    }

    func start() throws {
        let r = runAs([
            bin + "/pg_ctl", "-D", dir + "/data", "-l", dir + "/log", "-w", "-t", "30", "-o",
            "-p \(port) -k \(dir) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100", "start",
        ])
        guard r.status == 0 else { throw Failure(description: "pg_ctl start failed: \(r.output.suffix(400)) \(log.suffix(400))") }
        running = true
    }

    /// Stops the server (fast: open connections are cut, as when a database goes away).
    func stop() {
        guard running else { return }
        _ = runAs([bin + "/pg_ctl", "-D", dir + "/data", "-m", "fast", "-w", "stop"])
        running = false
    }

    func remove() {
        stop()
        try? FileManager.default.removeItem(atPath: dir)
    }

    var log: String { (try? String(contentsOfFile: dir + "/log", encoding: .utf8)) ?? "" }

    static let adminPassword = "pf-admin"

    /// Runs SQL as the superuser with psql (set-up only: the code under test uses postgres-nio).
    @discardableResult
    func psql(_ sql: String, database: String = "perspectief") -> (status: Int32, output: String) {
        Self.sh(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", dir, "-p", "\(port)", "-U", "postgres", "-d", database, "-c", sql])
    }

    /// A fresh, empty database for one test.
    func makeDatabase(_ tag: String) throws -> String {
        let name = "t_" + tag + "_" + String(UUID().uuidString.prefix(6)).lowercased()
        try Self.check(psql("CREATE DATABASE \(name)"), "create database")
        return name
    }

    func url(_ database: String, user: String = "postgres", password: String? = TestPostgres.adminPassword) -> String {
        "postgres://\(user)\(password.map { ":" + $0 } ?? "")@127.0.0.1:\(port)/\(database)"
    }

    /// Stops the server if this process dies without stopping it (kill -9, a crash).
    private func watchdog() {
        let me = getpid()
        let stop = (asPostgres ? "runuser -u postgres -- " : "") + "\(bin)/pg_ctl -D \(dir)/data -m immediate -w stop"
        _ = Self.sh(["sh", "-c", "setsid sh -c 'while kill -0 \(me) 2>/dev/null; do sleep 2; done; \(stop); rm -rf \(dir)' >/dev/null 2>&1 < /dev/null &"])
    }

    static func check(_ r: (status: Int32, output: String), _ what: String) throws {
        if r.status != 0 { throw Failure(description: "\(what) failed: \(r.output)") }
    }

    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// Runs a command to its end; output and errors together. Through files, not a pipe:
    /// the server that pg_ctl leaves running would hold a pipe open for ever.
    static func sh(_ argv: [String]) -> (status: Int32, output: String) {
        let r = Spawn.run(["/usr/bin/env"] + argv)
        return (r.status, r.output + r.error)
    }
}
