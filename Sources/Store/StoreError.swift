/// A store problem, as one line a user can act on.
/// `message` is English; `dutch` is set for the messages a user meets in a normal run, and
/// `message(in:)` picks by the interface language (English where no Dutch text exists).
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var dutch: String?
    public init(_ message: String, nl: String? = nil) {
        self.message = message
        self.dutch = nl
    }
    public var description: String { message }
    public func message(in language: Language) -> String { language == .nl ? dutch ?? message : message }

    static func exists(_ path: String) -> StoreError {
        StoreError("\(path) already exists; use --force to replace it", nl: "\(path) bestaat al; gebruik --force om het te vervangen")
    }
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

    public func message(in language: Language) -> String {
        switch self {
        case .refused(let r): return r.reason[language]
        case .store(let s): return s.message(in: language)
        }
    }
}

import Core
