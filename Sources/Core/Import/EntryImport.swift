/// Rows of a spreadsheet (paper notes typed in afterwards) checked against a session's
/// workshop and turned into entries — all of them, or none with every bad row named.
///
/// Columns are found by their header, in Dutch or English, so a file written by the CSV
/// export comes back in as it went out: its other columns (session, votes, time, …) are
/// known and ignored, and the apostrophe the export puts before a formula-looking cell is
/// taken off again. Anything else — a formula-looking cell typed by hand included — is
/// stored as the text it is; only the export ever neutralises it.
public enum EntryImport {
    /// Far more than any session holds; a file past it is a mistake, not notes.
    public static let maxRows = 20_000

    public enum Column: String, Sendable, CaseIterable { case text, kind, step, scenario, author, holdsIn, directions, votes, table }

    /// One data row: its cells in header order and the line of the file it starts on.
    public struct Row: Sendable {
        public var line: Int
        public var cells: [String]
        public init(line: Int, cells: [String]) {
            self.line = line
            self.cells = cells
        }
    }

    /// What a row becomes, with the line it came from.
    public struct Planned: Equatable, Sendable {
        public var line: Int
        public var entry: NewEntry
        /// Scenario ids where an insight holds, direction ids it is linked to, and the room's
        /// dots on it: paper sessions mark and vote too.
        public var holdsIn: [String] = []
        public var directions: [String] = []
        public var votes: Int = 0
    }

