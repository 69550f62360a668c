import Core
import Store

/// Joining as a participant: choose the live session (when no id was given), then a name.
public struct JoinState: Equatable, Sendable {
    public enum Phase: Sendable, Equatable { case pick, name, code }
    public var phase: Phase
    public var sessionId: String?
    public var selected = 0
    /// Room for more than a name may hold, so a long name is refused with the reason, never cut.
    public var input = TextInput("", limit: ParticipantName.maxCharacters * 4, multiline: false)
    /// The personal rejoin code, asked when the name was used before.
    public var code = TextInput("", limit: 20, multiline: false)
    /// On the name form: the cursor is in the (optional) rejoin-code field.
    public var onCode = false

    public init(sessionId: String?, name: String? = nil) {
        self.sessionId = sessionId
        phase = sessionId == nil ? .pick : .name
        if let name { input = TextInput(name, limit: ParticipantName.maxCharacters * 4, multiline: false) }
    }
}

enum Join {
    /// The sessions a participant can join: open and not read-only.
    static func open(_ app: AppState) -> [SessionListing] { app.listings.filter { !$0.closed && !$0.readOnly } }

    static func update(_ app: inout AppState, _ j: inout JoinState, _ key: Key) -> [Effect] {
        switch j.phase {
        case .pick:
            let list = open(app)
            switch key {
            case .up: j.selected = max(0, j.selected - 1)
            case .down: j.selected = min(max(0, list.count - 1), j.selected + 1)
            case .enter:
                guard !list.isEmpty else { return [] }
                j.sessionId = list[min(j.selected, list.count - 1)].id
                j.phase = .name
            case .char("q"): return [.quit]
            default: break
            }
        case .code:
            switch key {
            case .enter:
                guard let id = j.sessionId, !j.code.text.isEmpty else { return [] }
                return [.join(sessionId: id, name: TextPolicy.cleanLine(j.input.text), rejoinCode: j.code.text)]
            case .escape:
                // Back to the name: perhaps it was someone else's after all.
                j.code = TextInput("", limit: 20, multiline: false)
                j.phase = .name
            default:
                _ = j.code.handle(key)
            }
        case .name:
            switch key {
            case .enter:
                guard let id = j.sessionId else { return [] }
                // The one name rule, said here at once; the join itself checks it again.
                switch ParticipantName.check(j.input.text) {
                case .failure(let why): app.notice = Notice(kind: .error, text: why.reason[app.language])
                case .success(let name):
                    let code = j.code.text.contains(where: \.isNumber) ? j.code.text : nil
                    return [.join(sessionId: id, name: name, rejoinCode: code)]
                }
            // The rejoin code: for someone coming back, on this device or another.
            case .tab, .backTab: j.onCode.toggle()
            case .down: j.onCode = true
            case .up: j.onCode = false
            case .escape where j.onCode:
                if j.code.text.isEmpty { j.onCode = false } else { j.code = TextInput("", limit: 20, multiline: false) }
            case _ where j.onCode:
                _ = j.code.handle(key)
            case .escape:
                // Esc clears, then goes back to the list; it never leaves (Ctrl-C does).
                if !j.input.text.isEmpty {
                    j.input = TextInput("", limit: ParticipantName.maxCharacters * 4, multiline: false)
                } else if !open(app).isEmpty {
                    j.phase = .pick
                }
            default:
                _ = j.input.handle(key)
            }
        }
        return []
    }

    static func view(_ app: AppState, _ j: JoinState, into b: inout CellBuffer) {
        let l = app.language
        b.put(" " + (l == .nl ? "Meedoen aan een sessie" : "Join a session"), x: 0, y: 0, style: Style(.accent, bold: true))
        b.hline(x: 0, y: 1, width: b.width)
        let x = 4, width = b.width - 8
        var y = 3
        switch j.phase {
        case .pick:
            let list = open(app)
            b.put(l == .nl ? "Kies de sessie van de facilitator" : "Choose the facilitator's session", x: x, y: y, style: Style(.text, bold: true))
            y += 2
            if list.isEmpty {
                b.paragraph(l == .nl ? "Er loopt nu geen sessie. Vraag de facilitator om het sessienummer." : "No session is running. Ask the facilitator for the session id.",
                            x: x, y: y, width: width, maxRows: 3, style: Style(.warn))
            }
            for (i, s) in list.enumerated() where y < b.height - 3 {
                let style = i == j.selected ? Style(.highlight, bold: true, reverse: true) : Style(.text)
                b.fill(x: x, y: y, width: width, height: 1, style: style)
                b.put(Wrap.clip(" \(s.title)  ·  \(S.entryCount(s.entryCount, l))", width: width), x: x, y: y, style: style)
                y += 1
            }
            Footer.draw(app, hint: l == .nl ? "↑↓ kiezen · Enter meedoen · q stoppen" : "↑↓ choose · Enter join · q quit", into: &b)
        case .code:
            b.put(l == .nl ? "Je terugkomcode (je kreeg hem toen je de eerste keer meedeed)" : "Your rejoin code (you were given it when you first joined)",
                  x: x, y: y, style: Style(.text, bold: true))
            y += 2
            b.box(x: x, y: y, width: width, height: 3)
            let layout = j.code.layout(width: width - 4)
            b.put(layout.lines.last ?? "", x: x + 2, y: y + 1, maxWidth: width - 4)
            b.cursor = (x + 2 + layout.cursorColumn, y + 1)
            Footer.draw(app, hint: l == .nl ? "Typ de code · Enter meedoen · Esc andere naam · Ctrl-C stoppen" : "Type the code · Enter join · Esc another name · Ctrl-C quit", into: &b)
        case .name:
            b.put(l == .nl ? "Hoe heet je? (zo zien anderen je naam)" : "What is your name? (as others will see it)", x: x, y: y, style: Style(.text, bold: true))
            y += 2
            b.box(x: x, y: y, width: width, height: 3, style: Style(j.onCode ? .frame : .highlight))
            let layout = j.input.layout(width: width - 4)
            b.put(layout.lines.last ?? "", x: x + 2, y: y + 1, maxWidth: width - 4)
            if !j.onCode { b.cursor = (x + 2 + layout.cursorColumn, y + 1) }
            y += 4
            b.put(Wrap.clip(JoinText.codeLabel[l], width: width), x: x, y: y, style: Style(.text, bold: true))
            b.box(x: x, y: y + 1, width: min(width, 30), height: 3, style: Style(j.onCode ? .highlight : .frame))
            let codeLayout = j.code.layout(width: min(width, 30) - 4)
            b.put(codeLayout.lines.last ?? "", x: x + 2, y: y + 2, maxWidth: min(width, 30) - 4)
            if j.onCode { b.cursor = (x + 2 + codeLayout.cursorColumn, y + 2) }
            Footer.draw(app, hint: JoinText.nameHint[l], into: &b)
        }
    }
}

/// The words of the join form's rejoin-code field.
enum JoinText {
    static let codeLabel = LocalizedText(
        nl: "Terugkomcode — alleen als je al meedeed (Tab of ↓ om hem te typen)",
        en: "Rejoin code — only if you took part before (Tab or ↓ to type it)")
    static let nameHint = LocalizedText(
        nl: "Typ je naam · Tab terugkomcode · Enter meedoen · Esc wissen · Ctrl-C stoppen",
        en: "Type your name · Tab rejoin code · Enter join · Esc clear · Ctrl-C quit")
}
