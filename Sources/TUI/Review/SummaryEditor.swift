import Core

/// The organiser writes the report's summary and key messages in review (`S`): free text,
/// and key messages as lines starting with "- ". Ctrl-O saves a new version, as in nano
/// (Ctrl-S would stop a terminal that keeps flow control); the report then opens with it and
/// is no longer a concept. Esc leaves without saving.
enum SummaryEditor {
    static let limit = 8000

    static func open(_ r: inout ReviewState) {
        var text = r.summary?.text ?? ""
        if let messages = r.summary?.keyMessages, !messages.isEmpty {
            text += (text.isEmpty ? "" : "\n\n") + messages.map { "- " + $0 }.joined(separator: "\n")
        }
        r.editingSummary = TextInput(text, limit: limit, multiline: true)
    }

    static func key(_ app: inout AppState, _ r: inout ReviewState, _ key: Key) -> [Effect] {
        guard var input = r.editingSummary else { return [] }
        switch key {
        case .escape:
            r.editingSummary = nil
        case .ctrl("o"):
            r.editingSummary = nil
            let parsed = ReportSummary.parse(input.text)
            guard !parsed.text.allSatisfy(\.isWhitespace) || !parsed.keyMessages.isEmpty else {
                app.notice = Notice(kind: .info, text: app.language == .nl ? "Een lege samenvatting wordt niet bewaard." : "An empty summary is not saved.")
                return []
            }
            return [.saveSummary(input.text)]
        case .enter:
            _ = input.handle(.char("\n"))
            r.editingSummary = input
        default:
            _ = input.handle(key)
            r.editingSummary = input
        }
        return []
    }

    static func view(_ app: AppState, _ r: ReviewState, _ a: SessionView.Area, into b: inout CellBuffer) {
        guard let input = r.editingSummary else { return }
        let l = app.language
        b.fill(x: a.x, y: a.y, width: a.width, height: a.height, style: Style(.text))
        let state = r.summary.map { (l == .nl ? "versie " : "version ") + "\($0.version)" } ?? (l == .nl ? "nog een concept" : "still a draft")
        let title = (l == .nl ? "Samenvatting voor het verslag" : "Summary for the report") + " (" + state + ")"
        b.put(Wrap.clip(title, width: a.width), x: a.x, y: a.y, style: Style(.accent, bold: true))
        let help = l == .nl ? "Vrije tekst; kernboodschappen als regels die met \"- \" beginnen." : "Free text; key messages as lines starting with \"- \"."
        b.put(Wrap.clip(help, width: a.width), x: a.x, y: a.y + 1, style: Style(.dim))
        let layout = input.layout(width: a.width)
        let rows = max(1, a.height - 3)
        let first = max(0, layout.cursorRow - rows + 1)
        for (i, line) in layout.lines.dropFirst(first).prefix(rows).enumerated() {
            b.put(line, x: a.x, y: a.y + 3 + i, style: Style(.text))
        }
        b.cursor = (a.x + layout.cursorColumn, a.y + 3 + layout.cursorRow - first)
    }

    static func hint(_ l: Language) -> String {
        l == .nl ? "Enter nieuwe regel · Ctrl-O opslaan (nieuwe versie) · Esc annuleren" : "Enter new line · Ctrl-O save (a new version) · Esc cancel"
    }
}
