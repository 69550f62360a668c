import ArgumentParser
import Core
import Store

/// `perspectief desk SESSION`: the facilitator's second window. Its loop is the interactive
/// one (Sources/perspectief/Run/DeskRun.swift).
struct DeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desk",
        abstract: "The facilitator's desk for a session: held entries, who is connected, timer and room — a second window, never projected.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var workshopOptions: WorkshopOptions
    @Argument(help: "The session id (the projector runs it with `perspectief run SESSION`).") var session: String
    @Option(help: "Interface language: nl or en (default: from LANG).") var lang: String?
    @Option(help: "Theme: dark, light or mono (NO_COLOR forces mono).") var theme: String?

    func run() throws {
        try InterfaceOptions.check(lang: lang, theme: theme)
        try Launch.desk(store: storeOptions, workshops: workshopOptions, session: session, lang: lang, theme: theme)
    }
}
