/// A store problem, as one line a user can act on.
/// `message` is English; `dutch` is set for the messages a user meets in a normal run, and
/// `message(in:)` picks by the interface language (English where no Dutch text exists).
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Both languages, always: a new message cannot be English-only by accident.
    public var text: LocalizedText
    public init(_ message: String, nl: String) { text = LocalizedText(nl: nl, en: message) }
    public init(_ text: LocalizedText) { self.text = text }
    public var message: String { text.en }
    public var description: String { text.en }
    public func message(in language: Language) -> String { text[language] }

    /// What the store was doing when the system said no.
    public enum Operation: Sendable {
        case read, write, create, lock, syncFolder, createFolder, createSession, notSavedWrite, notSavedSync, notSavedCreate, sync

        var words: LocalizedText {
            switch self {
            case .read: return LocalizedText(nl: "kan niet lezen:", en: "cannot read")
            case .write: return LocalizedText(nl: "kan niet schrijven:", en: "cannot write")
            case .create: return LocalizedText(nl: "kan niet maken:", en: "cannot create")
            case .lock: return LocalizedText(nl: "kan niet vergrendelen:", en: "cannot lock")
            case .sync: return LocalizedText(nl: "kan niet vastleggen:", en: "cannot sync")
            case .syncFolder: return LocalizedText(nl: "kan map niet vastleggen:", en: "cannot sync folder")
            case .createFolder: return LocalizedText(nl: "kan map niet maken:", en: "cannot create folder")
            case .createSession: return LocalizedText(nl: "kan sessiemap niet maken:", en: "cannot create session folder")
            case .notSavedWrite: return LocalizedText(nl: "niet bewaard: kan niet schrijven naar", en: "not saved: cannot write to")
            case .notSavedSync: return LocalizedText(nl: "niet bewaard: kan niet vastleggen:", en: "not saved: cannot sync")
            case .notSavedCreate: return LocalizedText(nl: "niet bewaard: kan niet maken:", en: "not saved: cannot create")
            }
        }
    }

    /// "<what failed> <path>: <why>"; the system's own reason (strerror) stays as the system says it.
    public static func io(_ op: Operation, _ path: String, _ why: String) -> StoreError {
        io(op, path, LocalizedText(why))
    }

    public static func io(_ op: Operation, _ path: String, _ why: LocalizedText) -> StoreError {
        StoreError(LocalizedText(nl: "\(op.words.nl) \(path): \(why.nl)", en: "\(op.words.en) \(path): \(why.en)"))
    }

    public static func exists(_ path: String) -> StoreError {
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
