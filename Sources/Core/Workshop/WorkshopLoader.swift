/// Turns a workshop file into a `Workshop`, or into the complete list of what is wrong
/// with it, each problem with its JSON path.
public struct WorkshopError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: [Problem]
    static let shownProblems = 50
    public init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems
    }
    public var description: String {
        if problems.count == 1 { return "\(file): \(problems[0])" }
        let head = "\(problems.count) problems"
        // A hostile file can have a hundred thousand problems; the first ones say enough.
        let shown = problems.prefix(WorkshopError.shownProblems).map { "  \($0)" }
        let more = problems.count > shown.count ? ["  … and \(problems.count - shown.count) more"] : []
        return "\(file): \(head)\n" + (shown + more).joined(separator: "\n")
    }
}

public enum WorkshopLoader {
    public static func load(bytes: [UInt8], file: String) throws(WorkshopError) -> Workshop {
        let root: JSONValue
        do {
            root = try JSONParser.parse(data: bytes)
        } catch {
            throw WorkshopError(file: file, problems: [Problem(path: "$", message: "not valid JSON at \(error)")])
        }
        let sink = ProblemSink()
        let workshop = read(root, sink: sink)
        if let workshop { WorkshopValidator.validate(workshop, into: sink) }
        guard let workshop, sink.problems.isEmpty else {
            throw WorkshopError(file: file, problems: sink.problems)
        }
        return workshop
    }

    static let topKeys: Set<String> = [
        "format", "id", "title", "question", "intro", "perspectiveTerm", "axes", "scenarios", "perspectives",
        "trendCategories", "domains", "trends", "directions", "messages", "steps", "source", "$schema",
        "scenarioNote", "study", "glossary",
    ]

