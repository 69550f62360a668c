import Core
import Dispatch
import Synchronization

extension SessionStore {
    /// Session ids, most recently written first (by the newest file in each folder), without
    /// reading any session: enough to decide what to load first.
    public func sessionIDsNewestFirst() -> [String] {
        let ids = sessionIDs()
        let stamps: [(String, Int)] = ids.map { id in
            let f = folder(of: id)
            let newest = (POSIXFile.list(f) ?? []).compactMap { POSIXFile.signature(f + "/" + $0)?.mtime }.max() ?? 0
            return (id, newest)
        }
        return stamps.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 > $1.0 }.map(\.0)
    }

    /// Every saved session, read on both cores, newest first: the readable ones with their
    /// state (for review and reports), the others with the reason they cannot be read.
    /// One pass over the files: the listing comes from the same load as the state.
    public func loadAll(workshops: [Workshop], only ids: Set<String>? = nil) -> [(listing: SessionListing, input: SessionInput?)] {
        let all = sessionIDs().filter { ids?.contains($0) ?? true }
        let root = self.root
        let results = Mutex<[(listing: SessionListing, input: SessionInput?)]>([])
        let chunks = 2
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            guard let store = try? SessionStore(root: root, create: false) else { return }
            var local: [(listing: SessionListing, input: SessionInput?)] = []
            for i in stride(from: c, to: all.count, by: chunks) {
                let id = all[i]
                guard let h = try? store.open(id, readOnly: true) else {
                    local.append((store.listing(id), nil))
                    continue
                }
                let s = h.state
                var listing = SessionListing(
                    id: id, title: s.setup.title, workshopId: s.setup.workshopId, perspective: s.setup.perspective,
                    createdAt: s.createdAt, updatedAt: s.updatedAt, closed: s.closed, entryCount: s.liveEntries.count,
                    currentStep: s.step, problem: h.readOnlyReason, readOnly: h.readOnlyReason != nil)
                var input: SessionInput?
                if h.readOnlyReason == nil {
                    if let w = workshops.first(where: { $0.id == s.setup.workshopId }) {
                        input = SessionInput(workshop: w, state: s)
                    } else {
                        listing.problem = "workshop \"\(s.setup.workshopId)\" is not installed"
                    }
                }
                local.append((listing, input))
            }
            results.withLock { $0 += local }
        }
        return results.withLock { $0 }.sorted {
            $0.listing.updatedAt != $1.listing.updatedAt ? $0.listing.updatedAt > $1.listing.updatedAt : $0.listing.id > $1.listing.id
        }
    }
}
