import ArgumentParser
import Core
import Store

struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Write sessions, every event, to one portable file (format: docs/PACK-FORMAT.md).",
        discussion: "The file is readable by its owner only and carries a SHA-256 checksum. `perspectief unpack FILE` brings it into another store.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var source: DatabaseSource
    @Argument(help: "Session ids (or --all).") var sessions: [String] = []
    @Flag(help: "Every saved session.") var all = false
    @Option(name: .shortAndLong, help: "The pack file to write.") var output: String
    @Flag(help: "Replace the output file if it exists.") var force = false

    func run() throws {
        guard all != !sessions.isEmpty else { throw all ? Messages.packBoth : Messages.packWhich }
        let (storeOptions, done) = try source.resolve(storeOptions)
        defer { done() }
        let store = try storeOptions.open()
        let ids = all ? store.sessionIDs().sorted() : sessions
        guard !ids.isEmpty else { throw Messages.nothingToPack(store.root) }
        do {
            let done = try store.pack(ids, to: output, overwrite: force)
            FileHandleErr.print(Messages.packed(done.sessions, events: done.events, into: output)[Output.language()])
        } catch {
            throw CLIError(error)
        }
    }
}

struct UnpackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unpack",
        abstract: "Bring the sessions of a pack file into this store.",
        discussion: """
            A session not here yet is added. One here already is left alone when the pack holds \
            nothing new, and gets the pack's further events when it is the same session further \
            along. Any other difference is refused: nothing is overwritten or merged. A damaged, \
            cut-short, foreign or newer pack changes nothing.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The pack file.") var file: String

    func run() throws {
        let store = try storeOptions.open(forWriting: true)
        let outcome: UnpackOutcome
        do { outcome = try store.unpack(file) } catch { throw CLIError(error) }
        for id in outcome.added { print("added\t\(id)") }
        for (id, n) in outcome.extended { print("updated\t\(id)\t\(n) events added") }
        for id in outcome.unchanged { print("unchanged\t\(id)") }
        if outcome.decisions > 0 { print("decisions\t\(outcome.decisions) lines of the organisers' groupings and decisions added") }
    }
}
