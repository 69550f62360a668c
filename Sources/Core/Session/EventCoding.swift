/// Events as JSON: one flat object per event, `"type"` naming the change. This is the
/// journal line format (one compact object per line) and the element of a snapshot.
public struct EventDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}

extension Event {
    public var json: JSONValue {
        var o = JSONObject()
        o["v"] = .number(Double(change.schemaVersion))
        o["id"] = .string(id)
        o["writer"] = .string(writer)
        o["seq"] = .number(Double(seq))
        o["clock"] = .number(Double(clock))
        o["time"] = .number(Double(time))
        var by = JSONObject()
        by["role"] = .string(actor.role.rawValue)
        by["key"] = .string(actor.key)
        if let name = actor.name { by["name"] = .string(name) }
        o["by"] = .object(by)
        o["type"] = .string(change.typeName)
        if let undoes { o["undoes"] = .string(undoes) }
        change.encodeFields(into: &o)
        return .object(o)
    }

    public init(json value: JSONValue) throws(EventDecodingError) {
        guard let o = value.objectValue else { throw EventDecodingError(reason: "an event must be an object") }
        let f = Fields(o: o)
        let v = try f.int("v", in: 0...Int(Int32.max))
        guard v >= 1 else { throw EventDecodingError(reason: "\"v\" must be 1 or higher") }
        if v > Event.schemaVersion {
            throw EventDecodingError(reason: "schema version \(v) is newer than this build understands (\(Event.schemaVersion))")
        }
        let by = try f.object("by")
        let bf = Fields(o: by)
        let roleName = try bf.string("role")
        guard let role = Role(rawValue: roleName) else { throw EventDecodingError(reason: "\(TerminalText.quoted(roleName)) is not a role") }
        let actor = Actor(role: role, key: try bf.string("key"), name: try bf.optionalLine("name"))
        self.init(
            id: try f.string("id"), writer: try f.string("writer"), seq: try f.int("seq", in: EventLimits.counter),
            clock: try f.int("clock", in: EventLimits.counter), time: Int64(try f.int("time", in: EventLimits.time)), actor: actor, change: try Change(type: try f.string("type"), fields: f),
            undoes: try f.optionalString("undoes"))
    }
}

/// What a number in an event may be. Generous for any real session, small enough that no
/// sum the fold makes of them can overflow.
public enum EventLimits {
    /// Sequence numbers and Lamport clocks: 2^40 events is more than any session writes.
    public static let counter = 0...(1 << 40)
    /// Event times in ms since 1970, up to the year 9999.
    public static let time = 0...253_402_300_799_999
    /// One timer extension: at most a day either way.
    public static let `extension` = -86_400...86_400
    public static let votes = 0...999
    /// People in the room for one session.
    public static let people = 0...100_000
}

/// Typed access to an event's fields with a plain reason when one is wrong.
struct Fields {
    let o: JSONObject

    func value(_ key: String) throws(EventDecodingError) -> JSONValue {
        guard let v = o[key] else { throw EventDecodingError(reason: "\"\(key)\" is missing") }
        return v
    }
    func string(_ key: String) throws(EventDecodingError) -> String {
        let v = try value(key)
        guard let s = v.stringValue else { throw EventDecodingError(reason: "\"\(key)\" must be a string, not \(v.typeName)") }
        return s
    }
    func optionalString(_ key: String) throws(EventDecodingError) -> String? {
        guard let v = o[key], !v.isNull else { return nil }
        guard let s = v.stringValue else { throw EventDecodingError(reason: "\"\(key)\" must be a string, not \(v.typeName)") }
        return s
    }
    /// Every number is range-checked here, at the door: a hand-edited or hostile journal is
    /// damage for its own session, never an overflow trap in the fold or a report.
    func int(_ key: String, in range: ClosedRange<Int>) throws(EventDecodingError) -> Int {
        let v = try value(key)
        guard let n = v.intValue else { throw EventDecodingError(reason: "\"\(key)\" must be a whole number, not \(v.typeName)") }
        guard range.contains(n) else {
            throw EventDecodingError(reason: "\"\(key)\" must be between \(range.lowerBound) and \(range.upperBound), not \(n)")
        }
        return n
    }
    func optionalInt(_ key: String, in range: ClosedRange<Int>) throws(EventDecodingError) -> Int? {
        guard let v = o[key], !v.isNull else { return nil }
        return try int(key, in: range)
    }
    func bool(_ key: String) throws(EventDecodingError) -> Bool {
        let v = try value(key)
        guard let b = v.boolValue else { throw EventDecodingError(reason: "\"\(key)\" must be true or false, not \(v.typeName)") }
        return b
    }
    func optionalBool(_ key: String) throws(EventDecodingError) -> Bool? {
        guard let v = o[key], !v.isNull else { return nil }
        guard let b = v.boolValue else { throw EventDecodingError(reason: "\"\(key)\" must be true or false, not \(v.typeName)") }
        return b
    }
    func object(_ key: String) throws(EventDecodingError) -> JSONObject {
        let v = try value(key)
        guard let x = v.objectValue else { throw EventDecodingError(reason: "\"\(key)\" must be an object, not \(v.typeName)") }
        return x
    }
    func text(_ key: String) throws(EventDecodingError) -> LocalizedText {
        let f = Fields(o: try object(key))
        return LocalizedText(nl: try f.line("nl"), en: try f.line("en"))
    }
    // Text people wrote passes the same policy on the way in from a file as when it is
    // typed: a journal edited by hand must not bring escapes to a screen or a report.
    func prose(_ key: String) throws(EventDecodingError) -> String { TextPolicy.clean(try string(key)) }
    func line(_ key: String) throws(EventDecodingError) -> String { TextPolicy.cleanLine(try string(key)) }
    func optionalLine(_ key: String) throws(EventDecodingError) -> String? { try optionalString(key).map(TextPolicy.cleanLine) }
    func enumValue<T: RawRepresentable>(_ key: String, _: T.Type) throws(EventDecodingError) -> T where T.RawValue == String {
        let s = try string(key)
        guard let t = T(rawValue: s) else { throw EventDecodingError(reason: "\(TerminalText.quoted(s)) is not a valid \"\(key)\"") }
        return t
    }
}

