import Application
import Core

/// `?` on a participant's screen: the keys that work there now. The screen is type-first, so
/// letters are text wherever the step takes input; the keys that act are Enter, the arrows
/// and Ctrl-keys, and the letters `v`/`V` only where nothing is typed (voting).
enum ParticipantHelp {
    static func keys(_ app: AppState, _ s: SessionScreen) -> [(String, LocalizedText)] {
        let v = s.participantView(now: app.now)
        let typing = v.input.isOpen || s.editing != nil
        var keys: [(String, LocalizedText)] = []
        if v.list.heading == .chooseTable, v.tables != nil {
            keys += [("↑ ↓", K.chooseTable), ("Enter", K.sitDown)]
        } else if typing {
            keys += [(K.typeKey, K.typeAndSave), ("Alt-Enter", K.newLine), ("Esc", K.escClears), ("↑ ↓", K.choose),
                     ("Ctrl-E F2", K.edit), ("Ctrl-X Delete", K.remove), ("Ctrl-Z", K.undo)]
            if v.tables?.seat != nil { keys.append(("Ctrl-V", K.dot)) }
        } else {
            keys.append(("↑ ↓", K.read))
            if v.votes != nil { keys += [("v", K.vote), ("V", K.unvote)] }
            keys.append(("Ctrl-Z", K.undo))
        }
        keys += [("Tab", K.card), ("?", typing ? K.helpWhenEmpty : K.help), ("Ctrl-C", K.leave)]
        return keys
    }
}

/// The words of the participant's help, in both languages.
private enum K {
    static let typeKey = "a–z"
    static let typeAndSave = LocalizedText(
        nl: "letters zijn tekst: typ je bijdrage en druk Enter om op te slaan",
        en: "letters are text: type your entry and press Enter to save it")
    static let newLine = LocalizedText(nl: "nieuwe regel in je tekst", en: "new line in your text")
    static let escClears = LocalizedText(
        nl: "wist wat je typt (Ctrl-Z zet het terug); Esc laat je nooit uit de sessie",
        en: "clears what you type (Ctrl-Z brings it back); Esc never leaves the session")
    static let choose = LocalizedText(nl: "een bijdrage kiezen", en: "choose an entry")
    static let read = LocalizedText(nl: "door de lijst lezen", en: "read through the list")
    static let edit = LocalizedText(nl: "gekozen eigen bijdrage bewerken", en: "edit the chosen entry of yours")
    static let remove = LocalizedText(
        nl: "gekozen eigen bijdrage verwijderen (vraagt eerst)", en: "remove the chosen entry of yours (asks first)")
    static let undo = LocalizedText(
        nl: "ongedaan maken: eerst gewiste tekst, dan je laatste wijziging (zegt wat)",
        en: "undo: first cleared text, then your latest change (says which)")
    static let dot = LocalizedText(nl: "stip voor de top 3 van je tafel (nog eens: terug)",
        en: "dot for your table's top 3 (again: back)")
    static let vote = LocalizedText(nl: "stem geven aan het gekozen inzicht", en: "vote for the chosen insight")
    static let unvote = LocalizedText(nl: "stem terugnemen", en: "take a vote back")
    static let chooseTable = LocalizedText(nl: "een tafel kiezen", en: "choose a table")
    static let sitDown = LocalizedText(nl: "aan die tafel gaan zitten",
        en: "sit down at that table")
    static let card = LocalizedText(
        nl: "de hele kaart: scenario, persona, trends, vragen",
            en: "the whole card: scenario, persona, trends, prompts")
    static let help = LocalizedText(nl: "deze hulp", en: "this help")
    static let helpWhenEmpty = LocalizedText(nl: "deze hulp (als de regel leeg is)",
        en: "this help (when the line is empty)")
    static let leave = LocalizedText(
        nl: "de sessie verlaten (vraagt eerst; alles blijft bewaard)",
            en: "leave the session (asks first; everything stays saved)")
}
