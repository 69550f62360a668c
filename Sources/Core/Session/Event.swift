/// Who does something: the facilitator, a participant, or an organiser reviewing afterwards.
public enum Role: String, Sendable, CaseIterable {
    case facilitator, participant, organiser
}

public struct Actor: Equatable, Sendable {
    public var role: Role
    /// Stable key for ownership and vote budgets: "facilitator", or a participant's key.
    public var key: String
    /// The display name; nil when the session is anonymous.
    public var name: String?

    public init(role: Role, key: String, name: String?) {
        self.role = role
        self.key = key
        self.name = name
    }

    public static func facilitator(_ name: String?) -> Actor { Actor(role: .facilitator, key: "facilitator", name: name) }
}

/// The perspective a session takes: one of the workshop's, or one the facilitator typed.
public enum PerspectiveRef: Equatable, Sendable {
    case workshop(String)
    case custom(String)
}

public enum LinkTarget: Equatable, Hashable, Sendable {
    case direction(String)
    case trend(String)
}

/// The settings a session is created with.
public struct SessionSetup: Equatable, Sendable {
    public var sessionId: String
    public var workshopId: String
    public var workshopTitle: LocalizedText
    public var perspective: PerspectiveRef
    public var title: String
    public var facilitator: String?
    /// Where the session was held ("Zwolle, stadhuis"), if anyone said; shown on the report's front page.
    public var place: String?
    /// When true, participant names are never stored, not even in the journal.
    public var anonymous: Bool
    public var voteBudget: Int
    public var holdForReview: Bool
    /// How many people were in the room, if the facilitator said: most of a room never joins
    /// on a screen of its own, so the report cannot count them.
    public var people: Int?
    /// For a target group of the facilitator's own (a custom perspective): who they are, and
    /// the persona the room steps into — the workshop's own groups bring theirs.
    public var customDescription: String? = nil
    public var customPersona: String? = nil
    /// The day the session was held ("2026-12-04"), when the organiser gave it: a paper
    /// session typed in later keeps its own day. Nil: the day it was created.
    public var date: String? = nil
    /// Who sat in the room, as the organiser recorded it; nil for sessions made before it
    /// was asked (the report says "unknown").
    public var roomKind: RoomKind? = nil

    public init(
        sessionId: String, workshopId: String, workshopTitle: LocalizedText, perspective: PerspectiveRef,
        title: String, facilitator: String?, anonymous: Bool = false, voteBudget: Int = 3, holdForReview: Bool = false,
        place: String? = nil, people: Int? = nil
    ) {
        self.sessionId = sessionId
        self.workshopId = workshopId
        self.workshopTitle = workshopTitle
        self.perspective = perspective
        self.title = title
        self.facilitator = facilitator
        self.anonymous = anonymous
        self.voteBudget = voteBudget
        self.holdForReview = holdForReview
        self.place = place
        self.people = people
    }
}

/// Who sat in the room: the report's method must say whether the target group spoke for
/// itself or was imagined by others.
public enum RoomKind: String, CaseIterable, Equatable, Sendable {
    /// Civil servants and professionals imagining the target group.
    case professionals
    /// People of the target group themselves.
    case targetGroup = "target-group"
    /// Both in one room.
    case mixed
}

/// The fields of a new entry.
public struct NewEntry: Equatable, Sendable {
    public var id: String
    public var kind: EntryKind
    public var text: String
    public var step: String
    public var scenario: String?
    public var author: String?
    public var proxy: Bool
    public var status: EntryStatus
    /// The table it is made at, in a table round.
    public var table: String?

    public init(
        id: String, kind: EntryKind, text: String, step: String, scenario: String?, author: String?,
        proxy: Bool = false, status: EntryStatus = .shown, table: String? = nil
    ) {
        self.table = table
        self.id = id
        self.kind = kind
        self.text = text
        self.step = step
        self.scenario = scenario
        self.author = author
        self.proxy = proxy
        self.status = status
    }
}

