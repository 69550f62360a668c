import Core

/// Insights, robustness, directions, voting and the close: the steps that work across
/// all four scenarios.
enum SynthesisBodies {
    typealias Area = SessionView.Area

    static func insights(_ app: AppState, _ s: SessionScreen, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        var y = a.y
        y += StepView.prompts(app, s, a, maxRows: StepView.promptRows(app, s, width: a.width), into: &b)
        // What the rounds produced, per scenario: the material insights are made from.
        let panelRows = max(5, (a.y + a.height - y) / 2)
        y += ImplicationsPanel.draw(app, s, x: a.x, y: y, width: a.width, rows: panelRows, into: &b) + 1
        StepView.entries(app, s, S.insights[l], Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y), into: &b)
    }

    static func robustness(_ app: AppState, _ s: SessionScreen, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        var y = a.y
        let ids = s.workshop.scenarios.map(\.id)
        // Legend: the scenario numbers used as column heads.
        let perRow = a.width >= 100 ? 4 : 2
        let colWidth = a.width / perRow
        for (i, sc) in s.workshop.scenarios.enumerated() {
            b.put(Wrap.clip("\(i + 1) = \(s.scenarioTitle(sc, l))", width: colWidth - 1), x: a.x + (i % perRow) * colWidth, y: y + i / perRow, style: Style(.dim))
        }
        y += (ids.count + perRow - 1) / perRow
        b.put(S.robustnessKeys[l], x: a.x, y: y, style: Style(.highlight))
        y += 1
        let list = s.visibleEntries
        let koersvast = list.filter { Robustness.of($0, scenarios: ids) == .koersvast }.count
        b.hline(x: a.x, y: y, width: a.width)
        b.put(" 1 2 3 4 ", x: a.x + 1, y: y, style: Style(.accent, bold: true))
        let label = " \(S.koersvast[l]): \(koersvast) / \(list.count) "
        b.put(label, x: a.x + a.width - DisplayWidth.of(label) - 1, y: y, style: Style(.good, bold: true))
        y += 1
        guard !list.isEmpty else {
            b.paragraph(S.noInsights[l], x: a.x, y: y, width: a.width, maxRows: 2, style: Style(.dim))
            return
        }
        EntryListView.draw(app, s, Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y), into: &b, prefixWidth: 12) { e in
            let marks = ids.map { e.holdsIn.contains($0) ? "■" : "·" }.joined(separator: " ")
            switch Robustness.of(e, scenarios: ids) {
            case .koersvast: return (marks + " ★", Style(.good, bold: true))
            case .scenarioSpecific: return (marks, Style(.warn))
            case .open: return (marks, Style(.dim))
            }
        }
    }

    static func directions(_ app: AppState, _ s: SessionScreen, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        var y = a.y
        b.put(S.directionKeys[l], x: a.x, y: y, style: Style(.highlight))
        y += 1
        // The legend of directions: full titles where there is room, else clipped in two columns.
        let dirs = s.workshop.directions
        let selected = s.selectedEntry
        let columns = a.height >= 30 ? 1 : 2
        let colWidth = a.width / columns
        let legendRows = (dirs.count + columns - 1) / columns
        for (i, d) in dirs.enumerated() {
            let linked = selected?.directions.contains(d.id) == true
            let style = linked ? Style(.good, bold: true) : Style(.dim)
            let text = (linked ? "■ " : "  ") + "\(d.number) " + d.title[l]
            b.put(Wrap.clip(text, width: colWidth - 1), x: a.x + (i / legendRows) * colWidth, y: y + i % legendRows, style: style)
        }
        y += legendRows + 1
        let list = s.visibleEntries
        b.hline(x: a.x, y: y, width: a.width)
        b.put(" \(S.insights[l]) (\(list.count)) ", x: a.x + 1, y: y, style: Style(.accent, bold: true))
        y += 1
        guard !list.isEmpty else {
            b.paragraph(S.noInsights[l], x: a.x, y: y, width: a.width, maxRows: 2, style: Style(.dim))
            return
        }
        let numbers = Dictionary(uniqueKeysWithValues: dirs.map { ($0.id, $0.number) })
        // ★ marks the koersvast insights: what holds in every scenario leads the directions.
        let ids = s.workshop.scenarios.map(\.id)
        EntryListView.draw(app, s, Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y), into: &b, prefixWidth: 12) { e in
            let linked = e.directions.compactMap { numbers[$0] }.sorted().map(String.init).joined(separator: ",")
            let star = Robustness.of(e, scenarios: ids) == .koersvast ? "★ " : "  "
            return (star + (linked.isEmpty ? "–" : "→ " + linked), linked.isEmpty ? Style(.dim) : Style(.good, bold: true))
        }
    }

    static func voting(_ app: AppState, _ s: SessionScreen, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        var y = a.y
        y += StepView.prompts(app, s, a, maxRows: StepView.promptRows(app, s, width: a.width), into: &b)
        let hint = S.budgetLeft(l, "\(s.state.setup.voteBudget)") + " · " + S.voteLegend[l]
        y += b.paragraph(hint, x: a.x, y: y, width: a.width, maxRows: 2, style: Style(.highlight))
        let list = s.visibleEntries
        b.hline(x: a.x, y: y, width: a.width)
        let total = list.reduce(0) { $0 + $1.votes }
        b.put(" " + S.kindCount(.insight, list.count, l) + " · " + S.voteCount(total, l) + " ", x: a.x + 1, y: y, style: Style(.accent, bold: true))
        y += 1
        guard !list.isEmpty else {
            b.paragraph(S.noInsights[l], x: a.x, y: y, width: a.width, maxRows: 2, style: Style(.dim))
            return
        }
        // The facilitator's votes are the room's (proxy, for people without a terminal): ○,
        // beside the participants' own ●, so every dot says whose it is.
        let roomKey = s.actor.key
        EntryListView.draw(app, s, Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y), into: &b, prefixWidth: 9) { e in
            let room = e.votesBy[roomKey] ?? 0
            let marks = String(repeating: "●", count: e.votes - room) + String(repeating: "○", count: room)
            let dots = marks.count <= 5 ? marks : String(marks.prefix(4)) + "+"
            return ((String(e.votes).leftPad(2)) + " " + dots, e.votes > 0 ? Style(.good, bold: true) : Style(.dim))
        }
    }

    static func close(_ app: AppState, _ s: SessionScreen, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        var y = a.y
        let ids = s.workshop.scenarios.map(\.id)
        let live = s.state.liveEntries
        // The close's questions ("what does this mean for your organisation") come first.
        y += StepView.prompts(app, s, a, maxRows: StepView.promptRows(app, s, width: a.width), into: &b)
        if !s.step.prompts.isEmpty { y += 1 }
        b.put(S.summary[l], x: a.x, y: y, style: Style(.text, bold: true))
        y += 1
        let implications = live.filter { $0.kind == .implication }
        let insights = live.filter { $0.kind == .insight }
        var line = S.kindCount(.implication, implications.count, l) + " · " + S.kindCount(.insight, insights.count, l)
        // "0 deelnemers" beside "18 in de zaal" reads as an empty room: only a count that says something.
        if !s.state.participants.isEmpty { line += " · " + S.participantCount(s.state.participants.count, l) }
        // The people in the room, when the facilitator counted them: most never join on a screen.
        if let n = s.state.setup.people { line += " · " + (l == .nl ? "\(n) in de zaal" : "\(n) in the room") }
        b.put(Wrap.clip(line, width: a.width), x: a.x, y: y, style: Style(.dim))
        y += 2
        let koersvast = insights.filter { Robustness.of($0, scenarios: ids) == .koersvast }
        b.put(S.koersvastInsights[l] + " (\(koersvast.count))", x: a.x, y: y, style: Style(.good, bold: true))
        y += 1
        let half = max(2, (a.y + a.height - y) / 2 - 1)
        for e in koersvast.prefix(half) where y < a.y + a.height {
            y += b.paragraph("★ " + e.text, x: a.x, y: y, width: a.width, maxRows: 1)
        }
        y += 1
        let top = insights.filter { $0.votes > 0 }.sorted { $0.votes != $1.votes ? $0.votes > $1.votes : $0.createdAt < $1.createdAt }
        if y < a.y + a.height { b.put(S.topVoted[l], x: a.x, y: y, style: Style(.accent, bold: true)); y += 1 }
        for e in top.prefix(5) where y < a.y + a.height - 2 {
            y += b.paragraph(String(e.votes).leftPad(2) + " ● " + e.text, x: a.x, y: y, width: a.width, maxRows: 1)
        }
        // What the room answers to the close's questions, typed with `a`, where there is room.
        if !s.visible.isEmpty && y + 3 < a.y + a.height - 1 {
            StepView.entries(app, s, S.notes[l], Area(x: a.x, y: y + 1, width: a.width, height: a.y + a.height - 1 - (y + 1)), into: &b)
        }
        if y < a.y + a.height - 1 {
            let closeHint = s.state.closed ? (l == .nl ? "Afgesloten — c opent de sessie weer" : "Closed — c reopens the session")
                : (l == .nl ? "c sluit de sessie af" : "c closes the session")
            b.put(closeHint, x: a.x, y: a.y + a.height - 1, style: Style(.highlight))
        }
    }
}
