import Core
import Store

/// Grouping help in the groups tab (`v`): insights of different target groups that share at
/// least two words after stemming, proposed as a group with those words shown, so the
/// organiser sees why. `a` accepts (a group under the first insight's text; `r` renames it
/// afterwards), `x` rejects for this review, Esc or `v` goes back to the groups.
enum GroupProposals {
    /// The proposals over every loaded session's insights, without what is already grouped
    /// or was rejected. Deterministic: sessions and entries in the synthesis's stable order.
    static func build(_ r: ReviewState) -> [SimilarInsights.Proposal] {
        let grouped = Set(r.groups.flatMap(\.members))
        var byWorkshop: [String: [SessionInput]] = [:]
        for input in r.records.compactMap(\.input) { byWorkshop[input.workshop.id, default: []].append(input) }
        var out: [SimilarInsights.Proposal] = []
        for id in byWorkshop.keys.sorted() {
            let list = byWorkshop[id]!
            let s = Synthesis.build(workshop: list[0].workshop, sessions: list)
            let items = s.perspectives.flatMap { $0.koersvast + $0.specific.map(\.item) + $0.open }
            out += SimilarInsights.propose(items, except: grouped, glossary: list[0].workshop.glossary)
                .filter { !r.rejectedProposals.contains(key($0)) }
        }
        return out
    }

    static func key(_ p: SimilarInsights.Proposal) -> String {
        p.items.map { $0.ref.sessionId + "/" + $0.ref.entryId }.sorted().joined(separator: " ")
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
            r.proposals!.remove(at: r.proposalRow)
            r.proposalRow = max(0, min(r.proposalRow, r.proposals!.count - 1))
            return [.editGroup(.create(p.items.map(\.ref), label: TextPolicy.cleanLine(p.items[0].entry.text)))]
        case .char("x"):
            guard r.proposalRow < list.count else { return [] }
            r.rejectedProposals.insert(Self.key(list[r.proposalRow]))
            r.proposals!.remove(at: r.proposalRow)
            r.proposalRow = max(0, min(r.proposalRow, r.proposals!.count - 1))
        default: break
        }
        return []
    }

    static func view(_ app: AppState, _ r: ReviewState, _ a: SessionView.Area, into b: inout CellBuffer) {
        let l = app.language
        let list = r.proposals ?? []
        let intro = l == .nl
            ? "Voorstellen: inzichten van verschillende doelgroepen die minstens twee woorden delen (na het wegnemen van verbuigingen)."
            : "Suggestions: insights of different target groups that share at least two words (after removing inflections)."
        var y = a.y + b.paragraph(intro, x: a.x, y: a.y, width: a.width, maxRows: 2, style: Style(.dim))
        guard !list.isEmpty else {
            _ = b.paragraph(l == .nl ? "Geen voorstellen (meer)." : "No (more) suggestions.", x: a.x, y: y, width: a.width, maxRows: 1, style: Style(.text))
            return
        }
        var names: [String: String] = [:]
        for record in r.records { if let input = record.input { names[input.sessionId] = record.listing.title } }
        let row = min(r.proposalRow, list.count - 1)
        let listRows = max(3, min(list.count, (a.height - 2) / 3))
        let first = max(0, min(row - listRows / 2, list.count - listRows))
        for (i, p) in list.enumerated().dropFirst(first).prefix(listRows) {
            let style = i == row ? Style(.highlight, bold: true, reverse: true) : Style(.text)
            let count = l == .nl ? "\(p.perspectives.count) doelgroepen" : "\(p.perspectives.count) target groups"
            b.fill(x: a.x, y: y, width: a.width, height: 1, style: style)
            b.put(Wrap.clip("◇ \(TerminalText.safe(p.items[0].entry.text, keepLineBreaks: false))  ·  \(count)", width: a.width - 1), x: a.x, y: y, style: style)
            y += 1
        }
        b.hline(x: a.x, y: y, width: a.width)
        y += 1
        let selected = list[row]
        // The glossary's concepts the proposal rests on are named by their label.
        let reasons = selected.words + selected.conceptLabels.map { $0[l] }
        let why = (l == .nl ? "Waarom: gedeelde woorden " : "Why: shared words ") + reasons.joined(separator: ", ")
        y += b.paragraph(TerminalText.safe(why, keepLineBreaks: false), x: a.x, y: y, width: a.width, maxRows: 2, style: Style(.accent, bold: true))
        for item in selected.items where y < a.y + a.height {
            let text = "• " + TerminalText.safe(item.entry.text, keepLineBreaks: false) + " — " + TerminalText.safe(names[item.ref.sessionId] ?? item.ref.sessionId, keepLineBreaks: false)
            y += b.paragraph(text, x: a.x, y: y, width: a.width, maxRows: 2, style: Style(.text))
        }
    }

    static func hint(_ l: Language) -> String {
        l == .nl ? "↑↓ voorstel · a overnemen als groep · x afwijzen · Esc/v terug naar de groepen"
            : "↑↓ suggestion · a accept as a group · x reject · Esc/v back to the groups"
    }
}
