import Core
import Foundation
import Store

/// Writing a report of sessions, the same from `perspectief export` and from review's `e`:
/// every format (PDF through a `PDFPrinting`), the same checks in the same order, the same
/// one-line reasons. Damaged sessions are left out and named, never hidden.
public enum Exporting {
    public enum Format: String, CaseIterable, Sendable {
        case md, csv, json, html, pdf
        public var fileExtension: String { rawValue }
        /// The text format behind it (a PDF is the HTML report printed).
        var text: ExportFormat { self == .pdf ? .html : ExportFormat(rawValue: rawValue)! }
    }

    public struct Request: Sendable {
        /// nil: every saved session.
        public var ids: [String]?
        /// Only sessions of this workshop.
        public var workshop: String?
        public var format: Format
        public var language: Language
        /// nil: the text is returned (standard output); PDF needs a file.
        public var output: String?
        public var overwrite: Bool
        /// Leave every person's name out.
        public var noNames: Bool
        /// The CSV separator; nil: by the report's language.
        public var separator: Character?
        /// The tool and its version, for the colophon.
        public var tool: String
        /// The short version (page 1, findings, directions, method, colophon).
        public var short = false
        /// With `noNames`: known names inside entries' texts become "[naam]".
        public var redactNames = false

        public init(
            ids: [String]?, workshop: String? = nil, format: Format, language: Language, output: String? = nil, overwrite: Bool = false,
            noNames: Bool = false, separator: Character? = nil, tool: String = "Perspectief"
        ) {
            self.ids = ids
            self.workshop = workshop
            self.format = format
            self.language = language
            self.output = output
            self.overwrite = overwrite
            self.noNames = noNames
            self.separator = separator
            self.tool = tool
        }
    }

    public struct Outcome: Sendable {
        /// The report's text when no output file was named.
        public var text: String?
        /// Sessions left out, each with its reason.
        public var warnings: [LocalizedText]
    }

    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public var reason: LocalizedText
        public init(_ reason: LocalizedText) { self.reason = reason }
        public var description: String { reason.en }

