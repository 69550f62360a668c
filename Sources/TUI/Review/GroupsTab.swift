import Core
import Store

/// The organisers' groupings of similar insights across sessions: the list of groups, the
/// insights in the selected one, and renaming, adding, taking out and removing. Every change
/// is an effect the executable saves as an event; the sessions themselves are never touched.
enum GroupsTab {
    // MARK: Keys

    static func key(_ app: inout AppState, _ r: inout ReviewState, _ key: Key) -> [Effect] {
        let l = app.language
        if var input = r.renaming {
            switch key {
            case .escape: r.renaming = nil
            case .enter:
                r.renaming = nil
                let label = TextPolicy.cleanLine(input.text)
                guard let g = selectedGroup(r), !label.isEmpty, label != g.label else { return [] }
                return [.editGroup(.rename(group: g.id, label: label))]
            default:
                _ = input.handle(key)
                r.renaming = input
            }
            return []
        }
        if r.confirmingDelete {
            r.confirmingDelete = false
            guard key == .char("j") || key == .char("y"), let g = selectedGroup(r) else { return [] }
            r.groupRow = max(0, r.groupRow - 1)
            return [.editGroup(.delete(group: g.id))]
        }
        if key == .char("v") {
            GroupProposals.open(&app, &r)
            return []
        }
        if r.linkingMessage || key == .char("m") { return linkMessage(&app, &r, key) }
        guard let g = selectedGroup(r) else { return [] }
        switch key {
        case .up, .char("k"):
            if let m = r.memberRow { r.memberRow = max(0, m - 1) } else { r.groupRow = max(0, r.groupRow - 1) }
        case .down, .char("j"):
            if let m = r.memberRow {
                r.memberRow = min(max(0, g.members.count - 1), m + 1)
            } else {
                r.groupRow = min(r.groups.count - 1, r.groupRow + 1)
            }
        case .right, .enter:
            if r.memberRow == nil, !g.members.isEmpty { r.memberRow = 0 }
        case .left:
            r.memberRow = nil
        case .char("r"):
            r.renaming = TextInput(g.label, limit: 120, multiline: false)
        case .char("x"):
            if let m = r.memberRow {
                guard m < g.members.count else { return [] }
                r.memberRow = g.members.count > 1 ? min(m, g.members.count - 2) : nil
                return [.editGroup(.setMembers(group: g.id, [g.members[m]], member: false))]
            }
            r.confirmingDelete = true
        case .char("a"):
            if r.loading > 0 {
                app.notice = r.stillLoading(l)
                return []
            }
            let refs = r.matchingInsights().filter { !g.members.contains($0) }
            guard !refs.isEmpty else {
                app.notice = Notice(kind: .info, text: l == .nl ? "Zoek eerst (/) naar inzichten die nog niet in deze groep staan." : "Search (/) for insights not yet in this group first.")
                return []
            }
            return [.editGroup(.setMembers(group: g.id, refs, member: true))]
        default: break
        }
        return []
    }

    /// `m`, then a message's number: the insights the current search finds become that main
    /// message's evidence (saved by the runtime as decisions, like groupings).
    static func linkMessage(_ app: inout AppState, _ r: inout ReviewState, _ key: Key) -> [Effect] {
        let l = app.language
        let messages = r.records.compactMap(\.input).first?.workshop.messages ?? []
        guard r.linkingMessage else {
            if messages.isEmpty {
                app.notice = Notice(kind: .info, text: S.noMessages[l])
            } else if r.matchingInsights().isEmpty {
                app.notice = Notice(kind: .info, text: S.searchFirst[l])
            } else {
                r.linkingMessage = true
                let choices = messages.map { "\($0.number) \($0.title[l])" }
                app.notice = Notice(kind: .info, text: S.chooseMessage(choices)[l])
            }
            return []
        }
        r.linkingMessage = false
        guard case .char(let c) = key, let n = Int(String(c)), let m = messages.first(where: { $0.number == n }) else {
            return []
        }
        return r.matchingInsights().map { .editGroup(.link(message: m.id, .insight($0), linked: true)) }
    }

    static func selectedGroup(_ r: ReviewState) -> InsightGroup? {
        r.groups.isEmpty ? nil : r.groups[min(r.groupRow, r.groups.count - 1)]
    }

    // MARK: View

