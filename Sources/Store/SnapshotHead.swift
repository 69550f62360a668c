import Core

#if canImport(Glibc)
import Glibc
#endif

/// The bytes of `session.json`, with a small "head" before the events so that a command that
/// only adds (the `add` and `import` commands) can decide without reading every event.
///
/// The head holds the highest clock, the session's control events (created, steps, timers,
/// joins, settings, close/reopen, renames — never entry events, so it stays small however many
/// entries there are) and the byte length of everything after it, which catches a cut-short or
/// extended file without parsing it. A snapshot without a head (an older build wrote it) or
/// whose head does not check out is simply read in full.
enum Snapshot {
    static let eventsKeyLine = Array("  \"events\": ".utf8)

    /// `lines`, when given, are the events already written as compact JSON (as a pack holds
    /// them, checked to decode to `events`): copied, not written again.
    static func bytes(session: String, folded: [String: Int], events: [Event], lines: [[UInt8]]? = nil) -> [UInt8] {
        var foldedJSON = JSONObject()
        for k in folded.keys.sorted() { foldedJSON[k] = .number(Double(folded[k]!)) }
        var tail = Array("  \"events\": [".utf8)
        for i in events.indices {
            tail.append(contentsOf: Array((i == 0 ? "\n    " : ",\n    ").utf8))
            if let lines { tail.append(contentsOf: lines[i]) } else { tail.append(contentsOf: JSONWriter.compact(events[i].json).utf8) }
        }
        tail.append(contentsOf: Array((events.isEmpty ? "]\n}\n" : "\n  ]\n}\n").utf8))
        var head = JSONObject()
        head["clock"] = .number(Double(events.map(\.clock).max() ?? 0))
        head["control"] = .array(events.filter { isControl($0.change) }.map(\.json))
        head["tail"] = .number(Double(tail.count))
        var top = JSONObject()
        top["schema"] = .number(Double(SessionFiles.schemaVersion))
        top["session"] = .string(session)
        top["folded"] = .object(foldedJSON)
        top["head"] = .object(head)
        var out = "{\n"
        for pair in top.pairs {
            var key = ""
            JSONWriter.writeString(pair.key, into: &key)
            out += "  \(key): " + JSONWriter.compact(pair.value) + ",\n"
        }
        return Array(out.utf8) + tail
    }

    /// Changes that shape what may be added (step, closed, settings, who joined) — not entries.
    static func isControl(_ change: Change) -> Bool {
        switch change {
        case .entryAdded, .entryEdited, .entryRemoved, .entryRestored, .entryReviewed, .holdsSet, .linkSet, .voteCast,
            .voteWithdrawn:
            return false
        default:
            return true
        }
    }
}

extension SessionReader {
    /// Reads only the snapshot's head, then every journal's events not yet folded into it.
    /// Returns false (having read nothing) when there is no usable head; the caller then
    /// reads the session in full, which also reports any damage.
    mutating func loadHeadAndJournals() throws(StoreError) -> Bool {
        guard let head = try readHead() else { return false }
        snapshotSignature = head.signature
        snapshotFolded = head.folded
        headClock = head.clock
        for event in head.control { try add(event, origin: "head") }
        skipFolded = true
        for name in journals() { try readJournal(name) }
        return true
    }

    private func readHead() throws(StoreError) -> (
        signature: (size: Int, mtime: Int, ctime: Int, inode: UInt), folded: [String: Int], clock: Int, control: [Event]
    )? {
        let path = folder + "/" + SessionFiles.snapshot
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        // Only the head is wanted: read a growing prefix until the events line shows up.
        var prefix: [UInt8] = []
        var end: Int?
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while end == nil, prefix.count < 1 << 22 {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(prefix.count)) }
            guard n > 0 else { return nil }
            let from = max(0, prefix.count - Snapshot.eventsKeyLine.count)
            prefix.append(contentsOf: chunk[0..<n])
            end = Self.find(Snapshot.eventsKeyLine, in: prefix, from: from)
        }
        guard let end, end >= 2, prefix[end - 1] == 0x0A, prefix[end - 2] == UInt8(ascii: ",") else { return nil }
        // "{ … ,\n" + "  "events": …": close the object where the events begin.
        let text = Array(prefix[0..<(end - 2)]) + Array("\n}".utf8)
        guard let root = try? JSONParser.parse(data: text).objectValue,
            let schema = root["schema"]?.intValue, schema <= SessionFiles.schemaVersion,
            let head = root["head"]?.objectValue, let clock = head["clock"]?.intValue,
            let control = head["control"]?.arrayValue, let tail = head["tail"]?.intValue,
            Int(st.st_size) == end + tail
        else { return nil }
        var folded: [String: Int] = [:]
        for (k, v) in root["folded"]?.objectValue?.pairs ?? [] { folded[k] = v.intValue ?? 0 }
        var events: [Event] = []
        for value in control {
            guard let e = try? Event(json: value) else { return nil }
            events.append(e)
        }
        let signature = (
            size: Int(st.st_size), mtime: Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec),
            ctime: Int(st.st_ctim.tv_sec) * 1_000_000_000 + Int(st.st_ctim.tv_nsec), inode: UInt(st.st_ino))
        return (signature, folded, clock, events)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = from
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0], (i == 0 || haystack[i - 1] == 0x0A), Array(haystack[i..<(i + needle.count)]) == needle {
                return i
            }
            i += 1
        }
        return nil
    }
}
