import Core

enum ReviewView {
    static func view(_ app: AppState, _ r: ReviewState, into b: inout CellBuffer) {
        let l = app.language
        let title = l == .nl ? "Terugblik" : "Review"
        let names: [ReviewState.Tab: String] = [.sessions: l == .nl ? "Sessies" : "Sessions", .matrix: "Matrix", .groups: l == .nl ? "Groepen" : "Groups"]
        let tabs = ReviewState.Tab.allCases.map { $0 == r.tab ? "[\(names[$0]!)]" : " \(names[$0]!) " }.joined(separator: " ")
        b.fill(x: 0, y: 0, width: b.width, height: 1, style: Style(.inverse))
        b.put(" \(title) · \(tabs)", x: 0, y: 0, style: Style(.inverse, bold: true))
        if r.loading > 0 {
            let text = (l == .nl ? "sessies laden… nog " : "loading sessions… ") + "\(r.loading) "
            b.put(text, x: b.width - DisplayWidth.of(text), y: 0, style: Style(.inverse))
        }
        var filters: [String] = []
        filters.append((l == .nl ? "workshop: " : "workshop: ") + (r.workshopFilter ?? (l == .nl ? "alle" : "all")))
        filters.append((l == .nl ? "doelgroep: " : "target group: ") + (r.perspectiveFilter ?? (l == .nl ? "alle" : "all")))
        let status: String
        switch r.status {
        case .all: status = l == .nl ? "alle" : "all"
        case .open: status = l == .nl ? "open" : "open"
        case .closed: status = l == .nl ? "afgesloten" : "closed"
        }
        filters.append("status: " + status)
        if let days = r.periodDays {
            filters.append(l == .nl ? (days == 1 ? "vandaag" : "laatste \(days) dagen") : (days == 1 ? "today" : "last \(days) days"))
        }
        if !r.query.isEmpty || r.search != nil { filters.append((l == .nl ? "zoek: " : "search: ") + r.query) }
        b.put(Wrap.clip(" " + filters.joined(separator: " · "), width: b.width - 1), x: 0, y: 1, style: Style(.dim))
        b.hline(x: 0, y: 2, width: b.width)
        let area = SessionView.Area(x: 1, y: 3, width: b.width - 2, height: b.height - 4)
        switch r.tab {
        case .sessions: sessions(app, r, area, into: &b)
        case .matrix: matrix(app, r, area, into: &b)
        case .groups: GroupsTab.view(app, r, area, into: &b)
        }
        if r.editingSummary != nil { SummaryEditor.view(app, r, area, into: &b) }
        if let input = r.search {
            let layout = input.layout(width: b.width - 4)
            b.fill(x: 0, y: b.height - 2, width: b.width, height: 1, style: Style(.accent, reverse: true))
            b.put("/" + (layout.lines.last ?? ""), x: 1, y: b.height - 2, style: Style(.accent, bold: true, reverse: true))
            b.cursor = (2 + layout.cursorColumn, b.height - 2)
        }
        if r.editingSummary != nil {
            Footer.draw(app, hint: SummaryEditor.hint(l), short: SummaryEditor.hint(l), into: &b)
        } else if r.tab == .groups && r.proposals != nil {
            Footer.draw(app, hint: GroupProposals.hint(l), short: GroupProposals.hint(l), into: &b)
        } else if r.tab == .groups {
            Footer.draw(app, hint: GroupsTab.hint(l), short: GroupsTab.shortHint(l), into: &b)
        } else {
            let hint = l == .nl ? "Tab sessies/matrix/groepen · / zoeken · Enter openen · t tijdlijn · w p o d filters · S samenvatting · e exporteren · q stoppen"
                : "Tab sessions/matrix/groups · / search · Enter open · t timeline · w p o d filters · S summary · e export · q quit"
            let short = l == .nl ? "Tab wissel  / zoek  Enter open  t tijdlijn  w p o d filter  e export  q stop"
                : "Tab switch  / search  Enter open  t timeline  w p o d filter  e export  q quit"
            Footer.draw(app, hint: hint, short: short, into: &b)
        }
    }

