import Application
import Core

/// Draws a participant's screen from the participant view model, and nothing else: the
/// phone page renders the same model, so the two can never show different things.
enum ParticipantScreenView {
    static func view(_ app: AppState, _ s: SessionScreen, into b: inout CellBuffer) {
        let l = app.language
        let v = s.participantView(now: app.now)
        header(v, l, into: &b)
        let x = 2, width = b.width - 4
        var bottom = b.height - 2
        // The input line is always there where the step takes input: type-first.
        let typing = v.input.isOpen || s.editing != nil
        // A draft stays on screen when its step or the session closes: never lost.
        if typing || !s.draft.text.isEmpty {
            bottom -= 3
            b.box(x: x, y: bottom + 1, width: width, height: 3, style: Style(s.editing != nil ? .highlight : .frame))
            let inner = width - 4
            if s.draft.text.isEmpty {
                b.put(Wrap.clip(ParticipantKeys.placeholder[l], width: inner), x: x + 2, y: bottom + 2, style: Style(.dim))
                b.cursor = (x + 2, bottom + 2)
            } else {
                let layout = s.draft.layout(width: inner)
                b.put(layout.lines[layout.cursorRow], x: x + 2, y: bottom + 2, maxWidth: inner)
                b.cursor = (x + 2 + layout.cursorColumn, bottom + 2)
            }
        }
        if !typing {
            switch v.input {
            case .closed(let why), .none(let why):
                b.put(Wrap.clip(why[l], width: width), x: x, y: bottom, style: Style(.dim))
                bottom -= 1
            case .open: break
            }
        }
        if let n = v.notice {
            // A notice is read whole: up to two lines, never cut short.
            let style: Style = n.kind == .refused ? Style(.bad, bold: true) : n.kind == .saved ? Style(.good, bold: true) : Style(.highlight)
            let lines = Array(Wrap.lines(n.text[l], width: width).prefix(2))
            for (i, line) in lines.enumerated() { b.put(line, x: x, y: bottom - lines.count + 1 + i, style: style) }
            bottom -= lines.count
        }
        var y = 2
        if let m = v.message {
            // The facilitator's word to every table stands out above everything else.
            b.fill(x: 0, y: 1, width: b.width, height: 1, style: Style(.warn, bold: true, reverse: true))
            b.put(Wrap.clip(" ▶ " + m, width: b.width - 2), x: 0, y: 1, style: Style(.warn, bold: true, reverse: true))
        }
        y += top(v, l, x: x, y: y, width: width, bottom: bottom, into: &b)
        list(v, s, l, x: x, y: y, width: width, bottom: bottom, into: &b)
        if s.card { CardView.draw(app, s, into: &b) }
        footer(app, s, v, typing: typing, into: &b)
    }

    static func header(_ v: ParticipantView, _ l: Language, into b: inout CellBuffer) {
        b.fill(x: 0, y: 0, width: b.width, height: 1, style: Style(.inverse))
        let who = v.name ?? S.anonymous[l]
        var right = S.stepOf(l, "\(v.step.number)", "\(v.step.count)") + " "
        var timerStyle = Style(.inverse)
        if let t = v.timer {
            right = timerText(t, l) + " · " + right
            if t.overtime { timerStyle = Style(.bad, bold: true, reverse: true) }
        }
        b.put(Wrap.clip(" \(v.title) · \(who)", width: b.width - DisplayWidth.of(right) - 2), x: 0, y: 0, style: Style(.inverse, bold: true))
        b.put(right, x: b.width - DisplayWidth.of(right), y: 0, style: timerStyle)
    }

    static func timerText(_ t: ParticipantView.Timer, _ l: Language) -> String {
        if t.overtime { return "⏱ \(S.timeUp[l]) +\(SessionView.clock(-t.remainingMs))" }
        return "⏱ \(SessionView.clock(t.remainingMs)) " + (t.running ? "▶" : "⏸")
    }

