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
        let wall = step.kind == .tableRound || step.kind == .reportBack
        if a.height >= 34, !wall, BigText.draw(title.uppercased(), into: &b, x: a.x, y: a.y, maxWidth: a.width, style: Style(.accent, bold: true)) {
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

    /// The step's prompts, one per line (wrapped on big screens); returns rows used.
    /// Never below the area: a panel under it (the room's join line) stays whole.
    static func prompts(_ app: AppState, _ s: SessionScreen, _ a: SessionView.Area, maxRows: Int, into b: inout CellBuffer) -> Int {
        var y = a.y
        let bottom = a.y + min(maxRows, a.height)
        for p in s.step.prompts where y < bottom {
            let rows = b.paragraph("? " + p[app.language], x: a.x, y: y, width: a.width, maxRows: min(a.width >= 100 ? 2 : 1, bottom - y), style: Style(.highlight))
            y += rows
        }
        return y - a.y
    }

    /// A heading line with a count, then the list of entries below it.
    static func entries(_ app: AppState, _ s: SessionScreen, _ heading: String, _ a: SessionView.Area, into b: inout CellBuffer) {
        guard a.height > 1 else { return }
        b.hline(x: a.x, y: a.y, width: a.width)
        b.put(" \(heading) (\(s.visible.count)) ", x: a.x + 1, y: a.y, style: Style(.accent, bold: true))
        EntryListView.draw(app, s, SessionView.Area(x: a.x, y: a.y + 1, width: a.width, height: a.height - 1), into: &b)
    }
}
