import Core

/// A participant's own terminal: it follows the facilitator's step, shows the prompt and (in
/// a scenario round) the scenario, and lets them add, edit and remove their own entries and
/// vote. Deliberately simpler than the facilitator's screen: the hints say what to press.
enum ParticipantUpdate {
    static func update(_ app: inout AppState, _ s: inout SessionScreen, _ key: Key) -> [Effect] {
        if s.input != nil { return SessionUpdate.typing(&app, &s, key) }
        if s.card { return SessionUpdate.cardKey(app, &s, key) }
        let l = app.language
        let count = s.visible.count
        switch key {
        case .up, .char("k"): s.selected = max(0, min(s.selected, count - 1) - 1)
        case .down, .char("j"): s.selected = min(max(0, count - 1), s.selected + 1)
        case .home, .char("g"): s.selected = 0
        case .end, .char("G"): s.selected = max(0, count - 1)
        case .char("a"):
            guard s.step.kind.entryKind != nil else {
                app.notice = Notice(kind: .info, text: Refusal.noEntriesHere.reason[l])
                return []
            }
            // Said before typing starts, not after the text is written.
            if s.state.closed || !s.state.stepIsOpen(s.step.id) {
                app.notice = Notice(kind: .info, text: (s.state.closed ? Refusal.closed : Refusal.stepClosed).reason[l])
                return []
            }
            s.input = TextInput()
            s.editing = nil
        case .char("e"), .enter:
            guard let e = s.selectedEntry, e.owner == s.actor.key else { return [] }
            s.input = TextInput(e.text)
            s.editing = e.id
        case .char("d"), .delete:
            guard let e = s.selectedEntry else { return [] }
            return [.perform(.removeEntry(id: e.id))]
        case .char("v"):
            guard let e = s.selectedEntry else { return [] }
            return [.perform(.vote(id: e.id))]
        case .char("V"):
            guard let e = s.selectedEntry else { return [] }
            return [.perform(.withdrawVote(id: e.id))]
        case .right, .left, .pageUp, .pageDown:
            app.notice = Notice(kind: .info, text: l == .nl ? "De facilitator bepaalt de stap; je scherm volgt vanzelf." : "The facilitator moves the steps; your screen follows.")
        case .char("n"): s.card = true
        case .char("?"): app.help = true
        case .char("q"), .escape: return [.quit]
        default: break
        }
        return []
    }
}

enum ParticipantView {
    static func view(_ app: AppState, _ s: SessionScreen, into b: inout CellBuffer) {
        let l = app.language
        let step = s.step
        b.fill(x: 0, y: 0, width: b.width, height: 1, style: Style(.inverse))
        let who = s.actor.name ?? S.anonymous[l]
        // The room's timer too: a participant paces their typing by it.
        let right = SessionView.timerText(app, s) + " · " + S.stepOf(l, "\(s.stepIndex + 1)", "\(s.workshop.steps.count)") + " "
        b.put(Wrap.clip(" \(s.state.setup.title) · \(who)", width: b.width - DisplayWidth.of(right) - 2), x: 0, y: 0, style: Style(.inverse, bold: true))
        b.put(right, x: b.width - DisplayWidth.of(right), y: 0, style: Style(.inverse))
        var a = SessionView.Area(x: 2, y: 2, width: b.width - 4, height: b.height - 3)
        if s.input != nil {
            let h = min(8, max(5, a.height / 3))
            InputView.draw(app, s, SessionView.Area(x: a.x + 1, y: a.y + a.height - h, width: a.width - 1, height: h), into: &b)
            a.height -= h
        }
        let title = step.kind == .scenarioRound ? (s.workshop.scenario(step.scenario ?? "").map { s.scenarioTitle($0, l) } ?? step.title[l]) : step.title[l]
        b.put(Wrap.clip(title, width: a.width), x: a.x, y: a.y, style: Style(.accent, bold: true))
        var y = a.y + 2
        if step.kind == .scenarioRound, let sc = s.workshop.scenario(step.scenario ?? "") {
            y += b.paragraph((sc.tagline ?? sc.narrative)[l], x: a.x, y: y, width: a.width, maxRows: a.height >= 30 ? 6 : 2, style: Style(.text))
            y += 1
        }
        for p in step.prompts where y < a.y + a.height - 4 {
            y += b.paragraph("? " + p[l], x: a.x, y: y, width: a.width, maxRows: 2, style: Style(.highlight))
        }
        y += 1
        // A break has nothing to list; its prompt says what comes next.
        if step.kind == .pause {
            if s.card { CardView.draw(app, s, into: &b) }
            return Footer.draw(app, hint: hint(s, l), into: &b)
        }
        let voting = step.kind == .voting
        let heading: String
        // Every number says what it counts: no bare "(8)".
        let n = s.visible.count
        if step.kind == .harvest {
            heading = S.implications[l] + ": \(n)"
        } else if voting {
            let left = s.state.setup.voteBudget - s.state.votesUsed(by: s.actor.key)
            heading = (l == .nl ? "Stemmen over: \(left) van \(s.state.setup.voteBudget)" : "Votes left: \(left) of \(s.state.setup.voteBudget)")
                + " · " + S.kindCount(.insight, n, l) + " · " + S.yourVoteDot[l]
        } else if step.kind.entryKind == nil || [.robustness, .directions].contains(step.kind) {
            heading = S.insights[l] + ": \(n)"
        } else {
            heading = s.state.roomVisible ? S.roomEntries[l] + "\(n)" : (l == .nl ? "Jouw bijdragen: " : "Your entries: ") + "\(n)"
        }
        b.hline(x: a.x, y: y, width: a.width)
        b.put(Wrap.clip(" \(heading) ", width: a.width - 2), x: a.x + 1, y: y, style: Style(.accent, bold: true))
        y += 1
        let list = SessionView.Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y)
        if voting {
            EntryListView.draw(app, s, list, into: &b, prefixWidth: 6) { e in
                let mine = e.votesBy[s.actor.key] ?? 0
                return (String(repeating: "●", count: min(mine, 4)), Style(.good, bold: true))
            }
        } else {
            EntryListView.draw(app, s, list, into: &b)
        }
        if s.card { CardView.draw(app, s, into: &b) }
        Footer.draw(app, hint: hint(s, l), into: &b)
    }

    static func hint(_ s: SessionScreen, _ l: Language) -> String {
        if s.state.closed { return S.sessionClosed[l] }
        if s.input != nil { return S.inputHintNoTab[l] }
        if !s.state.stepIsOpen(s.step.id) { return l == .nl ? "Deze stap is gesloten voor nieuwe bijdragen · q stoppen" : "This step is closed for new entries · q quit" }
        switch s.step.kind {
        case .voting: return l == .nl ? "↑↓ kies een inzicht · v stem geven · V stem terug · q stoppen" : "↑↓ choose an insight · v vote · V take back · q quit"
        case .robustness, .directions, .harvest: return l == .nl ? "Kijk mee: de facilitator werkt dit uit · n hele kaart · q stoppen" : "Follow along: the facilitator works this out · n whole card · q quit"
        case .pause: return l == .nl ? "Pauze · q stoppen" : "Break · q quit"
        default: return l == .nl ? "a iets toevoegen · ↑↓ kiezen · e bewerken · d verwijderen · n hele kaart · ? hulp · q stoppen"
            : "a add something · ↑↓ choose · e edit · d remove · n whole card · ? help · q quit"
        }
    }
}
