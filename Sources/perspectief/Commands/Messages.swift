import Foundation
import Core
import Store

/// Every message the command line gives, in Dutch and English, in one place. Values from
/// arguments or files are quoted with `TerminalText.quoted`, so an id with a newline or an
/// escape stays one visible line.
enum Messages {
    private static func q(_ value: String) -> String { TerminalText.quoted(value) }

    static let nameSessions = CLIError(
        "name the sessions to export, or use --all", nl: "noem de sessies die je wilt exporteren, of gebruik --all")
    static let needsTerminal = CLIError(
        "the screen needs a terminal: standard input and output must not be redirected",
        nl: "het scherm heeft een terminal nodig: standaardinvoer en -uitvoer mogen niet omgeleid zijn")

    static func unknownKind(_ k: String) -> CLIError {
        CLIError("unknown kind \(q(k)) (implication, insight or note)", nl: "onbekende soort \(q(k)) (implication, insight of note)")
    }
    static func unknownWorkshop(_ id: String, known: String) -> CLIError {
        CLIError(
            "unknown workshop \(q(id))" + (known.isEmpty ? "" : " (known: \(known))"),
            nl: "onbekende workshop \(q(id))" + (known.isEmpty ? "" : " (bekend: \(known))"))
    }
    static func unknownLanguage(_ l: String) -> CLIError {
        CLIError("unknown language \(q(l)) (nl or en)", nl: "onbekende taal \(q(l)) (nl of en)")
    }
    static func unknownTheme(_ t: String) -> CLIError {
        CLIError("unknown theme \(q(t)) (dark, light or mono)", nl: "onbekend thema \(q(t)) (dark, light of mono)")
    }
    static func noWorkshops(_ detail: String) -> CLIError {
        CLIError("no workshops found" + detail, nl: "geen workshops gevonden" + detail)
    }
    static func readOnly(_ id: String, _ reason: String) -> CLIError {
        CLIError("session \(id) is read-only: \(reason)", nl: "sessie \(id) is alleen-lezen: \(reason)")
    }
    static func ownPersona(_ name: String) -> CLIError {
        CLIError("--persona and --description are for a target group of your own; \(q(name)) brings its own from the workshop",
            nl: "--persona en --description zijn voor een eigen doelgroep; \(q(name)) heeft er een uit de workshop")
    }
    static let redactNeedsNoNames = CLIError(
        "--redact-names goes with --no-names", nl: "--redact-names hoort bij --no-names")
    static func badRoomKind(_ k: String) -> CLIError {
        CLIError("--room-kind must be professionals, target-group or mixed, not \(q(k))",
            nl: "--room-kind moet professionals, target-group of mixed zijn, niet \(q(k))")
    }
    static func customPerspective(_ name: String, workshop: String, groups: String) -> LocalizedText {
        LocalizedText(
            nl: "let op: \(q(name)) is geen doelgroep van \(workshop); de sessie krijgt een eigen doelgroep (doelgroepen: \(groups); --custom om dit niet te melden)",
            en: "note: \(q(name)) is not a target group of \(workshop); the session gets a custom target group (groups: \(groups); --custom to leave this note out)")
    }
    static let packBoth = CLIError("name sessions or use --all, not both", nl: "noem sessies of gebruik --all, niet allebei")
    static let packWhich = CLIError("name the sessions to pack, or use --all", nl: "noem de sessies die je wilt inpakken, of gebruik --all")
    static func nothingToPack(_ root: String) -> CLIError {
        CLIError("no sessions in \(q(root)) to pack", nl: "geen sessies in \(q(root)) om in te pakken")
    }
    static func packed(_ sessions: Int, events: Int, into file: String) -> LocalizedText {
        LocalizedText(
            nl: "\(sessions) \(sessions == 1 ? "sessie" : "sessies") (\(events) gebeurtenissen) ingepakt in \(q(file))",
            en: "packed \(sessions) \(sessions == 1 ? "session" : "sessions") (\(events) events) into \(q(file))")
    }
    static func importProblems(_ file: String, _ n: Int) -> CLIError {
        CLIError(
            "\(q(file)): \(n) \(n == 1 ? "problem" : "problems"); nothing was added",
            nl: "\(q(file)): \(n) \(n == 1 ? "probleem" : "problemen"); er is niets toegevoegd")
    }
    static func importEmpty(_ file: String) -> CLIError {
        CLIError("\(q(file)) has no rows to add", nl: "\(q(file)) heeft geen rijen om toe te voegen")
    }
    static func noSessionsYet(_ root: String) -> LocalizedText {
        LocalizedText(
            nl: "Nog geen sessies in \(root). Begin er een met `perspectief new --perspective ouderen`.",
            en: "No sessions in \(root) yet. Start one with `perspectief new --perspective ouderen`.")
    }
    static let warning = LocalizedText(nl: "waarschuwing: ", en: "warning: ")
    static let readOnlyPrefix = LocalizedText(nl: "alleen-lezen: ", en: "read-only: ")
    static let errorPrefix = LocalizedText(nl: "fout: ", en: "Error: ")

