/// A session state in binary, for the review cache. Everything review and the reports read is
/// kept; the facilitator's undo stack is not, so a restored state is for reading only — a
/// session that goes on is always folded from its files.
extension SessionState {
    /// Raised whenever the layout below changes, so an older cache is ignored, not misread.
    public static let archiveVersion: UInt64 = 7

    public func archive(into w: inout ByteWriter) {
        w.string(setup.sessionId)
        w.string(setup.workshopId)
        w.string(setup.workshopTitle.nl)
        w.string(setup.workshopTitle.en)
        switch setup.perspective {
        case .workshop(let id): w.bool(false); w.string(id)
        case .custom(let name): w.bool(true); w.string(name)
        }
        w.string(setup.title)
        w.optional(setup.facilitator)
        w.bool(setup.anonymous)
        w.int(setup.voteBudget)
        w.bool(setup.holdForReview)
        w.optional(setup.place)
        w.optional(setup.customDescription)
        w.optional(setup.customPersona)
        w.int(createdAt)
        w.int(updatedAt)
        w.optional(step)
        w.uint(UInt64(entries.count))
        for e in entries { e.archive(into: &w) }
        w.uint(UInt64(participants.count))
        for key in participants.keys.sorted() {
            let p = participants[key]!
            w.string(p.key)
            w.optional(p.name)
            w.int(p.joinedAt)
        }
        w.uint(UInt64(timers.count))
        for key in timers.keys.sorted() {
            let t = timers[key]!
            w.string(key)
            w.int(t.extraSeconds)
            w.int(t.elapsedMs)
            w.optional(t.runningSince)
        }
        w.strings(closedSteps)
        w.bool(hideNames)
        w.uint(UInt64(scenarioTitles.count))
        for key in scenarioTitles.keys.sorted() {
            w.string(key)
            w.string(scenarioTitles[key]!)
        }
        w.bool(closed)
        w.int(clock)
        w.int(eventCount)
        w.strings(undone)
        w.bool(roomVisible)
        w.int(setup.people ?? -1)
        w.optional(setup.customDescription)
        w.optional(setup.customPersona)
        w.uint(UInt64(seats.count))
        for step in seats.keys.sorted() {
            let m = seats[step]!
            w.string(step)
            w.uint(UInt64(m.count))
            for key in m.keys.sorted() {
                w.string(key)
                w.string(m[key]!)
            }
        }
        w.optional(roomMessage)
        w.optional(setup.date)
        w.optional(setup.roomKind?.rawValue)
    }

    public static func unarchive(_ r: inout ByteReader) throws(ByteReader.Damaged) -> SessionState {
        let sessionId = try r.string()
        let workshopId = try r.string()
        let workshopTitle = LocalizedText(nl: try r.string(), en: try r.string())
        let perspective: PerspectiveRef = try r.bool() ? .custom(try r.string()) : .workshop(try r.string())
        var setup = SessionSetup(
            sessionId: sessionId, workshopId: workshopId, workshopTitle: workshopTitle, perspective: perspective,
            title: try r.string(), facilitator: try r.optionalString(), anonymous: try r.bool(),
            voteBudget: Int(try r.int()), holdForReview: try r.bool(), place: try r.optionalString())
        setup.customDescription = try r.optionalString()
        setup.customPersona = try r.optionalString()
        let createdAt = try r.int()
        let updatedAt = try r.int()
        let step = try r.optionalString()
        let n = try r.count()
        var entries: [Entry] = []
        entries.reserveCapacity(n)
        for _ in 0..<n { entries.append(try Entry.unarchive(&r)) }
        guard var state = SessionState(restoring: setup, createdAt: createdAt, entries: entries) else { throw ByteReader.Damaged() }
        state.updatedAt = updatedAt
        state.step = step
        for _ in 0..<(try r.count()) {
            let p = Participant(key: try r.string(), name: try r.optionalString(), joinedAt: try r.int())
            state.participants[p.key] = p
        }
        for _ in 0..<(try r.count()) {
            let key = try r.string()
            var t = StepTimer()
            t.extraSeconds = Int(try r.int())
            t.elapsedMs = try r.int()
            t.runningSince = try r.optionalInt()
            state.timers[key] = t
        }
        state.closedSteps = try r.strings()
        state.hideNames = try r.bool()
        for _ in 0..<(try r.count()) {
            let key = try r.string()
            state.scenarioTitles[key] = try r.string()
        }
        state.closed = try r.bool()
        state.clock = Int(try r.int())
        state.eventCount = Int(try r.int())
        state.undone = try r.strings()
        state.roomVisible = try r.bool()
        let people = try r.int()
        state.setup.people = people >= 0 ? Int(people) : nil
        state.setup.customDescription = try r.optionalString()
        state.setup.customPersona = try r.optionalString()
        for _ in 0..<(try r.count()) {
            let step = try r.string()
            var m: [String: String] = [:]
            for _ in 0..<(try r.count()) { m[try r.string()] = try r.string() }
            state.seats[step] = m
        }
        state.roomMessage = try r.optionalString()
        state.setup.date = try r.optionalString()
        state.setup.roomKind = try r.optionalString().flatMap(RoomKind.init(rawValue:))
        return state
    }
}

extension Entry {
    func archive(into w: inout ByteWriter) {
        w.string(id)
        w.uint(UInt64(EntryKind.allCases.firstIndex(of: kind)!))
        w.string(text)
        w.string(step)
        w.optional(scenario)
        w.optional(author)
        w.string(owner)
        w.bool(proxy)
        w.int(createdAt)
        w.optional(editedAt)
        w.bool(removed)
        w.uint(status == .shown ? 0 : status == .pending ? 1 : 2)
        w.strings(holdsIn)
        w.strings(directions)
        w.strings(trends)
        w.uint(UInt64(votesBy.count))
        for key in votesBy.keys.sorted() {
            w.string(key)
            w.int(votesBy[key]!)
        }
        w.optional(table)
    }

    static func unarchive(_ r: inout ByteReader) throws(ByteReader.Damaged) -> Entry {
        let id = try r.string()
        let kindIndex = try r.uint()
        guard kindIndex < UInt64(EntryKind.allCases.count) else { throw ByteReader.Damaged() }
        let text = try r.string()
        let step = try r.string()
        let scenario = try r.optionalString()
        let author = try r.optionalString()
        let owner = try r.string()
        let proxy = try r.bool()
        let createdAt = try r.int()
        let editedAt = try r.optionalInt()
        let removed = try r.bool()
        let statuses: [EntryStatus] = [.shown, .pending, .rejected]
        let statusIndex = try r.uint()
        guard statusIndex < 3 else { throw ByteReader.Damaged() }
        let holdsIn = try r.strings()
        let directions = try r.strings()
        let trends = try r.strings()
        var votesBy: [String: Int] = [:]
        for _ in 0..<(try r.count()) {
            let key = try r.string()
            votesBy[key] = Int(try r.int())
        }
        let table = try r.optionalString()
        return Entry(
            id: id, kind: EntryKind.allCases[Int(kindIndex)], text: text, step: step, scenario: scenario, author: author,
            owner: owner, proxy: proxy, createdAt: createdAt, editedAt: editedAt, removed: removed,
            status: statuses[Int(statusIndex)], holdsIn: holdsIn, directions: directions, trends: trends, votesBy: votesBy,
            table: table)
    }
}
