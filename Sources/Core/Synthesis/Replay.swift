/// One step of a replay: an event, whether it changed anything, a one-line description and
/// the session as it was right after it.
public struct ReplayStep: Equatable, Sendable {
    public var event: Event
    /// False when the fold ignored the event (a race lost, a vote past budget).
    public var applied: Bool
    public var description: LocalizedText
    public var state: SessionState
}

/// How a session unfolded: its events in fold order, for stepping through afterwards.
public enum Replay {
    /// Every event in fold order; names left out when the session is anonymous or its
    /// names are hidden at the end (hiding later must hide earlier steps too). Empty when
    /// the history does not start with the creation of the session.
    public static func steps(of events: [Event], workshop: Workshop?) -> [ReplayStep] {
        let sorted = events.sorted(by: Event.foldOrder)
        guard let first = sorted.first, case .sessionCreated(let setup) = first.change,
            let final = SessionState.fold(sorted)
        else { return [] }
        let hide = setup.anonymous || final.hideNames
        var state = SessionState(created: first, setup: setup)
        var out = [ReplayStep(event: first, applied: true, description: describe(first, in: state, workshop: workshop, hideNames: hide), state: state)]
        out.reserveCapacity(sorted.count)
        for e in sorted.dropFirst() {
            let text = describe(e, in: state, workshop: workshop, hideNames: hide)
            let applied = state.apply(e)
            out.append(ReplayStep(event: e, applied: applied, description: text, state: state))
        }
        return out
    }