/// Every change to a session. The session's state is nothing but these, folded in order.
public enum Change: Equatable, Sendable {
    case sessionCreated(SessionSetup)
    case participantJoined
    case stepMoved(to: String, from: String)
    case timerStarted(step: String)
    case timerPaused(step: String)
    case timerExtended(step: String, seconds: Int)
    case entryAdded(NewEntry)
    case entryEdited(id: String, text: String)
    case entryRemoved(id: String)
    case entryRestored(id: String)
    case entryReviewed(id: String, status: EntryStatus)
    case holdsSet(id: String, scenario: String, holds: Bool)
    case linkSet(id: String, target: LinkTarget, linked: Bool)
    case voteCast(id: String)
    case voteWithdrawn(id: String)
    case stepInputSet(step: String, open: Bool)
    /// `roomVisible`: participants see the room's shown entries of the step, not only their own.
    case settingsChanged(holdForReview: Bool?, hideNames: Bool?, voteBudget: Int?, roomVisible: Bool? = nil)
    case scenarioRenamed(id: String, title: String?)
    case sessionClosed
    case sessionReopened
    /// Participants take seats at tables of a table round: participant key → table id, or
    /// nil to stand up. One participant choosing, or the facilitator assigning many at once.
    case seated(step: String, seats: [String: String?])
    /// The facilitator's message to every table ("nog 5 minuten"); nil takes it down.
    case messageSent(text: String?)

    /// The name used in the file (`"type"`).
    public var typeName: String {
        switch self {
        case .sessionCreated: return "sessionCreated"
        case .participantJoined: return "participantJoined"
        case .stepMoved: return "stepMoved"
        case .timerStarted: return "timerStarted"
        case .timerPaused: return "timerPaused"
        case .timerExtended: return "timerExtended"
        case .entryAdded: return "entryAdded"
        case .entryEdited: return "entryEdited"
        case .entryRemoved: return "entryRemoved"
        case .entryRestored: return "entryRestored"
        case .entryReviewed: return "entryReviewed"
        case .holdsSet: return "holdsSet"
        case .linkSet: return "linkSet"
        case .voteCast: return "voteCast"
        case .voteWithdrawn: return "voteWithdrawn"
        case .stepInputSet: return "stepInputSet"
        case .settingsChanged: return "settingsChanged"
        case .scenarioRenamed: return "scenarioRenamed"
        case .sessionClosed: return "sessionClosed"
        case .sessionReopened: return "sessionReopened"
        case .seated: return "seated"
        case .messageSent: return "messageSent"
        }
    }

    /// The oldest event schema that holds this change: tables came with version 2, so an
    /// older build stops at them (read-only, with its reason) instead of folding them away.
    public var schemaVersion: Int {
        switch self {
        case .seated, .messageSent: return 2
        case .entryAdded(let e): return e.table == nil ? 1 : 2
        default: return 1
        }
    }
}

/// One saved change: what, by whom, when, and where it sits in the order of events.
public struct Event: Equatable, Sendable, Identifiable {
    /// The newest schema this build reads. Each event is written with the oldest version that
    /// holds it (`Change.schemaVersion`), so sessions without tables stay readable by older builds.
    public static let schemaVersion = 2

    public var id: String
    /// The writer process (one journal per writer).
    public var writer: String
    /// 1, 2, 3… within the writer: the order a writer made its events in.
    public var seq: Int
    /// A Lamport clock: one more than the highest clock the writer had seen. Orders events
    /// across writers without trusting anyone's wall clock.
    public var clock: Int
    /// Wall-clock time in milliseconds since 1970 (for display and timers only).
    public var time: Int64
    public var actor: Actor
    public var change: Change
    /// The event this one undoes, if it is an undo.
    public var undoes: String?

    public init(
        id: String, writer: String, seq: Int, clock: Int, time: Int64, actor: Actor, change: Change, undoes: String? = nil
    ) {
        self.id = id
        self.writer = writer
        self.seq = seq
        self.clock = clock
        self.time = time
        self.actor = actor
        self.change = change
        self.undoes = undoes
    }

    /// The total order every reader folds in: clock, then writer, then sequence.
    public static func foldOrder(_ a: Event, _ b: Event) -> Bool {
        if a.clock != b.clock { return a.clock < b.clock }
        if a.writer != b.writer { return a.writer < b.writer }
        return a.seq < b.seq
    }
}
