import Core
import PostgresNIO

/// Turns whatever postgres-nio or the network threw into one line a person can act on.
/// postgres-nio's own description is deliberately vague (it must not leak data into logs),
/// so the server's SQLSTATE and message are read here.
enum DatabaseFailure {
    static func describe(_ error: any Error, url: DatabaseURL) -> SyncError {
        if let e = error as? SyncError { return e }
        let place = url.display
        guard let e = error as? PSQLError else { return unreachable(place, reason(of: "\(error)")) }
        switch e.code {
        case .server:
            let state = e.serverInfo?[.sqlState] ?? ""
            let text = TerminalText.safe(e.serverInfo?[.message] ?? "", keepLineBreaks: false)
            if let refusal = SessionRefusal.from(
                state: state, session: text, detail: e.serverInfo?[.detail] ?? "", url: url)
            {
                return refusal
            }
            return server(state: state, text: text, place: place, url: url)
        case .sslUnsupported:
            return SyncError(
                "the database at \(place) does not offer TLS, but the URL asks for it (sslmode=\(url.tls.rawValue))",
                nl: "de database op \(place) biedt geen TLS, maar de URL vraagt erom (sslmode=\(url.tls.rawValue))")
        case .failedToAddSSLHandler:
            return SyncError("TLS to \(place) cannot be set up", nl: "TLS naar \(place) kan niet worden opgezet")
        case .authMechanismRequiresPassword:
            return SyncError(
                "the database at \(place) asks for a password: put it in the URL or in PGPASSWORD",
                nl: "de database op \(place) vraagt om een wachtwoord: zet het in de URL of in PGPASSWORD")
        case .unsupportedAuthMechanism, .saslError:
            return loginFailed(place, url: url)
        default:
            let underlying = e.underlying.map { "\($0)" } ?? "\(e.code)"
            if underlying.contains("NIOSSL") || underlying.contains("handshake") || underlying.contains("certificate") {
                return SyncError(
                    "the TLS handshake with \(place) failed (its certificate is not trusted or TLS is not offered)",
                    nl:
                        "de TLS-handdruk met \(place) is mislukt (het certificaat wordt niet vertrouwd of TLS wordt niet aangeboden)"
                )
            }
            return unreachable(place, reason(of: underlying))
        }
    }

    static func server(state: String, text: String, place: String, url: DatabaseURL) -> SyncError {
        switch state {
        case "28P01", "28000":
            return loginFailed(place, url: url)
        case "3D000":
            return SyncError(
                "there is no database \"\(url.database)\" at \(url.hostForURL):\(url.port)",
                nl: "er is geen database \"\(url.database)\" op \(url.hostForURL):\(url.port)")
        case "42P01":
            return SyncError(
                "\(place) has no perspectief tables yet: run `perspectief db init \(place)` as its owner first",
                nl:
                    "\(place) heeft nog geen perspectief-tabellen: voer eerst `perspectief db init \(place)` uit als eigenaar"
            )
        case "42501":
            return SyncError(
                "user \(url.user) may not do this in \(place): \(text)",
                nl: "gebruiker \(url.user) mag dit niet in \(place): \(text)")
        case "57P01", "57P02", "57P03", "53300":
            return unreachable(place, text)
        default:
            if state.hasPrefix("08") { return unreachable(place, text) }
            return SyncError(
                "the database at \(place) answered: \(text) (\(state))",
                nl: "de database op \(place) antwoordde: \(text) (\(state))")
        }
    }

    static func loginFailed(_ place: String, url: DatabaseURL) -> SyncError {
        SyncError(
            "cannot log in to \(place): wrong user name or password for \(url.user)",
            nl: "inloggen bij \(place) mislukt: verkeerde gebruikersnaam of wachtwoord voor \(url.user)")
    }

    static func unreachable(_ place: String, _ reason: String, _ dutchReason: String) -> SyncError {
        SyncError(
            "cannot reach the database at \(place) (\(reason))",
            nl: "de database op \(place) is niet bereikbaar (\(dutchReason))",
            scope: .unreachable)
    }

    static func unreachable(_ place: String, _ reason: String) -> SyncError {
        SyncError(
            "cannot reach the database at \(place) (\(reason))",
            nl: "de database op \(place) is niet bereikbaar (\(reason))",
            scope: .unreachable)
    }

    /// A short reason from a network error's text.
    static func reason(of text: String) -> String {
        let t = text.lowercased()
        if t.contains("refused") { return "connection refused" }
        if t.contains("timed out") || t.contains("timeout") { return "no answer" }
        if t.contains("reset") || t.contains("closed") || t.contains("eof") { return "connection lost" }
        if t.contains("unreachable") || t.contains("no route") { return "network unreachable" }
        if t.contains("resolve") || t.contains("lookup") || t.contains("name") { return "host name not found" }
        return "network error"
    }
}