extension Change {
    func encodeFields(into o: inout JSONObject) {
        switch self {
        case .sessionCreated(let s):
            o["session"] = .string(s.sessionId)
            o["workshop"] = .string(s.workshopId)
            o["workshopTitle"] = s.workshopTitle.json
            switch s.perspective {
            case .workshop(let id): o["perspective"] = .string(id)
            case .custom(let name): o["customPerspective"] = .string(name)
            }
            o["title"] = .string(s.title)
            if let f = s.facilitator { o["facilitator"] = .string(f) }
            if let p = s.place { o["place"] = .string(p) }
            if let n = s.people { o["people"] = .number(Double(n)) }
            o["anonymous"] = .bool(s.anonymous)
            o["voteBudget"] = .number(Double(s.voteBudget))
            o["holdForReview"] = .bool(s.holdForReview)
            // Written only when given, so sessions without them read as before.
            if let d = s.customDescription { o["customDescription"] = .string(d) }
            if let p = s.customPersona { o["customPersona"] = .string(p) }
            if let d = s.date { o["date"] = .string(d) }
            if let k = s.roomKind { o["roomKind"] = .string(k.rawValue) }
        case .participantJoined, .sessionClosed, .sessionReopened:
            break
        case .stepMoved(let to, let from):
            o["to"] = .string(to)
            o["from"] = .string(from)
        case .timerStarted(let step), .timerPaused(let step):
            o["step"] = .string(step)
        case .timerExtended(let step, let seconds):
            o["step"] = .string(step)
            o["seconds"] = .number(Double(seconds))
        case .entryAdded(let e):
            o["entry"] = .string(e.id)
            o["kind"] = .string(e.kind.rawValue)
            o["text"] = .string(e.text)
            o["step"] = .string(e.step)
            if let s = e.scenario { o["scenario"] = .string(s) }
            if let a = e.author { o["author"] = .string(a) }
            if e.proxy { o["proxy"] = .bool(true) }
            o["status"] = .string(e.status.rawValue)
            if let t = e.table { o["table"] = .string(t) }
        case .entryEdited(let id, let text):
            o["entry"] = .string(id)
            o["text"] = .string(text)
        case .entryRemoved(let id), .entryRestored(let id), .voteCast(let id), .voteWithdrawn(let id):
            o["entry"] = .string(id)
        case .entryReviewed(let id, let status):
            o["entry"] = .string(id)
            o["status"] = .string(status.rawValue)
        case .holdsSet(let id, let scenario, let holds):
            o["entry"] = .string(id)
            o["scenario"] = .string(scenario)
            o["holds"] = .bool(holds)
        case .linkSet(let id, let target, let linked):
            o["entry"] = .string(id)
            switch target {
            case .direction(let d): o["direction"] = .string(d)
            case .trend(let t): o["trend"] = .string(t)
            }
            o["linked"] = .bool(linked)
        case .stepInputSet(let step, let open):
            o["step"] = .string(step)
            o["open"] = .bool(open)
        case .settingsChanged(let hold, let hide, let budget, let room):
            if let hold { o["holdForReview"] = .bool(hold) }
            if let hide { o["hideNames"] = .bool(hide) }
            if let budget { o["voteBudget"] = .number(Double(budget)) }
            if let room { o["roomVisible"] = .bool(room) }
        case .scenarioRenamed(let id, let title):
            o["scenario"] = .string(id)
            o["title"] = title.map { .string($0) } ?? .null
        case .seated(let step, let seats):
            o["step"] = .string(step)
            var m = JSONObject()
            for key in seats.keys.sorted() { m[key] = seats[key]!.map { .string($0) } ?? .null }
            o["seats"] = .object(m)
        case .messageSent(let text):
            o["text"] = text.map { .string($0) } ?? .null
        }
    }

