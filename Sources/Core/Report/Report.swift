/// What every export renders: the chosen sessions, and a synthesis per workshop they run
/// on. Built once, rendered in any format; pure and deterministic.
public struct Report: Equatable, Sendable {
    /// One synthesis per workshop, ordered by workshop id.
    public var parts: [Synthesis]
    /// The sessions, ordered by creation time then id.
    public var sessions: [SessionInput]
    public var language: Language
    public var options: ReportOptions
    /// With `noNames`: every known name found inside an entry's text (before any redaction).
    public var namesInText: [NameInText] = []

    /// `groups` are the organisers' groupings; members in other workshops are ignored.
    public init(sessions: [SessionInput], groups: [InsightGroup] = [], language: Language, top: Int = 3, options: ReportOptions = .init()) {
        var sorted = sessions.sorted { ($0.state.createdAt, $0.sessionId) < ($1.state.createdAt, $1.sessionId) }
        // Without names, every session is read as one whose names are hidden: each output
        // already leaves a hidden session's names out, so none can slip through.
        if options.noNames { for i in sorted.indices { sorted[i].state.hideNames = true } }
        // Names typed inside entries are no field to leave out: found, and replaced on request.
        var inText: [NameInText] = []
        if options.noNames {
            let names = KnownNames.collect(sorted, organiser: options.summary?.organiser)
            let mark = ReportStrings(language).redaction
            for i in sorted.indices {
                for e in sorted[i].state.entries where e.isLive {
                    for name in KnownNames.found(names, in: e.text) {
                        let ref = EntryRef(sessionId: sorted[i].sessionId, entryId: e.id)
                        inText.append(NameInText(ref: ref, name: name))
                    }
                }
                if options.redactNames { sorted[i].state.rewriteTexts { KnownNames.redact(names, in: $0, with: mark) } }
            }
        }
        namesInText = inText
        var workshops: [String: Workshop] = [:]
        for s in sorted where workshops[s.workshop.id] == nil { workshops[s.workshop.id] = s.workshop }
        parts = workshops.keys.sorted().map { id in
            Synthesis.build(workshop: workshops[id]!, sessions: sorted.filter { $0.workshop.id == id }, groups: groups, top: top)
        }
        self.sessions = sorted
        self.language = language
        self.options = options
    }

    public static func == (a: Report, b: Report) -> Bool {
        a.parts == b.parts && a.language == b.language && a.sessions.map(\.state) == b.sessions.map(\.state) && a.options == b.options
    }

    public func session(_ id: String) -> SessionInput? { sessions.first { $0.sessionId == id } }

    /// A concept until the organiser has written what was found.
    public var isConcept: Bool { options.summary?.isEmpty ?? true }

    /// The report's date: the one chosen, else the newest change in its sessions.
    public var date: Int64 { options.date ?? sessions.map(\.state.updatedAt).max() ?? 0 }

    /// The CSV separator: chosen, else `;` in Dutch and `,` in English.
    public var separator: Character { options.separator ?? (language == .nl ? ";" : ",") }
}

/// The export formats, with the file extension each is written with.
public enum ExportFormat: String, CaseIterable, Sendable {
    case md, csv, json, html

    public var fileExtension: String { rawValue }

    /// Renders `report` in this format: the whole file's text.
    public func render(_ report: Report) -> String {
        switch self {
        case .md: return MarkdownExport.render(report)
        case .csv: return CSVExport.render(report)
        case .json: return JSONExport.render(report)
        case .html: return HTMLExport.render(report)
        }
    }
}
