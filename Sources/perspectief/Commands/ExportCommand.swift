import Foundation
import ArgumentParser
import Core
import Store

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a report of sessions: Markdown, CSV, JSON, HTML or PDF.",
        discussion: """
            Damaged or newer-schema sessions are named on stderr and left out; the rest is exported. \
            PDF is the HTML report printed by headless Chromium (Debian package chromium), written \
            to the file named with --output, readable by its owner only.
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

    func run() throws {
        let pdf = format == "pdf"
        guard let format = pdf ? .html : ExportFormat(rawValue: format) else { throw Messages.unknownFormat(format) }
        guard all || !sessions.isEmpty else { throw Messages.nameSessions }
        if let output, output.isEmpty { throw Messages.emptyOutput }
        if pdf && output == nil { throw PDFPrinter.needsFile }
        if pdf && PDFPrinter.chromium() == nil { throw PDFPrinter.missing }
        // Say so before printing (seconds), not after.
        if pdf, !force, let output, FileManager.default.fileExists(atPath: output) { throw PDFPrinter.exists(output) }
        let (storeOptions, done) = try source.resolve(storeOptions)
        defer { done() }
        let store = try storeOptions.open()
        let loaded = SessionLoader.load(store: store, ids: all ? nil : sessions, workshops: workshopOptions.catalog().workshops)
        let l = Output.language()
        for problem in loaded.problems { FileHandleErr.print(Messages.warning[l] + problem[l]) }
        if !all, let missing = loaded.missing.first { throw CLIError(missing) }
        let inputs = loaded.inputs.filter { workshop == nil || $0.workshop.id == workshop }
        guard !inputs.isEmpty else { throw Messages.nothingToExport }
        let groups = (try? GroupJournal(store: store))?.groups ?? []
        let text = format.render(Report(sessions: inputs, groups: groups, language: Output.language(lang)))
        if let output {
            do {
                if pdf {
                    try SafeFile.write(bytes: try PDFPrinter.print(html: text), to: output, overwrite: force)
                } else {
                    try SafeFile.write(text, to: output, overwrite: force)
                }
            } catch let error as StoreError { throw CLIError(error) }
        } else {
            print(text, terminator: "")
        }
    }
}

/// Loads sessions for reports and review: readable ones as synthesis input, the others as
/// one-line problems (never hidden, never modified).
enum SessionLoader {
    struct Result {
        var inputs: [SessionInput] = []
        var listings: [(listing: SessionListing, input: SessionInput?)] = []
        var problems: [LocalizedText] = []
        var missing: [StoreError] = []
    }

    static func load(store: SessionStore, ids: [String]?, workshops: [Workshop]) -> Result {
        var result = Result()
        if let ids {
            let present = Set(store.sessionIDs())
            for id in ids where !present.contains(id) {
                result.missing.append(StoreIDs.valid(id) ? Messages.noSession(id, in: store.root) : Messages.notASessionID(id))
            }
        }
        for (listing, input) in store.loadAll(workshops: workshops, only: ids.map(Set.init)) {
            if let input {
                result.inputs.append(input)
            } else {
                result.problems.append(Messages.leftOut(listing.id, listing.problem))
            }
            result.listings.append((listing, input))
        }
        return result
    }
}
