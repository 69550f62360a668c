import ArgumentParser
import Core
import Store

// The interactive commands; their loop lives in Sources/perspectief/Run.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Open the facilitator's screen: the home screen, or a session to resume.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var workshopOptions: WorkshopOptions
    @Argument(help: "A session id to resume (default: the home screen).") var session: String?
    @Option(help: "Interface language: nl or en (default: from LANG).") var lang: String?
    @Option(help: "Theme: dark, light or mono (NO_COLOR forces mono).") var theme: String?
    @OptionGroup var roomFlags: RoomFlags
    @Option(help: ArgumentHelp("Stream the session to the event's database as it runs (default: $PERSPECTIEF_SYNC).", valueName: "postgres://…"))
    var sync: String?
    @Option(help: "The event this room belongs to, for the wall (default: $PERSPECTIEF_EVENT).") var event: String?

    func run() throws {
        try InterfaceOptions.check(lang: lang, theme: theme)
        let syncTarget = try SyncWiring.target(flag: sync, event: event)
        if syncTarget != nil && session == nil { throw SyncWiring.needsSession }
        let room = try roomFlags.options(session: session, workshopDirs: workshopOptions.workshops)
        // Beside the room on its own thread: the room never waits for the database.
        let worker = session.flatMap { syncTarget?.start(storeRoot: storeOptions.root, session: $0) }
        defer { worker?.stop() }
        try Launch.facilitator(
            store: storeOptions, workshops: workshopOptions, session: session, lang: lang, theme: theme, room: room, openRoom: roomFlags.room,
            syncStatus: worker.map { w in { SyncWiring.line(w, language: Output.language(lang)) } })
    }
}

struct JoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join", abstract: "Join a live session as a participant and type your own entries.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var workshopOptions: WorkshopOptions
    @Argument(help: "The session id (default: choose from the open sessions).") var session: String?
    @Option(help: "Your name as others see it.") var name: String?
    @Option(help: "Interface language: nl or en (default: from LANG).") var lang: String?
    @Option(help: "Theme: dark, light or mono (NO_COLOR forces mono).") var theme: String?

    func run() throws {
        try InterfaceOptions.check(lang: lang, theme: theme)
        try Launch.participant(store: storeOptions, workshops: workshopOptions, session: session, name: name, lang: lang, theme: theme)
    }
}

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Browse all saved sessions: search, the target group × scenario matrix, reports.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var source: DatabaseSource
    @OptionGroup var workshopOptions: WorkshopOptions
    @Option(help: "Interface language: nl or en (default: from LANG).") var lang: String?
    @Option(help: "Theme: dark, light or mono (NO_COLOR forces mono).") var theme: String?

    func run() throws {
        try InterfaceOptions.check(lang: lang, theme: theme)
        let (storeOptions, done) = try source.resolve(storeOptions, live: true)
        defer { done() }
        try Launch.review(store: storeOptions, workshops: workshopOptions, lang: lang, theme: theme)
    }
}
