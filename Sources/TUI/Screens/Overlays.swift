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
                    ("w p o d", t("filter: workshop, doelgroep, open/afgesloten, periode", "filter: workshop, perspective, open/closed, period")),
                    ("G", t("groepeer de gevonden inzichten als één inzicht", "group the insights found as one insight")),
                    ("r a x", t("groepen: hernoemen, gevonden erbij, eruit/opheffen", "groups: rename, add found, take out/remove")),
                    ("e", t("exporteren: m c j h", "export: m c j h")), ("q", t("stoppen", "quit"))]
        case .replay:
            return [("↑ ↓", t("door de tijd", "through time")), ("PgUp PgDn", t("tien tegelijk", "ten at a time")), ("q", t("terug", "back"))]
        case .join:
            return [("↑ ↓", t("kiezen", "choose")), ("Enter", t("verder", "next")), ("q", t("stoppen", "quit"))]
        case .session(let s) where s.isParticipant:
            return [("a", t("iets toevoegen", "add something")), ("Enter", t("opslaan / bewerken", "save / edit")),
                    ("Esc", t("typen annuleren", "cancel typing")), ("↑ ↓", t("kiezen", "choose")),
                    ("e / d", t("eigen bijdrage bewerken / verwijderen", "edit / remove your own entry")),
                    ("v / V", t("stemmen: stem geven / terugnemen", "voting: give / take back a vote")),
                    ("n", t("hele kaart", "whole card")), ("q", t("stoppen (alles blijft bewaard)", "quit (everything stays saved)"))]
        case .wizard:
            return [("↑ ↓", t("kiezen", "choose")), ("Enter", t("verder", "next")), ("Esc", t("terug", "back")),
                    ("spatie", t("ja/nee wisselen", "toggle yes/no"))]
        case .session(let s):
            var keys: [(String, LocalizedText)] = [
                ("→ PgDn", t("volgende stap", "next step")), ("← PgUp", t("vorige stap (er gaat niets verloren)", "previous step (nothing is lost)")),
                ("a", t("bijdrage toevoegen", "add an entry")), ("Enter", t("tekst opslaan / gekozen bijdrage bewerken", "save the text / edit the selected entry")),
                ("Esc", t("typen annuleren", "cancel typing")), ("Tab", t("tijdens typen: wie zei het", "while typing: who said it")),
                ("↑ ↓ g G", t("bijdrage kiezen", "select an entry")), ("e / d", t("bewerken / verwijderen", "edit / remove")),
                ("u", t("laatste wijziging ongedaan maken", "undo the last change")), ("t", t("timer starten / pauzeren", "start / pause the timer")),
                ("+ / -", t("timer een minuut langer / korter", "timer one minute longer / shorter")),
                ("n", t("hele kaart tonen (scenario, persona, trends)", "show the whole card (scenario, persona, trends)")),
                ("x", t("stap open/dicht voor deelnemers; wachtende bijdrage afwijzen", "open/close the step for participants; reject a pending entry")),
                ("y", t("wachtende bijdrage tonen", "accept a pending entry")),
                ("r", t("bijdragen van deelnemers eerst laten goedkeuren (aan/uit)", "hold participant entries for review (on/off)")),
                ("h", t("namen op het scherm verbergen / tonen", "hide / show names on the screen")),
            ]
            switch s.step.kind {
            case .robustness: keys.append(("1–4", t("houdt stand in scenario 1–4 (aan/uit)", "holds in scenario 1–4 (toggle)")))
            case .directions: keys.append(("1–9", t("koppelen aan ontwikkelrichting 1–9", "link to development direction 1–9")))
            case .voting: keys.append(("v / V", t("stem geven / terugnemen", "give / take back a vote")))
            case .close: keys.append(("c", t("sessie afsluiten / heropenen", "close / reopen the session")))
            default: break
            }
            keys += [("?", t("deze hulp", "this help")), ("q", t("sessie verlaten (blijft bewaard)", "leave the session (it stays saved)"))]
            keys += S.roomHelpKeys
            return keys
        }
    }

    static func help(_ app: AppState, into b: inout CellBuffer) {
        let l = app.language
        let keys = keys(app)
        let w = min(b.width - 4, 84)
        let h = min(b.height - 2, keys.count + 4)
        let x = (b.width - w) / 2
        let y = max(1, (b.height - h) / 2)
        b.box(x: x, y: y, width: w, height: h, style: Style(.accent), title: S.help[l])
        for (i, (key, text)) in keys.enumerated() where i < h - 4 {
            b.put(key, x: x + 3, y: y + 2 + i, style: Style(.highlight, bold: true))
            b.put(Wrap.clip(text[l], width: w - 18), x: x + 15, y: y + 2 + i)
        }
        b.centred(S.helpClose[l], y: y + h - 1, x: x, width: w, style: Style(.dim))
    }

    static func tooSmall(_ app: AppState, into b: inout CellBuffer) {
        let text = S.tooSmall(app.language, "\(b.width)", "\(b.height)")
        let lines = Wrap.lines(text, width: max(10, b.width - 2))
        let top = max(0, (b.height - lines.count) / 2)
        for (i, line) in lines.enumerated() { b.centred(line, y: top + i, style: Style(.warn, bold: true)) }
    }
}
