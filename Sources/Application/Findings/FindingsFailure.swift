import Core
import Store

/// Why a decision on proposals or messages could not be made or saved: one line, both languages.
public struct FindingsFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: LocalizedText
    public init(_ reason: LocalizedText) { self.reason = reason }
    public var description: String { reason.en }

    init(_ error: StoreError) { reason = LocalizedText(nl: error.message(in: .nl), en: error.message) }

    static func noProposal(_ id: String) -> FindingsFailure {
        let q = TerminalText.quoted(id)
        return FindingsFailure(
            LocalizedText(
                nl:
                    "geen open voorstel \(q): zie `perspectief groups suggest` (een afgewezen of overgenomen voorstel staat er niet meer in)",
                en:
                    "no open proposal \(q): see `perspectief groups suggest` (a rejected or accepted proposal is no longer listed)"
            ))
    }
    static func unknownMessage(_ id: String, known: [String]) -> FindingsFailure {
        let q = TerminalText.quoted(id)
        let list = known.joined(separator: ", ")
        return FindingsFailure(
            LocalizedText(
                nl: "onbekende boodschap \(q)" + (list.isEmpty ? "" : " (bekend: \(list))"),
                en: "unknown message \(q)" + (list.isEmpty ? "" : " (known: \(list))")))
    }
    static func unknownDirection(_ id: String, known: [String]) -> FindingsFailure {
        let q = TerminalText.quoted(id)
        let list = known.joined(separator: ", ")
        return FindingsFailure(
            LocalizedText(
                nl: "onbekende ontwikkelrichting \(q)" + (list.isEmpty ? "" : " (bekend: \(list))"),
                en: "unknown development direction \(q)" + (list.isEmpty ? "" : " (known: \(list))")))
    }
    static func badInsight(_ text: String) -> FindingsFailure {
        let q = TerminalText.quoted(text)
        return FindingsFailure(
            LocalizedText(
                nl: "--insight wil SESSIE/BIJDRAGE, niet \(q)", en: "--insight takes SESSION/ENTRY, not \(q)"))
    }
    static func noInsight(_ text: String) -> FindingsFailure {
        let q = TerminalText.quoted(text)
        return FindingsFailure(
            LocalizedText(
                nl: "\(q) is geen inzicht in een leesbare sessie van deze opslag",
                en: "\(q) is no insight in a readable session of this store"))
    }
    public static let insightOrDirection = FindingsFailure(
        LocalizedText(
            nl: "noem één inzicht (--insight SESSIE/BIJDRAGE) of één richting (--direction ID)",
            en: "name one insight (--insight SESSION/ENTRY) or one direction (--direction ID)"))
}
