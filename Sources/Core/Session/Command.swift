/// What someone asks the session to do. The engine checks it against the role, the
/// workshop and the current state, and answers with the change to save, or a refusal.
public enum Command: Equatable, Sendable {
    case join
    case moveStep(to: String)
    case startTimer
    case pauseTimer
    case extendTimer(seconds: Int)
    /// `table`: the facilitator typing for a table in a table round (a participant's entries
    /// go to the table they sit at).
    case addEntry(id: String, text: String, kind: EntryKind? = nil, scenario: String? = nil, author: String? = nil, proxy: Bool = false, table: String? = nil)
    case editEntry(id: String, text: String)
    case removeEntry(id: String)
    case restoreEntry(id: String)
    case review(id: String, status: EntryStatus)
    case setHolds(id: String, scenario: String, holds: Bool)
    case link(id: String, target: LinkTarget, linked: Bool)
    case vote(id: String)
    case withdrawVote(id: String)
    case setStepInput(step: String, open: Bool)
    case changeSettings(holdForReview: Bool? = nil, hideNames: Bool? = nil, voteBudget: Int? = nil, roomVisible: Bool? = nil)
    case renameScenario(id: String, title: String?)
    case close
    case reopen
    case undo
    /// A participant takes a seat at a table of the current table round.
    case chooseTable(String)
    /// The facilitator seats a participant at a table (or moves them), cap or not.
    case seat(participant: String, table: String)
    /// The facilitator seats everyone without a seat, evenly, within the cap.
    case seatEveryone
    /// The facilitator's message to all tables; nil or empty takes it down.
    case sendMessage(String?)
}

/// The outcome of a command that is allowed: the change, and which event it undoes.
public struct Decision: Equatable, Sendable {
    public var change: Change
    public var undoes: String?
}
