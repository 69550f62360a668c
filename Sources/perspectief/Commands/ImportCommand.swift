import ArgumentParser
import Core
import Store

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add every row of a CSV file (paper notes typed into a spreadsheet) as an entry.",
        discussion: """
            The header row names the columns: text/tekst (required), kind/soort, step/stap, \
            scenario, author/auteur, and for paper sessions that marked and voted: holds in/houdt \
            stand in (scenarios, separated by ;), directions/ontwikkelrichtingen (titles, ids or \
            numbers, separated by ;) and votes/stemmen (the room's dots); a file from \
            `export --format csv` reads back as it is. UTF-8 \
            with or without BOM, `;` or `,`. Every row is checked first: one bad row and nothing \
            is added, with each bad row named by its line. The rows are saved as one durable batch. \
            An empty step is the session's current step; an empty kind is that step's kind; an \
            empty scenario is the step's. Works on a closed session too: notes come in afterwards.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var workshopOptions: WorkshopOptions
    @Argument(help: "The session id.") var session: String
    @Argument(help: "The CSV file.") var file: String
    @Flag(help: "Show what would be added; change nothing.") var dryRun = false

    func run() throws {
        let handle = try storeOptions.sessionForAdding(session)
        defer { handle.close() }
        if let reason = handle.readOnlyReason { throw Messages.readOnly(session, reason) }
        let workshop = try workshopOptions.workshop(handle.state.setup.workshopId)
        let table = try SpreadsheetFile.read(file)
        let now = Clock.nowMs()
        // 64 random bits per import and the row number: unique without reading every entry;
        // the number zero-padded so that ids sort in file order as text too.
        let prefix = EntryImport.idPrefix(batch: UInt64.random(in: 0...UInt64.max))
        let planned: [EntryImport.Planned]
        do {
            planned = try EntryImport.plan(
                header: table.header, rows: table.rows, workshop: workshop, state: handle.state,
                newId: { prefix + Self.padded($0, count: table.rows.count) })
        } catch {
            let shown = 50
            let l = Output.language()
            for p in error.problems.prefix(shown) { FileHandleErr.print("\(file): \(p.text(l))") }
            let n = error.problems.count
            if n > shown { FileHandleErr.print(l == .nl ? "\(file): … en nog \(n - shown)" : "\(file): … and \(n - shown) more") }
            throw Messages.importProblems(file, n)
        }
        guard !planned.isEmpty else { throw Messages.importEmpty(file) }
        if dryRun {
            for p in planned {
                let e = p.entry
                let text = e.text.split(whereSeparator: \.isNewline).joined(separator: " / ")
                let kind = Output.language() == .nl ? ["implication": "implicatie", "insight": "inzicht", "note": "aantekening"][e.kind.rawValue] ?? e.kind.rawValue : e.kind.rawValue
                print((Output.language() == .nl ? "regel " : "line ") + "\(p.line)\t\(kind)\t\(e.step)\t\(e.scenario ?? "-")\t\(e.author ?? "-")\t\(text)")
            }
            print(Output.language() == .nl
                ? "zou \(planned.count) bijdragen toevoegen aan \(session) (proef: niets bewaard)"
                : "would add \(planned.count) entries to \(session) (dry run: nothing saved)")
            return
        }
        do {
            try handle.appendAll(EntryImport.decisions(planned), by: .facilitator(handle.state.setup.facilitator), now: now)
        } catch {
            throw CLIError(error)
        }
        print(Output.language() == .nl
            ? "\(planned.count) bijdragen toegevoegd aan \(session)"
            : "added \(planned.count) entries to \(session)")
    }

    /// `n` in decimal with leading zeros to the width of `count - 1`.
    static func padded(_ n: Int, count: Int) -> String {
        let digits = String(n)
        let width = String(max(count - 1, 0)).count
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
