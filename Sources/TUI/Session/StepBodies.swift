import Core

/// Opening, trend wall and scenario rounds.
enum StepBodies {
    typealias Area = SessionView.Area

    static func opening(_ app: AppState, _ s: SessionScreen, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        var y = a.y
        // The story gives way to the prompt and the newest entries below it.
        let bottom = a.y + a.height - StepView.listReserve(app, s, a) - StepView.promptRows(app, s, width: a.width)
        let introRows = a.height >= 30 ? 6 : 3
        y += b.paragraph(s.workshop.intro[l], x: a.x, y: y, width: a.width, maxRows: min(introRows, bottom - y), style: Style(.text))
        // Said before the first round so nobody quotes the names as the study's own.
        if let note = s.workshop.scenarioNote {
            y += b.paragraph(note[l], x: a.x, y: y, width: a.width, maxRows: min(a.height >= 30 ? 3 : 2, bottom - y), style: Style(.dim))
        }
        y += 1
        // The persona card of the perspective.
        let card = PersonaCard.lines(s, l, full: true)
        let wanted = min(a.height >= 30 ? 10 : 6, card.isEmpty ? 2 : 2 + card.reduce(0) { $0 + Wrap.lines($1.text, width: a.width - 4).count })
        let cardRows = min(wanted, bottom - y)
        if cardRows >= 3 {
            b.box(x: a.x, y: y, width: a.width, height: cardRows, style: Style(.frame), title: s.workshop.perspectiveTerm.singular[l] + ": " + s.perspectiveName(l))
            var cy = y + 1
            for line in card where cy < y + cardRows - 1 {
                cy += b.paragraph(line.text, x: a.x + 2, y: cy, width: a.width - 4, maxRows: y + cardRows - 1 - cy, style: line.style)
            }
            y += cardRows
        }
        y += StepView.prompts(app, s, Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y), maxRows: StepView.promptRows(app, s, width: a.width), into: &b)
        StepView.entries(app, s, S.notes[l], Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y), into: &b)
    }

    static func trends(_ app: AppState, _ s: SessionScreen, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        var y = a.y
        y += StepView.prompts(app, s, a, maxRows: StepView.promptRows(app, s, width: a.width), into: &b)
        // The wall as the study groups it: trend 0 above, then a column per category
        // (Mensen, Middelen, Technologie) under its header, as many columns as fit.
        for t in TrendWall.above(s.workshop, l) {
            y += b.paragraph(String(t.number).leftPad(2) + " " + t.text, x: a.x, y: y, width: a.width, maxRows: 2, style: Style(.accent, bold: true))
        }
        let notesRows = StepView.listReserve(app, s, a)
        let wallRows = max(3, a.y + a.height - y - notesRows - 1)
        let columns = max(1, min(3, a.width / 34))
        let colWidth = a.width / columns
        let lines = TrendWall.columns(TrendWall.blocks(s.workshop, l), columns: columns)
        // Titles wrap under themselves where the wall has the rows, rather than ending in "…".
        let wrap = lines.allSatisfy { $0.reduce(0) { $0 + Self.wallLines($1, width: colWidth - 1, wrap: true).count } <= wallRows }
        var used = 0
        var cut = false
        for (col, column) in lines.enumerated() {
            var row = 0
            for line in column {
                let shown = Self.wallLines(line, width: colWidth - 1, wrap: wrap)
                guard row + shown.count <= wallRows else { cut = true; break }
                let style = line.header ? Style(.accent, bold: true, underline: true) : Style(.text)
                for (k, part) in shown.enumerated() {
                    b.put(part, x: a.x + col * colWidth, y: y + row + k, style: style, maxWidth: colWidth - 1)
                }
                row += shown.count
            }
            used = max(used, row)
        }
        if cut {
            let more = l == .nl ? "(n: alle trends)" : "(n: all trends)"
            b.put(more, x: a.x + a.width - DisplayWidth.of(more), y: y + wallRows, style: Style(.dim))
        }
        y += used + 1
        StepView.entries(app, s, S.notes[l], Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y), into: &b)
    }

    /// A line of the wall: a header, or a numbered title wrapped under itself (or clipped).
    static func wallLines(_ line: TrendWall.Line, width: Int, wrap: Bool) -> [String] {
        if line.header { return wrap ? Wrap.lines(line.text, width: width) : [Wrap.clip(line.text, width: width)] }
        let number = String(line.number).leftPad(2) + " "
        guard wrap else { return [Wrap.clip(number + line.text, width: width)] }
        return Wrap.lines(line.text, width: max(4, width - 3)).enumerated().map { ($0.offset == 0 ? number : "   ") + $0.element }
    }

    static func round(_ app: AppState, _ s: SessionScreen, _ a: Area, into b: inout CellBuffer) {
        let l = app.language
        guard let scenario = s.workshop.scenario(s.step.scenario ?? "") else { return }
        var y = a.y
        // The story gives way first: the prompts and the newest entries keep their rows.
        let promptRows = StepView.promptRows(app, s, width: a.width)
        let bottom = a.y + a.height - StepView.listReserve(app, s, a) - promptRows
        if let tagline = scenario.tagline {
            y += b.paragraph(tagline[l], x: a.x, y: y, width: a.width, maxRows: min(2, bottom - y), style: Style(.text, bold: true))
        } else if a.height < 30 {
            y += b.paragraph(scenario.narrative[l], x: a.x, y: y, width: a.width, maxRows: min(2, bottom - y), style: Style(.text))
        }
        // The persona the room steps into, in every round.
        y += PersonaCard.strip(s, l, x: a.x, y: y, width: a.width, maxRows: min(a.height >= 30 ? 3 : 2, bottom - y - 1), into: &b)
        // The 2×2 map on the right with the features under it where they fit, the narrative
        // (where there is room) on the left.
        let mapWidth = a.width >= 110 ? 43 : a.width >= 80 ? 33 : 25
        let mapHeight = MatrixMap.height(s.workshop, l, width: mapWidth)
        if bottom - y >= mapHeight {
            let leftWidth = a.width - mapWidth - 2
            MatrixMap.draw(s.workshop, highlight: scenario.id, language: l, x: a.x + a.width - mapWidth, y: y, width: mapWidth, into: &b)
            var ly = y
            var ry = y + mapHeight + 1
            let features = scenario.features.prefix(6).map { "· " + $0[l] }
            let featureRows = features.reduce(0) { $0 + Wrap.lines($1, width: mapWidth).count }
            let featuresRight = a.height >= 30 && ry + featureRows <= bottom
            if a.height >= 30 {
                ly += b.paragraph(scenario.narrative[l], x: a.x, y: ly, width: leftWidth, maxRows: bottom - ly - (featuresRight ? 0 : 3), style: Style(.text))
                ly += 1
            }
            for f in features where featuresRight {
                ry += b.paragraph(f, x: a.x + a.width - mapWidth, y: ry, width: mapWidth, maxRows: 3, style: Style(.dim))
            }
            for f in features where !featuresRight && ly < bottom {
                ly += b.paragraph(f, x: a.x, y: ly, width: leftWidth, maxRows: min(2, bottom - ly), style: Style(.dim))
            }
            y = max(ly, featuresRight ? ry : y + mapHeight) + 1
        }
        y += StepView.prompts(app, s, Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y), maxRows: promptRows, into: &b)
        StepView.entries(app, s, S.implicationsSoFar[l], Area(x: a.x, y: y, width: a.width, height: a.y + a.height - y), into: &b)
    }
}

