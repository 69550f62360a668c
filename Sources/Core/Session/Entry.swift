/// What an entry is: an implication of a scenario for the perspective, an insight across
/// scenarios, or a free note (opening, trend warm-up, close).
public enum EntryKind: String, CaseIterable, Sendable {
    case implication, insight, note
}

/// Whether an entry shows on the projector. Participant entries can be held for review.
public enum EntryStatus: String, Sendable {
    case shown, pending, rejected
}

public struct Entry: Equatable, Sendable, Identifiable {
    public var id: String
    public var kind: EntryKind
    public var text: String
    /// The step the entry was captured in.
    public var step: String
    /// The scenario it belongs to (scenario rounds), else nil.
    public var scenario: String?
    /// Display name of who said it; nil when anonymous.
    public var author: String?
    /// Stable key of the participant who owns it (may edit/remove it); "facilitator" for the room.
    public var owner: String
    /// Typed by the facilitator for someone without a terminal.
    public var proxy: Bool
    public var createdAt: Int64
    public var editedAt: Int64?
    public var removed: Bool
    public var status: EntryStatus
    /// Scenario ids in which this insight holds (robustness step).
    public var holdsIn: Set<String>
    public var directions: Set<String>
    public var trends: Set<String>
    /// Votes per voter key.
    public var votesBy: [String: Int]
    /// The table it was made at (a table round), else nil. Stays when its author moves on.
    public var table: String? = nil

    public var votes: Int { votesBy.values.reduce(0, +) }
    /// Visible on the projector and in reports.
    public var isLive: Bool { !removed && status == .shown }
}

/// An insight's robustness, always derived from where it holds, never stored.
public enum Robustness: Equatable, Sendable {
    /// Not yet judged: holds in no scenario so far.
    case open
    /// Holds in all scenarios: no-regret ("koersvast").
    case koersvast
    /// Holds in some scenarios only (listed in workshop order): needs agility.
    case scenarioSpecific([String])

    public static func of(_ entry: Entry, scenarios: [String]) -> Robustness {
        let holds = scenarios.filter { entry.holdsIn.contains($0) }
        if holds.isEmpty { return .open }
        if holds.count == scenarios.count { return .koersvast }
        return .scenarioSpecific(holds)
    }
}
