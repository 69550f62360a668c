import Core
import Store

/// Loads sessions for reports and review: readable ones as synthesis input, the others as
/// one-line problems (never hidden, never modified).
public enum SessionLoader {
    public struct Result {
        public var inputs: [SessionInput] = []
        public var listings: [(listing: SessionListing, input: SessionInput?)] = []
        public var problems: [LocalizedText] = []
        public var missing: [StoreError] = []
    }

    public static func load(store: SessionStore, ids: [String]?, workshops: [Workshop]) -> Result {
        var result = Result()
        if let ids {
            let present = Set(store.sessionIDs())
            for id in ids where !present.contains(id) {
                let q = TerminalText.quoted(id)
                result.missing.append(
                    StoreIDs.valid(id)
                        ? StoreError("no session \(q) in \(store.root)", nl: "geen sessie \(q) in \(store.root)")
                        : StoreError("\(q) is not a session id", nl: "\(q) is geen sessiecode"))
            }
        }
        for (listing, input) in store.loadAll(workshops: workshops, only: ids.map(Set.init)) {
            if let input {
                result.inputs.append(input)
            } else {
                let why = listing.problem.map { TerminalText.safe($0, keepLineBreaks: false) }
                result.problems.append(LocalizedText(
                    nl: "sessie \(listing.id) is weggelaten: \(why ?? "die kan niet gelezen worden")",
                    en: "session \(listing.id) left out: \(why ?? "it cannot be read")"))
            }
            result.listings.append((listing, input))
        }
        return result
    }
}
