import Core

/// The facilitator's desk (`perspectief desk SESSION`): a second window on the laptop's own
/// screen, never projected. Held entries to accept or reject, who is connected, the timer,
/// the script's notes for the step, and the room's controls. The same session as the
/// projector through the store; the room itself lives in the projector's process, so its
/// state comes in as `.room` (read from the room's status file) and the desk's room keys go
/// out as `.roomRequest`.
public struct DeskState: Sendable {
    public var id: String
    public var workshop: Workshop
    public var state: SessionState
    let engine: Engine
    /// The projector's room (nil: closed, or no projector running).
    public var room: RoomInfo?
    /// Names of those whose presence is held now (any process): who is connected even
    /// when no room reports it (a `perspectief join` at another terminal).
    public var present: [String] = []
    /// The selected held entry.
    public var selected = 0
    /// Closing the room with people inside asks first.
    public var confirmClose = false
    /// The list on the left: held entries, this step's entries, or the people.
    public var panel: DeskPanel = .held
    public var entrySelected = 0
    public var personSelected = 0
    /// Everyone the session holds a name for (the runtime's `.roster`).
    public var roster: [NameHolder] = []
    /// A question before acting on someone else's work or connection.
    public var question: DeskQuestion?

    public init(id: String, workshop: Workshop, state: SessionState) {
        self.id = id
        self.workshop = workshop
        self.state = state
        engine = Engine(workshop: workshop)
    }

    public var step: Workshop.Step { engine.currentStep(state) ?? workshop.steps[0] }
    var stepIndex: Int { workshop.steps.firstIndex { $0.id == step.id } ?? 0 }

    /// Entries held for review, oldest first.
    public var held: [Entry] { state.entries.filter { $0.status == .pending && !$0.removed } }

    /// Nobody in two minutes after the room opened: the network is the likely cause.
    public func nobodyJoined(now: Int64) -> Bool {
        guard let room, room.people.isEmpty, let opened = room.openedAt else { return false }
        return now - opened >= 120_000
    }
}

public enum DeskPanel: Equatable, Sendable {
    case held, entries, people

    var next: DeskPanel {
        switch self {
        case .held: return .entries
        case .entries: return .people
        case .people: return .held
        }
    }
}

enum DeskUpdate {
    static func update(_ app: inout AppState, _ d: inout DeskState, _ key: Key) -> [Effect] {
        let l = app.language
        if d.confirmClose {
            d.confirmClose = false
            if RoomConfirmKeys.isYes(key, l) { return [.roomRequest(.close)] }
            if key == .char("s") { return [.roomRequest(.stopJoins)] }
            return []
        }
        if let q = d.question { return DeskAsk.answer(&app, &d, q, key) }
        if key == .tab {
            d.panel = d.panel.next
            return []
        }
        if let effects = DeskModeration.key(&app, &d, key) { return effects }
        switch d.panel {
        case .held: break
        case .entries: if let effects = DeskEntries.key(&app, &d, key) { return effects }
        case .people: if let effects = DeskPeople.key(&app, &d, key) { return effects }
        }
        let held = d.held
        let chosen = held.isEmpty ? nil : held[min(d.selected, held.count - 1)]
        switch key {
        case .up, .char("k"): d.selected = max(0, min(d.selected, held.count - 1) - 1)
        case .down, .char("j"): d.selected = min(max(0, held.count - 1), d.selected + 1)
        case .char("y") where d.panel == .held, .enter where d.panel == .held:
            guard let e = chosen else { return [] }
            return [.perform(.review(id: e.id, status: .shown))]
        case .char("x") where d.panel == .held, .char("d") where d.panel == .held, .delete where d.panel == .held:
            guard let e = chosen else { return [] }
            return [.perform(.review(id: e.id, status: .rejected))]
        case .char("t"): return [.perform(.startTimer)]
        case .char("+"), .char("="): return [.perform(.extendTimer(seconds: 60))]
        case .char("-"): return [.perform(.extendTimer(seconds: -60))]
        case .right, .pageDown, .left, .pageUp:
            let next = d.stepIndex + ((key == .right || key == .pageDown) ? 1 : -1)
            guard d.workshop.steps.indices.contains(next) else { return [] }
            return [.perform(.moveStep(to: d.workshop.steps[next].id))]
        case .char("o"):
            guard let room = d.room else { return [.roomRequest(.open)] }
            if room.people.isEmpty { return [.roomRequest(.close)] }
            d.confirmClose = true
        case .char("i"):
            guard let room = d.room else {
                app.notice = Notice(kind: .info, text: S.deskNoRoom[l])
                return []
            }
            return [.roomRequest(room.visible ? .hidePanel : .showPanel)]
        case .char("s"):
            guard d.room != nil else {
                app.notice = Notice(kind: .info, text: S.deskNoRoom[l])
                return []
            }
            return [.roomRequest(.stopJoins)]
        case .char("?"): app.help = true
        case .char("q"), .escape: return [.quit]
        default: break
        }
        return []
    }

    /// A new state from the store: the selection stays in range.
    static func changed(_ d: inout DeskState, _ state: SessionState) {
        d.state = state
        d.selected = max(0, min(d.selected, d.held.count - 1))
        d.entrySelected = max(0, min(d.entrySelected, DeskEntries.list(d).count - 1))
    }

