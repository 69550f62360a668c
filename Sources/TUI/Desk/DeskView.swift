import Core

/// The desk on screen: held entries on the left (whole, with who wrote them), the step's
/// notes below them; the room and who is connected on the right.
enum DeskView {
    typealias Area = SessionView.Area

    static func view(_ app: AppState, _ d: DeskState, into b: inout CellBuffer) {
        let l = app.language
        header(app, d, into: &b)
        let top = 3
        let height = b.height - top - 1
        let rightW = b.width >= 120 ? b.width * 2 / 5 : b.width / 2
        let leftW = b.width - rightW - 1
        // The held entries take what they need (up to three fifths), the notes the rest.
        let needed = d.held.reduce(2) { $0 + lines($1, d, l, leftW - 4).count }
        let heldH = max(5, min(height * 3 / 5, needed))
        let listH = d.panel == .held ? heldH : max(5, height * 3 / 5)
        let left = Area(x: 0, y: top, width: leftW, height: listH)
        switch d.panel {
        case .held: held(app, d, left, into: &b)
        case .entries: DeskLists.entries(app, d, left, into: &b)
        case .people: DeskLists.people(app, d, left, into: &b)
        }
        notes(app, d, Area(x: 0, y: top + listH, width: leftW, height: height - listH), into: &b)
        room(app, d, Area(x: leftW + 1, y: top, width: rightW, height: height), into: &b)
        if let q = d.question {
            DeskLists.question(app, d, q, into: &b)
            return
        }
        let hint: String
        switch d.panel {
        case .held: hint = DeskText.heldHint[l]
        case .entries: hint = DeskText.entriesHint[l]
        case .people: hint = DeskText.peopleHint[l]
        }
        Footer.draw(app, hint: d.confirmClose ? S.deskCloseQuestion(l, d.room?.people.count ?? 0) : hint, into: &b)
    }

    static func header(_ app: AppState, _ d: DeskState, into b: inout CellBuffer) {
        let l = app.language
        b.fill(x: 0, y: 0, width: b.width, height: 1, style: Style(.warn, reverse: true))
        let remaining = (d.state.timers[d.step.id] ?? StepTimer()).remainingMs(minutes: d.step.minutes, now: app.now)
        let running = d.state.timers[d.step.id]?.isRunning ?? false
        let timer = (remaining < 0 ? "⏱ \(S.timeUp[l]) +\(SessionView.clock(-remaining))" : "⏱ \(SessionView.clock(remaining)) " + (running ? "▶" : "⏸")) + " "
        b.put(Wrap.clip(" " + S.deskTitle[l] + " · " + d.state.setup.title, width: b.width - DisplayWidth.of(timer) - 2), x: 0, y: 0, style: Style(.warn, bold: true, reverse: true))
        b.put(timer, x: b.width - DisplayWidth.of(timer), y: 0, style: Style(.warn, bold: true, reverse: true))
        let stepOf = S.stepOf(l, "\(d.stepIndex + 1)", "\(d.workshop.steps.count)")
        b.put(Wrap.clip(stepOf + ": " + d.step.title[l], width: b.width - 2), x: 1, y: 1, style: Style(.accent, bold: true))
    }

    static func held(_ app: AppState, _ d: DeskState, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        let list = d.held
        b.box(x: a.x, y: a.y, width: a.width, height: a.height, style: Style(list.isEmpty ? .frame : .warn),
              title: S.deskHeld[l] + " (\(list.count)) · " + DeskText.panels[l])
        let inner = Area(x: a.x + 2, y: a.y + 1, width: a.width - 4, height: a.height - 2)
        guard !list.isEmpty else {
            b.paragraph(S.deskNoneHeld[l], x: inner.x, y: inner.y, width: inner.width, maxRows: inner.height, style: Style(.dim))
            return
        }
        let selected = min(d.selected, list.count - 1)
        // Walk back from the selection so it stays in view; every entry is shown whole
        // (up to the box): what is accepted here goes on the wall.
        var first = selected
        var used = lines(list[selected], d, l, inner.width).count
        while first > 0 {
            let h = lines(list[first - 1], d, l, inner.width).count
            if used + h > inner.height { break }
            used += h
            first -= 1
        }
        var y = inner.y
        for i in first..<list.count where y < inner.y + inner.height {
            let isSelected = i == selected
            let style = isSelected ? Style(.highlight, bold: true) : Style(.text)
            b.put(isSelected ? "▶" : "•", x: inner.x - 1, y: y, style: style)
            for line in lines(list[i], d, l, inner.width) where y < inner.y + inner.height {
                b.put(line, x: inner.x + 1, y: y, style: style, maxWidth: inner.width - 1)
                y += 1
            }
        }
    }