    /// The step, its world and persona, its prompts, and what the step brings (trends,
    /// directions). Returns the rows used; leaves at least a few rows for the list.
    static func top(_ v: ParticipantView, _ l: Language, x: Int, y start: Int, width: Int, bottom: Int, into b: inout CellBuffer) -> Int {
        var y = start
        let roomy = bottom - start >= 30
        let title = v.scenario.map { $0.title[l] } ?? v.step.title[l]
        y += b.paragraph(title, x: x, y: y, width: width, maxRows: 2, style: Style(.accent, bold: true))
        if let sc = v.scenario {
            y += b.paragraph((sc.tagline ?? sc.narrative)[l], x: x, y: y, width: width, maxRows: roomy ? 6 : 2, style: Style(.text))
        }
        if let p = v.persona {
            y += b.paragraph("\(S.persona[l]): " + p.text[l], x: x, y: y, width: width, maxRows: roomy ? 6 : 3, style: Style(.good))
        }
        y += 1
        for p in v.step.prompts where y < bottom - 6 {
            y += b.paragraph("? " + p[l], x: x, y: y, width: width, maxRows: 2, style: Style(.highlight))
        }
        if !v.trends.isEmpty, y < bottom - 6 {
            y += columns(v.trends.map { "\($0.number) \($0.title[l])" }, x: x, y: y, width: width, bottom: bottom, into: &b)
        }
        if !v.directions.isEmpty, y < bottom - 6 {
            y += columns(v.directions.map { "→\($0.number) \($0.title[l]) (\($0.insights.count))" }, x: x, y: y, width: width, bottom: bottom, into: &b)
        }
        if !v.harvest.isEmpty, y < bottom - 6 {
            y += harvest(v.harvest, l, x: x, y: y, width: width, rows: (bottom - y) / 2, into: &b)
        }
        return y - start + 1
    }

    /// Short lines in one column, or two on a wide screen, in at most half the rows left.
    static func columns(_ lines: [String], x: Int, y: Int, width: Int, bottom: Int, into b: inout CellBuffer) -> Int {
        let room = max(2, (bottom - y) / 2)
        let count = width >= 110 ? 2 : 1
        let colWidth = width / count
        for (i, line) in lines.prefix(room * count).enumerated() {
            b.put(Wrap.clip(line, width: colWidth - 1), x: x + (i / room) * colWidth, y: y + i % room, style: Style(.dim))
        }
        return min(room, (lines.count + count - 1) / count)
    }

    static func heading(_ v: ParticipantView, _ l: Language) -> String {
        let n = v.list.items.count
        switch v.list.heading {
        case .yours: return (l == .nl ? "Jouw bijdragen: " : "Your entries: ") + "\(n)"
        case .room: return S.roomEntries[l] + "\(n)"
        case .insights:
            if let votes = v.votes {
                return (l == .nl ? "Nog \(votes.left) van \(votes.budget) stemmen te geven" : "Votes left: \(votes.left) of \(votes.budget)")
                    + " · " + S.kindCount(.insight, n, l) + " · " + S.yourVoteDot[l]
            }
            return S.insights[l] + ": \(n)"
        case .implications: return S.implications[l] + ": \(n) · ★ = top 3"
        case .none: return ""
        case .table:
            let at = v.tables?.seat.map { "\(ParticipantText.seatedAt[l]) \($0.number)" } ?? ""
            let dots = v.votes.map { l == .nl ? " · nog \($0.left) van \($0.budget) stippen" : " · dots left: \($0.left) of \($0.budget)" } ?? ""
            return at + " · " + S.implications[l] + ": \(n)" + dots + " · ★ = top 3"
        case .chooseTable: return l == .nl ? "Kies je tafel" : "Choose your table"
        case .tables: return S.implications[l] + ": \(n)"
        }
    }

