import Core

/// The help overlay (`?`) and the too-small screen.
enum Overlays {
    static func keys(_ app: AppState) -> [(String, LocalizedText)] {
        func t(_ nl: String, _ en: String) -> LocalizedText { LocalizedText(nl: nl, en: en) }
        switch app.route {
        case .home:
            return [("↑ ↓", t("kiezen", "choose")), ("Enter", t("openen", "open")), ("n", t("nieuwe sessie", "new session")),
                    ("?", t("deze hulp", "this help")), ("q", t("stoppen", "quit"))]
        case .review:
            return [("Tab", t("sessies / matrix / groepen", "sessions / matrix / groups")), ("/", t("zoeken in alle bijdragen (ë = e)", "search every entry (ë = e)")),
                    ("↑ ↓ ← →", t("kiezen", "choose")), ("Enter", t("sessie openen (alleen lezen)", "open a session (read-only)")),
                    ("t", t("tijdlijn: hoe de sessie verliep", "timeline: how the session unfolded")),
                    ("w p o d", t("filter: workshop, doelgroep, open/afgesloten, periode", "filter: workshop, target group, open/closed, period")),
                    ("G", t("groepeer de gevonden inzichten als één inzicht", "group the insights found as one insight")),
                    ("r a x", t("groepen: hernoemen, gevonden erbij, eruit/opheffen", "groups: rename, add found, take out/remove")),
                    ("e", t("exporteren: m c j h", "export: m c j h")), ("q", t("stoppen", "quit"))]
        case .replay:
            return [("↑ ↓", t("door de tijd", "through time")), ("PgUp PgDn", t("tien tegelijk", "ten at a time")), ("q", t("terug", "back"))]
        case .join:
            return [("↑ ↓", t("kiezen", "choose")), ("Enter", t("verder", "next")), ("q", t("stoppen", "quit"))]
        case .wizard:
            return [("↑ ↓", t("kiezen", "choose")), ("Enter", t("verder", "next")), ("Esc", t("terug", "back")),
                    ("spatie", t("ja/nee wisselen", "toggle yes/no"))]
        case .session(let s):
            return SessionHelp.keys(app, s)
        case .desk(let d):
            return DeskUpdate.keys(d)
        }
    }

    static func geometry(_ app: AppState) -> ScrollBox.Geometry {
        let w = min(app.width - 4, 84)
        let h = min(app.height - 2, lines(app).count + 4)
        return ScrollBox.Geometry(x: (app.width - w) / 2, y: max(1, (app.height - h) / 2), width: w, height: h)
    }

    /// What help says: on a session, who is in it first, then the keys of this step.
    static func lines(_ app: AppState) -> [ScrollBox.Line] {
        let l = app.language
        let width = min(app.width - 4, 84)
        var out: [ScrollBox.Line] = []
        if case .session(let s) = app.route {
            out = ScrollBox.wrap(SessionHelp.about(app, s).map { ($0, Style(.dim)) }, width: width - 6, spaced: false)
            out.append(ScrollBox.Line(key: nil, text: "", style: .plain))
        }
        let keyed = ScrollBox.keyed(keys(app).map { ($0.0, $0.1[l]) }, width: width - 18)
        return out + keyed
    }

    static func scrolled(_ app: AppState, _ key: Key) -> Int? {
        ScrollBox.scrolled(app.helpScroll, by: key, count: lines(app).count, geometry(app))
    }

    static func help(_ app: AppState, into b: inout CellBuffer) {
        ScrollBox.draw(title: S.help[app.language], lines: lines(app), offset: app.helpScroll, geometry(app), language: app.language, into: &b)
    }

    static func tooSmall(_ app: AppState, into b: inout CellBuffer) {
        let text = S.tooSmall(app.language, "\(b.width)", "\(b.height)")
        let lines = Wrap.lines(text, width: max(10, b.width - 2))
        let top = max(0, (b.height - lines.count) / 2)
        for (i, line) in lines.enumerated() { b.centred(line, y: top + i, style: Style(.warn, bold: true)) }
    }
}
