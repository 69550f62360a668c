import PostgresNIO

/// The database's tables, as numbered migrations (docs/DATABASE.md explains each).
/// A migration is never edited once released: a change is a new migration.
public enum Schema {
    /// The newest schema this build knows and writes to.
    public static let version = migrations.count
    /// Roles shared by every perspectief database in the cluster; a login user gets one of them.
    public static let roomRole = "perspectief_room"
    public static let organiserRole = "perspectief_organiser"
    /// The channel a statement that adds events notifies (an empty payload: a wake-up only).
    public static let channel = "perspectief_events"

    static let migrations: [[String]] = [
        [
            """
            CREATE TABLE events (
                event_id    text PRIMARY KEY,
                session_id  text NOT NULL,
                journal     text NOT NULL,
                seq         bigint NOT NULL,
                clock       bigint NOT NULL,
                happened_at bigint NOT NULL,
                kind        text NOT NULL,
                body        text NOT NULL,
                arrival     bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                received_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX events_by_session ON events (session_id, clock)",
            """
            CREATE TABLE rooms (
                session_id  text PRIMARY KEY,
                event_name  text NOT NULL DEFAULT '',
                laptop      text NOT NULL DEFAULT '',
                first_seen  timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE FUNCTION perspectief_notify() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('\(channel)', '');
                RETURN NULL;
            END $$
            """,
            "CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION perspectief_notify()",
            """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(roomRole)') THEN
                    CREATE ROLE \(roomRole) NOLOGIN;
                END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(organiserRole)') THEN
                    CREATE ROLE \(organiserRole) NOLOGIN;
                END IF;
            END $$
            """,
            "REVOKE ALL ON events, rooms, schema_version FROM PUBLIC",
            "GRANT USAGE ON SCHEMA public TO \(roomRole), \(organiserRole)",
            "GRANT INSERT ON events, rooms TO \(roomRole)",
            "GRANT SELECT ON schema_version TO \(roomRole), \(organiserRole)",
            "GRANT SELECT ON events, rooms TO \(organiserRole)",
        ],
        SchemaOwnership.migration,
    ]

    /// What `db init` did.
    public struct Outcome: Equatable, Sendable {
        public var from: Int
        public var to: Int
    }

    /// Creates or brings the schema up to date, one migration per transaction, under an
    /// advisory lock so two organisers running `db init` at once cannot interleave.
    public static func migrate(_ db: Database) async throws(SyncError) -> Outcome {
        // Two organisers running `db init` at once: the second waits here, then finds the work
        // done (without the lock, the CREATE below raced into a raw duplicate-key error).
        // The organiser's set-up may wait and run longer than a room's statement may.
        try await db.query("SET statement_timeout = 0")
        try await db.query("SELECT pg_advisory_lock(7245101)", seconds: 60)
        try await db.query(
            "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        let start = try await currentVersion(db)
        var at = start
        while at < version {
            let next = at + 1
            try await db.transaction { db throws(SyncError) in
                try await db.query("SET LOCAL statement_timeout = 0")
                try await db.query("SELECT pg_advisory_xact_lock(7245101)")
                // Someone else may have applied it while this waited for the lock.
                if try await currentVersion(db) >= next { return }
                for statement in migrations[next - 1] { try await db.query(PostgresQuery(unsafeSQL: statement)) }
                try await db.query("INSERT INTO schema_version (version) VALUES (\(next))")
            }
            at = try await currentVersion(db)
        }
        // On a failure the lock goes with the connection (callers close it).
        try await db.query("SELECT pg_advisory_unlock(7245101)")
        return Outcome(from: start, to: at)
    }

    /// The version recorded in the database (0: none), refused when newer than this build.
    @discardableResult
    public static func check(_ db: Database) async throws(SyncError) -> Int {
        let v = try await currentVersion(db)
        if v == 0 {
            throw SyncError(
                "\(db.url.display) has no perspectief tables yet: run `perspectief db init \(db.url.display)` as its owner first",
                nl:
                    "\(db.url.display) heeft nog geen perspectief-tabellen: voer eerst `perspectief db init \(db.url.display)` uit als eigenaar"
            )
        }
        if v < version {
            throw SyncError(
                "\(db.url.display) has database schema version \(v), older than this build (\(version)): "
                    + "run `perspectief db init \(db.url.display)` as its owner",
                nl: "\(db.url.display) heeft databaseschema versie \(v), ouder dan deze versie (\(version)): "
                    + "voer `perspectief db init \(db.url.display)` uit als eigenaar")
        }
        return v
    }

    static func currentVersion(_ db: Database) async throws(SyncError) -> Int {
        let rows = try await db.query("SELECT coalesce(max(version), 0)::bigint FROM schema_version")
        var v = 0
        do { v = try rows.first?.decode(Int.self) ?? 0 } catch {
            throw SyncError(
                "\(db.url.display): schema_version cannot be read",
                nl: "\(db.url.display): schema_version is niet te lezen")
        }
        if v > version {
            throw SyncError(
                "\(db.url.display) has database schema version \(v), newer than this build understands (\(version)); update perspectief",
                nl:
                    "\(db.url.display) heeft databaseschema versie \(v), nieuwer dan deze versie begrijpt (\(version)); werk perspectief bij"
            )
        }
        return v
    }
}