    static func keys(_ d: DeskState) -> [(String, LocalizedText)] {
        func t(_ nl: String, _ en: String) -> LocalizedText { LocalizedText(nl: nl, en: en) }
        return [
            ("↑ ↓", t("wachtende bijdrage kiezen", "choose a held entry")),
            ("y Enter", t("toelaten: dan op de projector", "accept: it then shows on the projector")),
            ("x d", t("afwijzen: nooit op de projector", "reject: never on the projector")),
            ("t", t("timer starten / pauzeren", "start / pause the timer")), ("+ / -", t("timer een minuut langer / korter", "timer one minute longer / shorter")),
            ("← →", t("vorige / volgende stap (ook op de projector)", "previous / next step (the projector follows)")),
            ("o", t("zaal openen / sluiten (in het projectorvenster)", "open / close the room (in the projector's window)")),
            ("i", t("hoe je meedoet groot op de projector: aan / uit", "how to join, full size on the projector: on / off")),
            ("s", t("geen nieuwe aanmeldingen (wie binnen is blijft; wie wegvalt komt terug met naam en code)",
                    "stop new joins (those inside stay; who drops comes back with name and code)")),
            ("Tab", t("lijst: wachtend · bijdragen van de stap · mensen",
                "list: held · the step's entries · people")),
            ("d", t("bijdragen: verwijderen (vraagt eerst) · mensen: verbreken met een reden",
                "entries: remove (asks first) · people: disconnect with a reason")),
            ("R", t("mensen: naam vrijgeven (vraagt eerst; bijdragen en stippen blijven bij de naam)",
                    "people: release the name (asks first; entries and dots stay with the name)")),
            ("1–9", t("mensen, in een tafelronde: aan tafel zetten (nooit boven het maximum)",
                "people, in a table round: seat at a table (never past the cap)")),
            ("r", t("bijdragen van deelnemers eerst hier laten goedkeuren (aan/uit)",
                "hold participants' entries for review here (on/off)")),
            ("X", t("stap dicht / open voor deelnemers", "close / open the step for participants")),
            ("z", t("deelnemers zien de bijdragen van de zaal op hun scherm (aan/uit)",
                "participants see the room's entries on their screen (on/off)")),
            ("h", t("namen op de projector verbergen / tonen", "hide / show names on the projector")),
            ("A", t("tafelronde: iedereen zonder tafel gelijk verdelen",
                "table round: seat everyone without a table evenly")),
            ("m", t("bericht aan alle tafels", "message to all tables")),
            ("?", t("deze hulp", "this help")), ("q", t("regietafel sluiten (de sessie loopt door)", "close the desk (the session goes on)")),
        ]
    }
}

extension S {
    static let deskTitle = t("Regietafel — niet projecteren", "Facilitator's desk — do not project")
    static let deskHeld = t("Wachten op goedkeuring", "Held for review")
    static let deskNoneHeld = t("Niets wacht. Met r op de projector worden bijdragen van deelnemers eerst hier getoond.",
        "Nothing is held. With r on the projector, participants' entries come here first.")
    static let deskNotes = t("Voor deze stap", "For this step")
    static let deskRoom = t("Zaal", "Room")
    static let deskConnected = t("Verbonden", "Connected")
    static let deskNoRoom = t("De zaal is dicht (o opent hem in het projectorvenster).", "The room is closed (o opens it in the projector's window).")
    static let deskRoomClosed = t("Dicht. o opent de zaal (het projectorvenster moet open zijn).", "Closed. o opens the room (the projector's window must be running).")
    static let deskPanelOn = t("Projector: hoe je meedoet, groot (i)", "Projector: how to join, full size (i)")
    static let deskPanelOff = t("Projector: één regel hoe je meedoet (i: groot)", "Projector: one line on how to join (i: full size)")
    static let deskHint = t("↑↓ kies · y toelaten · x afwijzen · t timer · ←→ stap · o zaal · i paneel · s stop aanmelden · ? hulp · q sluit",
        "↑↓ choose · y accept · x reject · t timer · ←→ step · o room · i panel · s stop joins · ? help · q close")
    static let deskAdvice = t(
        "Nog niemand binnen na twee minuten. Waarschijnlijk houdt dit netwerk apparaten van elkaar gescheiden (client isolation, vaak op gastwifi). Probeer: de hotspot van deze laptop aanzetten en de zaal daarop laten verbinden; of een netwerk zonder client isolation; of een ander adres hieronder.",
        "Nobody in after two minutes. This network probably keeps devices apart (client isolation, common on guest Wi-Fi). Try: turn on this laptop's own hotspot and have the room join it; or a network without client isolation; or another address below.")
    static let deskOtherAddresses = t("Andere adressen:", "Other addresses:")
    static func deskCloseQuestion(_ l: Language, _ n: Int) -> String {
        l == .nl ? "\(n) verbonden. s stop nieuwe aanmeldingen (wie binnen is blijft) · j zaal sluiten · n niets doen"
            : "\(n) connected. s stop new joins (those inside stay) · y close the room · n do nothing"
    }
    /// The projector's count of held entries: their text stays on the desk.
    static func heldCount(_ l: Language, _ n: Int) -> String {
        l == .nl ? (n == 1 ? "1 bijdrage wacht" : "\(n) bijdragen wachten") : (n == 1 ? "1 entry waiting" : "\(n) entries waiting")
    }
}
