import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

#if canImport(Glibc)
    import Glibc
#endif

/// One connection to the event database. postgres-nio speaks the protocol; this adds what a
/// room needs: a short connect timeout and a deadline on every statement (a dead network shows
/// as "offline" within seconds, never as a wait for ever), TCP keepalive (a silent loss is
/// noticed by the kernel too), TLS as the URL asks, and every failure turned into one line
/// (`DatabaseFailure`).
public final class Database: Sendable {
    public let url: DatabaseURL
    let connection: PostgresConnection
    static let logger = Logger(label: "perspectief.sync", factory: { _ in SwiftLogNoOpLogHandler() })

    private init(url: DatabaseURL, connection: PostgresConnection) {
        self.url = url
        self.connection = connection
    }

    /// How long one statement may take before the connection is given up as silent.
    public static let statementSeconds = 6.0

    public static func connect(_ url: DatabaseURL, timeoutSeconds: Int64 = 3) async throws(SyncError) -> Database {
        let tls: PostgresConnection.Configuration.TLS
        do { tls = try tlsSetting(url) } catch {
            throw SyncError(
                "cannot set up TLS for \(url.display): \(error)",
                nl: "kan TLS voor \(url.display) niet instellen: \(error)")
        }
        do {
            // The socket is made here so that it carries keepalive; postgres-nio speaks over it.
            let channel = try await bootstrap(timeoutSeconds).connect(host: url.host, port: url.port).get()
            var config = PostgresConnection.Configuration(
                establishedChannel: channel, tls: tls, username: url.user, password: url.password,
                database: url.database)
            config.options.connectTimeout = .seconds(timeoutSeconds)
            // The server ends a statement at the same deadline: nothing of ours commits later
            // than that after it began, which is what lets a reader give up a hole (ArrivalCursor).
            config.options.additionalStartupParameters = [("statement_timeout", "\(Int(statementSeconds * 1000))")]
            if url.tls != .disable, !url.host.contains(":"), url.host.first.map({ !$0.isNumber }) ?? false {
                config.options.tlsServerName = url.host
            }
            do {
                let c = try await PostgresConnection.connect(
                    on: channel.eventLoop, configuration: config, id: 1, logger: logger)
                return Database(url: url, connection: c)
            } catch {
                channel.close(promise: nil)
                throw error
            }
        } catch {
            throw DatabaseFailure.describe(error, url: url)
        }
    }

    /// Keepalive after 3 s idle, then every 2 s, given up after 3 unanswered; unacknowledged
    /// data gives up after 8 s (Linux). Together: a silent network ends the connection
    /// within about 10 s even when no statement is waiting.
    static func bootstrap(_ timeoutSeconds: Int64) -> ClientBootstrap {
        var b = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(timeoutSeconds))
            .channelOption(ChannelOptions.socketOption(.so_keepalive), value: 1)
        #if os(Linux)
            let tcp = SocketOptionLevel(IPPROTO_TCP)
            b = b.channelOption(
                ChannelOptions.Types.SocketOption(level: tcp, name: SocketOptionName(TCP_KEEPIDLE)), value: 3
            )
            .channelOption(
                ChannelOptions.Types.SocketOption(level: tcp, name: SocketOptionName(TCP_KEEPINTVL)), value: 2
            )
            .channelOption(ChannelOptions.Types.SocketOption(level: tcp, name: SocketOptionName(TCP_KEEPCNT)), value: 3)
            .channelOption(
                ChannelOptions.Types.SocketOption(level: tcp, name: SocketOptionName(TCP_USER_TIMEOUT)), value: 8000)
        #endif
        return b
    }

    /// Connects, runs `body`, and closes, whatever `body` does.
    public static func using<T: Sendable>(_ url: DatabaseURL, _ body: (Database) async throws(SyncError) -> T)
        async throws(SyncError) -> T
    {
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

    /// Runs a statement and collects its rows, within `statementSeconds`: past it the
    /// connection is closed (the statement cannot be trusted to end) and the database counts
    /// as unreachable.
    @discardableResult
    public func query(_ query: PostgresQuery, seconds: Double = Database.statementSeconds) async throws(SyncError)
        -> [PostgresRow]
    {
        let connection = self.connection
        do {
            return try await Deadline.run(seconds: seconds, onTimeout: { try? await connection.close() }) {
                var rows: [PostgresRow] = []
                for try await row in try await connection.query(query, logger: Self.logger) { rows.append(row) }
                return rows
            }
        } catch is Deadline.Expired {
            throw DatabaseFailure.unreachable(
                url.display, "no answer within \(Int(seconds)) s", "geen antwoord binnen \(Int(seconds)) s")
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
