import Core

/// Opening, trend wall and scenario rounds.
enum StepBodies {
    typealias Area = SessionView.Area

    static func opening(_ app: AppState, _ s: SessionScreen, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        var y = a.y
        let introRows = a.height >= 30 ? 6 : 3
        y += b.paragraph(s.workshop.intro[l], x: a.x, y: y, width: a.width, maxRows: introRows, style: Style(.text))
        // Said before the first round so nobody quotes the names as the study's own.
        if let note = s.workshop.scenarioNote {
            y += b.paragraph(note[l], x: a.x, y: y, width: a.width, maxRows: a.height >= 30 ? 3 : 2, style: Style(.dim))
        }
        y += 1
        // The persona card of the perspective.
        let name = s.perspectiveName(l)
        var card: [String] = []
        if case .workshop(let id) = s.state.setup.perspective, let p = s.workshop.perspective(id) {
            card.append(p.description[l])
            if let persona = p.persona { card.append(S.personaOurs[l] + persona[l]) }
            if !p.lifeEvents.isEmpty { card.append(S.lifeEvents[l] + ": " + p.lifeEvents.map { $0[l] }.joined(separator: " · ")) }
        }
        let cardRows = min(a.height >= 30 ? 10 : 6, card.isEmpty ? 2 : 2 + card.reduce(0) { $0 + Wrap.lines($1, width: a.width - 4).count })
        b.box(x: a.x, y: y, width: a.width, height: cardRows, style: Style(.frame), title: s.workshop.perspectiveTerm.singular[l] + ": " + name)
        var cy = y + 1
        for (i, text) in card.enumerated() where cy < y + cardRows - 1 {
            cy += b.paragraph(text, x: a.x + 2, y: cy, width: a.width - 4, maxRows: y + cardRows - 1 - cy, style: i == 1 ? Style(.highlight) : Style(.text))
        }
        y += cardRows
        y += StepView.prompts(app, s, Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y), maxRows: 2, into: &b)
        StepView.entries(app, s, S.notes[l], Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y), into: &b)
    }

    static func trends(_ app: AppState, _ s: SessionScreen, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        var y = a.y
        y += StepView.prompts(app, s, a, maxRows: 2, into: &b)
        // The wall as the study groups it: trend 0 above, then a column per category
        // (Mensen, Middelen, Technologie) under its header, as many columns as fit.
        for t in TrendWall.above(s.workshop, l) {
            b.put(Wrap.clip(String(t.number).leftPad(2) + " " + t.text, width: a.width), x: a.x, y: y, style: Style(.accent, bold: true))
            y += 1
        }
        let notesRows = max(5, a.height / 4)
        let wallRows = max(3, a.y + a.height - y - notesRows - 1)
        let lines = TrendWall.columns(TrendWall.blocks(s.workshop, l), columns: max(1, min(3, a.width / 34)))
        let colWidth = a.width / max(1, lines.count)
        var perColumn = 0
        for (col, column) in lines.enumerated() {
            perColumn = max(perColumn, column.count)
            for (row, line) in column.enumerated() where row < wallRows {
                let text = line.header ? line.text : String(line.number).leftPad(2) + " " + line.text
                let style = line.header ? Style(.accent, bold: true, underline: true) : Style(.text)
                b.put(Wrap.clip(text, width: colWidth - 1), x: a.x + col * colWidth, y: y + row, style: style)
            }
        }
        if perColumn > wallRows {
            let more = l == .nl ? "(n: alle trends)" : "(n: all trends)"
            b.put(more, x: a.x + a.width - DisplayWidth.of(more), y: y + wallRows, style: Style(.dim))
        }
        y += min(wallRows, perColumn) + 1
        StepView.entries(app, s, S.notes[l], Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y), into: &b)
    }

    static func round(_ app: AppState, _ s: SessionScreen, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        guard let scenario = s.workshop.scenario(s.step.scenario ?? "") else { return }
        var y = a.y
        if let tagline = scenario.tagline {
            y += b.paragraph(tagline[l], x: a.x, y: y, width: a.width, maxRows: 2, style: Style(.text, bold: true))
        } else if a.height < 30 {
            y += b.paragraph(scenario.narrative[l], x: a.x, y: y, width: a.width, maxRows: 2, style: Style(.text))
        }
        // The 2×2 map on the right, features (and the narrative where there is room) on the left.
        let mapWidth = a.width >= 110 ? 43 : 25
        let leftWidth = a.width - mapWidth - 2
        MatrixMap.draw(s.workshop, highlight: scenario.id, language: l, x: a.x + a.width - mapWidth, y: y, width: mapWidth, into: &b)
        var ly = y
        if a.height >= 30 {
            ly += b.paragraph(scenario.narrative[l], x: a.x, y: ly, width: leftWidth, maxRows: min(12, a.height / 3), style: Style(.text))
            ly += 1
        }
        for f in scenario.features.prefix(a.height >= 30 ? 6 : 5) where ly < y + max(MatrixMap.height, 6) + (a.height >= 30 ? 12 : 0) {
            ly += b.paragraph("· " + f[l], x: a.x, y: ly, width: leftWidth, maxRows: 1, style: Style(.dim))
        }
        y = max(ly, y + MatrixMap.height) + 1
        y += StepView.prompts(app, s, Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y), maxRows: 3, into: &b)
        StepView.entries(app, s, S.implicationsSoFar[l], Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y), into: &b)
    }
}

/// The small 2×2 map of the axes with one quadrant marked.
enum MatrixMap {
    static let height = 6

    static func draw(_ w: Workshop, highlight: String?, language l: Language, x: Int, y: Int, width: Int, into b: inout CellBuffer) {
        guard w.axes.count == 2 else { return }
        let cell = (width - 3) / 2
        // Row 0: the second axis's high pole; rows 1–4: two rows of quadrants; row 5: first axis poles.
        b.put(Wrap.clip("↑ " + w.axes[1].poles[1].label[l], width: width), x: x, y: y, style: Style(.dim))
        for row in 0..<2 {
            for col in 0..<2 {
                // Top row of the map is the high pole of the second axis.
                let pole = 1 - row
                let scenario = w.scenarios.first { w.quadrant(of: $0).map { $0.column == col && $0.row == pole } ?? false }
                let marked = scenario?.id == highlight && highlight != nil
                let style = marked ? Style(.highlight, bold: true, reverse: true) : Style(.frame)
                let cx = x + 1 + col * (cell + 1)
                let cy = y + 1 + row * 2
                b.fill(x: cx, y: cy, width: cell, height: 2, style: style)
                if let scenario, let index = w.scenarios.firstIndex(of: scenario) {
                    // Two rows per quadrant: the name wraps rather than being cut.
                    b.paragraph("\(index + 1) " + scenario.title[l], x: cx, y: cy, width: cell, maxRows: 2, style: marked ? style : Style(.text))
                }
            }
        }
        let low = w.axes[0].poles[0].label[l]
        let high = w.axes[0].poles[1].label[l] + " →"
        b.put(Wrap.clip(low, width: width / 2), x: x + 1, y: y + 5, style: Style(.dim))
        b.put(high, x: x + width - DisplayWidth.of(high), y: y + 5, style: Style(.dim))
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