    /// Dots on one row: more is a typing mistake.
    public static let maxVotes = 999

    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var dutch: String
        public init(line: Int, reason: String, nl: String) {
            self.line = line
            self.reason = reason
            self.dutch = nl
        }
        public var description: String { text(.en) }
        public func text(_ l: Language) -> String { l == .nl ? "regel \(line): \(dutch)" : "line \(line): \(reason)" }
    }

    static let names: [String: Column] = [
        "text": .text, "tekst": .text, "kind": .kind, "soort": .kind, "type": .kind, "step": .step, "stap": .step,
        "scenario": .scenario, "author": .author, "auteur": .author, "name": .author, "naam": .author,
        "holds in": .holdsIn, "houdt stand in": .holdsIn, "directions": .directions, "ontwikkelrichtingen": .directions,
        "votes": .votes, "stemmen": .votes, "table": .table, "tafel": .table,
    ]
    /// The export's other columns (both languages): read back without complaint, not used.
    static let ignored: Set<String> = [
        "session", "sessie", "session id", "sessie-id", "workshop", "target group", "doelgroep", "perspective", "perspectief", "time (utc)", "tijd (utc)",
        "koersvast", "no-regret", "stemmen van de zaal", "votes for the room", "datum", "date", "plaats", "place",
        "facilitator", "top 3", "groep", "group", "beschrijving doelgroep", "group description", "persona",
    ]

    /// Column of each header cell (nil: a known column that is ignored). Line 1 problems.
    public static func columns(_ header: [String]) throws(Problem) -> [Column?] {
        var seen: Set<Column> = []
        var out: [Column?] = []
        for raw in header {
            let name = fold(raw)
            if let c = names[name] {
                guard seen.insert(c).inserted else {
                    throw Problem(line: 1, reason: "column \"\(c.rawValue)\" appears twice", nl: "kolom \"\(c.rawValue)\" staat er twee keer")
                }
                out.append(c)
            } else if ignored.contains(name) {
                out.append(nil)
            } else {
                let shown = TextPolicy.cleanLine(raw)
                throw Problem(
                    line: 1,
                    reason: "unknown column \"\(shown)\" (known: text/tekst, kind/soort, step/stap, scenario, author/auteur, holds in, directions, votes, table/tafel)",
                    nl: "onbekende kolom \"\(shown)\" (bekend: tekst/text, soort/kind, stap/step, scenario, auteur/author, houdt stand in, ontwikkelrichtingen, stemmen, tafel/table)")
            }
        }
        guard seen.contains(.text) else {
            throw Problem(line: 1, reason: "no \"text\" (or \"tekst\") column", nl: "geen kolom \"tekst\" (of \"text\")")
        }
        return out
    }

    /// Every row as an entry of `state`'s session, or every problem found (never some of each).
    /// `newId` gives each entry its id (row number from 0).
    public static func plan(
        header: [String], rows: [Row], workshop: Workshop, state: SessionState, newId: (Int) -> String
    ) throws(ImportProblems) -> [Planned] {
        let columns: [Column?]
        do { columns = try Self.columns(header) } catch { throw ImportProblems(problems: [error]) }
        if rows.count > maxRows {
            throw ImportProblems(problems: [
                Problem(
                    line: rows[maxRows].line, reason: "more than \(maxRows) rows; split the file",
                    nl: "meer dan \(maxRows) rijen; splits het bestand")
            ])
        }
        let current = state.step.flatMap(workshop.step) ?? workshop.steps.first
        var planned: [Planned] = []
        var problems: [Problem] = []
        for (n, row) in rows.enumerated() {
            if row.cells.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { continue }  // a blank line
            guard row.cells.count == columns.count else {
                problems.append(Problem(
                    line: row.line,
                    reason: "\(row.cells.count) cells where the header has \(columns.count) (a quote not closed?)",
                    nl: "\(row.cells.count) cellen waar de kopregel er \(columns.count) heeft (een aanhalingsteken niet gesloten?)"))
                continue
            }
            var cell: [Column: String] = [:]
            for (i, c) in columns.enumerated() { if let c { cell[c] = row.cells[i] } }
            do {
                let entry = try self.entry(cell, workshop: workshop, state: state, current: current, id: newId(n))
                planned.append(try marks(cell, Planned(line: row.line, entry: entry), workshop: workshop, state: state))
            } catch {
                problems.append(Problem(line: row.line, reason: error.reason, nl: error.dutch))
            }
        }
        if !problems.isEmpty { throw ImportProblems(problems: problems) }
        return planned
    }

    static func entry(
        _ cell: [Column: String], workshop: Workshop, state: SessionState, current: Workshop.Step?, id: String
    ) throws(Problem) -> NewEntry {
        func fail(_ reason: String, _ nl: String) -> Problem { Problem(line: 0, reason: reason, nl: nl) }
        let stepName = String((cell[.step] ?? "").trimmingSpaces)
        let step: Workshop.Step
        if stepName.isEmpty {
            guard let current else { throw fail("the workshop has no steps", "de workshop heeft geen stappen") }
            step = current
        } else {
            let key = fold(stepName)
            guard let s = workshop.steps.first(where: { fold($0.id) == key || fold($0.title.nl) == key || fold($0.title.en) == key })
            else {
                let shown = TextPolicy.cleanLine(stepName)
                throw fail("unknown step \"\(shown)\"", "onbekende stap \"\(shown)\"")
            }
            step = s
        }
        let kindName = fold(cell[.kind] ?? "")
        let kind: EntryKind
        switch kindName {
        case "":
            guard let k = step.kind.entryKind else {
                throw fail("step \"\(step.id)\" takes no entries unless a kind is given", "stap \"\(step.id)\" neemt alleen bijdragen met een soort erbij")
            }
            kind = k
        case "implication", "implicatie": kind = .implication
        case "insight", "inzicht": kind = .insight
        case "note", "notitie", "aantekening": kind = .note
        default:
            let shown = TextPolicy.cleanLine(cell[.kind] ?? "")
            throw fail(
                "unknown kind \"\(shown)\" (implication/implicatie, insight/inzicht, note/aantekening)",
                "onbekende soort \"\(shown)\" (implicatie/implication, inzicht/insight, aantekening/note)")
        }
        let scenarioName = String((cell[.scenario] ?? "").trimmingSpaces)
        var scenario = step.scenario
        if !scenarioName.isEmpty {
            let key = fold(scenarioName)
            guard let s = workshop.scenarios.first(where: {
                fold($0.id) == key || fold($0.title.nl) == key || fold($0.title.en) == key || state.scenarioTitles[$0.id].map(fold) == key
            }) else {
                let shown = TextPolicy.cleanLine(scenarioName)
                throw fail("unknown scenario \"\(shown)\"", "onbekend scenario \"\(shown)\"")
            }
            scenario = s.id
        }
        var raw = cell[.text] ?? ""
        // The export's guard against formulas: an apostrophe before = + - @ tab or CR.
        if raw.hasPrefix("'"), let second = raw.unicodeScalars.dropFirst().first, "=+-@\t\r".unicodeScalars.contains(second) {
            raw.removeFirst()
        }
        let text = TextPolicy.clean(raw)
        if text.isEmpty { throw fail("the text is empty", "de tekst is leeg") }
        if !TextPolicy.fits(text) {
            throw fail(
                "the text is longer than \(TextPolicy.maxCharacters) characters", "de tekst is langer dan \(TextPolicy.maxCharacters) tekens")
        }
        var author = cell[.author].map(TextPolicy.cleanLine)
        if state.setup.anonymous || author?.isEmpty == true { author = nil }
        // Paper notes of a tables session keep their table: by number (as the export writes
        // it) or by id, in a table round only; the table brings its scenario.
        var table: String?
        let tableName = fold(cell[.table] ?? "")
        if !tableName.isEmpty {
            let match = workshop.tables(of: step).first { String($0.number) == tableName || fold($0.id) == tableName }
            guard let t = match else {
                let shown = TextPolicy.cleanLine(cell[.table] ?? "")
                throw step.kind == .tableRound
                    ? fail("unknown table \"\(shown)\" in step \"\(step.id)\"", "onbekende tafel \"\(shown)\" in stap \"\(step.id)\"")
                    : fail("step \"\(step.id)\" has no tables (table \"\(shown)\")", "stap \"\(step.id)\" heeft geen tafels (tafel \"\(shown)\")")
            }
            if scenarioName.isEmpty { scenario = t.scenario }
            table = t.id
        }
        return NewEntry(id: id, kind: kind, text: text, step: step.id, scenario: scenario, author: author, table: table)
    }

    /// The decisions that add `planned` with their marks, links and dots, for one durable batch.
    public static func decisions(_ planned: [Planned]) -> [Decision] {
        planned.flatMap { p -> [Decision] in
            let id = p.entry.id
            return [Decision(change: .entryAdded(p.entry), undoes: nil)]
                + p.holdsIn.map { Decision(change: .holdsSet(id: id, scenario: $0, holds: true), undoes: nil) }
                + p.directions.map { Decision(change: .linkSet(id: id, target: .direction($0), linked: true), undoes: nil) }
                + Array(repeating: Decision(change: .voteCast(id: id), undoes: nil), count: p.votes)
        }
    }

    /// The "holds in", "directions" and "votes" cells of a row. Lists are split on `;` (as
    /// the export writes them: scenario names may hold a comma); a direction is named by
    /// id, title or number; votes are the room's dots.
    static func marks(_ cell: [Column: String], _ planned: Planned, workshop: Workshop, state: SessionState) throws(Problem) -> Planned {
        func fail(_ reason: String, _ nl: String) -> Problem { Problem(line: 0, reason: reason, nl: nl) }
        func items(_ c: Column) -> [String] {
            (cell[c] ?? "").split(separator: ";").map { String(String($0).trimmingSpaces) }.filter { !$0.isEmpty }
        }
        var p = planned
        for name in items(.holdsIn) {
            let key = fold(name)
            guard let s = workshop.scenarios.first(where: {
                fold($0.id) == key || fold($0.title.nl) == key || fold($0.title.en) == key || state.scenarioTitles[$0.id].map(fold) == key
            }) else {
                let shown = TextPolicy.cleanLine(name)
                throw fail("unknown scenario \"\(shown)\" in holds in", "onbekend scenario \"\(shown)\" bij houdt stand in")
            }
            guard p.entry.kind == .insight else {
                throw fail("only an insight holds in scenarios", "alleen een inzicht houdt stand in scenario's")
            }
            if !p.holdsIn.contains(s.id) { p.holdsIn.append(s.id) }
        }
        for name in items(.directions) {
            let key = fold(name)
            guard let d = workshop.directions.first(where: {
                fold($0.id) == key || fold($0.title.nl) == key || fold($0.title.en) == key || String($0.number) == key
            }) else {
                let shown = TextPolicy.cleanLine(name)
                throw fail("unknown direction \"\(shown)\"", "onbekende ontwikkelrichting \"\(shown)\"")
            }
            if !p.directions.contains(d.id) { p.directions.append(d.id) }
        }
        let votes = String((cell[.votes] ?? "").trimmingSpaces)
        if !votes.isEmpty {
            guard let n = Int(votes), (0...maxVotes).contains(n) else {
                let shown = TextPolicy.cleanLine(votes)
                throw fail("votes must be a whole number from 0 to \(maxVotes), not \"\(shown)\"",
                           "stemmen moet een heel getal van 0 tot \(maxVotes) zijn, niet \"\(shown)\"")
            }
            p.votes = n
        }
        return p
    }

    /// The ids of one import: "i", a random base-36 batch code, "-", the row number in
    /// digits. Defined here so the report can tell paper notes typed in afterwards.
    public static func idPrefix(batch: UInt64) -> String { "i" + String(batch, radix: 36) + "-" }

    /// Whether an entry id was made by an import (a room's ids end in base-36 time, with letters).
    public static func isImported(_ id: String) -> Bool {
        guard id.first == "i", let dash = id.firstIndex(of: "-") else { return false }
        let batch = id[id.index(after: id.startIndex)..<dash]
        let row = id[id.index(after: dash)...]
        return !batch.isEmpty && batch.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLowercase) }
            && !row.isEmpty && row.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Case and surrounding spaces do not matter in headers and names.
    static func fold(_ s: String) -> String { String(s.trimmingSpaces).lowercased() }
}

/// Every bad row of an import, in file order.
public struct ImportProblems: Error, Sendable {
    public var problems: [EntryImport.Problem]
}
