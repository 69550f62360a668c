/// The rules a workshop must keep beyond its shape: unique and resolvable ids, a real
/// 2×2 matrix, steps that refer to existing scenarios, and so on.
enum WorkshopValidator {
    static func validate(_ w: Workshop, into sink: ProblemSink) {
        unique(w.axes.map(\.id), "$.axes", sink)
        unique(w.scenarios.map(\.id), "$.scenarios", sink)
        unique(w.perspectives.map(\.id), "$.perspectives", sink)
        unique(w.trends.map(\.id), "$.trends", sink)
        unique(w.directions.map(\.id), "$.directions", sink)
        unique(w.messages.map(\.id), "$.messages", sink)
        unique(w.steps.map(\.id), "$.steps", sink)
        unique(w.trendCategories.map(\.id), "$.trendCategories", sink)
        unique(w.domains.map(\.id), "$.domains", sink)
        identifiers(w, sink)
        axes(w, sink)
        scenarios(w, sink)
        trends(w, sink)
        numbers(w.directions.map(\.number), "$.directions", sink)
        numbers(w.messages.map(\.number), "$.messages", sink)
        steps(w, sink)
        glossary(w, sink)
    }

    /// Concepts with unique ids and at least one word; each word a single word, in one
    /// concept only — also by its stem, since words meet by stem ("regels" and "regelingen"
    /// are both "regel" to the stemmer, so they cannot mean two concepts).
    static func glossary(_ w: Workshop, _ sink: ProblemSink) {
        unique(w.glossary.map(\.id), "$.glossary", sink)
        let stemmer = SnowballStemmer()
        var seen: [String: (word: String, concept: String)] = [:]
        for (i, c) in w.glossary.enumerated() {
            let path = sink.path("$.glossary", i)
            if c.words.isEmpty { sink.add(path + ".words", "must list at least one word") }
            for (j, word) in c.words.enumerated() {
                let folded = TextFolding.fold(word)
                guard InsightFeatures.words(of: word) == [folded] else {
                    sink.add(path + ".words[\(j)]", "\"\(word)\" must be one word of letters and digits")
                    continue
                }
                for key in Set([folded, stemmer.stem(folded, .nl)]).sorted() {
                    if let first = seen[key], first.concept != c.id {
                        let same = first.word == folded ? "is also" : "has the same stem as \"\(first.word)\""
                        sink.add(path + ".words[\(j)]", "\"\(word)\" \(same) in concept \"\(first.concept)\"")
                        break
                    }
                }
                for key in [folded, stemmer.stem(folded, .nl)] where seen[key] == nil { seen[key] = (folded, c.id) }
            }
        }
    }

    /// Ids end up in session files and on the command line: keep them to a safe alphabet.
    static func identifiers(_ w: Workshop, _ sink: ProblemSink) {
        func check(_ id: String, _ path: String) {
            guard !id.isEmpty else { return }
            let ok = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
            if !ok || id.first == "-" { sink.add(path, "\"\(id)\" must use only a-z, 0-9, '-' and '_' (and not start with '-')") }
        }
        check(w.id, "$.id")
        check(w.study, "$.study")
        for (i, s) in w.scenarios.enumerated() { check(s.id, sink.path("$.scenarios", i) + ".id") }
        for (i, p) in w.perspectives.enumerated() { check(p.id, sink.path("$.perspectives", i) + ".id") }
        for (i, s) in w.steps.enumerated() { check(s.id, sink.path("$.steps", i) + ".id") }
        for (i, d) in w.directions.enumerated() { check(d.id, sink.path("$.directions", i) + ".id") }
        for (i, t) in w.trends.enumerated() { check(t.id, sink.path("$.trends", i) + ".id") }
        for (i, c) in w.glossary.enumerated() { check(c.id, sink.path("$.glossary", i) + ".id") }
    }

    static func unique(_ ids: [String], _ arrayPath: String, _ sink: ProblemSink) {
        var seen: [String: Int] = [:]
        for (i, id) in ids.enumerated() {
            if let first = seen[id] {
                sink.add(sink.path(arrayPath, i) + ".id", "\"\(id)\" is used twice (also at \(sink.path(arrayPath, first)))")
            } else {
                seen[id] = i
            }
        }
    }

