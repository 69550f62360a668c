import Application
import Core

/// A participant's own terminal, type-first like a chat: wherever the step takes input every
/// printable key is text in the input line, Enter saves; the keys that act on an entry
/// cannot be typed as text. Esc never leaves; leaving is Ctrl-C and a question. What is shown
/// comes from the one participant view model (Application), the same the phone page gets.
enum ParticipantUpdate {
    static func update(_ app: inout AppState, _ s: inout SessionScreen, _ key: Key) -> [Effect] {
        if let ask = s.asking { return answer(&app, &s, ask, key) }
        if s.card { return SessionUpdate.cardKey(app, &s, key) }
        let view = s.participantView(now: app.now)
        let items = view.list.items
        let selected = items.isEmpty ? nil : items[min(s.selected, items.count - 1)]
        let typing = view.input.isOpen || s.editing != nil
        if view.list.heading == .chooseTable, let tables = view.tables, let effects = ParticipantTables.key(&s, tables, key) {
            return effects
        }
        switch key {
        case .ctrl("c"):
            s.asking = .leave
            return []
        case .enter:
            let text = s.draft.text
            guard typing, !text.allSatisfy(\.isWhitespace) else {
                // Kept on screen where it can no longer be saved: say why, keep the text.
                if case .closed(let why) = view.input, !text.isEmpty { s.answer = .init(kind: .refused, text: why, step: view.step.id) }
                return []
            }
            s.submitted = (text, s.editing)
            s.draft = TextInput()
            s.escaped = nil
            if let id = s.editing {
                s.editing = nil
                if let old = items.first(where: { $0.id == id }) { s.ownUndo.append(.editEntry(id: id, text: old.text)) }
                return [.perform(.editEntry(id: id, text: text))]
            }
            let id = app.newEntryId()
            s.ownUndo.append(.removeEntry(id: id))
            return [.perform(.addEntry(id: id, text: text))]
        case .escape:
            // Cancels or clears; never leaves.
            if s.editing != nil {
                s.editing = nil
                s.draft = s.parked ?? TextInput()
                s.parked = nil
            } else if !s.draft.text.isEmpty {
                ParticipantUndo.discard(&s, step: view.step.id)
            } else {
                s.answer = .init(kind: .info, text: ParticipantKeys.howToLeave, step: view.step.id)
            }
        case .up: s.selected = max(0, min(s.selected, items.count - 1) - 1)
        case .down: s.selected = min(max(0, items.count - 1), s.selected + 1)
        case .pageUp: s.selected = max(0, s.selected - 5)
        case .pageDown: s.selected = min(max(0, items.count - 1), s.selected + 5)
        case .function(2):
            return startEdit(&s, view, selected)
        case .ctrl("e") where s.draft.text.isEmpty || s.editing != nil:
            return startEdit(&s, view, selected)
        case .ctrl("x"):
            return askRemove(&s, view, selected)
        case .delete where s.draft.text.isEmpty:
            return askRemove(&s, view, selected)
        case .ctrl("v") where view.tables?.seat != nil:
            // A dot for the table's top 3; again on the same entry takes it back.
            guard let e = selected else { return [] }
            return [.perform(e.myVotes > 0 ? .withdrawVote(id: e.id) : .vote(id: e.id))]
        case .ctrl("z"):
            return ParticipantUndo.undo(&s, view)
        case .tab: s.card = true
        case .char(let c) where typing:
            if c == "?" && s.draft.text.isEmpty && s.editing == nil { app.help = true; return [] }
            _ = s.draft.handle(key)
        case .char("v") where view.votes != nil:
            guard let e = selected else { return [] }
            return [.perform(.vote(id: e.id))]
        case .char("V") where view.votes != nil:
            guard let e = selected else { return [] }
            return [.perform(.withdrawVote(id: e.id))]
        case .char("?"): app.help = true
        case .char("n"): s.card = true
        case .char, .right, .left:
            if !typing, case .none(let why) = view.input { s.answer = .init(kind: .info, text: why, step: view.step.id) }
            if typing { _ = s.draft.handle(key) }
        default:
            if typing { _ = s.draft.handle(key) }
        }
        return []
    }

    static func startEdit(_ s: inout SessionScreen, _ view: ParticipantView, _ selected: ParticipantView.Item?) -> [Effect] {
        guard let e = selected, e.mine else { return refuse(&s, view, ParticipantKeys.chooseOwn) }
        if s.editing == nil { s.parked = s.draft }
        s.editing = e.id
        s.draft = TextInput(e.text)
        return []
    }

    static func askRemove(_ s: inout SessionScreen, _ view: ParticipantView, _ selected: ParticipantView.Item?) -> [Effect] {
        guard let e = selected, e.mine else { return refuse(&s, view, ParticipantKeys.chooseOwn) }
        s.asking = .remove(e.id)
        return []
    }

    static func refuse(_ s: inout SessionScreen, _ view: ParticipantView, _ text: LocalizedText) -> [Effect] {
        s.answer = .init(kind: .refused, text: text, step: view.step.id)
        return []
    }

    /// A yes/no question: j/y yes, n/Esc no; any other key keeps asking.
    static func answer(_ app: inout AppState, _ s: inout SessionScreen, _ ask: SessionScreen.Asking, _ key: Key) -> [Effect] {
        switch key {
        case .char("j"), .char("J"), .char("y"), .char("Y"):
            s.asking = nil
            switch ask {
            case .leave: return [.quit]
            case .remove(let id):
                s.ownUndo.append(.restoreEntry(id: id))
                return [.perform(.removeEntry(id: id))]
            }
        case .char("n"), .char("N"), .escape:
            s.asking = nil
        default: break
        }
        return []
    }
}

