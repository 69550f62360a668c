import Core

/// The report-back: the wall steps through the tables one by one (`[` and `]`), each
/// world's entries whole, for the plenary to hear and compare.
enum ReportBackWall {
    static func draw(_ app: AppState, _ s: SessionScreen, _ a: SessionView.Area, into b: inout CellBuffer) {
        let l = app.language
        guard let round = s.workshop.tableRound(before: s.step) else { return }
        let tables = TableWall.info(s, round: round)
        guard !tables.isEmpty else { return }
        let i = min(max(0, s.tableFocus), tables.count - 1)
        let t = tables[i]
        let sc = s.workshop.scenario(t.table.scenario)
        let title = (l == .nl ? "Tafel \(t.table.number) van \(tables.count)" : "Table \(t.table.number) of \(tables.count)")
            + " · " + (sc.map { s.scenarioTitle($0, l) } ?? t.table.scenario)
        var y = a.y
        let bottom = a.y + a.height - 1
        b.put(Wrap.clip(title, width: a.width), x: a.x, y: y, style: Style(.accent, bold: true))
        y += 1
        let head = TableText.tableHead(l, number: t.table.number, people: t.people, entries: t.entries.count)
            + (l == .nl ? " · [ ] vorige / volgende tafel" : " · [ ] previous / next table")
        b.put(Wrap.clip(head, width: a.width), x: a.x, y: y, style: Style(.dim))
        y += 1
        if let sc, let tagline = sc.tagline, a.height >= 20 {
            y += b.paragraph(tagline[l], x: a.x, y: y, width: a.width, maxRows: 2, style: Style(.text))
        }
        y += 1
        if t.entries.isEmpty {
            b.put(Wrap.clip(t.people == 0 ? TableText.nobody[l] : (l == .nl ? "Deze tafel schreef niets op." : "This table wrote nothing down."), width: a.width),
                x: a.x, y: y, style: Style(.warn))
            return
        }
        // The table's own top 3 first, then the rest in the order they were made.
        let top = StepEntries.top(t.entries, table: t.table.id)
        let ordered = t.entries.filter { top.contains($0.id) }.sorted { $0.votes > $1.votes } + t.entries.filter { !top.contains($0.id) }
        var shown = 0
        for e in ordered {
            let text = TerminalText.safe(e.text) + (e.votes > 0 ? " (\(e.votes))" : "")
            let need = Wrap.lines(text, width: a.width - 3).count
            // Entries whole: one that does not fit is left for the count below, never cut.
            guard y + need - 1 <= bottom - (shown < ordered.count - 1 ? 1 : 0) else { break }
            b.put(top.contains(e.id) ? "★" : "•", x: a.x, y: y, style: Style(.accent, bold: true))
            y += b.paragraph(text, x: a.x + 2, y: y, width: a.width - 3, maxRows: need, style: top.contains(e.id) ? Style(.highlight, bold: true) : Style(.text))
            shown += 1
        }
        if shown < ordered.count {
            let more = l == .nl ? "↓ nog \(ordered.count - shown) (zie de oogst)" : "↓ \(ordered.count - shown) more (see the harvest)"
            b.put(more, x: a.x, y: bottom, style: Style(.accent, bold: true))
        }
    }
}

/// The facilitator's list of who sits where (`s`): ↑↓ a person, ←→ or a table number moves
/// them, `A` seats everyone without a table evenly, Esc closes.
enum SeatingOverlay {
    static func people(_ s: SessionScreen) -> [Participant] {
        s.state.participants.values.sorted { ($0.joinedAt, $0.key) < ($1.joinedAt, $1.key) }
    }

    static func draw(_ app: AppState, _ s: SessionScreen, row: Int, into b: inout CellBuffer) {
        let l = app.language
        let list = people(s)
        let tables = s.workshop.tables(of: s.step)
        let width = min(b.width - 4, 70)
        let height = min(b.height - 4, max(6, list.count + 4))
        let x = (b.width - width) / 2, y = (b.height - height) / 2
        b.fill(x: x, y: y, width: width, height: height)
        b.box(x: x, y: y, width: width, height: height, style: Style(.accent), title: l == .nl ? " Wie zit waar " : " Who sits where ")
        let rows = height - 4
        let first = max(0, min(row - rows + 1, list.count - rows))
        for (i, p) in list.enumerated().dropFirst(max(0, first)).prefix(rows) {
            let seat = s.state.seat(of: p.key, in: s.step.id).flatMap { id in tables.first { $0.id == id } }
            let name = s.state.hideNames || s.state.setup.anonymous ? (l == .nl ? "deelnemer \(i + 1)" : "participant \(i + 1)") : (p.name ?? "?")
            let place = seat.map { (l == .nl ? "tafel " : "table ") + "\($0.number)" } ?? (l == .nl ? "geen tafel" : "no table")
            let style = i == row ? Style(.highlight, bold: true, reverse: true) : Style(.text)
            let yy = y + 1 + i - max(0, first)
            if i == row { b.fill(x: x + 1, y: yy, width: width - 2, height: 1, style: style) }
            b.put(Wrap.clip(TerminalText.safe(name), width: width - 20), x: x + 2, y: yy, style: style)
            b.put(place, x: x + width - 2 - DisplayWidth.of(place), y: yy, style: style)
        }
        if list.isEmpty { b.put(Wrap.clip(l == .nl ? "Nog niemand aangemeld." : "Nobody has joined yet.", width: width - 4), x: x + 2, y: y + 1, style: Style(.dim)) }
        let hint = l == .nl ? "↑↓ persoon · ←→ of 1–9 tafel · A iedereen verdelen · Esc klaar" : "↑↓ person · ←→ or 1–9 table · A seat everyone · Esc done"
        b.put(Wrap.clip(hint, width: width - 4), x: x + 2, y: y + height - 2, style: Style(.dim))
    }
}
