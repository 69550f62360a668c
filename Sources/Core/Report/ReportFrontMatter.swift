/// The front page and the summary: what a director reads before deciding to read on.
extension PartBuilder {
    mutating func frontPage() {
        add(.lead(label: t.centralQuestion, text: w.question[l]))
        let sessions = part.sessionIds.compactMap { report.session($0) }
        heading(1, t.sessionsCovered(sessions.count))
        add(.table(.init(
            kind: .plain, header: [t.session, ReportDocument.capitalised(w.perspectiveTerm.singular[l]), t.date, t.place, t.facilitator, t.participants],
            rows: sessions.map { s in
                let facilitator = s.hidesNames ? t.hidden : (s.state.setup.facilitator ?? "—")
                return .init(cells: [
                    .init(text: s.state.setup.title), .init(text: name(PerspectiveKey(s.state.setup.perspective))),
                    .init(text: ISOTime.date(ms: s.state.createdAt)), .init(text: s.state.setup.place ?? "—"), .init(text: facilitator),
                    .init(text: String(s.state.participants.count)),
                ])
            })))
        add(.remark(t.participantsLegend))
        if let note = w.scenarioNote { add(.remark(note[l])) }
        if let source = w.source { add(.remark(t.sourceLabel + ": " + source[l])) }
        add(.pageBreak)
    }

    mutating func summary() {
        heading(1, t.summary)

        heading(2, t.koersvastAcross(w.perspectiveTerm.plural[l]))
        var across: [ReportDocument.Item] = part.shared.sorted { $0.perspectives.count > $1.perspectives.count }.map { s in
            .init(text: s.label, note: t.inGroups(s.perspectives.count, w.perspectiveTerm, names: s.perspectives.map(name)))
        }
        let inShared = Set(part.shared.flatMap { $0.items.map(\.ref) })
        for p in part.perspectives {
            for i in p.koersvast where !inShared.contains(i.ref) {
                across.append(.init(text: i.entry.text, note: t.inGroups(1, w.perspectiveTerm, names: [p.name[l]])))
            }
        }
        add(across.isEmpty ? .remark(t.noKoersvast) : .list(across))

        heading(2, t.mostVoted)
        add(.remark(t.votesLegend))
        let voted = part.perspectives.flatMap { p in p.koersvast + p.specific.map(\.item) + p.open }
            .filter { $0.entry.votes > 0 }.sorted(by: SynthesisItem.byVotes)
        if voted.isEmpty {
            add(.remark(t.noVotes))
        } else {
            add(.list(voted.prefix(Self.mostVotedShown).map { item($0, extra: name($0.perspective)) }))
            if voted.count > Self.mostVotedShown { add(.remark(t.moreVoted(voted.count))) }
        }

        heading(2, t.directionsMost)
        let ranked = part.directions.enumerated().filter { !$0.element.insights.isEmpty }
            .sorted { ($0.element.insights.count, -$0.offset) > ($1.element.insights.count, -$1.offset) }.map(\.element)
        if ranked.isEmpty {
            add(.remark(t.noInsights))
        } else {
            add(.list(ranked.map { d in
                let groups = Set(d.insights.map(\.perspective)).count
                return .init(text: directionTitle(d), note: t.insightsFromGroups(d.insights.count, groups, w.perspectiveTerm))
            }))
        }
    }

    /// How many most-voted insights the summary lists; the rest are in the sections.
    static let mostVotedShown = 5

    func directionTitle(_ d: DirectionSummary) -> String {
        (w.direction(d.directionId).map { "\($0.number). " } ?? "") + d.title[l]
    }
}
