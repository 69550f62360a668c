/// A database or sync problem, as one line a user can act on, in English and Dutch.
/// Never carries a password: messages name the database by `DatabaseURL.display`.
public struct SyncError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the problem stops.
    public enum Scope: Sendable {
        /// The database cannot be reached (down, network gone): wait and try again.
        case unreachable
        /// The database refuses this laptop or this build (login, schema, rights): a person must act.
        case database
        /// One session cannot go (damaged, unreadable): the others still can.
        case session
    }

    public var message: String
    public var dutch: String
    public var scope: Scope

    public init(_ message: String, nl: String, scope: Scope = .database) {
        self.message = message
        self.dutch = nl
        self.scope = scope
    }

    public var unreachable: Bool { scope == .unreachable }
    public var description: String { message }
}
