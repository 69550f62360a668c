/// The report's sections in full: per scenario, per target group, shared koersvast
/// insights, per direction, and whatever else was typed. Lists are never cut.
extension PartBuilder {
    mutating func perScenario() {
        heading(1, t.annexScenario)
        if let note = w.scenarioNote { add(.remark(note[l])) }
        for sc in part.scenarios {
            heading(2, sc.title[l])
            if let s = w.scenario(sc.scenarioId) {
                if let tagline = s.tagline { add(.paragraph(tagline[l])) }
                let poles = w.axes.compactMap { axis -> String? in
                    guard let pole = axis.poles.first(where: { $0.id == s.position[axis.id] }) else { return nil }
                    return axis.title[l] + ": " + pole.label[l]
                }
                if !poles.isEmpty { add(.remark(poles.joined(separator: " · "))) }
            }
            for (key, list) in sc.byPerspective {
                heading(3, name(key))
                add(list.isEmpty ? .remark(t.noImplications) : .list(list.map { item($0) }))
            }
        }
    }

    mutating func perPerspective() {
        heading(1, t.annexPerspective(w.perspectiveTerm.singular[l]))
        for p in part.perspectives {
            heading(2, p.name[l])
            heading(3, t.koersvast)
            add(p.koersvast.isEmpty ? .remark(t.none) : .list(p.koersvast.map { item($0) }))
            heading(3, t.scenarioSpecific)
            add(p.specific.isEmpty ? .remark(t.none) : .list(p.specific.map {
                item($0.item, marks: $0.scenarios.map(scenarioTitle), marksLabel: t.holdsIn)
            }))
            if !p.open.isEmpty {
                heading(3, t.notJudged)
                add(.list(p.open.map { item($0) }))
            }
        }
    }

    /// Notes from the opening, trend and close steps, and implications typed outside a
    /// scenario round: in no other section, so here, per session, grouped by step in the
    /// script's order and within a step in the order made (imported rows in file order).
    mutating func otherInput() {
        heading(1, t.annexOther)
        add(.remark(t.otherInputLegend))
        var any = false
        for id in part.sessionIds {
            guard let s = report.session(id) else { continue }
            // Each session on its own script: a programme's workshops name their steps apart.
            let sw = s.workshop
            let stepIndex = Dictionary(sw.steps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let entries = s.state.entries.enumerated()
                .filter { $1.isLive && ($1.kind == .note || ($1.kind == .implication && $1.scenario == nil)) }
                .sorted { (stepIndex[$0.element.step] ?? Int.max, $0.offset) < (stepIndex[$1.element.step] ?? Int.max, $1.offset) }
                .map(\.element)
            guard !entries.isEmpty else { continue }
            any = true
            heading(2, t.sessionHeading(s.state.setup.title, group: name(PerspectiveKey(s.state.setup.perspective))))
            var step: String?
            var list: [ReportDocument.Item] = []
            for e in entries {
                if e.step != step, !list.isEmpty {
                    add(.list(list))
                    list = []
                }
                if e.step != step { heading(3, sw.step(e.step)?.title[l] ?? e.step) }
                step = e.step
                list.append(otherItem(e, s))
            }
            if !list.isEmpty { add(.list(list)) }
        }
        if !any { add(.remark(t.none)) }
    }

    func otherItem(_ e: Entry, _ s: SessionInput) -> ReportDocument.Item {
        var notes = [t.kind(e.kind)]
        if let n = tables.of(e) { notes.append(t.tableNote(n)) }
        let trends = w.trends.filter { e.trends.contains($0.id) }
        if !trends.isEmpty { notes.append(t.trendsLabel(trends.count) + " " + trends.map { String($0.number) }.joined(separator: ", ")) }
        if let v = t.votes(e.votesBy) { notes.append(v) }
        if !s.hidesNames, let a = e.author { notes.append(a) }
        return .init(text: e.text, note: notes.joined(separator: " · "))
    }
}
