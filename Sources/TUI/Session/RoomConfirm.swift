import Core

/// Leaving the session or closing the room while people are connected ends their
/// connections: the facilitator is asked first, in the UI language (j/n, y/n). Closing
/// also offers to stop new joins only: those inside stay.
public enum RoomConfirm: Equatable, Sendable {
    case leave
    case closeRoom
    /// Ctrl-C: stop the program.
    case quit
}

extension S {
    static func confirmLeave(_ l: Language, _ n: Int) -> String {
        l == .nl ? "\(n) verbonden: stoppen verbreekt hun verbinding. Sessie verlaten?" : "\(n) connected: leaving ends their connections. Leave the session?"
    }
    static func confirmClose(_ l: Language, _ n: Int) -> String {
        l == .nl ? "\(n) verbonden: sluiten verbreekt hun verbinding." : "\(n) connected: closing ends their connections."
    }
    static let confirmLeaveKeys = t("j ja, verlaten · n nee", "y yes, leave · n no")
    static let confirmCloseKeys = t("s stop nieuwe aanmeldingen (wie binnen is blijft) · j zaal sluiten · n niets doen",
        "s stop new joins (those inside stay) · y close the room · n do nothing")
    static let confirmTitle = t("Zeker weten?", "Are you sure?")
    static let joinsStoppedLine = t("zaal open, geen nieuwe aanmeldingen", "room open, no new joins")
    static let joinsStoppedNotice = t("Geen nieuwe aanmeldingen meer; wie binnen is blijft (o sluit de zaal).",
        "No new joins; those inside stay (o closes the room).")
}

enum RoomConfirmKeys {
    /// Yes in the UI language (and `y` in Dutch too: the habit of every terminal).
    static func isYes(_ key: Key, _ l: Language) -> Bool { key == .char("y") || (l == .nl && key == .char("j")) }

    /// The question asked before `q`/Esc or `o` ends connections; nil when nobody is connected.
    static func ask(_ app: inout AppState, _ key: Key) -> [Effect]? {
        guard let info = app.room.info, !info.people.isEmpty else { return nil }
        switch key {
        case .char("q"), .escape: app.room.confirm = .leave
        case .char("o"): app.room.confirm = .closeRoom
        default: return nil
        }
        return []
    }

    /// The answer to an open question: every other key is "no".
    static func answer(_ app: inout AppState, _ question: RoomConfirm, _ key: Key) -> [Effect] {
        let l = app.language
        app.room.confirm = nil
        switch question {
        case .leave:
            return isYes(key, l) ? [.leaveSession] : []
        case .quit:
            return isYes(key, l) ? [.quit] : []
        case .closeRoom:
            if isYes(key, l) { return [.closeRoom] }
            if key == .char("s") {
                app.notice = Notice(kind: .info, text: S.joinsStoppedNotice[l])
                return [.stopJoins]
            }
            return []
        }
    }

    static func draw(_ app: AppState, into b: inout CellBuffer) {
        guard let question = app.room.confirm, let info = app.room.info else { return }
        let l = app.language
        let text = question == .closeRoom ? S.confirmClose(l, info.people.count) : S.confirmLeave(l, info.people.count)
        let keys = question == .closeRoom ? S.confirmCloseKeys[l] : S.confirmLeaveKeys[l]
        let w = min(b.width - 4, 76)
        let lines = Wrap.lines(text, width: w - 6) + [""] + Wrap.lines(keys, width: w - 6)
        let h = lines.count + 4
        let x = (b.width - w) / 2, y = max(1, (b.height - h) / 2)
        b.box(x: x, y: y, width: w, height: h, style: Style(.warn, bold: true), title: S.confirmTitle[l])
        for (i, line) in lines.enumerated() {
            b.put(line, x: x + 3, y: y + 2 + i, style: i < lines.count - Wrap.lines(keys, width: w - 6).count ? Style(.text, bold: true) : Style(.highlight, bold: true))
        }
    }
}
