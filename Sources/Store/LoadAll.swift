import Core

/// A session as read for review and reports: its listing, and its state when it could be
/// read whole (nil for a damaged or newer-schema session, whose listing says why).
public struct ReadSession: Sendable {
    public var listing: SessionListing
    public var state: SessionState?

    public init(listing: SessionListing, state: SessionState?) {
        self.listing = listing
        self.state = state
    }

    /// Pairs the state with its workshop; a session whose workshop is not installed is
    /// listed with that reason instead.
    public func input(workshops: [Workshop]) -> (listing: SessionListing, input: SessionInput?) {
        guard let state else { return (listing, nil) }
        guard let w = workshops.first(where: { $0.id == state.setup.workshopId }) else {
            var listing = self.listing
            listing.problem = "workshop \"\(state.setup.workshopId)\" is not installed"
            return (listing, nil)
        }
        return (listing, SessionInput(workshop: w, state: state))
    }
}

extension SessionStore {
    /// Every saved session, read on both cores, newest first: the readable ones with their
    /// state (for review and reports), the others with the reason they cannot be read.
    public func loadAll(workshops: [Workshop], only ids: Set<String>? = nil) -> [(listing: SessionListing, input: SessionInput?)] {
        read(sessionIDs().filter { ids?.contains($0) ?? true }).map { $0.input(workshops: workshops) }
    }

    /// The sessions named, read on both cores, newest first. One pass over the files: the
    /// listing comes from the same load as the state.
    public func read(_ ids: [String]) -> [ReadSession] {
        let root = self.root
        return BothCores.map(ids.count) { mine -> [ReadSession] in
            guard let store = try? SessionStore(root: root, create: false) else { return [] }
            return mine.map { i in
                guard let h = try? store.open(ids[i], readOnly: true) else { return ReadSession(listing: store.listing(ids[i]), state: nil) }
                let s = h.state
                let listing = SessionListing(
                    id: ids[i], title: s.setup.title, workshopId: s.setup.workshopId, perspective: s.setup.perspective,
                    createdAt: s.createdAt, updatedAt: s.updatedAt, closed: s.closed, entryCount: s.liveEntries.count,
                    currentStep: s.step, problem: h.readOnlyReason, readOnly: h.readOnlyReason != nil)
                return ReadSession(listing: listing, state: h.readOnlyReason == nil ? s : nil)
            }
        }.sorted {
            $0.listing.updatedAt != $1.listing.updatedAt ? $0.listing.updatedAt > $1.listing.updatedAt : $0.listing.id > $1.listing.id
        }
    }
}
