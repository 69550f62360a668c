import Core
import Store

/// The home screen: new session, recent sessions to resume, review, quit.
public struct HomeState: Equatable, Sendable {
    public var selected = 0
    public init() {}
}

enum HomeItem: Equatable {
    case new, resume(String), review, quit
}

enum Home {
    static let maxRecent = 8

    static func items(_ app: AppState) -> [HomeItem] {
        [.new] + app.listings.prefix(maxRecent).map { .resume($0.id) } + [.review, .quit]
    }

    static func update(_ app: inout AppState, _ home: inout HomeState, _ key: Key) -> [Effect] {
        let items = items(app)
        switch key {
        case .up, .char("k"): home.selected = max(0, home.selected - 1)
        case .down, .char("j"), .tab: home.selected = min(items.count - 1, home.selected + 1)
        case .home, .char("g"): home.selected = 0
        case .end, .char("G"): home.selected = items.count - 1
        case .char("n"): return startWizard(&app)
        case .char("q"), .escape: return [.quit]
        case .enter, .right:
            switch items[min(home.selected, items.count - 1)] {
            case .new: return startWizard(&app)
            case .resume(let id): return [.open(sessionId: id)]
            case .review: return [.openReview]
            case .quit: return [.quit]
            }
        default: break
        }
        return []
    }

    static func startWizard(_ app: inout AppState) -> [Effect] {
        guard !app.workshops.isEmpty else {
            app.notice = Notice(kind: .error, text: app.language == .nl ? "Geen workshops gevonden." : "No workshops found.")
            return []
        }
        app.route = .wizard(WizardState(app: app))
        return []
    }

    static func view(_ app: AppState, _ home: HomeState, into b: inout CellBuffer) {
        let l = app.language
        var y = 1
        if b.width >= 70 && b.height >= 30 {
            let w = BigText.width("PERSPECTIEF")
            BigText.draw("PERSPECTIEF", into: &b, x: max(0, (b.width - w) / 2), y: y, maxWidth: b.width, style: Style(.accent, bold: true))
            y += BigText.height + 1
        } else {
            b.centred("P E R S P E C T I E F", y: y, style: Style(.accent, bold: true))
            y += 2
        }
        b.centred(S.tagline[l], y: y, style: Style(.dim))
        y += 2
        if let w = app.workshops.first {
            b.centred(w.title[l], y: y, style: Style(.text, bold: true))
            y += 1
            let question = Wrap.lines(w.question[l], width: min(b.width - 8, 90))
            for line in question.prefix(3) { b.centred(line, y: y, style: Style(.dim)); y += 1 }
            y += 1
        }
        let items = items(app)
        let menuWidth = min(b.width - 4, 96)
        let x = (b.width - menuWidth) / 2
        for (i, item) in items.enumerated() where y < b.height - 2 {
            let selected = i == home.selected
            let style = selected ? Style(.highlight, bold: true, reverse: true) : Style(.text)
            let text: String
            switch item {
            case .new: text = "+ " + S.newSession[l]
            case .review: text = "  " + S.review[l]
            case .quit: text = "  " + S.quit[l]
            case .resume(let id):
                let s = app.listings.first { $0.id == id }!
                var flags = [String]()
                if s.readOnly { flags.append(S.readOnly[l]) }
                if s.closed { flags.append(S.closedSession[l]) }
                let when = Clock.format(s.updatedAt + app.utcOffsetMs)
                let info = S.entryCount(s.entryCount, l) + (flags.isEmpty ? "" : " · " + flags.joined(separator: " · "))
                text = "↻ " + Wrap.clip(s.title, width: max(10, menuWidth - 34 - DisplayWidth.of(info))) + "  " + when + "  " + info
            }
            b.fill(x: x, y: y, width: menuWidth, height: 1, style: style)
            b.put(Wrap.clip(text, width: menuWidth - 2), x: x + 1, y: y, style: style)
            y += 1
            if i == 0 && !app.listings.isEmpty { b.put(S.resume[l], x: x + 1, y: y, style: Style(.dim)); y += 1 }
            if i == 0 && app.listings.isEmpty { b.put(S.noSessions[l], x: x + 1, y: y, style: Style(.dim)); y += 1 }
        }
        Footer.draw(app, hint: S.homeHint[l], into: &b)
    }
}

/// Short times for lists: "22-11 16:04". The TUI has no time zone of its own: callers add
/// the executable's UTC offset. Built on Core's ISO 8601 formatting.
enum Clock {
    static func format(_ ms: Int64) -> String {
        let iso = Array(ISOTime.format(ms: ms))  // 2026-11-22T16:04:05Z
        return String(iso[8..<10]) + "-" + String(iso[5..<7]) + " " + String(iso[11..<16])
    }

    /// "22-11" for a date.
    static func dayMonth(_ ms: Int64) -> String { String(format(ms).prefix(5)) }

    static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
