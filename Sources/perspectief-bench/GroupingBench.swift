import Core
import Foundation

/// The grouping proposals (issue 28): pairwise precision, recall and F1 on the labelled dev
/// set with the 2035 glossary, the same with each target group left out and with the
/// threshold moved (is the result stable?), and the time to propose over 5,000 insights.
enum GroupingBench {
    static func run(_ report: inout Report) throws {
        let file = BenchFixtures.repo.appendingPathComponent("Tests/Fixtures/grouping-dev.tsv")
        let tsv = try String(contentsOf: file, encoding: .utf8)
        let set = try LabelledSet(tsv: tsv)
        let glossary = BenchFixtures.workshop.glossary
        let score = set.propose(glossary: glossary).score
        report.add(
            "grouping: dev set (\(set.rows.count) insights, \(score.truePairs) true pairs), precision / recall / F1",
            String(format: "%.2f / %.2f / %.2f", score.precision, score.recall, score.f1), "≥ 0.9 / – / ≥ 0.6")
        let without = set.propose(glossary: []).score
        report.add(
            "grouping: … without the glossary, precision / recall / F1",
            String(format: "%.2f / %.2f / %.2f", without.precision, without.recall, without.f1), "")
        var logo: [String] = []
        for group in Set(set.rows.map(\.perspective)).sorted() {
            var part = set
            part.rows.removeAll { $0.perspective == group }
            let s = part.propose(glossary: glossary).score
            logo.append(String(format: "%.2f/%.2f", s.precision, s.f1))
        }
        report.add("grouping: … each target group left out in turn, precision/F1", logo.joined(separator: ", "), "")
        let sweep = [0.08, 0.10, 0.12, 0.14, 0.16].map { t in
            let s = set.propose(glossary: glossary, threshold: t).score
            return String(format: "%.2f: %.2f/%.2f", t, s.precision, s.f1)
        }
        report.add("grouping: … threshold moved, precision/F1", sweep.joined(separator: ", "), "")
        let synthetic = fiveThousand(set)
        var times: [Double] = []
        var found = 0
        for _ in 0..<5 {
            times.append(Stats.time {
                let groups = SimilarInsights.groups(
                    texts: synthetic.texts, groups: synthetic.groups, glossary: glossary)
                found = groups.count
            })
        }
        report.add(
            "grouping: proposals over 5,000 insights (dev sentences recombined, 5 target groups), median of 5",
            Stats.fmt(Stats.median(times)) + " (\(found) proposals)", "≤ 1 s")
    }

    /// 5,000 realistic insights: the first half of one dev sentence joined to the second half
    /// of another, in 25 sessions of each of the five target groups (a group is a session's).
    static func fiveThousand(_ set: LabelledSet) -> (texts: [String], groups: [String]) {
        let words = set.rows.map { $0.text.split(separator: " ").map(String.init) }
        let perspectives = Array(Set(set.rows.map(\.perspective))).sorted()
        var texts: [String] = []
        var groups: [String] = []
        for k in 0..<5000 {
            let a = words[(k * 7) % words.count]
            let b = words[(k * 13 + k / words.count) % words.count]
            texts.append((a.prefix((a.count + 1) / 2) + b.suffix(b.count / 2)).joined(separator: " "))
            groups.append(perspectives[k % perspectives.count])
        }
        return (texts, groups)
    }
}