    init(type: String, fields f: Fields) throws(EventDecodingError) {
        switch type {
        case "sessionCreated":
            let perspective: PerspectiveRef
            if let p = try f.optionalString("perspective") {
                perspective = .workshop(p)
            } else {
                perspective = .custom(try f.line("customPerspective"))
            }
            var setup = SessionSetup(
                    sessionId: try f.string("session"), workshopId: try f.string("workshop"),
                    workshopTitle: try f.text("workshopTitle"), perspective: perspective, title: try f.line("title"),
                    facilitator: try f.optionalLine("facilitator"), anonymous: try f.bool("anonymous"),
                    voteBudget: try f.int("voteBudget", in: EventLimits.votes), holdForReview: try f.optionalBool("holdForReview") ?? false,
                    place: try f.optionalLine("place").flatMap { $0.isEmpty ? nil : $0 },
                    people: try f.optionalInt("people", in: EventLimits.people))
            setup.customDescription = try f.optionalString("customDescription").map(TextPolicy.clean).flatMap { $0.isEmpty ? nil : $0 }
            setup.customPersona = try f.optionalString("customPersona").map(TextPolicy.clean).flatMap { $0.isEmpty ? nil : $0 }
            if let day = try f.optionalString("date") {
                guard SessionDay.valid(day) else { throw EventDecodingError(reason: "\(TerminalText.quoted(day)) is not a date (YYYY-MM-DD)") }
                setup.date = day
            }
            if try f.optionalString("roomKind") != nil { setup.roomKind = try f.enumValue("roomKind", RoomKind.self) }
            self = .sessionCreated(setup)
        case "participantJoined": self = .participantJoined
        case "sessionClosed": self = .sessionClosed
        case "sessionReopened": self = .sessionReopened
        case "stepMoved": self = .stepMoved(to: try f.string("to"), from: try f.string("from"))
        case "timerStarted": self = .timerStarted(step: try f.string("step"))
        case "timerPaused": self = .timerPaused(step: try f.string("step"))
        case "timerExtended": self = .timerExtended(step: try f.string("step"), seconds: try f.int("seconds", in: EventLimits.extension))
        case "entryAdded":
            self = .entryAdded(
                NewEntry(
                    id: try f.string("entry"), kind: try f.enumValue("kind", EntryKind.self), text: try f.prose("text"),
                    step: try f.string("step"), scenario: try f.optionalString("scenario"),
                    author: try f.optionalLine("author"), proxy: try f.optionalBool("proxy") ?? false,
                    status: try f.enumValue("status", EntryStatus.self), table: try f.optionalString("table")))
        case "entryEdited": self = .entryEdited(id: try f.string("entry"), text: try f.prose("text"))
        case "entryRemoved": self = .entryRemoved(id: try f.string("entry"))
        case "entryRestored": self = .entryRestored(id: try f.string("entry"))
        case "voteCast": self = .voteCast(id: try f.string("entry"))
        case "voteWithdrawn": self = .voteWithdrawn(id: try f.string("entry"))
        case "entryReviewed":
            self = .entryReviewed(id: try f.string("entry"), status: try f.enumValue("status", EntryStatus.self))
        case "holdsSet":
            self = .holdsSet(id: try f.string("entry"), scenario: try f.string("scenario"), holds: try f.bool("holds"))
        case "linkSet":
            let target: LinkTarget
            if let d = try f.optionalString("direction") {
                target = .direction(d)
            } else {
                target = .trend(try f.string("trend"))
            }
            self = .linkSet(id: try f.string("entry"), target: target, linked: try f.bool("linked"))
        case "stepInputSet": self = .stepInputSet(step: try f.string("step"), open: try f.bool("open"))
        case "settingsChanged":
            self = .settingsChanged(
                holdForReview: try f.optionalBool("holdForReview"), hideNames: try f.optionalBool("hideNames"),
                voteBudget: try f.optionalInt("voteBudget", in: EventLimits.votes), roomVisible: try f.optionalBool("roomVisible"))
        case "scenarioRenamed":
            self = .scenarioRenamed(id: try f.string("scenario"), title: try f.optionalLine("title"))
        case "seated":
            var seats: [String: String?] = [:]
            for (key, value) in try f.object("seats").pairs {
                if value.isNull {
                    seats[key] = .some(nil)
                } else if let t = value.stringValue {
                    seats[key] = t
                } else {
                    throw EventDecodingError(reason: "\"seats\" must map participants to a table id or null, not \(value.typeName)")
                }
            }
            self = .seated(step: try f.string("step"), seats: seats)
        case "messageSent":
            self = .messageSent(text: try f.optionalString("text").map(TextPolicy.cleanLine))
        default:
            throw EventDecodingError(reason: "\(TerminalText.quoted(type)) is not a known event type")
        }
    }
}
