import Core

/// What `groups` and `messages` print, in Dutch and English.
enum FindingsMessages {
    static let noProposals = LocalizedText(nl: "geen open voorstellen", en: "no open proposals")
    static func why(_ p: SimilarInsights.Proposal) -> LocalizedText {
        let words = p.words.joined(separator: ", ")
        let concepts = p.concepts.isEmpty ? "" : " · " + p.concepts.joined(separator: ", ")
        let percent = Int((p.strength * 100).rounded())
        return LocalizedText(
            nl: "\(p.perspectives.count) doelgroepen · woorden: \(words)\(concepts) · sterkte \(percent) %",
            en: "\(p.perspectives.count) target groups · words: \(words)\(concepts) · strength \(percent)%")
    }
    static func accepted(_ id: String, group: String) -> LocalizedText {
        LocalizedText(
            nl: "voorstel \(id) overgenomen als groep \(group)", en: "proposal \(id) accepted as group \(group)")
    }
    static func rejected(_ id: String) -> LocalizedText {
        LocalizedText(
            nl: "voorstel \(id) afgewezen; het komt niet terug", en: "proposal \(id) rejected; it will not come back")
    }
    static func members(_ n: Int) -> LocalizedText {
        LocalizedText(nl: n == 1 ? "1 inzicht" : "\(n) inzichten", en: n == 1 ? "1 insight" : "\(n) insights")
    }
    static func rejectedLine(_ n: Int) -> LocalizedText {
        LocalizedText(nl: "afgewezen (\(n) inzichten)", en: "rejected (\(n) insights)")
    }
    static func linked(_ linked: Bool) -> LocalizedText {
        linked ? LocalizedText(nl: "gekoppeld", en: "linked") : LocalizedText(nl: "ontkoppeld", en: "unlinked")
    }
    static func evidence(_ m: MessageEvidence) -> LocalizedText {
        if m.isEmpty { return LocalizedText(nl: "niet gekoppeld", en: "not linked") }
        let n = m.allInsights.count
        let g = m.groups
        return LocalizedText(
            nl: (n == 1 ? "1 inzicht" : "\(n) inzichten") + " uit \(g) " + (g == 1 ? "doelgroep" : "doelgroepen"),
            en: (n == 1 ? "1 insight" : "\(n) insights") + " from \(g) " + (g == 1 ? "target group" : "target groups"))
    }
    static func direction(_ id: String) -> LocalizedText { LocalizedText(nl: "richting " + id, en: "direction " + id) }
}
