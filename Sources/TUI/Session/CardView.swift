import Core

/// The full card over the screen (key `n`): the whole scenario narrative in a round, the
/// persona in the opening, every trend on the wall, the directions and messages later on,
/// and the step's prompts whole. It scrolls when it is taller than the screen.
enum CardView {
    static func geometry(_ width: Int, _ height: Int) -> ScrollBox.Geometry {
        let w = min(width - 4, 110)
        return ScrollBox.Geometry(x: (width - w) / 2, y: 2, width: w, height: height - 4)
    }

    static func content(_ app: AppState, _ s: SessionScreen) -> (title: String, lines: [ScrollBox.Line]) {
        let l = app.language
        var title = s.step.title[l]
        var paragraphs: [(String, Style)] = []
        switch s.step.kind {
        case .scenarioRound:
            if let sc = s.workshop.scenario(s.step.scenario ?? "") {
                title = s.scenarioTitle(sc, l)
                if let tag = sc.tagline { paragraphs.append((tag[l], Style(.text, bold: true))) }
                // The persona the round's prompt asks the room to step into, before the story.
                paragraphs += PersonaCard.lines(s, l, full: false).map { ($0.text, $0.style) }
                paragraphs.append((sc.narrative[l], Style(.text)))
                paragraphs.append((S.features[l] + ": " + sc.features.map { $0[l] }.joined(separator: " · "), Style(.dim)))
                if let q = s.workshop.quadrant(of: sc), s.workshop.axes.count == 2 {
                    let axes = s.workshop.axes
                    // "axis: pole", the axis in lower case mid-sentence, so the pole does not run into it.
                    func pole(_ axis: Workshop.Axis, _ i: Int) -> String {
                        let title = axis.title[l]
                        return (title.first.map { $0.lowercased() + title.dropFirst() } ?? title) + ": " + axis.poles[i].label[l]
                    }
                    let poles = [pole(axes[0], q.column), pole(axes[1], q.row)]
                    paragraphs.append((S.quadrant[l] + ": " + poles.joined(separator: " · "), Style(.dim)))
                }
            }

        case .opening:
            title = s.perspectiveName(l)
            paragraphs += PersonaCard.lines(s, l, full: true).map { ($0.text, $0.style) }
            paragraphs.append((s.workshop.question[l], Style(.dim)))
        case .insights:
            paragraphs = ImplicationsPanel.card(app, s)
        case .trends:
            // Grouped as on the wall, each trend with its domains (the study's six).
            let domain = Dictionary(uniqueKeysWithValues: s.workshop.domains.map { ($0.id, $0.title[l]) })
            if !s.workshop.domains.isEmpty { paragraphs.append((S.domainsOurs[l], Style(.dim))) }
            for block in [TrendWall.above(s.workshop, l)] + TrendWall.blocks(s.workshop, l) {
                for line in block {
                    if line.header { paragraphs.append((line.text, Style(.accent, bold: true))); continue }
                    guard let t = s.workshop.trends.first(where: { $0.number == line.number }) else { continue }
                    let domains = t.domains.compactMap { domain[$0] }.joined(separator: ", ")
                    // The card scrolls, so every trend keeps its explanation.
                    let text = "\(t.number). \(t.title[l]) — \(t.explanation[l])"
                    paragraphs.append((text + (domains.isEmpty ? "" : " [\(domains)]"), Style(.text)))
                }
            }
        default:
            for d in s.workshop.directions { paragraphs.append(("\(d.number). \(d.title[l]) — \(d.gist[l])", Style(.text))) }
            paragraphs.append((S.messages[l] + ":", Style(.accent, bold: true)))
            for m in s.workshop.messages { paragraphs.append(("\(m.number). \(m.title[l]) — \(m.gist[l])", Style(.dim))) }
        }
        let prompts = s.step.prompts.map { ("? " + $0[l], Style(.highlight)) }
        // The agenda whole: the rail cuts step titles below 200 columns.
        let agenda = [(S.agenda[l] + ":", Style(.accent, bold: true))]
            + s.workshop.steps.enumerated().map { ("\($0.offset + 1). \($0.element.title[l]) (\($0.element.minutes)′)", Style(.dim)) }
        let width = geometry(app.width, app.height).textWidth(keyed: false)
        let blank = ScrollBox.Line(key: nil, text: "", style: .plain)
        var lines = ScrollBox.wrap(paragraphs, width: width, spaced: paragraphs.count < 8)
        if !prompts.isEmpty { lines += [blank] + ScrollBox.wrap(prompts, width: width, spaced: false) }
        lines += [blank] + ScrollBox.wrap(agenda, width: width, spaced: false)
        return (title, lines)
    }

    static func scrolled(_ app: AppState, _ s: SessionScreen, _ key: Key) -> Int? {
        ScrollBox.scrolled(s.cardScroll, by: key, count: content(app, s).lines.count, geometry(app.width, app.height))
    }

    static func draw(_ app: AppState, _ s: SessionScreen, into b: inout CellBuffer) {
        let (title, lines) = content(app, s)
        ScrollBox.draw(title: title, lines: lines, offset: s.cardScroll, geometry(b.width, b.height), language: app.language, into: &b)
    }
}