    static func sessions(_ app: AppState, _ r: ReviewState, _ a: SessionView.Area, into b: inout CellBuffer) {
        let l = app.language
        let list = r.visible()
        if list.isEmpty {
            b.put(l == .nl ? "Geen sessies die hierbij passen." : "No sessions match.", x: a.x, y: a.y, style: Style(.dim))
            return
        }
        let selected = min(r.selected, list.count - 1)
        let listRows = r.query.isEmpty ? a.height : max(4, a.height / 2)
        let first = max(0, min(selected - listRows / 2, list.count - listRows))
        for (row, i) in list.dropFirst(first).prefix(listRows).enumerated() {
            let rec = r.records[i]
            let isSelected = first + row == selected
            let style = isSelected ? Style(.highlight, bold: true, reverse: true) : (rec.listing.problem != nil ? Style(.bad) : Style(.text))
            let when = Clock.format(rec.listing.updatedAt + app.utcOffsetMs)
            var flags = S.entryCount(rec.listing.entryCount, l)
            if rec.listing.closed { flags += " · " + S.closedSession[l] }
            if let p = rec.listing.problem { flags = "! " + (l == .nl ? "beschadigd: " : "damaged: ") + p }
            let text = "\(when)  \(rec.listing.title)  ·  \(flags)"
            b.fill(x: a.x, y: a.y + row, width: a.width, height: 1, style: style)
            b.put(Wrap.clip(text, width: a.width - 1), x: a.x, y: a.y + row, style: style)
        }
        guard !r.query.isEmpty else { return }
        // What the search found in the selected session.
        var y = a.y + listRows + 1
        b.hline(x: a.x, y: y - 1, width: a.width)
        for hit in r.hits(in: list[selected], limit: a.y + a.height - y) where y < a.y + a.height {
            // The scenario by its name (as renamed in the session), never its id.
            let input = r.records[hit.record].input
            let scenario = hit.entry.scenario.map { id in
                " (" + (input?.state.scenarioTitles[id] ?? input?.workshop.scenario(id)?.title[l] ?? id) + ")"
            } ?? ""
            y += b.paragraph("• \(S.kind(hit.entry.kind)[l])\(scenario): \(hit.entry.text)", x: a.x, y: y, width: a.width, maxRows: 2)
        }
    }

    static func matrix(_ app: AppState, _ r: ReviewState, _ a: SessionView.Area, into b: inout CellBuffer) {
        let l = app.language
        guard let syn = r.synthesis, !syn.matrix.isEmpty else {
            b.put(l == .nl ? "Nog geen sessies om samen te brengen." : "No sessions to bring together yet.", x: a.x, y: a.y, style: Style(.dim))
            return
        }
        let scenarios = syn.workshop.scenarios
        let nameWidth = min(30, max(16, a.width / 4))
        let colWidth = max(8, (a.width - nameWidth - 12) / scenarios.count)
        var y = a.y
        b.put(Wrap.clip(syn.workshop.title[l], width: nameWidth - 1), x: a.x, y: y, style: Style(.accent, bold: true))
        for (c, sc) in scenarios.enumerated() {
            b.put(Wrap.clip("\(c + 1) " + sc.title[l], width: colWidth - 1), x: a.x + nameWidth + c * colWidth, y: y, style: Style(.accent, bold: true))
        }
        b.put(S.koersvast[l], x: a.x + nameWidth + scenarios.count * colWidth, y: y, style: Style(.good, bold: true))
        y += 1
        let rowIndex = min(r.matrixRow, syn.matrix.count - 1)
        let colIndex = min(r.matrixColumn, scenarios.count - 1)
        for (i, row) in syn.matrix.enumerated() where y < a.y + a.height / 2 {
            b.put(Wrap.clip(row.name[l], width: nameWidth - 1), x: a.x, y: y, style: i == rowIndex ? Style(.highlight, bold: true) : Style(.text))
            for (c, cell) in row.cells.enumerated() {
                let selected = i == rowIndex && c == colIndex
                let style = selected ? Style(.highlight, bold: true, reverse: true) : Style(.text)
                b.put(String(cell.count).leftPad(4) + "  ", x: a.x + nameWidth + c * colWidth, y: y, style: style)
            }
            b.put(String(row.koersvastCount).leftPad(4), x: a.x + nameWidth + scenarios.count * colWidth, y: y, style: Style(.good, bold: true))
            y += 1
        }
        // The selected cell: its most-voted implications; then the row's koersvast insights.
        y += 1
        b.hline(x: a.x, y: y, width: a.width)
        let row = syn.matrix[rowIndex]
        let cell = row.cells[colIndex]
        b.put(" \(row.name[l]) × \(scenarios[colIndex].title[l]) ", x: a.x + 1, y: y, style: Style(.accent, bold: true))
        y += 1
        for item in cell.top where y < a.y + a.height {
            let votes = item.entry.votes > 0 ? "(\(item.entry.votes)) " : ""
            y += b.paragraph("• " + votes + item.entry.text, x: a.x, y: y, width: a.width, maxRows: 2)
        }
        if !syn.shared.isEmpty, y < a.y + a.height - 1 {
            y += 1
            b.put(l == .nl ? "Koersvast voor meerdere doelgroepen" : "No-regret for several groups", x: a.x, y: y, style: Style(.good, bold: true))
            y += 1
            for s in syn.shared where y < a.y + a.height {
                let names = s.perspectives.compactMap { k in syn.perspectives.first { $0.key == k }?.name[l] }.joined(separator: ", ")
                y += b.paragraph("◆ \(s.label) — \(names)", x: a.x, y: y, width: a.width, maxRows: 1)
            }
        }
        if let p = syn.perspectives.first(where: { $0.key == row.key }), !p.koersvast.isEmpty, y < a.y + a.height - 1 {
            y += 1
            b.put(S.koersvastInsights[l], x: a.x, y: y, style: Style(.good, bold: true))
            y += 1
            for item in p.koersvast where y < a.y + a.height {
                y += b.paragraph("★ " + item.entry.text, x: a.x, y: y, width: a.width, maxRows: 1)
            }
        }
    }
}
