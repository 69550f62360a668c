import ArgumentParser
import Core
import Foundation
import Sync
import TUI
import Terminal

/// `perspectief wall --from postgres://… [--event NAME]`: the plenary wall across rooms.
struct WallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wall",
        abstract:
            "Project every room of an event from its PostgreSQL database: rooms, the 2×2 across groups, shared koersvast insights.",
        discussion: """
            Live within a second: the database notifies the wall of new events, and the wall also \
            reads what is new every second, so nothing is missed when a notification is. Use an \
            organiser's login (it only reads). q or Esc closes the wall.
            """)

    @Option(help: ArgumentHelp("The event database.", valueName: "postgres://…")) var from: String
    @Option(help: "Only the rooms of this event (as `sync --event` / PERSPECTIEF_EVENT named it).") var event: String?
    @OptionGroup var workshopOptions: WorkshopOptions
    @Option(help: "Interface language: nl or en (default: from LANG).") var lang: String?
    @Option(help: "Theme: dark, light or mono (NO_COLOR forces mono).") var theme: String?
    @Option(
        name: .customLong("print"),
        help: ArgumentHelp("Print the wall once as text at this size and exit.", valueName: "COLSxROWS"))
    var printSize: String?

    func run() throws {
        try InterfaceOptions.check(lang: lang, theme: theme)
        let url = try SyncOptions.parse(from)
        let language = Output.language(lang)
        let workshops = workshopOptions.catalog().workshops
        let feed = WallFeed(url: url, event: event)
        defer { feed.close() }
        if let size = printSize {
            let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, parts.allSatisfy({ (1...1000).contains($0) }) else {
                throw CLIError("--print needs a size such as 120x40", nl: "--print heeft een maat nodig, zoals 120x40")
            }
            do { try feed.catchUp() } catch { throw SyncOptions.cli(error) }
            let snap = WallReader.Snapshot(rooms: feed.rooms, refused: feed.refused, lastHeard: Clock.nowMs())
            let input = WallScreenInput.make(snap, workshops: workshops, event: event, language: language)
            Swift.print(TerminalText.safe(WallView.view(input, width: parts[0], height: parts[1]).text))
            return
        }
        feed.close()
        try WallLoop(url: url, workshops: workshops, event: event, language: language, theme: theme).run()
    }
}

/// The wall's screen loop: draws the reader's newest snapshot; keys are answered within
/// 100 ms whatever the database does (its reads run on the reader's own thread).
struct WallLoop {
    let url: DatabaseURL
    let workshops: [Workshop]
    let event: String?
    let language: Language
    let theme: String?

    func run() throws {
        let listener = ChangeListener(url: url)
        defer { listener.stop() }
        // The first read says at once whether the database can be used at all.
        let reader: WallReader
        do { reader = try WallReader.start(url: url, event: event, wake: listener.wake, now: Clock.nowMs) } catch {
            throw SyncOptions.cli(error)
        }
        defer { reader.stop() }
        let screen: TerminalScreen
        do {
            screen = try TerminalScreen(
                theme: Theme.choose(flag: theme, environment: ProcessInfo.processInfo.environment))
        } catch {
            throw CLIError(error.description, nl: error.nl)
        }
        defer { screen.stop() }
        Signals.install()
        while true {
            if let signal = Signals.take(), signal != SIGWINCH { return }
            let snap = reader.snapshot
            let input = WallScreenInput.make(snap, workshops: workshops, event: event, language: language)
            screen.draw(WallView.view(input, width: screen.width, height: screen.height))
            // Up to a second in short slices: a key, a resize or news from the reader ends the wait.
            for _ in 0..<10 {
                if let e = screen.read(timeoutMs: 100) {
                    if case .key(let k) = e, k == .escape || k == .char("q") || k == .ctrl("c") { return }
                    break
                }
                if reader.snapshot.generation != snap.generation { break }
            }
        }
    }
}

enum WallScreenInput {
    static func make(_ snap: WallReader.Snapshot, workshops: [Workshop], event: String?, language: Language)
        -> WallInput
    {
        let rooms = snap.rooms.map { r in
            WallRoom(
                state: r.state, workshop: workshops.first { $0.id == r.state.setup.workshopId }, laptop: r.laptop,
                lastHeard: r.lastHeard)
        }
        var problem: String?
        if let p = snap.problem {
            problem =
                p.unreachable
                ? WallView.silentSince(hhmm(snap.lastHeard))[language] : (language == .nl ? p.dutch : p.message)
        }
        return WallInput(
            event: event ?? "", rooms: rooms, now: Clock.nowMs(),
            utcOffsetMs: Int64(TimeZone.current.secondsFromGMT()) * 1000,
            language: language, problem: problem, leftOut: snap.refused.count,
            leftOutSessions: snap.refused.keys.sorted())
    }

    static func hhmm(_ ms: Int64) -> String {
        let f = DateFormatter()
        f.dateFormat = "HH:mm"
        f.timeZone = .current
        return f.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }
}
