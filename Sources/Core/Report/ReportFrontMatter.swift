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
        return t.s("\(s.state.participants.count) + zaal", "\(s.state.participants.count) + room")
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

    /// The study's own main messages, each with the insights that share its words: the study
    /// maps no insight to a message, so this is a proposal and says on what it rests.
    mutating func mainMessages() {
        guard !w.messages.isEmpty else { return }
        heading(1, t.mainMessages(w.messages.count))
        add(.remark(t.mainMessagesLegend))
        let insights = allInsights
        // Each insight's words once, not once per message.
        let words = insights.map { SimilarInsights.stems($0.entry.text) }
        let generic = Set(SimilarInsights.stems(w.question.nl + " " + w.question.en).map(\.stem))
        for m in w.messages {
            heading(2, "\(m.number). " + m.title[l])
            add(.paragraph(m.gist[l]))
            let message = SimilarInsights.stems([m.title.nl, m.title.en, m.gist.nl, m.gist.en].joined(separator: " "))
                .filter { !generic.contains($0.stem) }
            let evidence: [(SynthesisItem, [String])] = insights.indices.compactMap { n in
                let shared = SimilarInsights.shared(words[n], message)
                return shared.count >= SimilarInsights.minimumShared ? (insights[n], shared) : nil
            }
            if evidence.isEmpty {
                add(.remark(t.noEvidence))
            } else {
                add(.list(evidence.map { (i, words) in
                    var note = [name(i.perspective), robustnessWord(i), t.sharedWords(words)]
                    if let v = t.votes(i.entry.votesBy) { note.append(v) }
                    return .init(text: i.entry.text, note: note.joined(separator: " · "))
                }))
            }
        }
    }

    func robustnessWord(_ i: SynthesisItem) -> String {
        t.robustnessWord(Robustness.of(i.entry, scenarios: w.scenarios.map(\.id)))
    }

    /// Koersvast insights that several groups share: the organiser's groups, the same text,
    /// and groups proposed by shared words, each saying how it was made.
    mutating func koersvastAcross() {
        heading(1, t.koersvastAcross(w.perspectiveTerm.plural[l]))
        add(.remark(t.koersvastAcrossLegend))
        var any = false
        for s in part.shared.sorted(by: { $0.perspectives.count > $1.perspectives.count }) {
            any = true
            let how = s.source == .exactMatch ? t.sameText : t.grouped
            heading(2, s.label)
            add(.remark(how + " · " + t.inGroups(s.perspectives.count, w.perspectiveTerm, names: s.perspectives.map(name))))
            add(.list(s.items.map { item($0, extra: name($0.perspective)) }))
        }
        let inShared = Set(part.shared.flatMap { $0.items.map(\.ref) })
        let proposals = SimilarInsights.propose(part.perspectives.flatMap(\.koersvast), except: inShared)
            .sorted { $0.perspectives.count > $1.perspectives.count }
        for p in proposals {
            any = true
            heading(2, p.items[0].entry.text)
            add(.remark(t.proposed(p.words) + " · " + t.inGroups(p.perspectives.count, w.perspectiveTerm, names: p.perspectives.map(name))))
            add(.list(p.items.map { item($0, extra: name($0.perspective)) }))
        }
        if !any { add(.remark(t.noKoersvastShared)) }
        // What only one group holds koersvast: listed, so nothing is lost from the summary.
        let placed = inShared.union(proposals.flatMap { $0.items.map(\.ref) })
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

    func directionTitle(_ d: DirectionSummary) -> String {
        (w.direction(d.directionId).map { "\($0.number). " } ?? "") + d.title[l]
    }
}
