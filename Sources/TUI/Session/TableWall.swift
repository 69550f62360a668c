import Core

/// The wall during a table round: the 2×2 with each table's newest implications and counts
/// in its world's quadrant, and how many sit at each table. Small screens get a summary:
/// one line per table with its counts and newest line.
enum TableWall {
    struct TableInfo {
        var table: Workshop.Table
        var people: Int
        /// The table's live implications of this round, oldest first.
        var entries: [Entry]
    }

    static func info(_ s: SessionScreen, round: Workshop.Step) -> [TableInfo] {
        let sitting = s.state.sitting(in: round.id)
        var byTable: [String: [Entry]] = [:]
        for e in s.state.entries where e.step == round.id && e.isLive && e.kind == .implication {
            if let t = e.table { byTable[t, default: []].append(e) }
        }
        return s.workshop.tables(of: round).map { TableInfo(table: $0, people: sitting[$0.id]?.count ?? 0, entries: byTable[$0.id] ?? []) }
    }

    static func draw(_ app: AppState, _ s: SessionScreen, _ area: SessionView.Area, into b: inout CellBuffer) {
        let l = app.language
        var a = area
        let tables = info(s, round: s.step)
        let seated = tables.reduce(0) { $0 + $1.people }
        let waiting = max(0, s.state.participants.count - seated)
        if let m = s.state.roomMessage {
            b.fill(x: a.x, y: a.y, width: a.width, height: 1, style: Style(.warn, bold: true, reverse: true))
            b.put(Wrap.clip(" ▶ " + m, width: a.width), x: a.x, y: a.y, style: Style(.warn, bold: true, reverse: true))
            a.y += 1; a.height -= 1
        }
        let people = TableText.seatedLine(l, seated: seated, waiting: waiting, typingFor: s.typingTable(tables.map(\.table)))
        b.put(Wrap.clip(people, width: a.width), x: a.x, y: a.y, style: Style(.dim))
        a.y += 2; a.height -= 2
        if a.width >= 110 && a.height >= 26 {
            grid(app, s, tables, a, into: &b)
        } else {
            summary(app, s, tables, a, into: &b)
        }
        if let row = s.seating { SeatingOverlay.draw(app, s, row: row, into: &b) }
    }

    /// The 2×2: the high pole of the second axis on top, as on the scenario card.
    static func grid(_ app: AppState, _ s: SessionScreen, _ tables: [TableInfo], _ a: SessionView.Area, into b: inout CellBuffer) {
        let l = app.language
        let w = s.workshop
        guard w.axes.count == 2 else { return summary(app, s, tables, a, into: &b) }
        let axisRows = 1
        let cellW = (a.width - 1) / 2
        let cellH = (a.height - axisRows * 2) / 2
        b.put(Wrap.clip("↑ " + w.axes[1].poles[1].label[l], width: a.width), x: a.x, y: a.y, style: Style(.dim))
        for row in 0..<2 {
            for col in 0..<2 {
                let pole = 1 - row
                guard let scenario = w.scenarios.first(where: { w.quadrant(of: $0).map { $0.column == col && $0.row == pole } ?? false }) else { continue }
                let x = a.x + col * (cellW + 1)
                let y = a.y + axisRows + row * cellH
                quadrant(app, s, scenario, tables.filter { $0.table.scenario == scenario.id }, x: x, y: y, width: cellW, height: cellH, into: &b)
            }
        }
        let low = w.axes[0].poles[0].label[l]
        let high = w.axes[0].poles[1].label[l] + " →"
        let y = a.y + axisRows + 2 * cellH
        b.put(Wrap.clip(low, width: a.width / 2), x: a.x, y: y, style: Style(.dim))
        b.put(high, x: a.x + a.width - DisplayWidth.of(high), y: y, style: Style(.dim))
    }

