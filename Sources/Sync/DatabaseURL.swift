import Foundation

/// `postgres://user:password@host:port/database?sslmode=…`, as libpq reads it (the subset a
/// room and an organiser need). The password may also come from `PGPASSWORD`.
public struct DatabaseURL: Equatable, Sendable {
    /// libpq's meaning: `disable` (the default here: TLS only when the URL asks for it),
    /// `prefer` (TLS when the server offers it), `require` (encrypted, certificate not checked), `verify-ca` (certificate checked, host
    /// name not), `verify-full` (both).
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    /// `sslrootcert=FILE`: the certificate authority to trust for verify-ca / verify-full.
    public var rootCertificate: String?

    /// The URL without its password: what messages and the progress files name.
    public var display: String { "postgres://\(user)@\(hostForURL):\(port)/\(database)" }

    var hostForURL: String { host.contains(":") ? "[\(host)]" : host }

    /// A file-name-safe key for this database, so one store can sync to two databases.
    public var key: String {
        let raw = "\(host)-\(port)-\(database)"
        return String(raw.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
    }

    public static func parse(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(SyncError) -> DatabaseURL
    {
        func bad(_ why: String, _ nl: String) -> SyncError {
            SyncError(
                "not a database URL (\(why)); expected postgres://user:password@host:port/database",
                nl: "geen database-URL (\(nl)); verwacht postgres://gebruiker:wachtwoord@host:poort/database")
        }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") else {
            throw bad("it must start with postgres://", "die moet beginnen met postgres://")
        }
        guard let c = URLComponents(string: text) else { throw bad("it cannot be read", "die is niet te lezen") }
        guard var host = c.host, !host.isEmpty else { throw bad("no host", "geen host") }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = c.port ?? 5432
        guard (1...65535).contains(port) else {
            throw bad("port \(port) is out of range", "poort \(port) valt buiten het bereik")
        }
        guard let user = c.user, !user.isEmpty else { throw bad("no user name", "geen gebruikersnaam") }
        let database = String(c.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw bad("no database name", "geen databasenaam") }
        var url = DatabaseURL(
            host: host, port: port, user: user, password: c.password ?? environment["PGPASSWORD"], database: database,
            tls: .disable, rootCertificate: nil)
        for item in c.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                let value = item.value ?? ""
                switch value {
                case "allow": url.tls = .disable
                default:
                    guard let mode = TLSMode(rawValue: value) else {
                        throw bad("unknown sslmode \"\(value)\"", "onbekende sslmode \"\(value)\"")
                    }
                    url.tls = mode
                }
            case "sslrootcert": url.rootCertificate = item.value
            case "application_name", "connect_timeout": continue
            default:
                throw bad("unknown parameter \"\(item.name)\"", "onbekende parameter \"\(item.name)\"")
            }
        }
        return url
    }
}
