/// The report's content as plain blocks, shared by the Markdown and HTML exports so both
/// say the same thing; each renderer does its own escaping. All text here is unescaped.
public struct ReportDocument: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        /// The entry's text (may hold newlines), or a label.
        public var text: String
        /// Votes, author, where it holds… one short line, or nil.
        public var note: String?
    }

    public struct Cell: Equatable, Sendable {
        public var text: String
        /// The most-voted implications (HTML shows them; Markdown lists them elsewhere).
        public var items: [String]
    }

    public enum Block: Equatable, Sendable {
        case heading(level: Int, text: String)
        case paragraph(String)
        /// A line in italics: an empty section, a legend.
        case remark(String)
        case list([Item])
        case table(header: [String], rows: [[Cell]])
    }

    public var title: String
    public var blocks: [Block]

    public init(_ report: Report) {
        let l = report.language
        let t = ReportStrings(l)
        title = t.reportTitle
        var b: [Block] = []
        if report.parts.isEmpty { b.append(.remark(t.noSessions)) }
        for part in report.parts {
            let w = part.workshop
            let term = w.perspectiveTerm
            let multi = report.parts.count > 1
            let base = multi ? 2 : 1
            if multi { b.append(.heading(level: 1, text: w.title[l])) } else { title += " — " + w.title[l] }
            b.append(.paragraph(t.question + ": " + w.question[l]))
            let titles = part.sessionIds.compactMap { id in report.session(id).map { $0.state.setup.title } }
            b.append(.paragraph(t.sessions + " (\(titles.count)): " + titles.joined(separator: ", ")))
            let scenarioTitle = { (id: String) in w.scenario(id)?.title[l] ?? id }
            let name = { (key: PerspectiveKey) in part.perspectives.first { $0.key == key }?.name[l] ?? key.code }

            // The matrix first: the overview the study's report opens with.
            b.append(.heading(level: base, text: t.matrix))
            let header = [Self.capitalised(term.plural[l])] + part.scenarios.map(\.title).map { $0[l] } + [t.koersvastInsights]
            b.append(.table(header: header, rows: part.matrix.map { row in
                [Cell(text: row.name[l], items: [])]
                    + row.cells.map { c in Cell(text: String(c.count), items: c.top.map { Self.itemText($0) }) }
                    + [Cell(text: String(row.koersvastCount), items: [])]
            }))
            b.append(.remark(t.matrixLegend))

            b.append(.heading(level: base, text: t.perScenario))
            for sc in part.scenarios {
                b.append(.heading(level: base + 1, text: sc.title[l]))
                for (key, list) in sc.byPerspective {
                    b.append(.heading(level: base + 2, text: name(key)))
                    b.append(list.isEmpty ? .remark(t.noImplications) : .list(list.map { Self.item($0, t) }))
                }
            }

            b.append(.heading(level: base, text: t.per + " " + term.singular[l]))
            for p in part.perspectives {
                b.append(.heading(level: base + 1, text: p.name[l]))
                b.append(.heading(level: base + 2, text: t.koersvast))
                b.append(p.koersvast.isEmpty ? .remark(t.none) : .list(p.koersvast.map { Self.item($0, t) }))
                b.append(.heading(level: base + 2, text: t.scenarioSpecific))
                b.append(p.specific.isEmpty ? .remark(t.none) : .list(p.specific.map {
                    Self.item($0.item, t, extra: t.holdsIn + " " + $0.scenarios.map(scenarioTitle).joined(separator: ", "))
                }))
                if !p.open.isEmpty {
                    b.append(.heading(level: base + 2, text: t.notJudged))
                    b.append(.list(p.open.map { Self.item($0, t) }))
                }
            }

            b.append(.heading(level: base, text: t.sharedTitle(term.plural[l])))
            if part.shared.isEmpty { b.append(.remark(t.none)) }
            for s in part.shared {
                let how: String
                switch s.source {
                case .group: how = t.grouped
                case .exactMatch: how = t.sameText
                }
                b.append(.heading(level: base + 1, text: s.label))
                b.append(.remark(how + " · " + s.perspectives.map(name).joined(separator: ", ")))
                b.append(.list(s.items.map { Self.item($0, t, extra: name($0.perspective)) }))
            }

            b.append(.heading(level: base, text: t.directions))
            for d in part.directions {
                let number = w.direction(d.directionId).map { "\($0.number). " } ?? ""
                b.append(.heading(level: base + 1, text: number + d.title[l]))
                b.append(d.insights.isEmpty ? .remark(t.noInsights) : .list(d.insights.map { Self.item($0, t, extra: name($0.perspective)) }))
            }
        }
        blocks = b
    }

    static func item(_ i: SynthesisItem, _ t: ReportStrings, extra: String? = nil) -> Item {
        var notes: [String] = []
        if let extra { notes.append(extra) }
        if i.entry.votes > 0 { notes.append(t.votes(i.entry.votes)) }
        if let a = i.author { notes.append(a) }
        return Item(text: i.entry.text, note: notes.isEmpty ? nil : notes.joined(separator: " · "))
    }

    static func itemText(_ i: SynthesisItem) -> String {
        i.entry.votes > 0 ? i.entry.text + " (\(i.entry.votes))" : i.entry.text
    }

    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
