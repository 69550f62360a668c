import ArgumentParser
import Core
import Sync

/// `perspectief db init URL`: the organiser's one set-up step for an event database.
struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Set up the PostgreSQL database where the rooms of an event meet (docs/DATABASE.md).",
        subcommands: [DBInitCommand.self])
}

struct DBInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the event tables and roles, or bring them up to this version's schema.",
        discussion: """
            Run it as the database's owner (a user that may create roles). It creates the roles \
            perspectief_room (may only add events) and perspectief_organiser (may read them); \
            give each laptop and each organiser a login in one of them (docs/DATABASE.md). \
            Running it again is harmless. The password may also come from PGPASSWORD.
            """)

    @Argument(help: "postgres://user:password@host:port/database[?sslmode=require]") var url: String

    func run() throws {
        let url = try SyncOptions.parse(url)
        let outcome = try SyncOptions.blocking { () async throws(SyncError) -> Schema.Outcome in
            try await Database.using(url) { db throws(SyncError) in try await Schema.migrate(db) }
        }
        let l = Output.language()
        if outcome.from == outcome.to {
            print(l == .nl ? "\(url.display) heeft al schemaversie \(outcome.to)" : "\(url.display) is at schema version \(outcome.to) already")
        } else {
            print(
                l == .nl
                    ? "\(url.display): schema van versie \(outcome.from) naar \(outcome.to) gebracht"
                    : "\(url.display): schema brought from version \(outcome.from) to \(outcome.to)")
        }
    }
}

/// The bridge from the Sync library's errors to the command line's one-line messages.
enum SyncOptions {
    static func parse(_ text: String) throws -> DatabaseURL {
        do { return try DatabaseURL.parse(text) } catch { throw CLIError(error.message, nl: error.dutch) }
    }

    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws(SyncError) -> T) throws -> T {
        do { return try Blocking.run(body) } catch { throw CLIError(error.message, nl: error.dutch) }
    }

    static func cli(_ error: SyncError) -> CLIError { CLIError(error.message, nl: error.dutch) }
}
