/// A store problem, as one line a user can act on.
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Why a command on a session did not happen: the engine refused it, or it could not be saved.
public enum PerformError: Error, Equatable, Sendable, CustomStringConvertible {
    case refused(Refusal)
    case store(StoreError)

    public var description: String {
        switch self {
        case .refused(let r): return r.description
        case .store(let s): return s.message
        }
    }
}

import Core