/// The small 2×2 map of the axes with one quadrant marked, each axis named: the second
/// axis above the map (its high pole up), the first below it (low pole left, high right).
enum MatrixMap {
    /// Rows the map takes at `width`: the axis names wrap rather than being cut.
    static func height(_ w: Workshop, _ l: Language, width: Int) -> Int {
        guard w.axes.count == 2 else { return 0 }
        return top(w, l, width: width).count + 5 + bottom(w, l, width: width).count
    }

    static func top(_ w: Workshop, _ l: Language, width: Int) -> [String] {
        Array(Wrap.lines("↑ " + w.axes[1].title[l] + ": " + w.axes[1].poles[1].label[l], width: width).prefix(2))
    }

    static func bottom(_ w: Workshop, _ l: Language, width: Int) -> [String] {
        Array(Wrap.lines("→ " + w.axes[0].title[l], width: width).prefix(2))
    }

    static func draw(_ w: Workshop, highlight: String?, language l: Language, x: Int, y: Int, width: Int, into b: inout CellBuffer) {
        guard w.axes.count == 2 else { return }
        let cell = (width - 3) / 2
        var y = y
        for line in top(w, l, width: width) {
            b.put(line, x: x, y: y, style: Style(.dim))
            y += 1
        }
        for row in 0..<2 {
            for col in 0..<2 {
                // Top row of the map is the high pole of the second axis.
                let pole = 1 - row
                let scenario = w.scenarios.first { w.quadrant(of: $0).map { $0.column == col && $0.row == pole } ?? false }
                let marked = scenario?.id == highlight && highlight != nil
                let style = marked ? Style(.highlight, bold: true, reverse: true) : Style(.frame)
                let cx = x + 1 + col * (cell + 1)
                let cy = y + row * 2
                b.fill(x: cx, y: cy, width: cell, height: 2, style: style)
                if let scenario, let index = w.scenarios.firstIndex(of: scenario) {
                    // Two rows per quadrant: the name wraps rather than being cut.
                    b.paragraph("\(index + 1) " + scenario.title[l], x: cx, y: cy, width: cell, maxRows: 2, style: marked ? style : Style(.text))
                }
            }
        }
        y += 4
        let low = w.axes[0].poles[0].label[l]
        let high = w.axes[0].poles[1].label[l] + " →"
        b.put(Wrap.clip(low, width: width / 2), x: x + 1, y: y, style: Style(.dim))
        b.put(high, x: x + width - DisplayWidth.of(high), y: y, style: Style(.dim))
        y += 1
        for line in bottom(w, l, width: width) {
            b.put(line, x: x, y: y, style: Style(.dim))
            y += 1
        }
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
