/// Reads every session for review, newest first. What the cache knows of sessions that have
/// not changed is listed at once; then, a chunk at a time so the screen stays live, each
/// session's state is decoded from the cache or — for the changed ones — read from its
/// files. Once everything is read the cache is kept for next time.
public struct ReviewLoading {
    let store: SessionStore
    private var cache: ReviewCache
    private var changed: Bool
    /// Sessions still to deliver in full, newest first.
    public private(set) var pending: [SessionScan]
    /// The listings the cache could give straight away (still true), newest first.
    public let listed: [SessionListing]

    /// Scans the store and reads the cache; no session file is read yet.
    public init(store: SessionStore) {
        self.store = store
        pending = store.scan()
        let saved = ReviewCache.load(store)
        // The cache for next time starts as what is still true of this one; it shares the
        // saved bytes, so unchanged sessions are copied, not encoded again.
        cache = ReviewCache()
        cache.bytes = saved.bytes
        var listed: [SessionListing] = []
        for scan in pending {
            guard let item = saved.lookup(scan) else { continue }
            cache.items[scan.id] = item
            listed.append(item.listing)
        }
        self.listed = listed
        // A session gone since the last review must leave the cache too.
        changed = listed.count != pending.count || saved.items.count != listed.count
    }

    public var done: Bool { pending.isEmpty }

    /// The next `count` sessions in full.
    public mutating func next(_ count: Int) -> [ReadSession] {
        let chunk = pending.prefix(count)
        pending.removeFirst(chunk.count)
        var out: [ReadSession] = []
        var fromFiles: [SessionScan] = []
        for scan in chunk {
            if let item = cache.items[scan.id], item.signature == scan.signature, let read = cache.read(item) {
                out.append(read)
            } else {
                fromFiles.append(scan)
            }
        }
        guard !fromFiles.isEmpty else { return out }
        changed = true
        let read = store.read(fromFiles.map(\.id))
        // Each kept with the signature taken before it was read: if the folder changed
        // meanwhile, the next review sees another signature and reads the files again.
        let signatures = Dictionary(uniqueKeysWithValues: fromFiles.map { ($0.id, $0.signature) })
        for r in read {
            cache.items[r.listing.id] = ReviewCache.Item(
                signature: signatures[r.listing.id] ?? [], listing: r.listing, content: r.state.map { .state($0) } ?? .unreadable)
        }
        return out + read
    }

    /// Looks at the folders again while review is open: a session written since it was read
    /// goes back on the list to read (first), and the ids of sessions gone are returned.
    public mutating func rescan() -> (changed: Int, removed: [String]) {
        let scans = store.scan()
        let here = Set(scans.map(\.id))
        let waiting = Set(pending.map(\.id))
        let changed = scans.filter { scan in !waiting.contains(scan.id) && cache.items[scan.id]?.signature != scan.signature }
        let removed = cache.items.keys.filter { !here.contains($0) }.sorted()
        pending = changed + pending.filter { here.contains($0.id) }
        for id in removed { cache.items[id] = nil }
        if !removed.isEmpty { self.changed = true }
        return (changed.count, removed)
    }

    /// Saves the cache when everything has been read and something differs from what was
    /// saved. A store the organiser may only read simply gets no cache.
    public mutating func saveIfChanged() {
        guard pending.isEmpty, changed else { return }
        try? cache.save(store)
        changed = false
    }
}
