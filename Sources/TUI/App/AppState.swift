import Core
import Store

/// Everything the screen shows, and nothing the screen does not need. Changed only by
/// `update`; drawn only by `view`. The session itself is never changed here: commands go
/// out as effects, the store saves them durably, and the new session state comes back in.
public struct AppState: Sendable {
    public var width: Int
    public var height: Int
    public var language: Language
    public var theme: Theme
    /// Wall-clock milliseconds from the latest tick (for timers only).
    public var now: Int64
    public var route: Route
    public var workshops: [Workshop]
    public var listings: [SessionListing]
    public var help = false
    /// How far help is scrolled down, in lines.
    public var helpScroll = 0
    /// One line for the footer: the last refusal, save error or notice.
    public var notice: Notice?
    /// Prefix for entry ids made by this process, so two terminals never make the same id.
    public var idPrefix: String
    var idCounter = 0
    /// Where leaving a session goes back to: the review, when it was opened from there.
    public var review: ReviewState?
    /// Local time minus UTC, for showing times; the TUI itself has no time zone.
    public var utcOffsetMs: Int64 = 0
    /// The sync to the event database in a few words ("sync: up to date"); nil when not syncing.
    public var syncStatus: String?
    /// The room people join from their own laptops (nil info: closed).
    public var room = RoomScreen()

    public init(
        workshops: [Workshop], listings: [SessionListing], language: Language, theme: Theme, width: Int, height: Int,
        now: Int64, idPrefix: String
    ) {
        self.workshops = workshops
        self.listings = listings
        self.language = language
        self.theme = theme
        self.width = width
        self.height = height
        self.now = now
        self.idPrefix = idPrefix
        route = .home(HomeState())
    }

    public static let minimumWidth = 80
    public static let minimumHeight = 24
    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    mutating func newEntryId() -> String {
        idCounter += 1
        return "\(idPrefix)\(String(now, radix: 36))\(idCounter)"
    }

    public var session: SessionScreen? {
        if case .session(let s) = route { return s }
        return nil
    }
}

public enum Route: Sendable {
    case home(HomeState)
    case wizard(WizardState)
    case session(SessionScreen)
    /// A participant choosing a live session and a name.
    case join(JoinState)
    /// The organiser's review of all saved sessions.
    case review(ReviewState)
    /// One session's events in time order.
    case replay(ReplayState)
    /// The facilitator's desk: a second window of a session, never projected.
    case desk(DeskState)
}

public struct Notice: Equatable, Sendable {
    public enum Kind: Sendable { case info, error }
    public var kind: Kind
    public var text: String
    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// Messages: everything that can happen to the app.
public enum Msg: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case tick(now: Int64)
    /// The store has a newer state (our own save, or another terminal's).
    case sessionChanged(SessionState)
    /// A session was created or opened by the executable.
    case sessionOpened(id: String, workshop: Workshop, state: SessionState, readOnly: String?)
    /// A participant has joined a session (their presence is claimed, their join saved).
    case joined(id: String, workshop: Workshop, state: SessionState, actor: Actor)
    /// The name was used before: the join screen asks for its rejoin code.
    case joinNeedsProof(LocalizedText)
    /// The rejoin code a participant was given on joining, shown on their screen.
    case rejoinCode(String)
    /// More sessions read for the review, and how many are still to come.
    case reviewLoaded([ReviewRecord], remaining: Int)
    /// Sessions deleted from the store while review is open.
    case reviewRemoved([String])
    /// The organisers' groupings, after a change.
    case groupsChanged([InsightGroup])
    /// The organiser's decisions on proposals and messages, after a change.
    case decisionsChanged(OrganiserDecisions)
    /// The organiser's summary was saved as a new version.
    case summarySaved(ReportSummary)
    /// A session's history, loaded for the timeline.
    case replayLoaded(title: String, workshop: Workshop, events: [Event])
    case refused(Refusal)
    case failed(String)
    /// A line for the footer from the runtime (a report written, a grouping saved).
    case notice(Notice)
    case listings([SessionListing])
    /// Review opened from the home screen: what the cache knew, the rest still loading.
    case reviewOpened(ReviewState)
    /// Review as the whole program (`perspectief review`): leaving it quits.
    case reviewStarted(ReviewState)
    /// The facilitator's desk opened on a session (`perspectief desk`).
    case deskOpened(DeskState)
    /// The room's latest state from its servers (nil: closed), sent every tick while open.
    case room(RoomInfo?)
    /// The names holding a presence in the session now (for the desk).
    case presence([String])
    /// Everyone the session holds a name for, connected or not (for the desk).
    case roster([NameHolder])
    /// The facilitator disconnected this participant, for this reason.
    case sentAway(String)
}

/// Effects: what the executable must do for the app.
public enum Effect: Equatable, Sendable {
    /// Decide and save a command on the open session, then send `.sessionChanged` or `.refused`.
    case perform(Command)
    /// Start a session (Application's Creating), then send `.sessionOpened`.
    case create(NewSession)
    case open(sessionId: String)
    /// Save a change to the organisers' groupings, then send `.groupsChanged`.
    case editGroup(GroupEdit)
    /// Save the organiser's summary for the report (a new version), then send `.summarySaved`.
    case saveSummary(String)
    /// Load a session's events for the timeline.
    case replay(sessionId: String)
    /// Open a saved session read-only for review.
    case openReadOnly(sessionId: String)
    /// Write a report of these sessions in this format ("md", "csv", "json", "html").
    /// `short`: the short version a director forwards (page 1, findings, directions, method).
    case export(sessionIds: [String], format: String, short: Bool = false)
    /// Join a session as a participant under this name.
    /// `rejoinCode`: typed when the name was used before (the proof it is theirs).
    case join(sessionId: String, name: String, rejoinCode: String? = nil)
    /// Leave the session screen (the session stays saved) and refresh the home lists.
    case leaveSession
    /// Open the review of all saved sessions, then send `.reviewOpened`.
    case openReview
    /// Back on the home screen from the review: stop loading, refresh the home lists.
    case leaveReview
    case quit
    /// Open the room for the session on screen (SSH, web), then send `.room` each tick.
    case openRoom
    /// Close the room: every participant connected through it is disconnected.
    case closeRoom
    /// Show or hide how to join on the projector.
    case setRoomVisible(Bool)
    /// End one connection in the room.
    case disconnect(personId: String)
    /// Keep the room open for those inside, but accept nobody new.
    case stopJoins
    /// The desk asks the projector's process to do this to the room.
    case roomRequest(RoomRequest)
    /// The desk lets a name go (Store's `releaseName`): the next to join under it needs no code.
    case releaseName(key: String, name: String)
    /// The desk ends a connection; the participant is shown `reason`.
    case deskDisconnect(personId: String, key: String, reason: String)
}
