/// The report's content as plain blocks, shared by the Markdown and HTML exports so both
/// say the same thing; each renderer does its own escaping. All text here is unescaped.
///
/// The order follows what a director reads first: a front page, the organiser's findings,
/// the study's main messages with the sessions' evidence, what holds across groups, per
/// direction and per scenario, the votes, the overviews with their figures, the method and
/// the context, then every section in full as annexes and a colophon. Nothing typed is left
/// out: what no other section holds ends up under "other contributions".
public struct ReportDocument: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        /// The entry's text (may hold newlines), or a label.
        public var text: String
        /// Who, which group, how many votes and whose… one short line, or nil.
        public var note: String?
        /// Scenario names, each shown as a mark of its own: a name may hold a comma.
        public var marks: [String] = []
        /// Words before the marks ("holds in").
        public var marksLabel: String? = nil
    }

    public struct Cell: Equatable, Sendable {
        public var text: String
        /// The most-voted implications (HTML shows them; Markdown lists them elsewhere).
        public var items: [String] = []
        /// How many more the cell holds than `items` shows ("+2 more").
        public var more: Int = 0
    }

    public struct Row: Equatable, Sendable {
        public var cells: [Cell]
        /// A row to pick out: a koersvast insight in the grid.
        public var marked: Bool = false
    }

    public enum TableKind: String, Equatable, Sendable {
        /// Target group × scenario counts: numbers, right-aligned.
        case matrix
        /// Insight × scenario: ■ where the insight holds.
        case grid
        /// Plain text columns (the sessions on the front page).
        case plain
    }

    public struct Table: Equatable, Sendable {
        public var kind: TableKind
        public var header: [String]
        public var rows: [Row]
        /// Printed in small type: the sessions on page 1, which the key messages come before.
        public var small: Bool = false
    }

    public enum Block: Equatable, Sendable {
        case heading(level: Int, text: String)
        case paragraph(String)
        /// The central question: set apart on the front page.
        case lead(label: String, text: String)
        /// A line in italics: an empty section, a legend.
        case remark(String)
        case list([Item])
        case table(Table)
        /// Printed reports start a new page here (the end of the front page).
        case pageBreak
        case figure(Figure)
        /// The table of contents: the sections' headings, filled in once all are known.
        case contents([String])
        /// The mark of a report whose findings are not written yet.
        case concept(String)
    }

    public var title: String
    /// Under the title: what this document is, so a forwarded copy never passes for the study.
    public var subtitle: String
    /// The running header of every printed page.
    public var runningHeader: String
    public var isConcept: Bool
    public var blocks: [Block]

    public init(_ report: Report) {
        let t = ReportStrings(report.language)
        let l = report.language
        title = t.reportTitle
        if report.parts.count == 1 { title += " — " + report.parts[0].workshop.title[l] }
        subtitle = t.subtitle
        isConcept = report.isConcept
        runningHeader = title + " · " + DateWords.format(ms: report.date, l) + (isConcept ? " · " + t.concept.uppercased() : "")
        var b: [Block] = []
        if isConcept { b.append(.concept(t.conceptMark)) }
        b.append(.remark(t.dateAndVersion(DateWords.format(ms: report.date, l), version: report.options.summary?.version ?? 0, concept: isConcept)))
        if report.parts.isEmpty { b.append(.remark(t.noSessions)) }
        let multi = report.parts.count > 1
        var first = true
        for part in report.parts {
            if multi { b.append(.heading(level: 1, text: part.workshop.title[l])) }
            var builder = PartBuilder(report: report, part: part, base: multi ? 2 : 1)
            builder.frontPage(contents: first)
            first = false
            builder.findings()
            if report.options.short {
                // What a director forwards: the answer, what holds across groups, the
                // directions, and how it was made; the rest is in the full report.
                builder.koersvastAcross()
                builder.perDirectionSplit()
                builder.method()
            } else {
                builder.mainMessages()
                builder.koersvastAcross()
                builder.perDirectionSplit()
                builder.perScenarioAcross()
                builder.votes()
                builder.overviews()
                builder.method()
                builder.context()
                builder.annexes()
            }
            b += builder.blocks
        }
        if !report.parts.isEmpty { b += PartBuilder.colophon(report) }
        // The contents: every section's heading, known only now.
        let top = multi ? 2 : 1
        contentsLevel = top
        let headings = b.compactMap { block -> String? in
            if case .heading(let level, let text) = block, level <= top { return text }
            return nil
        }
        contents = headings
        blocks = b.map { if case .contents = $0 { return .contents(headings) } else { return $0 } }
    }

    /// The headings the contents list, in order (empty without a contents block).
    public private(set) var contents: [String] = []
    /// Headings at this level or above are in the contents.
    public private(set) var contentsLevel = 1

    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}

/// Builds the blocks of one workshop's part of the report; one section per method, kept
/// in files by theme (front matter, overviews, sections).
struct PartBuilder {
    let report: Report
    let part: Synthesis
    let base: Int
    let l: Language
    let t: ReportStrings
    var blocks: [ReportDocument.Block] = []
    /// The number of each table of the workshop's table rounds: an entry says where it was made.
    let tables: TableNumbers

    init(report: Report, part: Synthesis, base: Int) {
        self.report = report
        self.part = part
        self.base = base
        l = report.language
        t = ReportStrings(report.language)
        tables = TableNumbers(part.workshop)
    }

    var w: Workshop { part.workshop }

    mutating func add(_ block: ReportDocument.Block) { blocks.append(block) }

    /// A heading `depth` levels down: 1 for a section, 2 for its parts, and so on.
    mutating func heading(_ depth: Int, _ text: String) { add(.heading(level: base + depth - 1, text: text)) }

    func scenarioTitle(_ id: String) -> String { w.scenario(id)?.title[l] ?? id }

    func name(_ key: PerspectiveKey) -> String {
        if let p = part.perspectives.first(where: { $0.key == key }) { return p.name[l] }
        switch key {
        case .workshop(let id): return w.perspective(id)?.name[l] ?? id
        case .custom(let name): return name
        }
    }

    /// One entry as a list item: extra words first, then votes (whose), then the author.
    func item(_ i: SynthesisItem, extra: String? = nil, marks: [String] = [], marksLabel: String? = nil) -> ReportDocument.Item {
        var notes: [String] = []
        if let extra { notes.append(extra) }
        if let n = tables.of(i.entry) { notes.append(t.tableNote(n)) }
        if let v = t.votes(i.entry.votesBy) { notes.append(v) }
        if let a = i.author { notes.append(a) }
        return .init(
            text: i.entry.text, note: notes.isEmpty ? nil : notes.joined(separator: " · "), marks: marks,
            marksLabel: marks.isEmpty ? nil : marksLabel)
    }

    static func itemText(_ i: SynthesisItem) -> String {
        i.entry.votes > 0 ? i.entry.text + " (\(i.entry.votes))" : i.entry.text
    }
}
