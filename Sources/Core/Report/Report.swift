/// What every export renders: the chosen sessions, and a synthesis per workshop they run
/// on. Built once, rendered in any format; pure and deterministic.
public struct Report: Equatable, Sendable {
    /// One synthesis per workshop, ordered by workshop id.
    public var parts: [Synthesis]
    /// The sessions, ordered by creation time then id.
    public var sessions: [SessionInput]
    public var language: Language

    /// `groups` are the organisers' groupings; members in other workshops are ignored.
    public init(sessions: [SessionInput], groups: [InsightGroup] = [], language: Language, top: Int = 3) {
        let sorted = sessions.sorted { ($0.state.createdAt, $0.sessionId) < ($1.state.createdAt, $1.sessionId) }
        var workshops: [String: Workshop] = [:]
        for s in sorted where workshops[s.workshop.id] == nil { workshops[s.workshop.id] = s.workshop }
        parts = workshops.keys.sorted().map { id in
            Synthesis.build(workshop: workshops[id]!, sessions: sorted.filter { $0.workshop.id == id }, groups: groups, top: top)
        }
        self.sessions = sorted
        self.language = language
    }

    public static func == (a: Report, b: Report) -> Bool {
        a.parts == b.parts && a.language == b.language && a.sessions.map(\.state) == b.sessions.map(\.state)
    }

    public func session(_ id: String) -> SessionInput? { sessions.first { $0.sessionId == id } }
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
