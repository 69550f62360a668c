/// What a reader who was not there needs: how the sessions worked, how names were kept out,
/// who the groups and personas are, the four worlds and the trends cited, and a colophon.
extension PartBuilder {
    /// How the outcome was made and what it cannot say, from the data: who sat in the room,
    /// the fictional personas, the questions asked, paper, what was judged, how groups were
    /// made, the scripts, names, and who sat where.
    mutating func method() {
        heading(1, t.methodAndLimits)
        for p in t.methodParagraphs(w.perspectiveTerm.plural[l], scenarios: w.scenarios.count) { add(.paragraph(p)) }
        add(.paragraph(t.groupingMethod))
        let sessions = part.sessionIds.compactMap { report.session($0) }
        heading(2, t.whoInTheRoom)
        let kinds = sessions.map(\.state.setup.roomKind)
        func n(_ k: RoomKind?) -> Int { kinds.filter { $0 == k }.count }
        add(.paragraph(t.roomKinds(
            professionals: n(.professionals), group: n(.targetGroup), mixed: n(.mixed), unknown: n(nil), total: sessions.count)))
        add(.paragraph(t.personasFictional))
        var prompts: [String] = []
        for step in w.steps where step.kind == .scenarioRound || step.kind == .tableRound {
            for p in step.prompts where !prompts.contains(p[l]) { prompts.append(p[l]) }
        }
        if !prompts.isEmpty {
            heading(2, t.promptsAsked)
            add(.list(prompts.map { .init(text: $0) }))
        }
        heading(2, t.methodLimits)
        let paper = sessions.map { s in s.state.entries.filter { $0.isLive && EntryImport.isImported($0.id) }.count }
        let paperSessions = paper.filter { $0 > 0 }.count
        add(.paragraph(t.paper(sessions: paperSessions, entries: paper.reduce(0, +), total: sessions.count)))
        let insights = allInsights
        let judged = insights.filter { !$0.holdsIn.isEmpty }
        let linked = insights.filter { !$0.entry.directions.isEmpty }.count
        add(.paragraph(t.judged(total: insights.count, judged: judged.count, linked: linked)))
        add(.paragraph(t.groupsMade(
            organiser: part.shared.filter { if case .group = $0.source { return true } else { return false } }.count,
            same: part.shared.filter { $0.source == .exactMatch }.count,
            proposed: part.unreviewed.count)))
        heading(2, t.scripts)
        add(.table(.init(kind: .plain, header: [t.session, t.scriptColumn], rows: sessions.map { s in
            .init(cells: [.init(text: s.state.setup.title), .init(text: s.state.setup.workshopTitle[l])])
        }, small: true)))
        heading(2, t.anonymity)
        add(.paragraph(anonymityText(sessions)))
        seatingTables(sessions)
    }

    /// Per case, in plain words; with `--no-names` it never claims "no names" while a known
    /// name is still inside an entry's text.
    func anonymityText(_ sessions: [SessionInput]) -> String {
        if report.options.noNames {
            if report.options.redactNames { return t.noNamesRedacted }
            let found = report.namesInText.filter { part.sessionIds.contains($0.ref.sessionId) }
            return found.isEmpty ? t.noNamesClean : t.noNamesButInText(Set(found.map(\.ref)).count)
        }
        let anonymous = sessions.filter(\.state.setup.anonymous).count
        let hidden = sessions.filter { !$0.state.setup.anonymous && $0.state.hideNames }.count
        return t.anonymity(sessions: sessions.count, anonymous: anonymous, hidden: hidden)
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
                // The room stepped into this persona every round: a reader needs it as much as the workshop's.
                if let persona = p.sessionIds.compactMap({ report.session($0)?.state.setup.customPersona }).first {
                    add(.lead(label: t.persona, text: persona))
                }
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
        for s in report.sessions where !report.options.noNames {
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
