import ArgumentParser
import Core
import Store
import Sync

/// `--from postgres://…` for review, export and pack: the database's sessions are written to
/// a private temporary store and the command runs over it as over a local one — the same
/// screens, the same bytes of export.
struct DatabaseSource: ParsableArguments {
    @Option(
        help: ArgumentHelp("Read the sessions from the event database instead of the store.", valueName: "postgres://…")
    )
    var from: String?
    @Option(help: "With --from: only the rooms of this event (as `sync --event` named it).") var event: String?

    /// The store to use, and what to call when done (removes the temporary folder).
    /// `live`: the folder keeps following the database until done (review during the day).
    func resolve(_ options: StoreOptions, live: Bool = false) throws -> (StoreOptions, done: () -> Void) {
        guard let from else {
            if event != nil {
                throw CLIError("--event goes with --from postgres://…", nl: "--event hoort bij --from postgres://…")
            }
            return (options, {})
        }
        if options.store != nil {
            throw CLIError("use --store or --from, not both", nl: "gebruik --store of --from, niet allebei")
        }
        let url = try SyncOptions.parse(from)
        let copy: DatabaseStore
        do { copy = try DatabaseStore(url: url, event: event) } catch { throw SyncOptions.cli(error) }
        let l = Output.language()
        for problem in copy.refused {
            FileHandleErr.print(Messages.warning[l] + (l == .nl ? problem.dutch : problem.message))
        }
        var local = options
        local.store = copy.root
        let follower = live ? copy.follow() : nil
        return (
            local,
            {
                follower?.stop()
                copy.remove()
            }
        )
    }
}
