import Core

/// The frame of the session screen: header with the timer, the agenda rail, the step's
/// content, the text input when typing, and the footer. Sizes follow the terminal: a
/// projector at 200×60 gets block letters and more text, a laptop at 80×24 the essentials.
enum SessionView {
    struct Area { var x, y, width, height: Int }

    static func railWidth(_ width: Int) -> Int { width >= 160 ? 36 : width >= 120 ? 32 : 24 }

    static func view(_ app: AppState, _ s: SessionScreen, into b: inout CellBuffer) {
        let l = app.language
        header(app, s, into: &b)
        let railW = railWidth(b.width)
        let bodyTop = 2
        let bodyHeight = b.height - bodyTop - 1
        rail(app, s, Area(x: 0, y: bodyTop, width: railW, height: bodyHeight), into: &b)
        b.vline(x: railW, y: bodyTop, height: bodyHeight)
        var content = Area(x: railW + 2, y: bodyTop, width: b.width - railW - 3, height: bodyHeight)
        if s.input != nil {
            let inputHeight = min(8, max(5, bodyHeight / 3))
            InputView.draw(app, s, Area(x: content.x, y: content.y + content.height - inputHeight, width: content.width, height: inputHeight), into: &b)
            content.height -= inputHeight
        }
        content = RoomPanel.draw(app, content, into: &b)
        StepView.draw(app, s, content, into: &b)
        if s.card { CardView.draw(app, s, into: &b) }
        var hint = S.sessionHint[l]
        var short: String? = S.sessionHintShort[l]
        if let reason = s.readOnly { hint = S.readOnlySession(l, reason); short = nil } else if s.state.closed { hint = S.sessionClosed[l]; short = nil }
        Footer.draw(app, hint: hint, short: short, into: &b)
    }

    static func header(_ app: AppState, _ s: SessionScreen, into b: inout CellBuffer) {
        let l = app.language
        b.fill(x: 0, y: 0, width: b.width, height: 1, style: Style(.inverse))
        let timer = timerText(app, s)
        let timerStyle = s.remainingMs(now: app.now) < 0 ? Style(.bad, bold: true, reverse: true) : Style(.inverse, bold: true)
        let left = " \(s.workshop.title[l]) · \(s.workshop.perspectiveTerm.singular[l]): \(s.perspectiveName(l))"
        let right = timer + " "
        b.put(Wrap.clip(left, width: b.width - DisplayWidth.of(right) - 2), x: 0, y: 0, style: Style(.inverse, bold: true))
        b.put(right, x: b.width - DisplayWidth.of(right), y: 0, style: timerStyle)
        // Row 1: the way in while the room is open, on every screen and at every size; else the
        // title, with the sync state at its right while a sync runs.
        if let info = app.room.info {
            RoomLine.draw(app, info, y: 1, into: &b)
            SyncOnRoomLine.draw(app, info, y: 1, into: &b)
        } else {
            let sync = app.syncStatus.map { Wrap.clip($0, width: b.width / 2) + " " } ?? ""
            b.put(Wrap.clip(s.state.setup.title, width: b.width - 2 - DisplayWidth.of(sync)), x: 1, y: 1, style: Style(.dim))
            if !sync.isEmpty { b.put(sync, x: b.width - DisplayWidth.of(sync), y: 1, style: Style(.dim)) }
        }
    }

    static func clock(_ ms: Int64) -> String {
        let total = Int((abs(ms) + 999) / 1000)
        let text = Clock.format2(total / 60) + ":" + Clock.format2(total % 60)
        return ms < 0 ? "-" + text : text
    }

    static func timerText(_ app: AppState, _ s: SessionScreen) -> String {
        let l = app.language
        let remaining = s.remainingMs(now: app.now)
        let running = s.state.timers[s.step.id]?.isRunning ?? false
        if remaining < 0 { return "⏱ \(S.timeUp[l]) +\(clock(-remaining))" }
        return "⏱ \(clock(remaining)) " + (running ? "▶" : "⏸")
    }

