/// Page 1 of the report: the answer. The organiser's key messages, or while there are none
/// the strongest findings across groups (marked as concept), each with its weight where the
/// data knows it: how many groups hold it, whether it is koersvast, its share of the votes.
extension PartBuilder {
    /// The findings several groups share: the organiser's groups (made or accepted) and
    /// identical texts, widest reach first (the synthesis orders them). Proposals nobody has
    /// judged are no finding, not even on page 1.
    var crossGroupFindings: [SharedInsight] { part.shared }

    /// Every vote cast on an insight of this part: the base of a finding's share.
    var insightVotes: Int { allInsights.reduce(0) { $0 + $1.entry.votes } }

    /// "5 van 5 doelgroepen · koersvast · 27 % van de stemmen".
    func weight(of items: [SynthesisItem], perspectives: Int) -> String {
        var parts = [t.groupsOf(perspectives, part.perspectives.count, w.perspectiveTerm)]
        let ids = w.scenarios.map(\.id)
        if !items.isEmpty, items.allSatisfy({ Robustness.of($0.entry, scenarios: ids) == .koersvast }) {
            parts.append(t.robustnessWord(.koersvast))
        }
        let total = insightVotes
        let votes = items.reduce(0) { $0 + $1.entry.votes }
        if total > 0, votes > 0 { parts.append(t.shareOfVotes(VoteShare.percent(votes, total))) }
        return parts.joined(separator: " · ")
    }

    /// The key messages on page 1. The organiser's own carry the weight of the finding they
    /// share words with, if any; without a summary the strongest findings stand in, as concept.
    mutating func keyMessagesFirst() {
        let findings = crossGroupFindings
        if let summary = report.options.summary, !summary.keyMessages.isEmpty {
            add(.heading(level: base, text: t.keyMessages))
            add(.list(summary.keyMessages.map { message in
                let words = SimilarInsights.stems(message)
                let match = findings.first { f in
                    f.items.contains {
                        SimilarInsights.shared(SimilarInsights.stems($0.entry.text), words).count >= SimilarInsights.minimumShared
                    }
                }
                let note = match.map { t.weight($0.reach, w) }
                return .init(text: message, note: note)
            }))
            return
        }
        add(.heading(level: base, text: t.strongestFindings))
        // A summary without key messages is no concept; the findings still say whose they are.
        add(report.isConcept ? .concept(t.strongestFindingsConcept) : .remark(t.strongestFindingsNote))
        var items: [ReportDocument.Item] = findings.prefix(3).map { .init(text: $0.label, note: t.weight($0.reach, w)) }
        if items.isEmpty {
            // Nothing shared yet: the most-voted insights say what the rooms weighed.
            items = allInsights.filter { $0.entry.votes > 0 }.sorted(by: SynthesisItem.byVotes).prefix(3).map {
                .init(text: $0.entry.text, note: name($0.perspective) + " · " + weight(of: [$0], perspectives: 1))
            }
        }
        add(items.isEmpty ? .remark(t.noFindingsYet) : .list(items))
    }
}
