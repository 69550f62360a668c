import Core

/// What review read last time, in `<store>/.cache/review.bin`, so that reopening review over
/// sessions that have not changed costs a file read instead of folding every journal again.
///
/// It is only ever a shortcut: each session is kept with the signature its folder had *before*
/// it was read, and is used again only while the folder still has exactly that signature.
/// A write between the scan and the read makes the signature old, so the next review reads
/// that session from its files — the cache can be late by one reading, never stale. A cache
/// that is damaged, cut short or from another version is ignored as if absent.
struct ReviewCache {
    /// What is kept of a session beside its listing. States stay encoded until asked for,
    /// so that the list is on screen before a hundred thousand entries are decoded.
    enum Content {
        case unreadable
        case archived(Range<Int>)
        case state(SessionState)
    }

    struct Item {
        var signature: [UInt8]
        var listing: SessionListing
        var content: Content
    }

    static let magic: [UInt8] = Array("PFRC".utf8)
    /// Raised when the layout of this file changes (the state's own layout has its version).
    static let formatVersion: UInt64 = 2

    /// The file as read: `archived` ranges point into it.
    var bytes: [UInt8] = []
    var items: [String: Item] = [:]

    static func path(_ store: SessionStore) -> (folder: String, file: String) {
        (store.root + "/.cache", store.root + "/.cache/review.bin")
    }

    /// The cache as saved, or empty when there is none or it cannot be trusted.
    static func load(_ store: SessionStore) -> ReviewCache {
        guard let bytes = try? POSIXFile.read(path(store).file) else { return ReviewCache() }
        return (try? decode(bytes)) ?? ReviewCache()
    }

    /// Replaces the saved cache (temp file and rename, so a reader sees the old one or the
    /// new one). Not synced: losing it costs one slow open, nothing else.
    func save(_ store: SessionStore) throws(StoreError) {
        let (folder, file) = Self.path(store)
        try POSIXFile.makeDirectory(folder)
        try POSIXFile.writeAtomically(encode(), to: file, folder: folder, tempTag: StoreIDs.short(), durable: false)
    }

    /// The item kept for this session, if its folder has not changed since.
    func lookup(_ scan: SessionScan) -> Item? {
        guard let item = items[scan.id], item.signature == scan.signature else { return nil }
        return item
    }

    /// The session as it was read, or nil when its state cannot be decoded (then it is read
    /// from its files instead).
    func read(_ item: Item) -> ReadSession? {
        switch item.content {
        case .unreadable: return ReadSession(listing: item.listing, state: nil)
        case .state(let s): return ReadSession(listing: item.listing, state: s)
        case .archived(let range):
            let state = bytes.withUnsafeBufferPointer { buffer -> SessionState? in
                var r = ByteReader(UnsafeBufferPointer(rebasing: buffer[..<range.upperBound]), at: range.lowerBound)
                guard let s = try? SessionState.unarchive(&r), r.atEnd else { return nil }
                return s
            }
            return state.map { ReadSession(listing: item.listing, state: $0) }
        }
    }

    // MARK: Layout

    func encode() -> [UInt8] {
        var w = ByteWriter(capacity: bytes.count + (1 << 16))
        w.raw(Self.magic)
        w.uint(Self.formatVersion)
        w.uint(SessionState.archiveVersion)
        w.uint(UInt64(items.count))
        for id in items.keys.sorted() {
            let item = items[id]!
            w.string(id)
            w.uint(UInt64(item.signature.count))
            w.raw(item.signature)
            Self.encode(item.listing, into: &w)
            switch item.content {
            case .unreadable:
                w.bool(false)
            case .archived(let range):
                // Unchanged since it was read: its bytes are copied, not decoded and encoded.
                w.bool(true)
                w.uint(UInt64(range.count))
                w.raw(bytes[range])
            case .state(let s):
                var blob = ByteWriter()
                s.archive(into: &blob)
                w.bool(true)
                w.uint(UInt64(blob.bytes.count))
                w.raw(blob.bytes[...])
            }
        }
        var out = w.bytes
        let sum = Self.checksum(out[...])
        for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: sum >> (8 * UInt64(i)))) }
        return out
    }

    static func decode(_ bytes: [UInt8]) throws(ByteReader.Damaged) -> ReviewCache {
        guard bytes.count >= magic.count + 8, Array(bytes.prefix(magic.count)) == magic else { throw ByteReader.Damaged() }
        let end = bytes.count - 8
        var stored: UInt64 = 0
        for i in 0..<8 { stored |= UInt64(bytes[end + i]) << (8 * UInt64(i)) }
        guard checksum(bytes[..<end]) == stored else { throw ByteReader.Damaged() }
        var cache = ReviewCache()
        cache.bytes = bytes
        try bytes.withUnsafeBufferPointer { (all) throws(ByteReader.Damaged) in
            var r = ByteReader(UnsafeBufferPointer(rebasing: all[..<end]), at: magic.count)
            guard try r.uint() == formatVersion, try r.uint() == SessionState.archiveVersion else { throw ByteReader.Damaged() }
            let n = try r.count()
            cache.items.reserveCapacity(n)
            for _ in 0..<n {
                let id = try r.string()
                let length = try r.count()
                let start = r.position
                try r.skip(length)
                let signature = Array(all[start..<start + length])
                let listing = try decodeListing(&r)
                var content = Content.unreadable
                if try r.bool() {
                    let size = try r.count()
                    content = .archived(r.position..<r.position + size)
                    try r.skip(size)
                }
                cache.items[id] = Item(signature: signature, listing: listing, content: content)
            }
            guard r.atEnd else { throw ByteReader.Damaged() }
        }
        return cache
    }

    static func encode(_ l: SessionListing, into w: inout ByteWriter) {
        w.string(l.id)
        w.string(l.title)
        w.string(l.workshopId)
        switch l.perspective {
        case nil: w.uint(0)
        case .workshop(let id)?: w.uint(1); w.string(id)
        case .custom(let name)?: w.uint(2); w.string(name)
        }
        w.int(l.createdAt)
        w.int(l.updatedAt)
        w.bool(l.closed)
        w.int(l.entryCount)
        w.optional(l.currentStep)
        w.optional(l.problem)
        w.bool(l.readOnly)
    }

    static func decodeListing(_ r: inout ByteReader) throws(ByteReader.Damaged) -> SessionListing {
        let id = try r.string()
        let title = try r.string()
        let workshopId = try r.string()
        let perspective: PerspectiveRef?
        switch try r.uint() {
        case 0: perspective = nil
        case 1: perspective = .workshop(try r.string())
        case 2: perspective = .custom(try r.string())
        default: throw ByteReader.Damaged()
        }
        return SessionListing(
            id: id, title: title, workshopId: workshopId, perspective: perspective, createdAt: try r.int(), updatedAt: try r.int(),
            closed: try r.bool(), entryCount: Int(try r.int()), currentStep: try r.optionalString(), problem: try r.optionalString(),
            readOnly: try r.bool())
    }

    /// Catches a file damaged on disk or by hand; the structure checks catch the rest.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0x1000_0000_01B3
                h ^= h >> 29
            }
            for i in (words * 8)..<raw.count { h = (h ^ UInt64(raw[i])) &* 0x1000_0000_01B3 }
        }
        return h ^ UInt64(bytes.count)
    }
}
