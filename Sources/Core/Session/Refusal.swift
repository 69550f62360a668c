/// Why the engine will not do something, in both interface languages.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: LocalizedText
    public init(nl: String, en: String) { reason = LocalizedText(nl: nl, en: en) }
    public var description: String { reason.en }

    static let closed = Refusal(nl: "De sessie is afgesloten.", en: "The session is closed.")
    static let facilitatorOnly = Refusal(
        nl: "Alleen de facilitator kan dat doen.", en: "Only the facilitator can do that.")
    static let organiser = Refusal(
        nl: "Een organisator bekijkt de sessie alleen.", en: "An organiser can only look at the session.")
    static let unknownEntry = Refusal(nl: "Die bijdrage bestaat niet.", en: "That entry does not exist.")
    static let notYours = Refusal(
        nl: "Je kunt alleen je eigen bijdragen wijzigen.", en: "You can only change your own entries.")
    static let emptyText = Refusal(nl: "Typ eerst een tekst.", en: "Type some text first.")
    static let nothingToUndo = Refusal(nl: "Er is niets om ongedaan te maken.", en: "There is nothing to undo.")
    static let notVoting = Refusal(
        nl: "Stemmen kan alleen in de stemstap.", en: "Voting is only possible in the voting step.")
    static let budgetSpent = Refusal(
        nl: "Je hebt al je stemmen gebruikt.", en: "You have used all your votes.")
    static let noVoteToWithdraw = Refusal(
        nl: "Je hebt hier geen stem om terug te nemen.", en: "You have no vote here to take back.")
    static let stepClosed = Refusal(
        nl: "Deze stap is gesloten voor nieuwe bijdragen.", en: "This step is closed for new entries.")
    public static let noEntriesHere = Refusal(
        nl: "In deze stap worden geen bijdragen verzameld.", en: "This step does not collect entries.")
    static let notJoined = Refusal(
        nl: "Meld je eerst aan bij de sessie.", en: "Join the session first.")
    static let duplicateEntry = Refusal(
        nl: "Er is al een bijdrage met deze code; probeer het opnieuw.", en: "An entry with this id already exists; try again.")
    static let removed = Refusal(nl: "Die bijdrage is verwijderd.", en: "That entry has been removed.")

    static func tooLong(_ max: Int) -> Refusal {
        Refusal(nl: "De tekst is te lang (hoogstens \(max) tekens).", en: "The text is too long (at most \(max) characters).")
    }
    static func unknownStep(_ id: String) -> Refusal {
        Refusal(nl: "Stap \"\(id)\" bestaat niet.", en: "Step \"\(id)\" does not exist.")
    }
    static func unknownScenario(_ id: String) -> Refusal {
        Refusal(nl: "Scenario \"\(id)\" bestaat niet.", en: "Scenario \"\(id)\" does not exist.")
    }
    static func unknownTarget(_ id: String) -> Refusal {
        Refusal(nl: "\"\(id)\" is geen ontwikkelrichting of trend van deze workshop.",
            en: "\"\(id)\" is not a direction or trend of this workshop.")
    }
}