    /// One line saying what `event` did, read against the state just before it.
    public static func describe(_ event: Event, in before: SessionState, workshop: Workshop?, hideNames: Bool) -> LocalizedText {
        let who = actor(event.actor, hideNames: hideNames)
        func entry(_ id: String) -> String { quote(before.entry(id)?.text ?? id) }
        func step(_ id: String) -> LocalizedText { workshop?.step(id)?.title ?? LocalizedText(id) }
        func scenario(_ id: String) -> LocalizedText { workshop?.scenario(id)?.title ?? LocalizedText(id) }
        func say(_ nl: String, _ en: String) -> LocalizedText { LocalizedText(nl: who.nl + " " + nl, en: who.en + " " + en) }
        if event.undoes != nil {
            let inner = describe(Event(id: event.id, writer: event.writer, seq: event.seq, clock: event.clock, time: event.time, actor: event.actor, change: event.change), in: before, workshop: workshop, hideNames: hideNames)
            return LocalizedText(nl: inner.nl + " (ongedaan gemaakt)", en: inner.en + " (undo)")
        }
        switch event.change {
        case .sessionCreated(let s):
            return say("begint de sessie \(quote(s.title))", "starts the session \(quote(s.title))")
        case .participantJoined:
            return say("doet mee", "joins")
        case .stepMoved(let to, _):
            let t = step(to)
            return say("gaat naar stap \(quote(t.nl))", "moves to step \(quote(t.en))")
        case .timerStarted:
            return say("start de timer", "starts the timer")
        case .timerPaused:
            return say("pauzeert de timer", "pauses the timer")
        case .timerExtended(_, let seconds):
            let m = seconds / 60
            return seconds >= 0
                ? say("verlengt de timer met \(m) min", "extends the timer by \(m) min")
                : say("verkort de timer met \(-m) min", "shortens the timer by \(-m) min")
        case .entryAdded(let n):
            let kindNL: String
            let kindEN: String
            switch n.kind {
            case .implication: kindNL = "implicatie"; kindEN = "implication"
            case .insight: kindNL = "inzicht"; kindEN = "insight"
            case .note: kindNL = "aantekening"; kindEN = "note"
            }
            if let s = n.scenario {
                let t = scenario(s)
                return say("voegt \(kindNL) toe bij \(quote(t.nl)): \(quote(n.text))", "adds \(kindEN) to \(quote(t.en)): \(quote(n.text))")
            }
            return say("voegt \(kindNL) toe: \(quote(n.text))", "adds \(kindEN): \(quote(n.text))")
        case .entryEdited(let id, let text):
            return say("wijzigt \(entry(id)) in \(quote(text))", "edits \(entry(id)) to \(quote(text))")
        case .entryRemoved(let id):
            return say("verwijdert \(entry(id))", "removes \(entry(id))")
        case .entryRestored(let id):
            return say("zet \(entry(id)) terug", "restores \(entry(id))")
        case .entryReviewed(let id, let status):
            switch status {
            case .shown: return say("laat \(entry(id)) zien", "shows \(entry(id))")
            case .pending: return say("houdt \(entry(id)) vast", "holds \(entry(id)) back")
            case .rejected: return say("wijst \(entry(id)) af", "rejects \(entry(id))")
            }
        case .holdsSet(let id, let s, let holds):
            let t = scenario(s)
            return holds
                ? say("markeert dat \(entry(id)) standhoudt in \(quote(t.nl))", "marks \(entry(id)) as holding in \(quote(t.en))")
                : say("markeert dat \(entry(id)) geen stand houdt in \(quote(t.nl))", "marks \(entry(id)) as not holding in \(quote(t.en))")
        case .linkSet(let id, let target, let linked):
            // Which direction or trend, by number and title.
            let t: LocalizedText
            let what: LocalizedText
            switch target {
            case .direction(let d):
                t = workshop?.direction(d)?.title ?? LocalizedText(d)
                let n = workshop?.direction(d).map { " \($0.number)" } ?? ""
                what = LocalizedText(nl: "richting\(n) ", en: "direction\(n) ")
            case .trend(let tr):
                t = workshop?.trend(tr)?.title ?? LocalizedText(tr)
                let n = workshop?.trend(tr).map { " \($0.number)" } ?? ""
                what = LocalizedText(nl: "trend\(n) ", en: "trend\(n) ")
            }
            return linked
                ? say("koppelt \(entry(id)) aan \(what.nl)\(quote(t.nl))", "links \(entry(id)) to \(what.en)\(quote(t.en))")
                : say("ontkoppelt \(entry(id)) van \(what.nl)\(quote(t.nl))", "unlinks \(entry(id)) from \(what.en)\(quote(t.en))")
        case .voteCast(let id):
            return say("stemt op \(entry(id))", "votes for \(entry(id))")
        case .voteWithdrawn(let id):
            return say("trekt een stem in op \(entry(id))", "withdraws a vote from \(entry(id))")
        case .stepInputSet(let s, let open):
            let t = step(s)
            return open
                ? say("opent de invoer bij \(quote(t.nl))", "opens input in \(quote(t.en))")
                : say("sluit de invoer bij \(quote(t.nl))", "closes input in \(quote(t.en))")
        case .settingsChanged(let hold, let hide, let budget, let room):
            var nl: [String] = []
            var en: [String] = []
            if let hold { nl.append(hold ? "bijdragen eerst beoordelen" : "bijdragen direct tonen"); en.append(hold ? "hold entries for review" : "show entries at once") }
            if let hide { nl.append(hide ? "namen verbergen" : "namen tonen"); en.append(hide ? "hide names" : "show names") }
            if let budget { nl.append("stembudget \(budget)"); en.append("vote budget \(budget)") }
            if let room {
                nl.append(room ? "deelnemers zien alle bijdragen" : "deelnemers zien alleen hun eigen bijdragen")
                en.append(room ? "participants see every entry" : "participants see only their own entries")
            }
            return say("wijzigt instellingen: " + nl.joined(separator: ", "), "changes settings: " + en.joined(separator: ", "))
        case .scenarioRenamed(let id, let title):
            let t = scenario(id)
            if let title { return say("noemt \(quote(t.nl)) voortaan \(quote(title))", "renames \(quote(t.en)) to \(quote(title))") }
            return say("geeft \(quote(t.nl)) de oorspronkelijke naam terug", "gives \(quote(t.en)) its original name back")
        case .sessionClosed:
            return say("sluit de sessie", "closes the session")
        case .sessionReopened:
            return say("heropent de sessie", "reopens the session")
        case .seated(let s, let seats):
            // Tables by number, never whose key sits where: the replay keeps names as hidden as the screen.
            let tables = workshop?.step(s).map { workshop!.tables(of: $0) } ?? []
            let numbers = Set(seats.values.compactMap { id in tables.first { $0.id == id }.map { "\($0.number)" } ?? id })
                .sorted().joined(separator: ", ")
            if seats.count == 1, event.actor.role == .participant {
                return say("neemt plaats aan tafel \(numbers)", "takes a seat at table \(numbers)")
            }
            return say("zet \(seats.count) deelnemer(s) aan tafel \(numbers)", "seats \(seats.count) participant(s) at table \(numbers)")
        case .messageSent(let text):
            if let text { return say("zegt alle tafels: \(quote(text))", "tells every table: \(quote(text))") }
            return say("haalt het bericht aan de tafels weg", "takes the message to the tables down")
        }
    }

    static func actor(_ a: Actor, hideNames: Bool) -> LocalizedText {
        let name = hideNames ? nil : a.name.flatMap { $0.isEmpty ? nil : $0 }
        switch a.role {
        case .facilitator:
            return name.map { LocalizedText(nl: "Facilitator \($0)", en: "Facilitator \($0)") }
                ?? LocalizedText(nl: "De facilitator", en: "The facilitator")
        case .participant:
            return name.map { LocalizedText($0) } ?? LocalizedText(nl: "Een deelnemer", en: "A participant")
        case .organiser:
            return name.map { LocalizedText(nl: "Organisator \($0)", en: "Organiser \($0)") }
                ?? LocalizedText(nl: "De organisator", en: "The organiser")
        }
    }

    /// A user text as one short line in quotes: newlines folded, at most 60 characters.
    static func quote(_ text: String) -> String {
        let line = text.split(whereSeparator: { $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        let short = line.count > 60 ? String(line.prefix(59)) + "…" : line
        return "“" + short + "”"
    }
}
