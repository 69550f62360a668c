import ArgumentParser
import Core
import Store

/// The organiser's findings for the report: `summary set --file F` saves a new version
/// (for scripts), `summary show` prints the current one. The report opens with it; while it
/// is empty every page of the report says "concept".
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "Set or show the report's summary and key messages (kept in the store, versioned).",
        subcommands: [Set.self, Show.self])

    /// The programme a workshop id belongs to (the id itself when no workshop file says more).
    static func programme(_ workshop: String) -> String {
        WorkshopCatalog.load().workshops.first { $0.id == workshop }?.programme ?? workshop
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save a new version of the summary from a text file.",
            discussion: """
                The file is UTF-8 text: paragraphs of summary, and the key messages as lines that start \
                with "- ". Use - for standard input. Each save is a new version; older ones are kept.
                """)
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "The text file (- for standard input).") var file: String
        @Option(help: "Only for the sessions of this workshop (default: every report from this store).") var workshop: String?
        @Option(help: "The organiser's name, for the colophon.") var organiser: String?

        func run() throws {
            let text: String
            do {
                text = file == "-" ? String(decoding: readStandardInput(), as: UTF8.self) : String(decoding: try InputFile.read(file, limit: 1 << 20), as: UTF8.self)
            } catch { throw CLIError(error) }
            let parsed = ReportSummary.parse(text)
            guard !parsed.text.allSatisfy(\.isWhitespace) || !parsed.keyMessages.isEmpty else {
                throw CLIError("\(TerminalText.quoted(file)) holds no summary", nl: "\(TerminalText.quoted(file)) bevat geen samenvatting")
            }
            let store = try storeOptions.open(forWriting: true)
            let saved: ReportSummary
            do {
                // Kept for the workshop's programme: one summary for every script of one study.
                saved = try SummaryJournal(store: store).set(
                    text: parsed.text, keyMessages: parsed.keyMessages, organiser: organiser,
                    workshop: workshop.map(SummaryCommand.programme), now: Clock.nowMs())
            } catch { throw CLIError(error) }
            print(Output.language() == .nl
                ? "samenvatting opgeslagen: versie \(saved.version), \(saved.keyMessages.count) kernboodschappen"
                : "summary saved: version \(saved.version), \(saved.keyMessages.count) key messages")
        }

        func readStandardInput() -> [UInt8] {
            var bytes: [UInt8] = []
            while let line = readLine(strippingNewline: false), bytes.count < 1 << 20 { bytes += Array(line.utf8) }
            return bytes
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the current summary and its version.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "The workshop whose summary to show.") var workshop: String?

        func run() throws {
            let store = try storeOptions.open()
            let journal: SummaryJournal
            do { journal = try SummaryJournal(store: store) } catch { throw CLIError(error) }
            let keys = workshop.map { id in
                let catalog = WorkshopCatalog.load().workshops
                return SummaryJournal.keys(programme: SummaryCommand.programme(id), workshops: catalog) + [id]
            }
            guard let s = journal.current(keys: keys ?? []) else {
                print(Output.language() == .nl ? "nog geen samenvatting: het verslag is een concept" : "no summary yet: the report is a draft")
                return
            }
            print((Output.language() == .nl ? "versie " : "version ") + "\(s.version)")
            print(TerminalText.safe(s.text))
            for m in s.keyMessages { print("- " + TerminalText.safe(m)) }
        }
    }
}