    static func list(_ v: ParticipantView, _ s: SessionScreen, _ l: Language, x: Int, y start: Int, width: Int, bottom: Int, into b: inout CellBuffer) {
        guard v.list.heading != .none, start < bottom else { return }
        b.hline(x: x, y: start, width: width)
        b.put(Wrap.clip(" \(heading(v, l)) ", width: width - 2), x: x + 1, y: start, style: Style(.accent, bold: true))
        if v.list.heading == .chooseTable, let tables = v.tables {
            return choices(tables, selected: s.selected, l, x: x, y: start + 1, width: width, bottom: bottom, into: &b)
        }
        let items = v.list.items
        let y0 = start + 1
        guard y0 <= bottom else { return }
        if items.isEmpty {
            b.put(Wrap.clip(l == .nl ? "Nog niets." : "Nothing yet.", width: width), x: x, y: y0, style: Style(.dim))
            return
        }
        let selected = min(s.selected, items.count - 1)
        let rows = items.map { lines($0, v, l, width: width - 2) }
        // Scroll so that the selected entry is whole on screen.
        var first = 0
        var used = rows[0...selected].reduce(0) { $0 + $1.count }
        while used > bottom - y0 + 1, first < selected {
            used -= rows[first].count
            first += 1
        }
        var y = y0
        var shown = first
        for i in first..<items.count where y <= bottom {
            let e = items[i]
            let chosen = i == selected
            let style = chosen ? Style(.highlight, bold: true, reverse: true) : e.pending ? Style(.dim) : e.mine ? Style(.text, bold: true) : Style(.text)
            for (k, line) in rows[i].enumerated() where y <= bottom {
                if chosen { b.fill(x: x, y: y, width: width, height: 1, style: style) }
                b.put((k == 0 && e.mine ? "• " : "  ") + line, x: x, y: y, style: style, maxWidth: width)
                y += 1
            }
            shown = i + 1
        }
        // Every number says what it counts: how many are out of sight, above and below.
        let below = items.count - shown
        if below > 0 { b.put(" ↓ \(below) ", x: x + width - 8, y: bottom, style: Style(.accent, bold: true)) }
        if first > 0 { b.put(" ↑ \(first) ", x: x + width - 8, y: y0, style: Style(.accent, bold: true)) }
    }

    /// The tables to choose from, one a line, the chosen one lit; a full one says so.
    static func choices(_ t: ParticipantView.Tables, selected: Int, _ l: Language, x: Int, y: Int, width: Int, bottom: Int, into b: inout CellBuffer) {
        let chosen = min(selected, t.choices.count - 1)
        let first = max(0, chosen - (bottom - y))
        for (row, c) in t.choices.dropFirst(first).enumerated() where y + row <= bottom {
            let i = first + row
            let people = l == .nl ? "\(c.seated) aan tafel" : "\(c.seated) seated"
            let line = "\(i == chosen ? "▶" : " ") \(l == .nl ? "Tafel" : "Table") \(c.number) · \(c.scenarioTitle[l]) · \(people)"
                + (c.full ? " (\(ParticipantText.full[l]))" : "")
            let style = i == chosen ? Style(.highlight, bold: true, reverse: true) : c.full ? Style(.dim) : Style(.text)
            if i == chosen { b.fill(x: x, y: y + row, width: width, height: 1, style: style) }
            b.put(Wrap.clip(line, width: width), x: x, y: y + row, style: style)
        }
    }

    /// An entry as lines: its marks first (own dots, top 3, scenario), its state after.
    static func lines(_ e: ParticipantView.Item, _ v: ParticipantView, _ l: Language, width: Int) -> [String] {
        var text = ""
        if v.votes != nil {
            text += e.myVotes > 9 ? "●×\(e.myVotes) " : e.myVotes > 0 ? String(repeating: "●", count: e.myVotes) + " " : ""
        }
        if e.top { text += "★ " }
        if v.list.heading == .implications, let sc = e.scenarioTitle { text += "[\(sc[l])] " }
        if v.list.heading == .tables, let n = e.table, let sc = e.scenarioTitle { text += "[\(l == .nl ? "tafel" : "table") \(n) · \(sc[l])] " }
        text += e.text
        if e.koersvast {
            text += " ★ " + (l == .nl ? "koersvast" : "no-regret")
        } else if !e.holdsIn.isEmpty {
            text += " [" + e.holdsIn.map(String.init).joined(separator: " ") + "]"
        }
        if !e.directions.isEmpty { text += " → " + e.directions.map(String.init).joined(separator: ", ") }
        if e.pending { text += " (" + (l == .nl ? "wacht op de facilitator" : "waiting for the facilitator") + ")" }
        let wrapped = Wrap.lines(text, width: width)
        return wrapped.isEmpty ? [""] : Array(wrapped.prefix(6))
    }

