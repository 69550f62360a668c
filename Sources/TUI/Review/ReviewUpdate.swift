import Core

enum ReviewUpdate {
    static func update(_ app: inout AppState, _ r: inout ReviewState, _ key: Key) -> [Effect] {
        if r.editingSummary != nil { return SummaryEditor.key(&app, &r, key) }
        if r.tab == .groups && r.proposals != nil { return GroupProposals.key(&app, &r, key) }
        if r.tab == .groups && (r.renaming != nil || r.confirmingDelete || r.linkingMessage) {
            return GroupsTab.key(&app, &r, key)
        }
        if var input = r.search {
            switch key {
            case .escape:
                r.search = nil
                r.query = ""
            case .enter:
                r.search = nil
            default:
                _ = input.handle(key)
                r.search = input
                r.query = input.text
            }
            r.selected = 0
            // The matrix follows the search when it is confirmed or dropped, not on every
            // character: over a thousand sessions a synthesis is a noticeable pause per key.
            if r.tab == .matrix && (key == .enter || key == .escape) { r.rebuild(workshops: app.workshops) }
            return []
        }
        if r.exporting {
            r.exporting = false
            // `s`: the short PDF, about six pages, the annexes left to the full report and the CSV.
            let formats: [Character: String] = ["m": "md", "c": "csv", "j": "json", "h": "html", "p": "pdf", "s": "pdf"]
            guard case .char(let c) = key, let format = formats[c] else {
                app.notice = Notice(kind: .info, text: app.language == .nl ? "Niet geëxporteerd." : "Not exported.")
                return []
            }
            let ids = r.visible().compactMap { r.records[$0].input == nil ? nil : r.records[$0].listing.id }
            return ids.isEmpty ? [] : [.export(sessionIds: ids, format: format, short: c == "s")]
        }
        let list = r.visible()
        switch key {
        case .tab, .backTab:
            let tabs = ReviewState.Tab.allCases
            r.tab = tabs[(tabs.firstIndex(of: r.tab)! + (key == .tab ? 1 : tabs.count - 1)) % tabs.count]
            if r.tab == .matrix { r.rebuild(workshops: app.workshops) }
        case .char("/"):
            r.search = TextInput(r.query, limit: 80, multiline: false)
        case .escape where !r.query.isEmpty:
            r.query = ""
        case .char("w"):
            r.workshopFilter = cycle(r.workshopFilter, r.workshopIds)
            r.perspectiveFilter = nil
            r.selected = 0
        case .char("p"):
            r.perspectiveFilter = cycle(r.perspectiveFilter, r.perspectiveCodes)
            r.selected = 0
        case .char("o"):
            let all = ReviewState.StatusFilter.allCases
            r.status = all[(all.firstIndex(of: r.status)! + 1) % all.count]
            r.selected = 0
        case .char("d"):
            let periods: [Int?] = [nil, 1, 7, 30, 365]
            let next = periods[((periods.firstIndex(of: r.periodDays) ?? 0) + 1) % periods.count]
            r.periodDays = next
            r.periodStart = app.now - Int64(next ?? 0) * 86_400_000
            r.selected = 0
        case .char("G") where r.loading > 0, .char("e") where r.loading > 0:
            app.notice = r.stillLoading(app.language)
            return []
        case .char("G"):
            // Group what the search found: the organiser's judgement that these are one insight.
            let refs = r.matchingInsights()
            guard refs.count >= 2 else {
                app.notice = Notice(kind: .info, text: app.language == .nl ? "Zoek eerst (/) naar minstens twee inzichten om te groeperen." : "Search (/) for at least two insights to group first.")
                return []
            }
            return [.editGroup(.create(refs, label: r.query))]
        case .char("S"):
            SummaryEditor.open(&r)
            return []
        case .char("e"):
            r.exporting = true
            app.notice = Notice(kind: .info, text: app.language == .nl ? "Exporteren: m Markdown · c CSV · j JSON · h HTML · p PDF · s korte PDF · Esc niet" : "Export: m Markdown · c CSV · j JSON · h HTML · p PDF · s short PDF · Esc none")
            return []
        case .escape where r.tab == .groups && r.memberRow != nil:
            r.memberRow = nil
        case .char("q"), .escape:
            guard r.returnsHome else { return [.quit] }
            app.route = .home(HomeState())
            app.review = nil
            return [.leaveReview]
        default:
            if r.tab == .sessions { return sessionsKey(&app, &r, key, list) }
            if r.tab == .groups { return GroupsTab.key(&app, &r, key) }
            matrixKey(&r, key)
        }
        if [.char("w"), .char("p"), .char("o"), .char("d")].contains(key), r.tab == .matrix { r.rebuild(workshops: app.workshops) }
        return []
    }

    static func cycle(_ current: String?, _ options: [String]) -> String? {
        guard !options.isEmpty else { return nil }
        guard let current, let i = options.firstIndex(of: current) else { return options[0] }
        return i + 1 < options.count ? options[i + 1] : nil
    }

    static func sessionsKey(_ app: inout AppState, _ r: inout ReviewState, _ key: Key, _ list: [Int]) -> [Effect] {
        switch key {
        case .up, .char("k"): r.selected = max(0, r.selected - 1)
        case .down, .char("j"): r.selected = min(max(0, list.count - 1), r.selected + 1)
        case .home, .char("g"): r.selected = 0
        case .end, .char("G"): r.selected = max(0, list.count - 1)
        case .char("t"):
            guard !list.isEmpty, r.records[list[min(r.selected, list.count - 1)]].input != nil else { return [] }
            return [.replay(sessionId: r.records[list[min(r.selected, list.count - 1)]].listing.id)]
        case .enter, .right:
            guard !list.isEmpty else { return [] }
            let record = r.records[list[min(r.selected, list.count - 1)]]
            if !record.loaded {
                app.notice = Notice(kind: .info, text: app.language == .nl ? "Deze sessie wordt nog geladen; een ogenblik." : "This session is still loading; a moment.")
            }
            guard record.input != nil else { return [] }
            return [.openReadOnly(sessionId: record.listing.id)]
        default: break
        }
        return []
    }

    static func matrixKey(_ r: inout ReviewState, _ key: Key) {
        let rows = r.synthesis?.matrix.count ?? 0
        let columns = r.synthesis?.workshop.scenarios.count ?? 0
        switch key {
        case .up, .char("k"): r.matrixRow = max(0, r.matrixRow - 1)
        case .down, .char("j"): r.matrixRow = min(max(0, rows - 1), r.matrixRow + 1)
        case .left, .char("h"): r.matrixColumn = max(0, r.matrixColumn - 1)
        case .right, .char("l"): r.matrixColumn = min(max(0, columns - 1), r.matrixColumn + 1)
        default: break
        }
    }
}
