/// Votes as shares of what was cast in the same session: sessions differ in size, so raw
/// counts do not compare. The room's dots (○, given at the facilitator's screen) and
/// participants' (●, on their own screens) are counted apart and never added up.
struct VoteShare: Equatable, Sendable {
    var item: SynthesisItem
    var room: Int
    var people: Int
    var roomTotal: Int
    var peopleTotal: Int

    /// What the ranking uses: the participants' share when they voted, else the room's.
    var key: (Int, Int) {
        peopleTotal > 0 ? (people * 10_000 / peopleTotal, room) : (roomTotal > 0 ? room * 10_000 / roomTotal : 0, 0)
    }

    static func percent(_ n: Int, _ total: Int) -> Int { total == 0 ? 0 : (n * 100 + total / 2) / total }
}

extension PartBuilder {
    /// The insights of one session with votes, most first, with every insight tied with the
    /// last place shown kept (ties are never dropped).
    func voteShares(_ insights: [SynthesisItem], top: Int) -> (shown: [VoteShare], roomTotal: Int, peopleTotal: Int, all: Int) {
        let items = insights.sorted(by: SynthesisItem.stable)
        var roomTotal = 0
        var peopleTotal = 0
        for i in items {
            roomTotal += i.entry.votesBy["facilitator"] ?? 0
            peopleTotal += i.entry.votes - (i.entry.votesBy["facilitator"] ?? 0)
        }
        let shares = items.filter { $0.entry.votes > 0 }.map { i in
            let room = i.entry.votesBy["facilitator"] ?? 0
            return VoteShare(item: i, room: room, people: i.entry.votes - room, roomTotal: roomTotal, peopleTotal: peopleTotal)
        }
        // Stable sort: equal keys keep the order they were made in.
        let ranked = shares.enumerated().sorted { ($0.element.key.0, $0.element.key.1, -$0.offset) > ($1.element.key.0, $1.element.key.1, -$1.offset) }.map(\.element)
        guard ranked.count > top, top > 0 else { return (ranked, roomTotal, peopleTotal, ranked.count) }
        let cut = ranked[top - 1].key
        let shown = ranked.enumerated().filter { $0.offset < top || $0.element.key == cut }.map(\.element)
        return (shown, roomTotal, peopleTotal, ranked.count)
    }

    func shareNote(_ v: VoteShare) -> String {
        var parts: [String] = []
        if v.people > 0 {
            parts.append("● " + t.s("\(VoteShare.percent(v.people, v.peopleTotal))% van de deelnemersstemmen (\(v.people) van \(v.peopleTotal))",
                                     "\(VoteShare.percent(v.people, v.peopleTotal))% of participants' votes (\(v.people) of \(v.peopleTotal))"))
        }
        if v.room > 0 {
            parts.append("○ " + t.s("\(VoteShare.percent(v.room, v.roomTotal))% van de zaalstemmen (\(v.room) van \(v.roomTotal))",
                                     "\(VoteShare.percent(v.room, v.roomTotal))% of the room's votes (\(v.room) of \(v.roomTotal))"))
        }
        return parts.joined(separator: " · ")
    }

    mutating func votes() {
        heading(1, t.s("Stemmen: wat woog het zwaarst, per sessie", "Votes: what mattered most, per session"))
        add(.remark(t.s(
            "Aandelen van de stemmen die in dezelfde sessie zijn uitgebracht: sessies verschillen in grootte, dus ruwe aantallen zijn niet te vergelijken. ○ zaalstemmen (gegeven op het scherm van de facilitator) en ● stemmen van deelnemers op hun eigen scherm tellen apart. Per sessie de drie inzichten met het grootste aandeel; wat gelijk staat met de derde plaats, staat er ook bij.",
            "Shares of the votes cast in the same session: sessions differ in size, so raw counts do not compare. ○ the room's votes (given at the facilitator's screen) and ● participants' votes on their own screens are counted apart. The top three per session; insights tied for third place are listed too.")))
        var bars: [ReportDocument.Bar] = []
        var any = false
        // One pass over the insights, not one per session.
        var bySession: [String: [SynthesisItem]] = [:]
        for i in allInsights { bySession[i.ref.sessionId, default: []].append(i) }
        for id in part.sessionIds {
            guard let s = report.session(id) else { continue }
            let v = voteShares(bySession[id] ?? [], top: 3)
            guard !v.shown.isEmpty else { continue }
            any = true
            heading(2, t.sessionHeading(s.state.setup.title, group: name(PerspectiveKey(s.state.setup.perspective))))
            add(.list(v.shown.map { .init(text: $0.item.entry.text, note: shareNote($0)) }))
            if v.all > v.shown.count {
                add(.remark(t.s("\(v.all - v.shown.count) andere inzichten kregen ook stemmen; zie per doelgroep.",
                                "\(v.all - v.shown.count) other insights got votes too; see per target group.")))
            }
            for share in v.shown {
                bars.append(.init(
                    label: share.item.entry.text, group: name(share.item.perspective),
                    people: share.peopleTotal > 0 ? Double(share.people) / Double(share.peopleTotal) : nil,
                    room: share.roomTotal > 0 && share.room > 0 ? Double(share.room) / Double(share.roomTotal) : nil))
            }
        }
        if any {
            add(.figure(.bars(bars, caption: t.s("Aandeel van de stemmen per inzicht, binnen de eigen sessie", "Share of the votes per insight, within its own session"))))
        } else {
            add(.remark(t.noVotes))
        }
    }
}
