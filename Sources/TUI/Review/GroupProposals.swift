import Core
import Store

/// Grouping help in the groups tab (`v`): insights of different target groups that look
/// alike, proposed as a group with the words, concepts and strength shown, so the organiser
/// sees why. `a` accepts (a group under the first insight's text that remembers the proposal;
/// `r` renames it afterwards), `x` rejects it for good; both are saved by the runtime before
/// the list changes. Esc or `v` goes back to the groups.
enum GroupProposals {
    /// The proposals over every loaded session's insights, per programme, without what is
    /// grouped or decided already. Deterministic: the synthesis's stable order.
    static func build(_ r: ReviewState) -> [SimilarInsights.Proposal] {
        var out: [SimilarInsights.Proposal] = []
        for part in Programme.parts(r.records.compactMap(\.input)) {
            let s = Synthesis.build(workshop: part.workshop, sessions: part.sessions)
            out += SimilarInsights.unreviewed(s, groups: r.groups, decisions: r.decisions)
        }
        return out
    }

    /// After a saved decision: what is grouped or decided now leaves the list.
    static func refresh(_ r: inout ReviewState) {
        guard let list = r.proposals else { return }
        let grouped = Set(r.groups.flatMap(\.members))
        r.proposals = r.decisions.open(list).filter { !$0.items.contains { grouped.contains($0.ref) } }
        r.proposalRow = max(0, min(r.proposalRow, (r.proposals?.count ?? 1) - 1))
    }

    static func open(_ app: inout AppState, _ r: inout ReviewState) {
        if r.loading > 0 {
            app.notice = r.stillLoading(app.language)
            return
        }
        r.proposals = build(r)
        r.proposalRow = 0
    }

    static func key(_ app: inout AppState, _ r: inout ReviewState, _ key: Key) -> [Effect] {
        guard let list = r.proposals else { return [] }
        switch key {
        case .escape, .char("v"), .char("q"):
            r.proposals = nil
        case .up, .char("k"):
            r.proposalRow = max(0, r.proposalRow - 1)
        case .down, .char("j"):
            r.proposalRow = min(max(0, list.count - 1), r.proposalRow + 1)
        case .char("a"), .enter:
            guard r.proposalRow < list.count else { return [] }
            let p = list[r.proposalRow]
            // Durable before shown: the list changes when the runtime says the group is saved.
            let label = TextPolicy.cleanLine(p.items[0].entry.text)
            return [.editGroup(.accept(proposal: p.id, p.items.map(\.ref), label: label))]
        case .char("x"):
            guard r.proposalRow < list.count else { return [] }
            let p = list[r.proposalRow]
            return [.editGroup(.reject(proposal: p.id, p.items.map(\.ref)))]
        default: break
        }
        return []
    }

    static func view(_ app: AppState, _ r: ReviewState, _ a: SessionView.Area, into b: inout CellBuffer) {
        let l = app.language
        let list = r.proposals ?? []
        let intro = S.proposalsIntro[l]
        var y = a.y + b.paragraph(intro, x: a.x, y: a.y, width: a.width, maxRows: 2, style: Style(.dim))
        guard !list.isEmpty else {
            _ = b.paragraph(S.noProposals[l], x: a.x, y: y, width: a.width, maxRows: 1, style: Style(.text))
            return
        }
        var names: [String: String] = [:]
        for record in r.records { if let input = record.input { names[input.sessionId] = record.listing.title } }
        let row = min(r.proposalRow, list.count - 1)
        let listRows = max(3, min(list.count, (a.height - 2) / 3))
        let first = max(0, min(row - listRows / 2, list.count - listRows))
        for (i, p) in list.enumerated().dropFirst(first).prefix(listRows) {
            let style = i == row ? Style(.highlight, bold: true, reverse: true) : Style(.text)
            let count = S.proposalGroups(p.perspectives.count)[l]
            b.fill(x: a.x, y: y, width: a.width, height: 1, style: style)
            b.put(Wrap.clip("◇ \(TerminalText.safe(p.items[0].entry.text, keepLineBreaks: false))  ·  \(count)", width: a.width - 1), x: a.x, y: y, style: style)
            y += 1
        }
        b.hline(x: a.x, y: y, width: a.width)
        y += 1
        let selected = list[row]
        let why = S.proposalWhy(
            words: selected.words, concepts: selected.conceptLabels.map { $0[l] }, strength: selected.strength)[l]
        y += b.paragraph(TerminalText.safe(why, keepLineBreaks: false), x: a.x, y: y, width: a.width, maxRows: 2, style: Style(.accent, bold: true))
        for item in selected.items where y < a.y + a.height {
            let text = "• " + TerminalText.safe(item.entry.text, keepLineBreaks: false) + " — " + TerminalText.safe(names[item.ref.sessionId] ?? item.ref.sessionId, keepLineBreaks: false)
            y += b.paragraph(text, x: a.x, y: y, width: a.width, maxRows: 2, style: Style(.text))
        }
    }

    static func hint(_ l: Language) -> String { S.proposalsHint[l] }
}
