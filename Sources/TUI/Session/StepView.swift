import Core

/// The content of the current step, by kind.
enum StepView {
    static func draw(_ app: AppState, _ s: SessionScreen, _ area: SessionView.Area, into b: inout CellBuffer) {
        let l = app.language
        var a = area
        let step = s.step
        // Title: block letters on a big screen, else one bold line.
        let title = step.kind == .scenarioRound ? (s.workshop.scenario(step.scenario ?? "").map { s.scenarioTitle($0, l) } ?? step.title[l]) : step.title[l]
        let stepOf = S.stepOf(l, "\(s.stepIndex + 1)", "\(s.workshop.steps.count)")
        // Block letters only where they leave the story its rows (a 60-row projector); a
        // table wall needs every row for the tables.
        let wall = step.kind == .tableRound || step.kind == .reportBack
        if a.height >= 50, !wall, BigText.draw(title.uppercased(), into: &b, x: a.x, y: a.y, maxWidth: a.width, style: Style(.accent, bold: true)) {
            b.put(stepOf + (step.optional ? " · " + S.optional[l] : ""), x: a.x, y: a.y + BigText.height, style: Style(.dim))
            a.y += BigText.height + 2
            a.height -= BigText.height + 2
        } else {
            b.put(Wrap.clip(title, width: a.width - DisplayWidth.of(stepOf) - 2), x: a.x, y: a.y, style: Style(.accent, bold: true))
            b.put(stepOf, x: a.x + a.width - DisplayWidth.of(stepOf), y: a.y, style: Style(.dim))
            a.y += 2
            a.height -= 2
        }
        if !s.state.stepIsOpen(step.id) {
            let closed = l == .nl ? "Deze stap is gesloten voor deelnemers (x opent hem weer)" : "This step is closed to participants (x opens it again)"
            b.put(Wrap.clip(closed, width: a.width), x: a.x, y: a.y, style: Style(.warn))
            a.y += 1
            a.height -= 1
        }
        switch step.kind {
        case .opening: StepBodies.opening(app, s, a, into: &b)
        case .trends: StepBodies.trends(app, s, a, into: &b)
        case .scenarioRound: StepBodies.round(app, s, a, into: &b)
        case .insights: SynthesisBodies.insights(app, s, a, into: &b)
        case .robustness: SynthesisBodies.robustness(app, s, a, into: &b)
        case .directions: SynthesisBodies.directions(app, s, a, into: &b)
        case .voting: SynthesisBodies.voting(app, s, a, into: &b)
        case .close: SynthesisBodies.close(app, s, a, into: &b)
        case .harvest: ScriptBodies.harvest(app, s, a, into: &b)
        case .pause: ScriptBodies.pause(app, s, a, into: &b)
        case .tableRound: TableWall.draw(app, s, a, into: &b)
        case .reportBack: ReportBackWall.draw(app, s, a, into: &b)
        }
    }

    /// The step's prompts, wrapped (the room needs them whole); returns rows used. Never
    /// below the area: a panel under it stays whole.
    static func prompts(_ app: AppState, _ s: SessionScreen, _ a: SessionView.Area, maxRows: Int, into b: inout CellBuffer) -> Int {
        var y = a.y
        let bottom = a.y + min(maxRows, a.height)
        for p in s.step.prompts where y < bottom {
            y += b.paragraph("? " + p[app.language], x: a.x, y: y, width: a.width, maxRows: min(3, bottom - y), style: Style(.highlight))
        }
        return y - a.y
    }

    /// Rows the prompts take wrapped at `width` (each at most three).
    static func promptRows(_ app: AppState, _ s: SessionScreen, width: Int) -> Int {
        s.step.prompts.reduce(0) { $0 + min(3, Wrap.lines("? " + $1[app.language], width: width).count) }
    }

    /// Rows the entry list keeps below the step's story, heading included: the newest entries
    /// stay in view at every size, and the story (narrative, features, map) gives way first.
    /// Walks back from the newest entry only as far as needed, so 2,000 entries cost nothing.
    static func listReserve(_ app: AppState, _ s: SessionScreen, _ a: SessionView.Area) -> Int {
        let cap = max(5, a.height * 2 / 5)
        var rows = 1
        for i in s.visible.indices.reversed() where rows < cap {
            rows += min(2, Wrap.lines(s.state.entries[s.visible[i]].text, width: max(10, a.width - 9)).count)
        }
        return min(cap, max(4, rows))
    }

    /// A heading line with a count, then the list of entries below it.
    static func entries(_ app: AppState, _ s: SessionScreen, _ heading: String, _ a: SessionView.Area, into b: inout CellBuffer) {
        guard a.height > 1 else { return }
        b.hline(x: a.x, y: a.y, width: a.width)
        let title = " \(heading) (\(s.visible.count)) "
        b.put(title, x: a.x + 1, y: a.y, style: Style(.accent, bold: true))
        // When the facilitator has scrolled up, the heading says what is newer below.
        let below = s.follow ? 0 : s.visible.count - 1 - min(s.selected, s.visible.count - 1)
        if below > 0 {
            let more = " " + S.newerBelow(app.language, below) + " "
            if DisplayWidth.of(title) + DisplayWidth.of(more) + 4 <= a.width {
                b.put(more, x: a.x + a.width - DisplayWidth.of(more) - 1, y: a.y, style: Style(.highlight, bold: true))
            }
        }
        EntryListView.draw(app, s, SessionView.Area(x: a.x, y: a.y + 1, width: a.width, height: a.height - 1), into: &b)
    }
}
