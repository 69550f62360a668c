/// One session as synthesis reads it: its state folded from events, on its workshop.
public struct SessionInput: Sendable {
    public var workshop: Workshop
    public var state: SessionState

    public init(workshop: Workshop, state: SessionState) {
        self.workshop = workshop
        self.state = state
    }

    public var sessionId: String { state.setup.sessionId }
    /// Names are never shown when the session is anonymous or the facilitator hid them.
    public var hidesNames: Bool { state.setup.anonymous || state.hideNames }
}

/// An entry anywhere: which session, which entry.
public struct EntryRef: Hashable, Sendable, Comparable {
    public var sessionId: String
    public var entryId: String

    public init(sessionId: String, entryId: String) {
        self.sessionId = sessionId
        self.entryId = entryId
    }

    public static func < (a: EntryRef, b: EntryRef) -> Bool {
        (a.sessionId, a.entryId) < (b.sessionId, b.entryId)
    }
}

/// Similar insights an organiser grouped across sessions, with a label. Supplied by the
/// caller (the store keeps groupings as events of their own); synthesis never invents one.
public struct InsightGroup: Equatable, Sendable {
    public var id: String
    public var label: String
    public var members: [EntryRef]

    public init(id: String, label: String, members: [EntryRef]) {
        self.id = id
        self.label = label
        self.members = members
    }
}

/// A perspective across sessions: a workshop perspective by id, a custom one by name.
public enum PerspectiveKey: Hashable, Sendable {
    case workshop(String)
    case custom(String)

    public init(_ ref: PerspectiveRef) {
        switch ref {
        case .workshop(let id): self = .workshop(id)
        case .custom(let name): self = .custom(name)
        }
    }

    /// Stable text form for files: the workshop id, or `custom:` and the name.
    public var code: String {
        switch self {
        case .workshop(let id): return id
        case .custom(let name): return "custom:" + name
        }
    }
}

/// One live entry with what a report needs from its session.
public struct SynthesisItem: Equatable, Sendable {
    public var ref: EntryRef
    public var perspective: PerspectiveKey
    public var entry: Entry
    /// The author, or nil when the session hides names.
    public var author: String?
    public var sessionCreatedAt: Int64
    /// Scenarios (workshop order) where an insight holds; empty for other kinds.
    public var holdsIn: [String]
    /// The entry's place in its session, in the order made (file order for an import).
    public var order: Int = 0

    /// The stable order: session creation time, session id, entry time, the order made.
    static func stable(_ a: SynthesisItem, _ b: SynthesisItem) -> Bool {
        if a.sessionCreatedAt != b.sessionCreatedAt { return a.sessionCreatedAt < b.sessionCreatedAt }
        if a.ref.sessionId != b.ref.sessionId { return a.ref.sessionId < b.ref.sessionId }
        if a.entry.createdAt != b.entry.createdAt { return a.entry.createdAt < b.entry.createdAt }
        return a.order < b.order
    }

    /// Most votes first, ties in the stable order.
    static func byVotes(_ a: SynthesisItem, _ b: SynthesisItem) -> Bool {
        if a.entry.votes != b.entry.votes { return a.entry.votes > b.entry.votes }
        return stable(a, b)
    }
}

/// An insight that holds only in some scenarios.
public struct SpecificInsight: Equatable, Sendable {
    public var item: SynthesisItem
    public var scenarios: [String]
}

/// What one perspective (target group) concluded, merged over its sessions.
public struct PerspectiveSummary: Equatable, Sendable {
    public var key: PerspectiveKey
    public var name: LocalizedText
    public var sessionIds: [String]
    public var koersvast: [SynthesisItem]
    public var specific: [SpecificInsight]
    /// Insights not yet judged against any scenario.
    public var open: [SynthesisItem]
}

/// What every perspective said about one scenario.
public struct ScenarioSummary: Equatable, Sendable {
    public var scenarioId: String
    public var title: LocalizedText
    public var byPerspective: [(key: PerspectiveKey, implications: [SynthesisItem])]

    public static func == (a: ScenarioSummary, b: ScenarioSummary) -> Bool {
        a.scenarioId == b.scenarioId && a.title == b.title && a.byPerspective.count == b.byPerspective.count
            && zip(a.byPerspective, b.byPerspective).allSatisfy { $0.key == $1.key && $0.implications == $1.implications }
    }
}

/// The insights linked to one development direction, from every session.
public struct DirectionSummary: Equatable, Sendable {
    public var directionId: String
    public var title: LocalizedText
    public var insights: [SynthesisItem]
}

/// Insights shared by two or more perspectives: an organiser's group (made by hand or accepted
/// from a proposal), or an exact textual match among ungrouped ones; with how far it reaches.
public struct SharedInsight: Equatable, Sendable {
    public enum Source: Equatable, Sendable {
        case group(id: String)
        case exactMatch
    }
    public var source: Source
    public var label: String
    public var perspectives: [PerspectiveKey]
    public var items: [SynthesisItem]
    public var reach: Reach
}

/// One of the study's main messages with the evidence the organiser linked to it: insights
/// and development directions (with their insights) found in this part's sessions.
public struct MessageEvidence: Equatable, Sendable {
    public var messageId: String
    /// Insights linked to the message itself, in the stable order.
    public var insights: [SynthesisItem]
    /// Directions linked to the message, each with its insights in this part.
    public var directions: [DirectionSummary]

    public init(messageId: String, insights: [SynthesisItem], directions: [DirectionSummary]) {
        self.messageId = messageId
        self.insights = insights
        self.directions = directions
    }

    /// Nothing linked: the report says so plainly and claims nothing.
    public var isEmpty: Bool { insights.isEmpty && directions.isEmpty }

    /// Every insight behind the message, each once: linked itself or through a direction.
    public var allInsights: [SynthesisItem] {
        var seen = Set<EntryRef>()
        return (insights + directions.flatMap(\.insights)).filter { seen.insert($0.ref).inserted }
    }

    /// The target groups those insights come from.
    public var groups: Int { Set(allInsights.map(\.perspective)).count }
}

/// A matrix cell: the live implications of one perspective for one scenario.
public struct MatrixCell: Equatable, Sendable {
    public var scenarioId: String
    public var count: Int
    public var top: [SynthesisItem]
}

public struct MatrixRow: Equatable, Sendable {
    public var key: PerspectiveKey
    public var name: LocalizedText
    public var cells: [MatrixCell]
    public var koersvastCount: Int
}
