import Core

/// The full card over the screen (key `n`): the whole scenario narrative in a round, the
/// persona in the opening, every trend on the wall, the directions and messages later on.
enum CardView {
    static func draw(_ app: AppState, _ s: SessionScreen, into b: inout CellBuffer) {
        let l = app.language
        let w = min(b.width - 4, 110)
        let h = b.height - 4
        let x = (b.width - w) / 2
        let y = 2
        var title = s.step.title[l]
        var paragraphs: [(String, Style)] = []
        switch s.step.kind {
        case .scenarioRound:
            if let sc = s.workshop.scenario(s.step.scenario ?? "") {
                title = s.scenarioTitle(sc, l)
                if let tag = sc.tagline { paragraphs.append((tag[l], Style(.text, bold: true))) }
                paragraphs.append((sc.narrative[l], Style(.text)))
                paragraphs.append((S.features[l] + ": " + sc.features.map { $0[l] }.joined(separator: " · "), Style(.dim)))
            }
        case .opening:
            title = s.perspectiveName(l)
            if case .workshop(let id) = s.state.setup.perspective, let p = s.workshop.perspective(id) {
                paragraphs.append((p.description[l], Style(.text)))
                if let persona = p.persona { paragraphs.append((S.personaOurs[l] + persona[l], Style(.highlight))) }
            }
            paragraphs.append((s.workshop.question[l], Style(.dim)))
        case .trends:
            // Grouped as on the wall, each trend with its domains (the study's six).
            let domain = Dictionary(uniqueKeysWithValues: s.workshop.domains.map { ($0.id, $0.title[l]) })
            if !s.workshop.domains.isEmpty { paragraphs.append((S.domainsOurs[l], Style(.dim))) }
            let roomy = h - 4 >= 2 * (s.workshop.trends.count + s.workshop.trendCategories.count + 1) + 2
            for block in [TrendWall.above(s.workshop, l)] + TrendWall.blocks(s.workshop, l) {
                for line in block {
                    if line.header { paragraphs.append((line.text, Style(.accent, bold: true))); continue }
                    guard let t = s.workshop.trends.first(where: { $0.number == line.number }) else { continue }
                    let domains = t.domains.compactMap { domain[$0] }.joined(separator: ", ")
                    // The explanation only where every trend still fits; titles and domains first.
                    let text = roomy ? "\(t.number). \(t.title[l]) — \(t.explanation[l])" : "\(t.number). \(t.title[l])"
                    paragraphs.append((text + (domains.isEmpty ? "" : " [\(domains)]"), Style(.text)))
                }
            }
        default:
            for d in s.workshop.directions { paragraphs.append(("\(d.number). \(d.title[l]) — \(d.gist[l])", Style(.text))) }
            paragraphs.append((S.messages[l] + ":", Style(.accent, bold: true)))
            for m in s.workshop.messages { paragraphs.append(("\(m.number). \(m.title[l]) — \(m.gist[l])", Style(.dim))) }
        }
        b.box(x: x, y: y, width: w, height: h, style: Style(.accent), title: title)
        var cy = y + 2
        for (text, style) in paragraphs where cy < y + h - 2 {
            cy += b.paragraph(text, x: x + 3, y: cy, width: w - 6, maxRows: y + h - 2 - cy, style: style)
            if paragraphs.count < 8 { cy += 1 }
        }
        b.centred(S.helpClose[l], y: y + h - 1, x: x, width: w, style: Style(.dim))
    }
}