    static func numbers(_ ns: [Int], _ arrayPath: String, _ sink: ProblemSink) {
        var seen = Set<Int>()
        for (i, n) in ns.enumerated() where !seen.insert(n).inserted {
            sink.add(sink.path(arrayPath, i) + ".number", "\(n) is used twice")
        }
    }

    static func axes(_ w: Workshop, _ sink: ProblemSink) {
        if w.axes.count != 2 { sink.add("$.axes", "must hold exactly 2 axes, not \(w.axes.count)") }
        for (i, axis) in w.axes.enumerated() {
            let path = sink.path("$.axes", i)
            if axis.poles.count != 2 { sink.add(path + ".poles", "must hold exactly 2 poles, not \(axis.poles.count)") }
            unique(axis.poles.map(\.id), path + ".poles", sink)
        }
    }

    static func scenarios(_ w: Workshop, _ sink: ProblemSink) {
        if w.scenarios.count != 4 { sink.add("$.scenarios", "must hold exactly 4 scenarios, not \(w.scenarios.count)") }
        var quadrants: [String: String] = [:]
        for (i, s) in w.scenarios.enumerated() {
            let path = sink.path("$.scenarios", i)
            for axis in w.axes {
                guard let pole = s.position[axis.id] else {
                    sink.add(path + ".position", "has no pole for axis \"\(axis.id)\"")
                    continue
                }
                if !axis.poles.contains(where: { $0.id == pole }) {
                    let poles = axis.poles.map { "\"\($0.id)\"" }.joined(separator: " or ")
                    sink.add(path + ".position.\(axis.id)", "\"\(pole)\" is not a pole of this axis (\(poles))")
                }
            }
            for key in s.position.keys.sorted() where !w.axes.contains(where: { $0.id == key }) {
                sink.add(path + ".position.\(key)", "\"\(key)\" is not an axis id")
            }
            if let q = w.quadrant(of: s) {
                let key = "\(q.column),\(q.row)"
                if let other = quadrants[key] {
                    sink.add(path + ".position", "is the same quadrant as scenario \"\(other)\": the four scenarios must cover the four quadrants")
                } else {
                    quadrants[key] = s.id
                }
            }
            if s.features.isEmpty { sink.add(path + ".features", "must list at least one feature") }
        }
    }

    static func trends(_ w: Workshop, _ sink: ProblemSink) {
        let categories = Set(w.trendCategories.map(\.id))
        let domains = Set(w.domains.map(\.id))
        numbers(w.trends.map(\.number), "$.trends", sink)
        for (i, t) in w.trends.enumerated() {
            let path = sink.path("$.trends", i)
            if let c = t.category, !categories.contains(c) {
                sink.add(path + ".category", "\"\(c)\" is not in $.trendCategories")
            }
            for (j, d) in t.domains.enumerated() where !domains.contains(d) {
                sink.add(path + ".domains[\(j)]", "\"\(d)\" is not in $.domains")
            }
        }
    }

    static func steps(_ w: Workshop, _ sink: ProblemSink) {
        if w.steps.isEmpty { sink.add("$.steps", "must hold at least one step") }
        for (i, step) in w.steps.enumerated() {
            let path = sink.path("$.steps", i)
            if step.minutes < 0 || step.minutes > 600 { sink.add(path + ".minutes", "must be between 0 and 600") }
            if step.kind == .scenarioRound {
                if let s = step.scenario {
                    if w.scenario(s) == nil { sink.add(path + ".scenario", "\"\(s)\" is not a scenario id") }
                } else {
                    sink.add(path + ".scenario", "is missing: a scenario round names its scenario")
                }
            } else if step.scenario != nil {
                sink.add(path + ".scenario", "only a scenarioRound step names a scenario")
            }
        }
        for (i, step) in w.steps.enumerated() where step.kind == .reportBack && w.tableRound(before: step) == nil {
            sink.add(sink.path("$.steps", i) + ".kind", "a reportBack step must follow a tableRound step")
        }
        if w.steps.contains(where: { $0.kind == .directions }) && w.directions.isEmpty {
            sink.add("$.directions", "a directions step needs at least one direction")
        }
        if w.steps.contains(where: { $0.kind == .trends }) && w.trends.isEmpty {
            sink.add("$.trends", "a trends step needs at least one trend")
        }
    }
}
