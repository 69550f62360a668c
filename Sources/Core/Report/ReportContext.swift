/// What a reader who was not there needs: how the sessions worked, how names were kept out,
/// who the groups and personas are, the four worlds and the trends cited, and a colophon.
extension PartBuilder {
    mutating func method() {
        heading(1, t.method)
        for p in t.methodParagraphs(w.perspectiveTerm.plural[l], scenarios: w.scenarios.count) { add(.paragraph(p)) }
        add(.paragraph(t.groupingMethod))
        scripts()
        heading(2, t.anonymity)
        let sessions = part.sessionIds.compactMap { report.session($0) }
        let anonymous = sessions.filter(\.state.setup.anonymous).count
        let hidden = sessions.filter(\.hidesNames).count
        add(.paragraph(t.anonymityText(sessions: sessions.count, anonymous: anonymous, hidden: hidden, noNames: report.options.noNames)))
    }

    /// Which workshop script each session ran on: a programme may use several (rounds, tables).
    mutating func scripts() {
        heading(2, t.scripts)
        var order: [String] = []
        var titles: [String: [String]] = [:]
        var names: [String: String] = [:]
        for id in part.sessionIds {
            guard let s = report.session(id) else { continue }
            if titles[s.workshop.id] == nil { order.append(s.workshop.id) }
            names[s.workshop.id] = s.workshop.title[l]
            titles[s.workshop.id, default: []].append(s.state.setup.title)
        }
        add(.list(order.map { .init(text: names[$0]!, note: titles[$0]!.joined(separator: ", ")) }))
    }

    mutating func context() {
        heading(1, t.context)
        heading(2, t.groupsAndPersonas(w.perspectiveTerm.plural[l]))
        for p in part.perspectives {
            heading(3, p.name[l])
            switch p.key {
            case .workshop(let id):
                guard let wp = w.perspective(id) else { continue }
                add(.paragraph(wp.description[l]))
                if let persona = wp.persona { add(.lead(label: t.persona, text: persona[l])) }
            case .custom:
                let described = p.sessionIds.compactMap { report.session($0)?.state.setup.customDescription }.first
                add(.paragraph(described.map { $0 + " " + t.customGroupOwn } ?? t.customGroup))
            }
        }
        heading(2, t.scenarioStories)
        if let note = w.scenarioNote { add(.remark(note[l])) }
        if let q = quadrant(lines: { s in s.tagline.map { [$0[l]] } ?? [] }) {
            add(.figure(.quadrant(q, caption: t.quadrantWorldsCaption)))
        }
        for s in w.scenarios {
            heading(3, scenarioTitle(s.id))
            let poles = w.axes.compactMap { axis -> String? in
                guard let pole = axis.poles.first(where: { $0.id == s.position[axis.id] }) else { return nil }
                return axis.title[l] + ": " + pole.label[l]
            }
            if !poles.isEmpty { add(.remark(poles.joined(separator: " · "))) }
            add(.paragraph(s.narrative[l]))
        }
        heading(2, t.trendsCited)
        var cited: Set<String> = []
        for id in part.sessionIds {
            for e in report.session(id)?.state.entries ?? [] where e.isLive { cited.formUnion(e.trends) }
        }
        let trends = w.trends.filter { cited.contains($0.id) }
        add(trends.isEmpty ? .remark(t.none) : .list(trends.map { .init(text: "\($0.number). " + $0.title[l], note: $0.explanation[l]) }))
    }

    /// Who made the report, with what, from which sessions and on which study.
    static func colophon(_ report: Report) -> [ReportDocument.Block] {
        let t = ReportStrings(report.language)
        let l = report.language
        var rows: [ReportDocument.Row] = []
        func row(_ a: String, _ b: String) { rows.append(.init(cells: [.init(text: a), .init(text: b)])) }
        let summary = report.options.summary
        if !report.options.noNames, let organiser = summary?.organiser, !organiser.isEmpty { row(t.organiser, organiser) }
        var facilitators: [String] = []
        for s in report.sessions where !s.hidesNames {
            if let f = s.state.setup.facilitator, !f.isEmpty, !facilitators.contains(f) { facilitators.append(f) }
        }
        row(t.facilitators, facilitators.isEmpty ? t.hidden : facilitators.joined(separator: ", "))
        row(t.date, DateWords.format(ms: report.date, l))
        row(t.version, summary.map { t.versionNumber($0.version, concept: report.isConcept) }
            ?? t.versionNumber(0, concept: true))
        row(t.tool, report.options.tool)
        // Workshops of one study cite the same source: say it once.
        var sources: [String] = []
        for part in report.parts {
            if let source = part.workshop.source?[l], !sources.contains(source) { sources.append(source) }
        }
        for source in sources { row(t.sourceLabel, source) }
        row(t.status, t.statusText)
        return [.pageBreak, .heading(level: 1, text: t.colophon), .table(.init(kind: .plain, header: [], rows: rows))]
    }
}
