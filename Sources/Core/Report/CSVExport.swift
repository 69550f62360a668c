/// Every live entry of the chosen sessions as CSV, one row per entry.
///
/// RFC 4180 with the report's separator: `;` for a Dutch report (Dutch Excel and LibreOffice
/// with Dutch settings split on it when the file is double-clicked), `,` for English, or as
/// chosen. Fields are quoted when they hold a comma, semicolon, tab, quote or line break,
/// quotes doubled, CRLF between records. Encoded as UTF-8 *with* a byte-order mark: without
/// it LibreOffice's import dialog and Excel guess a legacy code page and Dutch text
/// (reëel, café) turns into mojibake; with it both pick UTF-8 by themselves. Cells that a
/// spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) get a leading
/// apostrophe. Names are left empty when the session is anonymous or hides names.
public enum CSVExport {
    public static let byteOrderMark = "\u{FEFF}"

    public static func render(_ report: Report) -> String {
        let l = report.language
        let t = ReportStrings(l)
        let sep = report.separator
        var out = byteOrderMark
        record(t.csvHeader, separator: sep, into: &out)
        // The implications each matrix cell shows (the harvest's ★ top 3), and the organiser's
        // groups (or the same text) of insights shared across groups.
        var top: Set<EntryRef> = []
        var group: [EntryRef: String] = [:]
        for part in report.parts {
            for row in part.matrix { for c in row.cells { top.formUnion(c.top.map(\.ref)) } }
            for shared in part.shared { for i in shared.items { group[i.ref] = shared.label } }
        }
        for s in report.sessions {
            let w = s.workshop
            let scenarioIds = w.scenarios.map(\.id)
            let perspective: String
            switch s.state.setup.perspective {
            case .workshop(let id): perspective = w.perspective(id)?.name[l] ?? id
            case .custom(let name): perspective = name
            }
            let scenarioTitle = { (id: String) in w.scenario(id)?.title[l] ?? id }
            let ref = { (e: Entry) in EntryRef(sessionId: s.sessionId, entryId: e.id) }
            let tableNumber = TableNumbers(w)
            for e in s.state.entries where e.isLive {
                let directions = w.directions.filter { e.directions.contains($0.id) }.map { $0.title[l] }
                record(
                    [
                        s.state.setup.title, s.sessionId, w.title[l], perspective,
                        w.step(e.step)?.title[l] ?? e.step, e.scenario.map(scenarioTitle) ?? "", t.kind(e.kind), e.text,
                        s.hidesNames ? "" : e.author ?? "",
                        scenarioIds.filter { e.holdsIn.contains($0) }.map(scenarioTitle).joined(separator: "; "),
                        directions.joined(separator: "; "), String(e.votes), ISOTime.format(ms: e.createdAt),
                        // Appended last so existing column positions stay: koersvast (insights
                        // only) and how many of the votes the facilitator cast for the room.
                        e.kind == .insight ? (Robustness.of(e, scenarios: scenarioIds) == .koersvast ? t.s("ja", "yes") : t.s("nee", "no")) : "",
                        String(e.votesBy["facilitator"] ?? 0),
                        s.state.setup.date ?? ISOTime.date(ms: s.state.createdAt), s.state.setup.place ?? "",
                        s.hidesNames ? "" : s.state.setup.facilitator ?? "",
                        e.kind == .implication && top.contains(ref(e)) ? t.s("ja", "yes") : "",
                        group[ref(e)] ?? "",
                        tableNumber.of(e).map(String.init) ?? "",
                        // A group of the facilitator's own: who they are and the persona used.
                        s.state.setup.customDescription ?? "", s.state.setup.customPersona ?? "",
                    ], separator: sep, into: &out)
            }
        }
        return out
    }

    static func record(_ fields: [String], separator: Character, into out: inout String) {
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(separator) }
            out += field(f)
        }
        out += "\r\n"
    }

    /// One field: neutralised against formula injection, then quoted if it needs it.
    public static func field(_ raw: String) -> String {
        var text = raw
        // Spreadsheets skip leading spaces (also no-break and ideographic ones) before a formula.
        let lead = text.unicodeScalars.first { !$0.properties.isWhitespace || $0 == "\t" || $0 == "\r" }
        if let first = lead, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        // Quoted for every separator in use, so a field reads the same whichever was chosen.
        let needsQuotes = text.contains { $0 == "," || $0 == ";" || $0 == "\t" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return text }
        var quoted = "\""
        for ch in text {
            if ch == "\"" { quoted += "\"\"" } else { quoted.append(ch) }
        }
        return quoted + "\""
    }
}

extension ReportStrings {
    var csvHeader: [String] {
        l == .nl
            ? ["sessie", "sessie-id", "workshop", "doelgroep", "stap", "scenario", "soort", "tekst", "auteur", "houdt stand in",
               "ontwikkelrichtingen", "stemmen", "tijd (UTC)", "koersvast", "stemmen van de zaal", "datum", "plaats", "facilitator",
               "top 3", "groep", "tafel", "beschrijving doelgroep", "persona"]
            : ["session", "session id", "workshop", "target group", "step", "scenario", "kind", "text", "author", "holds in",
               "directions", "votes", "time (UTC)", "no-regret", "votes for the room", "date", "place", "facilitator", "top 3",
               "group", "table", "group description", "persona"]
    }

    func kind(_ k: EntryKind) -> String {
        switch k {
        case .implication: return s("implicatie", "implication")
        case .insight: return s("inzicht", "insight")
        case .note: return s("aantekening", "note")
        }
    }
}
