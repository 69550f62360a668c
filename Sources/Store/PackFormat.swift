import Core
import Crypto

/// A session pack: every event of a set of sessions in one portable file (docs/PACK-FORMAT.md).
///
/// JSON Lines: a header line, then per session a section line and its events (one per line,
/// exactly as a journal holds them), then an end line with the SHA-256 of every byte before
/// it. Reading checks, in order: that it is a pack at all, its version, that it was not cut
/// short, the checksum, and only then its contents — so each failure gets its own reason.
public enum PackFormat {
    public static let name = "perspectief-pack"
    public static let version = 2

    /// One session as it travels: its id and every event, in fold order.
    public struct Session: Equatable, Sendable {
        public var id: String
        /// In fold order.
        public var events: [Event]
        /// Each event's line as read from a pack, so unpacking copies it rather than writing it anew.
        var lines: [[UInt8]]? = nil
    }

    /// `organisers`: the lines of the organisers' journals, after the sessions; a pack with
    /// them is version 2 (older builds say to update rather than misread it).
    static func encode(_ sessions: [Session], organisers: [[UInt8]] = []) -> [UInt8] {
        var out: [UInt8] = []
        func line(_ value: JSONValue) {
            out.append(contentsOf: JSONWriter.compact(value).utf8)
            out.append(0x0A)
        }
        let v = organisers.isEmpty ? 1 : version
        line(["format": .string(name), "version": .number(Double(v)), "sessions": .number(Double(sessions.count))])
        for s in sessions {
            line(["session": .string(s.id), "events": .number(Double(s.events.count))])
            for e in s.events { line(e.json) }
        }
        if !organisers.isEmpty {
            line([PackOrganisers.key: .number(Double(organisers.count))])
            for raw in organisers {
                out.append(contentsOf: raw)
                out.append(0x0A)
            }
        }
        line(["end": .string(name), "sha256": .string(sha256(out))])
        return out
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for b in SHA256.hash(data: bytes) {
            hex.append(digits[Int(b >> 4)])
            hex.append(digits[Int(b & 15)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Decodes and checks a whole pack; `label` names it in messages (its path).
    public static func decode(_ bytes: [UInt8], label: String) throws(StoreError) -> [Session] {
        try decodeAll(bytes, label: label).sessions
    }

    /// The sessions and the organisers' journal lines of a pack.
    static func decodeAll(
        _ bytes: [UInt8], label: String
    ) throws(StoreError) -> (sessions: [Session], organisers: [[UInt8]]) {
        var lines: [Range<Int>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append(start..<i)
            start = i + 1
        }
        let unterminated = start < bytes.count
        if unterminated { lines.append(start..<bytes.count) }
        func object(_ n: Int) -> JSONObject? {
            guard n < lines.count else { return nil }
            return try? JSONParser.parse(data: Array(bytes[lines[n]])).objectValue
        }
        guard let header = object(0), header["format"]?.stringValue == name else {
            throw StoreError("\(label) is not a perspectief session pack", nl: "\(label) is geen pakket met perspectief-sessies")
        }
        guard let v = header["version"]?.intValue else { throw StoreError("\(label): line 1: the pack has no version", nl: "\(label): regel 1: het pakket heeft geen versie") }
        if v > version {
            throw StoreError(
                "\(label) is a pack of format version \(v), newer than this build reads (\(version)); update perspectief",
                nl: "\(label) is een pakket in formaatversie \(v), nieuwer dan deze versie leest (\(version)); werk perspectief bij")
        }
        guard !unterminated, lines.count >= 2, let end = object(lines.count - 1), end["end"]?.stringValue == name,
            let sum = end["sha256"]?.stringValue
        else {
            throw StoreError(
                "\(label) is cut short (its end line is missing); nothing was unpacked",
                nl: "\(label) is afgebroken (de slotregel ontbreekt); er is niets uitgepakt")
        }
        guard sha256(Array(bytes[0..<lines[lines.count - 1].lowerBound])) == sum else {
            throw StoreError(
                "\(label) is damaged: its checksum does not match; nothing was unpacked",
                nl: "\(label) is beschadigd: de controlesom klopt niet; er is niets uitgepakt")
        }
        // The checksum holds, so what follows is what the packing build wrote; a problem here
        // means a bug or a hand-made file, and still gets its line.
        var sessions: [Session] = []
        var organisers: [[UInt8]] = []
        var n = 1
        while n < lines.count - 1 {
            if let section = object(n), let count = section[PackOrganisers.key]?.intValue {
                guard count >= 0, n + count < lines.count else {
                    throw StoreError(
                        "\(label): line \(n + 1): the organisers' section is cut short",
                        nl: "\(label): regel \(n + 1): het deel van de organisatoren is afgebroken")
                }
                for k in (n + 1)..<(n + 1 + count) {
                    let line = Array(bytes[lines[k]])
                    guard PackOrganisers.identity(line) != nil else {
                        throw StoreError(
                            "\(label): line \(k + 1): not a line of an organisers' journal",
                            nl: "\(label): regel \(k + 1): geen regel van een journaal van de organisatoren")
                    }
                    organisers.append(line)
                }
                n += count + 1
                continue
            }
            guard let section = object(n), let id = section["session"]?.stringValue, let count = section["events"]?.intValue,
                count >= 1, n + count < lines.count
            else { throw StoreError("\(label): line \(n + 1): expected a session line with its number of events", nl: "\(label): regel \(n + 1): verwacht een sessieregel met het aantal gebeurtenissen") }
            guard StoreIDs.isValidSession(id) else { throw StoreError("\(label): line \(n + 1): \"\(id)\" is not a session id", nl: "\(label): regel \(n + 1): \"\(id)\" is geen sessiecode") }
            var events: [Event] = []
            var raw: [[UInt8]] = []
            events.reserveCapacity(count)
            raw.reserveCapacity(count)
            for k in (n + 1)...(n + count) {
                do {
                    let line = Array(bytes[lines[k]])
                    let value = try JSONParser.parse(data: line)
                    let event = try Event(json: value)
                    // Unpacked text meets the same policy as typed text: what the engine would
                    // refuse from a keyboard is refused from a pack.
                    if let why = TextPolicy.packRefusal(event.change) { throw StoreError(LocalizedText(why)) }
                    events.append(event)
                    raw.append(line)
                } catch {
                    throw StoreError("\(label): line \(k + 1): \(error)", nl: "\(label): regel \(k + 1): \(error)")
                }
            }
            if !zip(events, events.dropFirst()).allSatisfy({ !Event.foldOrder($1, $0) }) {
                let order = events.indices.sorted { Event.foldOrder(events[$0], events[$1]) }
                events = order.map { events[$0] }
                raw = order.map { raw[$0] }
            }
            guard case .sessionCreated(let setup) = events.first?.change, setup.sessionId == id else {
                throw StoreError("\(label): line \(n + 1): session \(id) does not start with its own sessionCreated event", nl: "\(label): regel \(n + 1): sessie \(id) begint niet met haar eigen sessionCreated-gebeurtenis")
            }
            guard Set(events.map(\.id)).count == events.count else {
                throw StoreError("\(label): line \(n + 1): session \(id) holds an event twice", nl: "\(label): regel \(n + 1): sessie \(id) bevat een gebeurtenis twee keer")
            }
            sessions.append(Session(id: id, events: events, lines: raw))
            n += count + 1
        }
        guard header["sessions"]?.intValue == sessions.count else {
            throw StoreError("\(label): line 1: the header counts \(header["sessions"]?.intValue ?? -1) sessions, the pack holds \(sessions.count)", nl: "\(label): regel 1: de kop telt \(header["sessions"]?.intValue ?? -1) sessies, het pakket bevat er \(sessions.count)")
        }
        guard Set(sessions.map(\.id)).count == sessions.count else { throw StoreError("\(label) holds a session twice", nl: "\(label) bevat een sessie twee keer") }
        return (sessions, organisers)
    }
}