        public static let pdfMissing = Failure(LocalizedText(
            nl: "voor PDF is Chromium nodig, en dat is niet geïnstalleerd: apt-get install chromium (of exporteer --format html en druk dat af vanuit een browser)",
            en: "PDF needs Chromium, which is not installed: apt-get install chromium (or export --format html and print that from a browser)"))
        public static let pdfNeedsFile = Failure(LocalizedText(
            nl: "--format pdf schrijft een bestand: geef het aan met --output BESTAND.pdf", en: "--format pdf writes a file: name it with --output FILE.pdf"))
        public static let nothing = Failure(LocalizedText(nl: "geen sessies om te exporteren", en: "no sessions to export"))
        public static let emptyOutput = Failure(LocalizedText(nl: "-o heeft een bestandsnaam nodig", en: "-o needs a file name"))
        public static func unknownFormat(_ f: String) -> Failure {
            let q = TerminalText.quoted(f)
            return Failure(LocalizedText(nl: "onbekend formaat \(q) (md, csv, json, html of pdf)", en: "unknown format \(q) (md, csv, json, html or pdf)"))
        }
        static func exists(_ path: String) -> Failure {
            let p = TerminalText.safe(path, keepLineBreaks: false)
            return Failure(LocalizedText(nl: "\(p) bestaat al; gebruik --force om het te vervangen", en: "\(p) already exists; use --force to replace it"))
        }
    }

    public static func format(_ name: String) throws(Failure) -> Format {
        guard let f = Format(rawValue: name) else { throw .unknownFormat(name) }
        return f
    }

    public static func export(_ r: Request, store: SessionStore, workshops: [Workshop], pdf: PDFPrinting = ChromiumPDF()) throws(Failure) -> Outcome {
        // Everything that can be said before seconds of loading and printing is said first.
        if let output = r.output, output.isEmpty { throw .emptyOutput }
        if r.format == .pdf {
            guard r.output != nil else { throw .pdfNeedsFile }
            guard pdf.available else { throw .pdfMissing }
        }
        if let output = r.output, !r.overwrite, FileManager.default.fileExists(atPath: output) { throw .exists(output) }
        let loaded = SessionLoader.load(store: store, ids: r.ids, workshops: workshops)
        if r.ids != nil, let missing = loaded.missing.first { throw Failure(LocalizedText(nl: missing.message(in: .nl), en: missing.message)) }
        let inputs = loaded.inputs.filter { r.workshop == nil || $0.workshop.id == r.workshop }
        guard !inputs.isEmpty else { throw .nothing }
        // The organisers' groups and decisions: accepted proposals are findings, rejected
        // ones are nowhere, the rest go to the annex of proposals not yet reviewed.
        let journal = try? GroupJournal(store: store)
        let groups = journal?.groups ?? []
        // The organiser's findings open the report; without them it says "concept" on every page.
        var options = ReportOptions(
            noNames: r.noNames, separator: r.separator, summary: SummaryJournal.forReport(store: store, workshop: r.workshop, inputs: inputs),
            tool: r.tool)
        options.short = r.short
        options.redactNames = r.redactNames && r.noNames
        var report = Report(
            sessions: inputs, groups: groups, decisions: journal?.decisions ?? OrganiserDecisions(), language: r.language,
            options: options)
        let warnings = loaded.problems + namesWarnings(report)
        let text = r.format.text.render(report)
        guard let output = r.output else { return Outcome(text: text, warnings: warnings) }
        do {
            if r.format == .pdf {
                // Printed twice: the first print's outline says on which page each section
                // starts; the second carries those numbers in the contents.
                var bytes = try pdf.print(html: text)
                let contents = ReportDocument(report).contents
                let pages = PDFOutline.pages(of: contents, in: PDFOutline.items(bytes))
                if !contents.isEmpty, pages.contains(where: { $0 > 0 }) {
                    report.options.contentsPages = pages
                    bytes = try pdf.print(html: HTMLExport.render(report))
                }
                try SafeFile.write(bytes: bytes, to: output, overwrite: r.overwrite)
            } else {
                try SafeFile.write(text, to: output, overwrite: r.overwrite)
            }
        } catch let error as StoreError {
            throw Failure(LocalizedText(nl: error.message(in: .nl), en: error.message))
        } catch let error as Failure {
            throw error
        } catch {
            throw Failure(LocalizedText("\(error)"))
        }
        return Outcome(text: nil, warnings: warnings)
    }

    /// With `--no-names`: each known name still inside an entry's text, once, with how many
    /// entries hold it; a report printed as "without names" must not surprise its maker.
    static func namesWarnings(_ report: Report) -> [LocalizedText] {
        guard report.options.noNames, !report.namesInText.isEmpty else { return [] }
        var names: [String] = []
        var count: [String: Int] = [:]
        for hit in report.namesInText {
            if count[hit.name] == nil { names.append(hit.name) }
            count[hit.name, default: 0] += 1
        }
        return names.map { name in
            let q = TerminalText.quoted(name)
            let n = count[name] ?? 0
            if report.options.redactNames {
                return LocalizedText(
                    nl: "de naam \(q) stond in de tekst van \(n == 1 ? "1 bijdrage" : "\(n) bijdragen") en is vervangen door [naam]",
                    en: "the name \(q) was inside the text of \(n == 1 ? "1 entry" : "\(n) entries") and was replaced by [name]")
            }
            return LocalizedText(
                nl: "de naam \(q) staat in de tekst van \(n == 1 ? "1 bijdrage" : "\(n) bijdragen"); --redact-names vervangt namen door [naam]",
                en: "the name \(q) is inside the text of \(n == 1 ? "1 entry" : "\(n) entries"); --redact-names replaces names by [name]")
        }
    }
}