    static func lines(_ e: Entry, _ d: DeskState, _ l: Language, _ width: Int) -> [String] {
        let who = e.author ?? S.room[l]
        let round = d.workshop.step(e.step)?.title[l] ?? e.step
        return Wrap.lines(e.text + " — " + who + " (" + round + ")", width: max(10, width - 1))
    }

    static func notes(_ app: AppState, _ d: DeskState, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        guard a.height >= 3 else { return }
        b.box(x: a.x, y: a.y, width: a.width, height: a.height, style: Style(.frame), title: S.deskNotes[l])
        var paragraphs: [(String, Style)] = []
        if let n = d.step.notes { paragraphs.append((n[l], Style(.text))) }
        paragraphs += d.step.prompts.map { ("? " + $0[l], Style(.highlight)) }
        paragraphs.append(("\(d.step.minutes)′", Style(.dim)))
        if d.stepIndex + 1 < d.workshop.steps.count {
            paragraphs.append((S.nextStep[l] + ": " + d.workshop.steps[d.stepIndex + 1].title[l], Style(.dim)))
        }
        var y = a.y + 1
        for (text, style) in paragraphs where y < a.y + a.height - 1 {
            y += b.paragraph(text, x: a.x + 2, y: y, width: a.width - 4, maxRows: a.y + a.height - 1 - y, style: style)
        }
    }

    static func room(_ app: AppState, _ d: DeskState, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        b.box(x: a.x, y: a.y, width: a.width, height: a.height, style: Style(.frame), title: S.deskRoom[l])
        let x = a.x + 2, w = a.width - 4, bottom = a.y + a.height - 1
        var y = a.y + 1
        func say(_ text: String, _ style: Style, rows: Int = 4) {
            guard y < bottom else { return }
            y += b.paragraph(text, x: x, y: y, width: w, maxRows: min(rows, bottom - y), style: style)
        }
        if let room = d.room {
            say(RoomLine.text(room, l, width: 1000), Style(.highlight, bold: true))
            if let sync = app.syncStatus {
                say(S.deskSync[l] + " " + TerminalText.safe(sync, keepLineBreaks: false), Style(.dim))
            }
            say(room.visible ? S.deskPanelOn[l] : S.deskPanelOff[l], Style(.dim))
            if room.joinsStopped { say(S.joinsStoppedLine[l], Style(.warn, bold: true)) }
            if d.nobodyJoined(now: app.now) {
                y += 1
                say(S.deskAdvice[l], Style(.warn, bold: true), rows: 8)
                if !room.otherAddresses.isEmpty { say(S.deskOtherAddresses[l] + " " + room.otherAddresses.joined(separator: " · "), Style(.text), rows: 4) }
            }
        } else {
            say(S.deskRoomClosed[l], Style(.dim))
        }
        y += 1
        // Who is connected: the room's own list when it reports one, else who holds a
        // presence in the session (terminals joined without the room).
        let people: [String] = d.room.map { $0.people.map { p in
            (p.name ?? S.roomNameless[l]) + " · " + p.via.rawValue + " " + p.address + " · " + RoomPanel.clock(p.since + app.utcOffsetMs)
        } } ?? d.present
        say(S.deskConnected[l] + " (\(people.count))", Style(.text, bold: true), rows: 1)
        for p in people where y < bottom { say(p, Style(.text), rows: 1) }
    }
}