    static func quadrant(_ app: AppState, _ s: SessionScreen, _ sc: Workshop.Scenario, _ tables: [TableInfo], x: Int, y: Int, width: Int, height: Int, into b: inout CellBuffer) {
        let l = app.language
        let count = tables.reduce(0) { $0 + $1.entries.count }
        b.box(x: x, y: y, width: width, height: height, style: Style(.frame), title: " " + s.scenarioTitle(sc, l) + " ")
        let inner = width - 4
        var line = y + 1
        let bottom = y + height - 2
        for t in tables where line <= bottom {
            let head = TableText.tableHead(l, number: t.table.number, people: t.people, entries: t.entries.count)
            b.put(Wrap.clip(head, width: inner), x: x + 2, y: line, style: Style(.accent, bold: true))
            line += 1
            if t.people == 0 && t.entries.isEmpty {
                b.put(Wrap.clip(TableText.nobody[l], width: inner), x: x + 2, y: line, style: Style(.warn))
                line += 1
            }
        }
        // The newest first: what was just typed is what the room looks for.
        let newest = tables.flatMap(\.entries).sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
        let numbered = tables.count > 1
        for e in newest where line <= bottom {
            let mark = numbered ? "\(tables.first { $0.table.id == e.table }?.table.number ?? 0)" : "•"
            b.put(mark, x: x + 2, y: line, style: Style(.accent))
            let rows = b.paragraph(TerminalText.safe(e.text), x: x + 4, y: line, width: inner - 2, maxRows: min(2, bottom - line + 1), style: Style(.text, bold: true))
            line += rows
        }
        let shown = newest.count
        if count > 0, line > bottom, shown > 0 {
            let more = TableText.total(l, count)
            b.put(" " + more + " ", x: x + width - DisplayWidth.of(more) - 3, y: y + height - 1, style: Style(.dim))
        }
    }

    /// One line per table: number, world, people, entries, the newest line.
    static func summary(_ app: AppState, _ s: SessionScreen, _ tables: [TableInfo], _ a: SessionView.Area, into b: inout CellBuffer) {
        let l = app.language
        var y = a.y
        let bottom = a.y + a.height - 1
        let perTable = max(1, min(3, (a.height - tables.count) / max(1, tables.count)))
        for t in tables where y <= bottom {
            let sc = s.workshop.scenario(t.table.scenario).map { s.scenarioTitle($0, l) } ?? t.table.scenario
            let head = TableText.tableHead(l, number: t.table.number, people: t.people, entries: t.entries.count) + " · " + sc
            b.put(Wrap.clip(head, width: a.width), x: a.x, y: y, style: Style(.accent, bold: true))
            y += 1
            if t.people == 0 && t.entries.isEmpty, y <= bottom {
                b.put(Wrap.clip("  " + TableText.nobody[l], width: a.width), x: a.x, y: y, style: Style(.warn))
                y += 1
                continue
            }
            for e in t.entries.reversed().prefix(perTable) where y <= bottom {
                b.put(Wrap.clip("  • " + TerminalText.safe(e.text), width: a.width), x: a.x, y: y, style: Style(.text))
                y += 1
            }
        }
    }
}

/// The wall's words, in both languages.
enum TableText {
    static let nobody = LocalizedText(nl: "Nog niemand aan deze tafel.", en: "Nobody at this table yet.")

    static func tableHead(_ l: Language, number: Int, people: Int, entries: Int) -> String {
        l == .nl ? "Tafel \(number) · \(people) \(people == 1 ? "persoon" : "personen") · \(entries) \(entries == 1 ? "implicatie" : "implicaties")"
            : "Table \(number) · \(people) \(people == 1 ? "person" : "people") · \(entries) \(entries == 1 ? "implication" : "implications")"
    }

    static func total(_ l: Language, _ n: Int) -> String { l == .nl ? "\(n) in totaal" : "\(n) in all" }

    static func seatedLine(_ l: Language, seated: Int, waiting: Int, typingFor: Workshop.Table?) -> String {
        var text = l == .nl ? "Aan tafel: \(seated)" : "Seated: \(seated)"
        if waiting > 0 { text += l == .nl ? " · nog zonder tafel: \(waiting)" : " · without a table: \(waiting)" }
        if let t = typingFor { text += l == .nl ? " · a typt voor tafel \(t.number) ([ ] kiest)" : " · a types for table \(t.number) ([ ] chooses)" }
        return text + (l == .nl ? " · s plaatsen · A verdelen · m bericht" : " · s seats · A seat all · m message")
    }
}
