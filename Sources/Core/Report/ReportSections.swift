/// The report's sections in full: per scenario, per target group, shared koersvast
/// insights, per direction, and whatever else was typed. Lists are never cut.
extension PartBuilder {
    mutating func perScenario() {
        heading(1, t.perScenario)
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
        heading(1, t.per + " " + w.perspectiveTerm.singular[l])
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

    mutating func shared() {
        heading(1, t.sharedTitle(w.perspectiveTerm.plural[l]))
        if part.shared.isEmpty { add(.remark(t.none)) }
        for s in part.shared {
            let how: String
            switch s.source {
            case .group: how = t.grouped
            case .exactMatch: how = t.sameText
            }
            heading(2, s.label)
            add(.remark(how + " · " + t.inGroups(s.perspectives.count, w.perspectiveTerm, names: s.perspectives.map(name))))
            add(.list(s.items.map { item($0, extra: name($0.perspective)) }))
        }
    }

    mutating func perDirection() {
        heading(1, t.directions)
        for d in part.directions {
            heading(2, directionTitle(d))
            if let gist = w.direction(d.directionId)?.gist { add(.remark(gist[l])) }
            add(d.insights.isEmpty ? .remark(t.noInsights) : .list(d.insights.map { item($0, extra: name($0.perspective)) }))
        }
    }

    /// Notes from the opening, trend and close steps, and implications typed outside a
    /// scenario round: in no other section, so here, per session, in the order typed.
    mutating func otherInput() {
        heading(1, t.otherInput)
        add(.remark(t.otherInputLegend))
        var any = false
        for id in part.sessionIds {
            guard let s = report.session(id) else { continue }
            let entries = s.state.entries.filter { $0.isLive && ($0.kind == .note || ($0.kind == .implication && $0.scenario == nil)) }
                .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            guard !entries.isEmpty else { continue }
            any = true
            heading(2, s.state.setup.title + " — " + name(PerspectiveKey(s.state.setup.perspective)))
            add(.list(entries.map { e in
                var notes = [t.kind(e.kind) + ", " + (w.step(e.step)?.title[l] ?? e.step)]
                let trends = w.trends.filter { e.trends.contains($0.id) }
                if !trends.isEmpty { notes.append(t.trendsLabel(trends.count) + " " + trends.map { String($0.number) }.joined(separator: ", ")) }
                if let v = t.votes(e.votesBy) { notes.append(v) }
                if !s.hidesNames, let a = e.author { notes.append(a) }
                return .init(text: e.text, note: notes.joined(separator: " · "))
            }))
        }
        if !any { add(.remark(t.none)) }
    }
}