/// The words of the participant's keys, in both languages.
enum ParticipantKeys {
    static let howToLeave = LocalizedText(
        nl: "Esc wist alleen wat je typt. Stoppen: Ctrl-C.", en: "Esc only clears what you type. To leave: Ctrl-C.")
    static let chooseOwn = LocalizedText(
        nl: "Kies eerst met ↑↓ een eigen bijdrage.", en: "First choose one of your own entries with ↑↓.")
    static let nothingToUndo = LocalizedText(nl: "Er is niets om ongedaan te maken.", en: "There is nothing to undo.")
    static let leave = LocalizedText(
        nl: "Sessie verlaten? Wat je opsloeg blijft bewaard; met dezelfde naam kom je terug. j = ja · n = nee",
        en: "Leave the session? What you saved is kept; come back with the same name. y = yes · n = no")
    static func yourCode(_ code: String) -> LocalizedText {
        LocalizedText(
            nl: "Je terugkomcode is \(code): bewaar hem. Met je naam en deze code kom je terug, ook vanaf een ander apparaat.",
            en: "Your rejoin code is \(code): keep it. With your name and this code you can come back, from any device.")
    }
    static func leave(code: String?) -> LocalizedText {
        guard let code else { return leave }
        return LocalizedText(
            nl: "Sessie verlaten? Wat je opsloeg blijft bewaard; terugkomen: je naam en code \(code). j = ja · n = nee",
            en: "Leave the session? What you saved is kept; come back with your name and code \(code). y = yes · n = no")
    }
    static let remove = LocalizedText(
        nl: "Deze bijdrage verwijderen? Ctrl-Z zet hem terug. j = ja · n = nee",
        en: "Remove this entry? Ctrl-Z brings it back. y = yes · n = no")
    static let typeHint = LocalizedText(
        nl: "Typ en druk Enter · ↑↓ kies · Ctrl-E bewerk · Ctrl-X wis · Ctrl-Z herstel · Tab kaart · Ctrl-C stop",
        en: "Type and press Enter · ↑↓ choose · Ctrl-E edit · Ctrl-X remove · Ctrl-Z undo · Tab card · Ctrl-C leave")
    static let typeHintShort = LocalizedText(
        nl: "Enter opslaan · ↑↓ · Ctrl-E bewerk · Ctrl-X wis · Ctrl-Z · Ctrl-C stop",
        en: "Enter save · ↑↓ · Ctrl-E edit · Ctrl-X remove · Ctrl-Z · Ctrl-C leave")
    static let editHint = LocalizedText(
        nl: "Je bewerkt een bijdrage · Enter opslaan · Esc annuleren", en: "Editing an entry · Enter save · Esc cancel")
    static let voteHint = LocalizedText(
        nl: "↑↓ kies een inzicht · v stem geven · V stem terug · Tab kaart · Ctrl-C stop",
        en: "↑↓ choose an insight · v vote · V take back · Tab card · Ctrl-C leave")
    static let followHint = LocalizedText(
        nl: "↑↓ lezen · Tab hele kaart · ? hulp · Ctrl-C stop", en: "↑↓ read · Tab whole card · ? help · Ctrl-C leave")
    static let placeholder = LocalizedText(nl: "Typ hier je bijdrage…", en: "Type your entry here…")
    static let tableHint = LocalizedText(
        nl: "↑↓ kies een tafel · Enter ga zitten · Tab kaart · Ctrl-C stop", en: "↑↓ choose a table · Enter sit down · Tab card · Ctrl-C leave")
    static let tableTypeHint = LocalizedText(
        nl: "Typ en druk Enter · ↑↓ kies · Ctrl-V stip (top 3) · Ctrl-E bewerk · Ctrl-X wis · Ctrl-C stop",
        en: "Type and press Enter · ↑↓ choose · Ctrl-V dot (top 3) · Ctrl-E edit · Ctrl-X remove · Ctrl-C leave")
}

extension ParticipantUpdate {
    /// A new state from the store: a new step starts at the top of its list; one's own save
    /// is confirmed; an own entry the facilitator rejected is announced.
    static func changed(_ s: inout SessionScreen, _ state: SessionState) {
        let before = s.state
        let oldStep = s.engine.currentStep(before)?.id
        let chosen = s.participantView(now: 0).list.items.dropFirst(s.selected).first?.id
        let confirmed = s.submitted != nil
        s.state = state
        s.submitted = nil
        let step = s.engine.currentStep(state)?.id ?? ""
        let items = s.participantView(now: 0).list.items
        if step != oldStep {
            s.selected = 0
        } else if let chosen, let at = items.firstIndex(where: { $0.id == chosen }) {
            s.selected = at
        }
        s.selected = max(0, min(s.selected, items.count - 1))
        if confirmed { s.answer = .init(kind: .saved, text: ParticipantText.saved, step: step) }
        if let said = ParticipantView.announcement(before: before, after: state, actor: s.actor, step: step) { s.answer = said }
    }

    /// The store refused: the text goes back into the line, and the reason is said there.
    static func refused(_ s: inout SessionScreen, _ reason: LocalizedText) {
        if let (text, editing) = s.submitted {
            if let editing { s.parked = s.draft; s.editing = editing }
            s.draft = TextInput(text)
            s.submitted = nil
            if s.ownUndo.isEmpty == false { s.ownUndo.removeLast() }
        }
        s.answer = .init(kind: .refused, text: reason, step: s.engine.currentStep(s.state)?.id ?? "")
    }
}