    static func rail(_ app: AppState, _ s: SessionScreen, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        b.put(S.agenda[l], x: a.x + 1, y: a.y, style: Style(.accent, bold: true))
        let current = s.stepIndex
        let timerRows = a.width >= 30 && a.height >= 30 ? BigText.height + 2 : 3
        let maxRows = a.height - 5 - timerRows  // room for up to three lines about the room
        let steps = s.workshop.steps
        let first = max(0, min(current - maxRows / 2, steps.count - maxRows))
        let shown = first..<min(steps.count, first + maxRows)
        // Titles wrap under themselves where the rail has the rows (all of them, else the
        // current one), rather than ending in "…".
        let titleWidth = a.width - 6
        func number(_ i: Int) -> String { (i == current ? "▶" : (i < current ? "✓" : " ")) + " \(i + 1). " }
        func lines(_ i: Int) -> [String] {
            let number = number(i)
            let indent = String(repeating: " ", count: DisplayWidth.of(number))
            return Wrap.lines(steps[i].title[l], width: max(4, titleWidth - DisplayWidth.of(number))).prefix(2).enumerated().map { ($0.offset == 0 ? number : indent) + $0.element }
        }
        let all = shown.reduce(0) { $0 + lines($1).count }
        let wrapAll = all <= maxRows
        let wrapCurrent = !wrapAll && shown.count + lines(current).count - 1 <= maxRows
        var y = a.y + 1
        for i in shown {
            let step = steps[i]
            let wrapped = wrapAll || (wrapCurrent && i == current) ? lines(i) : [Wrap.clip(number(i) + step.title[l], width: titleWidth)]
            let minutes = "\(step.minutes)′"
            let style = i == current ? Style(.highlight, bold: true, reverse: true) : (i < current ? Style(.dim) : Style(.text))
            if i == current { b.fill(x: a.x, y: y, width: a.width, height: wrapped.count, style: style) }
            for (k, line) in wrapped.enumerated() { b.put(Wrap.clip(line, width: titleWidth), x: a.x + 1, y: y + k, style: style) }
            b.put(" " + minutes, x: a.x + a.width - DisplayWidth.of(minutes) - 2, y: y, style: style)
            y += wrapped.count
        }
        // Who is in the room, and how their entries reach the screen.
        var flags = [S.participantsJoined(l, "\(s.state.participants.count)")]
        if s.state.hideNames || s.state.setup.anonymous { flags.append(s.state.setup.anonymous ? S.anonymous[l] : S.namesHidden[l]) }
        if s.state.roomVisible { flags.append(S.roomVisibleFlag[l]) }
        let pending = s.state.entries.reduce(0) { $0 + ($1.status == .pending && !$1.removed ? 1 : 0) }
        // Only while something waits: "0 waiting" on the wall is noise the room keeps reading.
        if pending > 0 { flags.append(S.heldCount(l, pending)) }
        for (i, flag) in flags.reversed().enumerated() {
            b.put(Wrap.clip(flag, width: a.width - 2), x: a.x + 1, y: a.y + a.height - timerRows - 1 - i, style: Style(.dim))
        }
        // The countdown at the foot of the rail, big where there is room.
        let remaining = s.remainingMs(now: app.now)
        let style = remaining < 0 ? Style(.bad, bold: true) : Style(.good, bold: true)
        let ty = a.y + a.height - timerRows
        b.hline(x: a.x, y: ty, width: a.width)
        let text = clock(max(0, remaining))
        if timerRows > 3, BigText.draw(text, into: &b, x: a.x + max(0, (a.width - BigText.width(text)) / 2), y: ty + 1, maxWidth: a.width, style: style) {
            b.centred(remaining < 0 ? S.timeUp[l] : (s.state.timers[s.step.id]?.isRunning == true ? S.running[l] : S.paused[l]),
                y: ty + 1 + BigText.height, x: a.x, width: a.width, style: remaining < 0 ? Style(.bad, bold: true) : Style(.dim))
        } else {
            b.centred(timerText(app, s), y: ty + 1, x: a.x, width: a.width, style: style)
        }
    }
}

/// The text input at the bottom of the content while typing.
enum InputView {
    static func draw(_ app: AppState, _ s: SessionScreen, _ a: SessionView.Area, into b: inout CellBuffer) {
        guard let input = s.input else { return }
        let l = app.language
        let kind = s.step.kind.entryKind ?? .note
        var title = s.editing != nil ? S.editEntry[l] : S.newEntry(l, S.kind(kind)[l])
        if s.messaging {
            title = l == .nl ? " Bericht aan alle tafels (leeg = weghalen) " : " Message to all tables (empty = take down) "
        } else if s.editing == nil, s.step.kind == .tableRound, let t = s.typingTable(s.workshop.tables(of: s.step)) {
            title = (l == .nl ? " Implicatie voor tafel " : " Implication for table ") + "\(t.number) "
        }
        b.box(x: a.x - 1, y: a.y, width: a.width + 1, height: a.height, style: Style(.accent), title: title)
        let inner = a.width - 3
        let layout = input.layout(width: inner)
        let rows = a.height - 3
        let first = max(0, layout.cursorRow - rows + 1)
        for (i, line) in layout.lines.dropFirst(first).prefix(rows).enumerated() {
            b.put(line, x: a.x + 1, y: a.y + 1 + i, maxWidth: inner)
        }
        b.cursor = (a.x + 1 + layout.cursorColumn, a.y + 1 + layout.cursorRow - first)
        // Tab chooses who said it only on the facilitator's screen, and only once someone
        // with a name has joined; elsewhere the hint does not offer it.
        let authors = s.authors
        let who = authors[min(s.authorIndex, authors.count - 1)] ?? S.room[l]
        let refused = s.state.closed ? S.closedWhileTyping[l] : s.isParticipant && !s.state.stepIsOpen(s.step.id) ? S.stepClosedWhileTyping[l] : nil
        let foot = refused ?? (s.isParticipant ? S.inputHintNoTab[l] : (authors.count > 1 ? S.saidByTab(l, who) : S.saidBy(l, who)) + " · " + S.inputHintNoTab[l])
        b.put(Wrap.clip(foot, width: a.width - 3), x: a.x + 1, y: a.y + a.height - 2, style: refused == nil ? Style(.dim) : Style(.warn, bold: true))
    }
}