    static func view(_ app: AppState, _ r: ReviewState, _ a: SessionView.Area, into b: inout CellBuffer) {
        let l = app.language
        if r.proposals != nil {
            GroupProposals.view(app, r, a, into: &b)
            return
        }
        guard let selected = selectedGroup(r) else {
            let text = l == .nl
                ? "Nog geen groepen. Zoek (/) naar inzichten die hetzelfde zeggen en druk G: ze worden één groep, over sessies heen. Of druk v voor voorstellen."
                : "No groups yet. Search (/) for insights that say the same and press G: they become one group, across sessions. Or press v for suggestions."
            _ = b.paragraph(text, x: a.x, y: a.y, width: a.width, maxRows: 3, style: Style(.dim))
            return
        }
        // Members name sessions by id: look them up once per frame, not once per member.
        var byId: [String: Int] = [:]
        for (i, record) in r.records.enumerated() { byId[record.listing.id] = i }
        let listRows = max(3, min(r.groups.count, a.height / 3))
        let row = min(r.groupRow, r.groups.count - 1)
        let first = max(0, min(row - listRows / 2, r.groups.count - listRows))
        for (i, g) in r.groups.enumerated().dropFirst(first).prefix(listRows) {
            let y = a.y + i - first
            let isSelected = i == row
            let style = isSelected ? Style(.highlight, bold: true, reverse: r.memberRow == nil) : Style(.text)
            let groupsCount = Set(g.members.compactMap { ref in byId[ref.sessionId].flatMap { r.perspectiveCode(r.records[$0]) } }).count
            let counts = l == .nl
                ? "\(g.members.count) \(g.members.count == 1 ? "inzicht" : "inzichten") · \(groupsCount) \(groupsCount == 1 ? "doelgroep" : "doelgroepen")"
                : "\(g.members.count) \(g.members.count == 1 ? "insight" : "insights") · \(groupsCount) \(groupsCount == 1 ? "group" : "groups")"
            b.fill(x: a.x, y: y, width: a.width, height: 1, style: style)
            b.put(Wrap.clip("◆ \(g.label)  ·  \(counts)", width: a.width - 1), x: a.x, y: y, style: style)
        }
        var y = a.y + listRows
        b.hline(x: a.x, y: y, width: a.width)
        b.put(" \(selected.label) ", x: a.x + 1, y: y, style: Style(.accent, bold: true))
        y += 1
        for (i, ref) in selected.members.enumerated() where y < a.y + a.height {
            let style = r.memberRow == i ? Style(.highlight, bold: true, reverse: true) : Style(.text)
            let text: String
            if let record = byId[ref.sessionId].map({ r.records[$0] }), let entry = record.input?.state.entry(ref.entryId) {
                text = "• \(entry.text) — \(record.listing.title)" + (entry.isLive ? "" : (l == .nl ? " (verwijderd in de sessie)" : " (removed in the session)"))
            } else {
                text = "• " + (l == .nl ? "niet gevonden: " : "not found: ") + "\(ref.sessionId) / \(ref.entryId)"
            }
            if r.memberRow == i { b.fill(x: a.x, y: y, width: a.width, height: 1, style: style) }
            y += b.paragraph(text, x: a.x, y: y, width: a.width, maxRows: 2, style: style)
        }
        if let input = r.renaming {
            let prompt = l == .nl ? "Nieuwe naam: " : "New name: "
            let layout = input.layout(width: b.width - 4 - prompt.count)
            b.fill(x: 0, y: b.height - 2, width: b.width, height: 1, style: Style(.accent, reverse: true))
            b.put(prompt + (layout.lines.last ?? ""), x: 1, y: b.height - 2, style: Style(.accent, bold: true, reverse: true))
            b.cursor = (1 + prompt.count + layout.cursorColumn, b.height - 2)
        } else if r.confirmingDelete {
            let text = l == .nl
                ? "Groep “\(selected.label)” opheffen? De inzichten blijven in hun sessies.  j = ja · andere toets = nee"
                : "Remove group “\(selected.label)”? The insights stay in their sessions.  y = yes · any other key = no"
            b.fill(x: 0, y: b.height - 2, width: b.width, height: 1, style: Style(.bad, reverse: true))
            b.put(Wrap.clip(text, width: b.width - 2), x: 1, y: b.height - 2, style: Style(.bad, bold: true, reverse: true))
        }
    }

    static func hint(_ l: Language) -> String {
        l == .nl
            ? "Tab wisselen · ↑↓ groep · → inzichten · r hernoemen · a gevonden inzichten erbij · x opheffen/eruit · v voorstellen · m aan boodschap · q stoppen"
            : "Tab switch · ↑↓ group · → insights · r rename · a add the insights found · x remove/take out · v suggestions · m to a message · q quit"
    }

    static func shortHint(_ l: Language) -> String {
        l == .nl ? "Tab wissel  ↑↓ groep  → inzichten  r naam  a erbij  x weg  v voorstel  q stop"
            : "Tab switch  ↑↓ group  → insights  r rename  a add  x remove  v suggest  q quit"
    }
}
