/// The front page and the findings: what a director reads before deciding to read on.
extension PartBuilder {
    mutating func frontPage(contents: Bool) {
        keyMessagesFirst()
        add(.lead(label: t.centralQuestion, text: w.question[l]))
        let sessions = part.sessionIds.compactMap { report.session($0) }
        heading(1, t.sessionsCovered(sessions.count))
        add(.table(.init(
            kind: .plain,
            header: [t.session, ReportDocument.capitalised(w.perspectiveTerm.singular[l]), t.date, t.place, t.facilitator, t.people, t.participants],
            rows: sessions.map { s in
                // A facilitator works in the open, also in an anonymous session; only
                // `--no-names` leaves them out.
                let facilitator = report.options.noNames ? t.hidden : (s.state.setup.facilitator ?? "—")
                return .init(cells: [
                    .init(text: s.state.setup.title), .init(text: name(PerspectiveKey(s.state.setup.perspective))),
                    .init(text: sessionDate(s)), .init(text: s.state.setup.place ?? "—"), .init(text: facilitator),
                    .init(text: people(s)), .init(text: String(s.state.participants.count)),
                ])
            }, small: true)))
        add(.remark(t.peopleTotal(sessions.count, counted: sessions.compactMap(\.state.setup.people).reduce(0, +),
                                  unknown: sessions.filter { $0.state.setup.people == nil }.count)))
        add(.remark(t.participantsLegend))
        add(.pageBreak)
        if contents && !report.options.short {
            add(.contents([]))
            add(.pageBreak)
        }
    }

    /// The day the session was held: as the organiser gave it, else the day it was made.
    func sessionDate(_ s: SessionInput) -> String {
        if let day = s.state.setup.date { return DateWords.format(day: day, l) }
        return DateWords.format(ms: s.state.createdAt, l)
    }

    /// People in the room: as the facilitator counted them, else those who joined and the room.
    func people(_ s: SessionInput) -> String {
        if let n = s.state.setup.people { return String(n) }
        let joined = s.state.participants.count
        return t.s("onbekend (\(joined) met eigen scherm)", "unknown (\(joined) on own screens)")
    }

    /// The organiser's summary (its key messages are on page 1), or the concept remark.
    mutating func findings() {
        let summary = report.options.summary
        if let summary, !summary.isEmpty {
            guard !summary.text.allSatisfy(\.isWhitespace) else { return }
            heading(1, t.summary)
            for paragraph in summary.text.split(separator: "\n\n").map(String.init) where !paragraph.allSatisfy(\.isWhitespace) {
                add(.paragraph(paragraph))
            }
        } else {
            heading(1, t.summary)
            add(.concept(t.conceptNote))
        }
    }

    /// The study's own main messages, each with the evidence the organiser linked to it and
    /// how many insights from how many groups that is; "not linked" where there is none.
    mutating func mainMessages() {
        guard !w.messages.isEmpty else { return }
        heading(1, t.mainMessagesEvidence(w.messages.count))
        add(.remark(t.messagesLegend))
        for m in w.messages {
            heading(2, "\(m.number). " + m.title[l])
            add(.paragraph(m.gist[l]))
            guard let evidence = part.messages.first(where: { $0.messageId == m.id }), !evidence.isEmpty else {
                add(.remark(t.notLinked))
                continue
            }
            let count = t.evidenceCount(insights: evidence.allInsights.count, groups: evidence.groups, w.perspectiveTerm)
            add(.paragraph(count))
            if !evidence.insights.isEmpty {
                add(.list(evidence.insights.map { i in
                    item(i, extra: name(i.perspective) + " · " + robustnessWord(i))
                }))
            }
            for d in evidence.directions {
                let groups = Set(d.insights.map(\.perspective)).count
                let count = t.evidenceCount(insights: d.insights.count, groups: groups, w.perspectiveTerm)
                add(.list([.init(text: directionTitle(d), note: t.viaDirection + " · " + count)]))
            }
        }
    }

    func robustnessWord(_ i: SynthesisItem) -> String {
        t.robustnessWord(Robustness.of(i.entry, scenarios: w.scenarios.map(\.id)))
    }

    /// What several groups share: the organiser's groups (made or accepted) and identical
    /// texts, widest reach first, each with its weight. Proposals not yet judged are no finding:
    /// they are in their own annex.
    mutating func koersvastAcross() {
        heading(1, t.koersvastAcross(w.perspectiveTerm.plural[l]))
        add(.remark(t.sharedAcrossLegend))
        for s in part.shared {
            let how = s.source == .exactMatch ? t.sameText : t.grouped
            heading(2, s.label)
            add(.remark(how + " · " + t.weight(s.reach, w)))
            add(.remark(t.inGroups(s.perspectives.count, w.perspectiveTerm, names: s.perspectives.map(name))))
            add(.list(s.items.map { item($0, extra: name($0.perspective)) }))
        }
        if part.shared.isEmpty { add(.remark(t.noKoersvastShared)) }
        // What only one group holds koersvast: listed, so nothing is lost from the summary.
        let placed = Set(part.shared.flatMap { $0.items.map(\.ref) })
        var single: [ReportDocument.Item] = []
        for p in part.perspectives {
            for i in p.koersvast where !placed.contains(i.ref) {
                single.append(.init(text: i.entry.text, note: t.inGroups(1, w.perspectiveTerm, names: [p.name[l]])))
            }
        }
        if !single.isEmpty {
            heading(2, t.koersvastOneGroup(w.perspectiveTerm.singular[l]))
            add(.list(single))
        }
    }

    /// Proposed groups nobody judged yet, each with why it was proposed: not findings.
    mutating func unreviewedProposals() {
        heading(1, t.unreviewedTitle)
        add(.remark(t.unreviewedLegend))
        if part.unreviewed.isEmpty { add(.remark(t.none)) }
        for p in part.unreviewed {
            heading(2, p.items[0].entry.text)
            add(.remark(t.proposalReason(words: p.words, concepts: p.conceptLabels.map { $0[l] }, strength: p.strength) + " · "
                + t.inGroups(p.perspectives.count, w.perspectiveTerm, names: p.perspectives.map(name))))
            add(.list(p.items.map { item($0, extra: name($0.perspective)) }))
        }
    }

    func directionTitle(_ d: DirectionSummary) -> String {
        (w.direction(d.directionId).map { "\($0.number). " } ?? "") + d.title[l]
    }
}