    static func footer(_ app: AppState, _ s: SessionScreen, _ v: ParticipantView, typing: Bool, into b: inout CellBuffer) {
        let l = app.language
        if let ask = s.asking {
            let q = ask == .leave ? ParticipantKeys.leave(code: s.rejoinCode) : ParticipantKeys.remove
            let y = b.height - 1
            b.fill(x: 0, y: y, width: b.width, height: 1, style: Style(.warn, bold: true, reverse: true))
            b.put(" " + Wrap.clip(q[l], width: b.width - 2), x: 0, y: y, style: Style(.warn, bold: true, reverse: true))
            return
        }
        if v.closed { return Footer.draw(app, hint: S.sessionClosed[l] + " · Ctrl-C", into: &b) }
        if s.editing != nil { return Footer.draw(app, hint: ParticipantKeys.editHint[l], into: &b) }
        // While nothing is typed the rejoin code leads the line (hints are dropped from the
        // right when it is narrow, so the code stays).
        let code = s.draft.text.isEmpty ? s.rejoinCode.map { RejoinCodeText.hint($0)[l] + " · " } ?? "" : ""
        func draw(_ hint: LocalizedText, _ short: LocalizedText? = nil) {
            Footer.draw(app, hint: code + hint[l], short: short.map { code + $0[l] }, into: &b)
        }
        if typing, v.tables?.seat != nil { return draw(ParticipantKeys.tableTypeHint, ParticipantKeys.typeHintShort) }
        if typing { return draw(ParticipantKeys.typeHint, ParticipantKeys.typeHintShort) }
        if v.list.heading == .chooseTable { return draw(ParticipantKeys.tableHint) }
        if v.votes != nil { return draw(ParticipantKeys.voteHint) }
        draw(ParticipantKeys.followHint)
    }
}

extension ParticipantScreenView {
    /// The harvest's ★ top 3 per world, each insight whole or not at all; a mark says how many
    /// did not fit (the phone shows them all, the projector too at its size).
    static func harvest(_ worlds: [ParticipantView.HarvestWorld], _ l: Language, x: Int, y: Int, width: Int, rows: Int,
                        into b: inout CellBuffer) -> Int {
        var lines: [(String, Style)] = [(S.harvestTop[l], Style(.dim, bold: true))]
        var hidden = 0
        for w in worlds {
            lines.append(("\(w.number) \(w.title[l])", Style(.accent, bold: true)))
            if w.top.isEmpty { lines.append(("  " + S.harvestNoDots[l], Style(.dim))) }
            for text in w.top { lines += Wrap.lines("★ " + text, width: width - 2).map { ("  " + $0, Style(.text)) } }
        }
        if lines.count > rows {
            // Whole worlds from the top; the rest counted.
            var kept: [(String, Style)] = []
            for line in lines where kept.count < rows - 1 { kept.append(line) }
            hidden = worlds.reduce(0) { $0 + $1.top.count } - kept.filter { $0.0.hasPrefix("  ★") }.count
            lines = kept + [(S.harvestMore(l, "\(max(0, hidden))"), Style(.accent, bold: true))]
        }
        for (i, line) in lines.enumerated() { b.put(Wrap.clip(line.0, width: width), x: x, y: y + i, style: line.1) }
        return lines.count
    }
}
