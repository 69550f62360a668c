import Core

/// A participant's rejoin code where they look for it: the hint line while nothing is typed,
/// `?`, the question before leaving, and the last line the terminal prints. It used to be only
/// the answer to joining, which the first "Saved." replaced: the one moment it was needed
/// (a new device, a dropped connection) it was gone.
public enum RejoinCodeText {
    /// The code as the participant reads and types it: digits in groups of three.
    public static func shown(_ typed: String) -> String {
        let digits = typed.filter { $0.isASCII && $0.isNumber }
        guard digits.count > 4 else { return digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && i % 3 == 0 { out += " " }
            out.append(c)
        }
        return out
    }

    static func hint(_ code: String) -> LocalizedText {
        LocalizedText(nl: "Terugkomcode \(code)", en: "Rejoin code \(code)")
    }

    static func inHelp(_ code: String) -> LocalizedText {
        LocalizedText(
            nl: "Je terugkomcode: \(code). Met je naam en deze code kom je terug, ook vanaf een ander apparaat.",
            en: "Your rejoin code: \(code). With your name and this code you come back, from any device too.")
    }

    static let noCode = LocalizedText(
        nl: "Je hebt geen terugkomcode: met je naam kom je terug zolang niemand anders hem gebruikt.",
        en: "You have no rejoin code: your name brings you back as long as nobody else uses it.")

    static func goodbye(_ code: String) -> LocalizedText {
        LocalizedText(
            nl: "Wat je opsloeg is bewaard. Terugkomen: dezelfde naam en je terugkomcode \(code).",
            en: "What you saved is kept. To come back: the same name and your rejoin code \(code).")
    }

    /// The line a participant's terminal prints when their screen ends (nil: not a participant,
    /// or no code): every way out — Ctrl-C, a closed room, a dropped connection — says it.
    public static func farewell(_ app: AppState) -> String? {
        guard case .session(let s) = app.route, s.isParticipant else { return nil }
        let why = s.sentAway.map { sentAway($0)[app.language] }
        let back = s.rejoinCode.map { goodbye($0)[app.language] }
        let lines = [why, back].compactMap { $0 }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    static func sentAway(_ reason: String) -> LocalizedText {
        reason.isEmpty
            ? LocalizedText(nl: "De facilitator heeft je verbinding verbroken.",
                en: "The facilitator ended your connection.")
            : LocalizedText(nl: "De facilitator heeft je verbinding verbroken: \(reason)",
                en: "The facilitator ended your connection: \(reason)")
    }
}
