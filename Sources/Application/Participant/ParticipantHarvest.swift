import Core

/// The insights step starts from the harvest: each world's ★ top 3 implications (most dots
/// first, ties by time), whole. The same on the projector, a laptop and a phone.
extension ParticipantView {
    public struct HarvestWorld: Equatable, Sendable {
        /// The scenario's place in the workshop, 1-based.
        public var number: Int
        public var title: LocalizedText
        /// The top 3's texts, most dots first; empty when the world got no dots.
        public var top: [String]
    }

    /// Every world's top 3 from the harvest's dots.
    public static func harvest(_ workshop: Workshop, _ state: SessionState) -> [HarvestWorld] {
        workshop.scenarios.enumerated().map { i, sc in
            HarvestWorld(
                number: i + 1, title: title(of: sc, state), top: harvestTop(state, scenario: sc.id).map(\.text))
        }
    }

    /// A world's top 3 in order (StepEntries.top gives the same set, unordered).
    public static func harvestTop(_ state: SessionState, scenario: String) -> [Entry] {
        let list = state.entries.filter {
            $0.kind == .implication && $0.scenario == scenario && $0.votes > 0 && $0.isLive
        }
        let ranked = list.sorted {
            $0.votes != $1.votes ? $0.votes > $1.votes : ($0.createdAt, $0.id) < ($1.createdAt, $1.id)
        }
        return Array(ranked.prefix(3))
    }
}