    static func read(_ root: JSONValue, sink: ProblemSink) -> Workshop? {
        guard let r = FieldReader(root, path: "$", sink: sink) else { return nil }
        r.rejectUnknown(topKeys)
        if let format = r.int("format") {
            if format > Workshop.formatVersion {
                sink.add("$.format", "is \(format), newer than this build understands (\(Workshop.formatVersion)); update Perspectief")
                return nil
            }
            if format < 1 { sink.add("$.format", "must be 1 or higher") }
        }
        let id = r.string("id")
        let title = r.text("title")
        let question = r.text("question")
        let intro = r.text("intro")
        var term: Workshop.Term?
        if let t = FieldReader(r.object["perspectiveTerm"], path: r.sub("perspectiveTerm"), sink: sink) {
            t.rejectUnknown(["singular", "plural"])
            if let s = t.text("singular"), let p = t.text("plural") { term = .init(singular: s, plural: p) }
        }
        let axes = r.array("axes") { v, p -> Workshop.Axis? in
            guard let a = FieldReader(v, path: p, sink: sink) else { return nil }
            a.rejectUnknown(["id", "title", "poles"])
            let poles = a.array("poles") { v, p -> Workshop.Pole? in
                guard let o = FieldReader(v, path: p, sink: sink) else { return nil }
                o.rejectUnknown(["id", "label"])
                guard let id = o.string("id"), let label = o.text("label") else { return nil }
                return .init(id: id, label: label)
            }
            guard let id = a.string("id"), let title = a.text("title") else { return nil }
            return .init(id: id, title: title, poles: poles)
        }
        let scenarios = r.array("scenarios") { v, p -> Workshop.Scenario? in
            guard let s = FieldReader(v, path: p, sink: sink) else { return nil }
            s.rejectUnknown(["id", "title", "position", "tagline", "narrative", "features"])
            var position: [String: String] = [:]
            if let pos = FieldReader(s.object["position"], path: s.sub("position"), sink: sink) {
                for (k, v) in pos.object.pairs {
                    if let pole = v.stringValue { position[k] = pole } else { sink.add(pos.sub(k), "must be a pole id (a string)") }
                }
            }
            let features = s.texts("features")
            let tagline = s.text("tagline", optional: true)
            guard let id = s.string("id"), let title = s.text("title"), let narrative = s.text("narrative") else { return nil }
            return .init(id: id, title: title, position: position, tagline: tagline, narrative: narrative, features: features)
        }
        let perspectives = r.array("perspectives") { v, p -> Workshop.Perspective? in
            guard let o = FieldReader(v, path: p, sink: sink) else { return nil }
            o.rejectUnknown(["id", "name", "description", "persona", "lifeEvents"])
            let persona = o.text("persona", optional: true)
            let events = o.texts("lifeEvents", optional: true)
            guard let id = o.string("id"), let name = o.text("name"), let d = o.text("description") else { return nil }
            return .init(id: id, name: name, description: d, persona: persona, lifeEvents: events)
        }
        let categories = { (key: String) in
            r.array(key, optional: true) { v, p -> Workshop.Category? in
                guard let o = FieldReader(v, path: p, sink: sink) else { return nil }
                o.rejectUnknown(["id", "title"])
                guard let id = o.string("id"), let title = o.text("title") else { return nil }
                return .init(id: id, title: title)
            }
        }
        let trendCategories = categories("trendCategories")
        let domains = categories("domains")
        let trends = r.array("trends", optional: true) { v, p -> Workshop.Trend? in
            guard let o = FieldReader(v, path: p, sink: sink) else { return nil }
            o.rejectUnknown(["id", "number", "title", "category", "domains", "explanation"])
            let category = o.string("category", optional: true)
            let domains = o.strings("domains", optional: true)
            guard let id = o.string("id"), let number = o.int("number"), let title = o.text("title"),
                let explanation = o.text("explanation")
            else { return nil }
            return .init(id: id, number: number, title: title, category: category, domains: domains, explanation: explanation)
        }
        let numbered = { (key: String) in
            r.array(key, optional: true) { v, p -> Workshop.Direction? in
                guard let o = FieldReader(v, path: p, sink: sink) else { return nil }
                o.rejectUnknown(["id", "number", "title", "gist"])
                guard let id = o.string("id"), let n = o.int("number"), let title = o.text("title"), let gist = o.text("gist")
                else { return nil }
                return .init(id: id, number: n, title: title, gist: gist)
            }
        }
        let directions = numbered("directions")
        let messages = numbered("messages")
        let steps = r.array("steps") { v, p -> Workshop.Step? in
            guard let o = FieldReader(v, path: p, sink: sink) else { return nil }
            o.rejectUnknown(["id", "kind", "title", "prompts", "minutes", "scenario", "optional", "notes", "tablesPerScenario", "seatsPerTable"])
            var kind: StepKind?
            if let k = o.string("kind") {
                kind = StepKind(rawValue: k)
                if kind == nil {
                    let known = StepKind.allCases.map(\.rawValue).joined(separator: ", ")
                    sink.add(o.sub("kind"), "\"\(k)\" is not a step kind (one of: \(known))")
                }
            }
            let prompts = o.texts("prompts", optional: true)
            let scenario = o.string("scenario", optional: true)
            let optional = o.bool("optional", default: false)
            let notes = o.text("notes", optional: true)
            let perScenario = o.int("tablesPerScenario", optional: true)
            let seats = o.int("seatsPerTable", optional: true)
            if kind != .tableRound && (perScenario != nil || seats != nil) {
                sink.add(p, "only a tableRound step has \"tablesPerScenario\" or \"seatsPerTable\"")
            }
            if let perScenario, !(1...8).contains(perScenario) { sink.add(o.sub("tablesPerScenario"), "must be between 1 and 8") }
            if let seats, !(1...100).contains(seats) { sink.add(o.sub("seatsPerTable"), "must be between 1 and 100") }
            guard let id = o.string("id"), let kind, let title = o.text("title"), let minutes = o.int("minutes") else { return nil }
            var step = Workshop.Step(
                id: id, kind: kind, title: title, prompts: prompts, minutes: minutes, scenario: scenario, optional: optional,
                tablesPerScenario: perScenario ?? 1, seatsPerTable: seats)
            step.notes = notes
            return step
        }
        let source = r.text("source", optional: true)
        let scenarioNote = r.text("scenarioNote", optional: true)
        let study = r.string("study", optional: true)
        let glossary = r.array("glossary", optional: true) { v, p -> Workshop.Concept? in
            guard let o = FieldReader(v, path: p, sink: sink) else { return nil }
            o.rejectUnknown(["id", "label", "words"])
            let words = o.strings("words")
            guard let id = o.string("id"), let label = o.text("label") else { return nil }
            return .init(id: id, label: label, words: words)
        }
        // Missing top-level texts are already reported; stand-ins let the structural checks
        // run too, so one pass reports everything. The result is never used when problems exist.
        let none = LocalizedText("")
        var workshop = Workshop(
            id: id ?? "", title: title ?? none, question: question ?? none, intro: intro ?? none,
            perspectiveTerm: term ?? .init(singular: none, plural: none), axes: axes,
            scenarios: scenarios, perspectives: perspectives, trendCategories: trendCategories, domains: domains,
            trends: trends, directions: directions, messages: messages, steps: steps, source: source,
            scenarioNote: scenarioNote, study: study ?? id ?? "")
        workshop.glossary = glossary
        return workshop
    }
}
