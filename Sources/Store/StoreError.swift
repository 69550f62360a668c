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
    public func message(in language: Language) -> String {
        guard language == .nl else { return message }
        if let dutch { return dutch }
        // The I/O failures all read "<what failed> <path>: <system reason>": the part that
        // says what failed is translated, the path and the system's own reason stay.
        for (en, nl) in StoreError.dutchPrefixes where message.hasPrefix(en) {
            var rest = String(message.dropFirst(en.count))
            for (a, b) in StoreError.dutchPhrases { rest = rest.replacingOccurrences(of: a, with: b) }
            return nl + rest
        }
        return message
    }

    static let dutchPrefixes: [(String, String)] = [
        ("not saved: cannot write to ", "niet bewaard: kan niet schrijven naar "),
        ("not saved: cannot sync ", "niet bewaard: kan niet vastleggen: "),
        ("not saved: cannot create ", "niet bewaard: kan niet maken: "),
        ("not saved: ", "niet bewaard: "),
        ("cannot read ", "kan niet lezen: "),
        ("cannot write ", "kan niet schrijven: "),
        ("cannot lock ", "kan niet vergrendelen: "),
        ("cannot sync folder ", "kan map niet vastleggen: "),
        ("cannot create session folder ", "kan sessiemap niet maken: "),
        ("cannot create folder ", "kan map niet maken: "),
        ("not compacted: ", "niet samengevoegd: "),
    ]
    static let dutchPhrases: [(String, String)] = [
        ("it is a symbolic link, which is not followed", "het is een symbolische koppeling, die niet wordt gevolgd"),
        (", not a regular file", ", geen gewoon bestand"),
        ("it is a folder", "het is een map"),
        ("it is a FIFO (named pipe)", "het is een FIFO (named pipe)"),
        ("it is a device", "het is een apparaat"),
        ("it is a socket", "het is een socket"),
        ("it is larger than", "het is groter dan"),
        ("does not exist", "bestaat niet"),
    ]

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