    // `show` and `sessions`: labels in the UI language. The tab-separated columns of
    // `sessions` keep their order and count in every language; scripts read `--json`.
    enum Listing {
        static let workshop = LocalizedText(nl: "workshop", en: "workshop")
        static let perspective = LocalizedText(nl: "doelgroep", en: "target group")
        static let place = LocalizedText(nl: "plaats", en: "place")
        static let step = LocalizedText(nl: "stap", en: "step")
        static let closedNote = LocalizedText(nl: "(afgesloten)", en: "(closed)")
        static let open = LocalizedText(nl: "open", en: "open")
        static let closed = LocalizedText(nl: "afgesloten", en: "closed")
        static let readOnly = LocalizedText(nl: "ALLEEN-LEZEN", en: "READ-ONLY")
        static func entries(_ n: Int) -> LocalizedText {
            LocalizedText(nl: "\(n) \(n == 1 ? "bijdrage" : "bijdragen")", en: "\(n) \(n == 1 ? "entry" : "entries")")
        }
        static func votes(_ n: Int) -> LocalizedText {
            LocalizedText(nl: "\(n) \(n == 1 ? "stem" : "stemmen")", en: "\(n) \(n == 1 ? "vote" : "votes")")
        }
        static func kind(_ k: EntryKind) -> LocalizedText {
            switch k {
            case .implication: LocalizedText(nl: "implicatie", en: "implication")
            case .insight: LocalizedText(nl: "inzicht", en: "insight")
            case .note: LocalizedText(nl: "aantekening", en: "note")
            }
        }
    }

    /// ArgumentParser's own messages are English; their opening words are translated here
    /// (the option names and values they quote stay as typed, made safe when printed).
    static func argumentError(_ text: String, in language: Language) -> String {
        guard language == .nl else { return text }
        let phrases = [
            ("Unknown option", "Onbekende optie"), ("Unexpected argument", "Onverwacht argument"),
            ("Missing expected argument", "Verwacht argument ontbreekt"), ("Missing value for", "Waarde ontbreekt voor"),
            ("The value", "De waarde"), (" is invalid for ", " is ongeldig voor "), ("Unknown command", "Onbekend commando"),
        ]
        var out = text
        for (en, nl) in phrases { out = out.replacingOccurrences(of: en, with: nl) }
        return out
    }

    /// Any error as the one line a user reads, in `language`.
    static func text(of error: Error, in language: Language) -> String {
        switch error {
        case let e as CLIError: return e.text[language]
        case let e as StoreError: return e.message(in: language)
        case let e as PerformError: return e.message(in: language)
        case let e as Refusal: return e.reason[language]
        default: return "\(error)"
        }
    }
}

/// A one-line reason in both languages; the entry point prints it in the UI language.
struct CLIError: Error, CustomStringConvertible {
    var text: LocalizedText
    init(_ en: String, nl: String) { text = LocalizedText(nl: nl, en: en) }
    init(_ error: StoreError) { text = LocalizedText(nl: error.message(in: .nl), en: error.message) }
    init(_ error: PerformError) { text = LocalizedText(nl: error.message(in: .nl), en: error.message(in: .en)) }
    init(_ text: LocalizedText) { self.text = text }
    /// A name refused by the one name rule, said as the option it came from.
    init(name refusal: Refusal) { text = LocalizedText(nl: "--name: " + refusal.reason.nl, en: "--name: " + refusal.reason.en) }
    var description: String { text.en }
}
