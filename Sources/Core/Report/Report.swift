/// What every export renders: the chosen sessions, and a synthesis per programme they run
/// on (workshops of one study are one programme). Built once, rendered in any format; pure
/// and deterministic.
public struct Report: Equatable, Sendable {
    /// One synthesis per programme, ordered by programme; each on the workshop most of its
    /// sessions used (`Programme.parts`).
    public var parts: [Synthesis]
    /// The sessions, ordered by creation time then id.
    public var sessions: [SessionInput]
    public var language: Language
    public var options: ReportOptions
    /// With `noNames`: every known name found inside an entry's text (before any redaction).
    public var namesInText: [NameInText] = []

    /// `groups` are the organisers' groupings; members in other programmes are ignored.
    /// `decisions` are what the organiser decided on proposals (an unjudged one goes to the
    /// annex, a rejected one nowhere) and the evidence linked to the study's messages.
    public init(
        sessions: [SessionInput], groups: [InsightGroup] = [], decisions: OrganiserDecisions = .init(),
        language: Language, top: Int = 3,
        options: ReportOptions = .init()
    ) {
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
        parts = Programme.parts(sorted).map { programme in
            var part = Synthesis.build(
                workshop: programme.workshop, sessions: programme.sessions, groups: groups, top: top)
            // Identical texts are findings already: not proposed again in the annex.
            part.unreviewed = SimilarInsights.unreviewed(
                part, groups: groups, decisions: decisions, except: Set(part.shared.flatMap { $0.items.map(\.ref) }))
            part.messages = Self.evidence(part, decisions: decisions)
            return part
        }
        self.sessions = sorted
        self.language = language
        self.options = options
    }

    public static func == (a: Report, b: Report) -> Bool {
        a.parts == b.parts && a.language == b.language && a.sessions.map(\.state) == b.sessions.map(\.state) && a.options == b.options
    }

    /// Per main message of the part's workshop, what the organiser linked to it and this
    /// part holds; links to insights elsewhere are left out.
    public static func evidence(_ part: Synthesis, decisions: OrganiserDecisions) -> [MessageEvidence] {
        var byRef: [EntryRef: SynthesisItem] = [:]
        for p in part.perspectives { for i in p.koersvast + p.specific.map(\.item) + p.open { byRef[i.ref] = i } }
        return part.workshop.messages.map { m in
            var insights: [SynthesisItem] = []
            var directions: [DirectionSummary] = []
            for link in decisions.links[m.id] ?? [] {
                switch link {
                case .insight(let ref): if let i = byRef[ref] { insights.append(i) }
                case .direction(let id):
                    if let d = part.directions.first(where: { $0.directionId == id }) { directions.append(d) }
                }
            }
            return MessageEvidence(
                messageId: m.id, insights: insights.sorted(by: SynthesisItem.stable), directions: directions)
        }
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
