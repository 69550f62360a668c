import Logging
import NIOSSL
import PostgresNIO

/// One connection to the event database. postgres-nio speaks the protocol; this adds what a
/// room needs: a short connect timeout (a dead network shows as "offline" within seconds),
/// TLS as the URL asks, and every failure turned into one line (`DatabaseFailure`).
public final class Database: Sendable {
    public let url: DatabaseURL
    let connection: PostgresConnection
    static let logger = Logger(label: "perspectief.sync", factory: { _ in SwiftLogNoOpLogHandler() })

    private init(url: DatabaseURL, connection: PostgresConnection) {
        self.url = url
        self.connection = connection
    }

    public static func connect(_ url: DatabaseURL, timeoutSeconds: Int64 = 3) async throws(SyncError) -> Database {
        let tls: PostgresConnection.Configuration.TLS
        do { tls = try tlsSetting(url) } catch {
            throw SyncError(
                "cannot set up TLS for \(url.display): \(error)", nl: "kan TLS voor \(url.display) niet instellen: \(error)")
        }
        var config = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls)
        config.options.connectTimeout = .seconds(timeoutSeconds)
        do {
            let c = try await PostgresConnection.connect(configuration: config, id: 1, logger: logger)
            return Database(url: url, connection: c)
        } catch {
            throw DatabaseFailure.describe(error, url: url)
        }
    }

    /// Connects, runs `body`, and closes, whatever `body` does.
    public static func using<T: Sendable>(_ url: DatabaseURL, _ body: (Database) async throws(SyncError) -> T) async throws(SyncError) -> T {
        let db = try await connect(url)
        do throws(SyncError) {
            let value = try await body(db)
            await db.close()
            return value
        } catch {
            await db.close()
            throw error
        }
    }

    static func tlsSetting(_ url: DatabaseURL) throws -> PostgresConnection.Configuration.TLS {
        var config = TLSConfiguration.makeClientConfiguration()
        switch url.tls {
        case .disable: return .disable
        case .prefer, .require: config.certificateVerification = .none
        case .verifyCA: config.certificateVerification = .noHostnameVerification
        case .verifyFull: config.certificateVerification = .fullVerification
        }
        if let root = url.rootCertificate { config.trustRoots = .file(root) }
        let context = try NIOSSLContext(configuration: config)
        return url.tls == .prefer ? .prefer(context) : .require(context)
    }

    /// Runs a statement and collects its rows.
    @discardableResult
    public func query(_ query: PostgresQuery) async throws(SyncError) -> [PostgresRow] {
        do {
            var rows: [PostgresRow] = []
            for try await row in try await connection.query(query, logger: Self.logger) { rows.append(row) }
            return rows
        } catch {
            throw DatabaseFailure.describe(error, url: url)
        }
    }

    /// Runs fixed SQL text (set-up and tests); never built from user input.
    public func run(sql: String) async throws(SyncError) {
        try await query(PostgresQuery(unsafeSQL: sql))
    }

    /// Runs `body` between BEGIN and COMMIT; anything thrown rolls it back.
    public func transaction<T: Sendable>(_ body: (Database) async throws(SyncError) -> T) async throws(SyncError) -> T {
        try await query("BEGIN")
        do throws(SyncError) {
            let value = try await body(self)
            try await query("COMMIT")
            return value
        } catch {
            _ = try? await query("ROLLBACK")
            throw error
        }
    }

    public var isClosed: Bool { connection.isClosed }

    public func close() async {
        try? await connection.close()
    }
}
