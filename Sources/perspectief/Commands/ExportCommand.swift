import Application
import ArgumentParser
import Core

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a report of sessions: Markdown, CSV, JSON, HTML or PDF.",
        discussion: """
            Damaged or newer-schema sessions are named on stderr and left out; the rest is exported. \
            PDF is the HTML report printed by headless Chromium (Debian package chromium), written \
            to the file named with --output, readable by its owner only. The report opens with the \
            organiser's summary (`perspectief summary set --file F`); until there is one, every \
            page says "concept". CSV uses ';' for a Dutch report and ',' for English (--separator).
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var source: DatabaseSource
    @OptionGroup var workshopOptions: WorkshopOptions
    @Argument(help: "Session ids (or --all).") var sessions: [String] = []
    @Flag(help: "Every saved session.") var all = false
    @Option(help: "Only sessions of this workshop.") var workshop: String?
    @Option(help: "md, csv, json, html or pdf.") var format: String = "md"
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?
    @Flag(help: "Replace the output file if it exists.") var force = false
    @Option(help: "Report language: nl or en (default: from LANG).") var lang: String?
    @Option(help: "CSV separator: ';', ',' or tab (default: ';' for a Dutch report, ',' for English).") var separator: String?
    @Flag(help: "Leave every person's name out: participants, authors, facilitators, the organiser.") var noNames = false
    @Flag(help: "With --no-names: replace known names typed inside entries by \"[naam]\" (names found are listed on stderr).")
    var redactNames = false
    @Flag(help: "The short version (about six pages): page 1, the findings across groups, the directions, method and colophon.")
    var short = false

    func run() throws {
        guard all || !sessions.isEmpty else { throw Messages.nameSessions }
        guard !redactNames || noNames else { throw Messages.redactNeedsNoNames }
        var sep: Character?
        if let separator {
            guard let c = ReportOptions.separators[separator] else {
                throw CLIError("--separator must be ';', ',' or tab, not \(TerminalText.quoted(separator))",
                               nl: "--separator moet ';', ',' of tab zijn, niet \(TerminalText.quoted(separator))")
            }
            sep = c
        }
        let l = Output.language()
        do {
            var request = Exporting.Request(
                ids: all ? nil : sessions, workshop: workshop, format: try Exporting.format(format), language: Output.language(lang),
                output: output == "-" ? nil : output, overwrite: force, noNames: noNames, separator: sep,
                tool: BuildInfo.reportTool)
            request.short = short
            request.redactNames = redactNames
            let (storeOptions, done) = try source.resolve(storeOptions)
            defer { done() }
            let outcome = try Exporting.export(request, store: try storeOptions.open(), workshops: workshopOptions.catalog().workshops)
            for problem in outcome.warnings { FileHandleErr.print(Messages.warning[l] + problem[l]) }
            if let text = outcome.text { print(text, terminator: "") }
        } catch let failure as Exporting.Failure {
            throw CLIError(failure.reason)
        }
    }
}
