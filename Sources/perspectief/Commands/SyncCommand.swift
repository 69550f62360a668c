import ArgumentParser
import Core
import Foundation
import Store
import Sync

/// `perspectief sync SESSION… | --all --to URL`: sends sessions to the event database once.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Send sessions to the event's PostgreSQL database (once; `run --sync URL` keeps one in step live).",
        discussion: """
            Sends every saved event the database does not have yet and remembers per journal how \
            far it got (in the store's .sync folder), so running it again sends only what is new \
            and an interrupted sync simply continues. Sending an event twice is harmless. A damaged \
            session is refused with its reason; the others are still sent.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "Session ids (or --all).") var sessions: [String] = []
    @Flag(help: "Every saved session.") var all = false
    @Option(help: "The database: postgres://user:password@host:port/database (default: $PERSPECTIEF_SYNC).") var to: String?
    @Option(help: "The event these rooms belong to, for `wall --event` (default: $PERSPECTIEF_EVENT).") var event: String?
    @Option(help: "This laptop's name for the organiser (default: the host name).") var laptop: String?
    @Option(help: .hidden) var batchSize: Int = 5000

    func run() throws {
        guard all != !sessions.isEmpty else {
            throw all
                ? CLIError("name sessions or use --all, not both", nl: "noem sessies of gebruik --all, niet allebei")
                : CLIError("name the sessions to sync, or use --all", nl: "noem de sessies die je wilt synchroniseren, of gebruik --all")
        }
        let env = ProcessInfo.processInfo.environment
        guard let text = to ?? env["PERSPECTIEF_SYNC"], !text.isEmpty else {
            throw CLIError("say where to: --to postgres://…", nl: "zeg waarheen: --to postgres://…")
        }
        let url = try SyncOptions.parse(text)
        let store = try storeOptions.open()
        let ids = all ? store.sessionIDs().sorted() : sessions
        guard !ids.isEmpty else { throw CLIError("no sessions in \(store.root)", nl: "geen sessies in \(store.root)") }
        let options = Syncer.Options(
            eventName: event ?? env["PERSPECTIEF_EVENT"] ?? "", laptop: laptop ?? ProcessInfo.processInfo.hostName, batchSize: batchSize)
        let syncer = Syncer(store: store, url: url, options: options)
        defer { syncer.disconnect() }
        let l = Output.language()
        var refused = 0
        for id in ids {
            guard StoreIDs.valid(id) else {
                let q = TerminalText.quoted(id)
                throw CLIError("\(q) is not a session id", nl: "\(q) is geen sessiecode")
            }
            do {
                let r = try syncer.sync(id)
                print(l == .nl ? "\(id)\t\(r.sent) verstuurd, \(r.added) nieuw" : "\(id)\t\(r.sent) sent, \(r.added) new")
            } catch {
                // The database itself is the problem: no use trying the next session.
                guard error.scope == .session else { throw SyncOptions.cli(error) }
                FileHandleErr.print(Messages.errorPrefix[l] + (l == .nl ? error.dutch : error.message))
                refused += 1
            }
        }
        if refused > 0 {
            throw CLIError("\(refused) of \(ids.count) sessions not synced", nl: "\(refused) van \(ids.count) sessies niet gesynchroniseerd")
        }
    }
}
