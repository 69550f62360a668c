import Core
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The room's log (`<store>/.room/log`, owner-only): a line per connection that got in or tried
/// a code, and refused connections counted per address per minute instead of a line each. It
/// lives on the disk that holds the sessions, so it never grows past `maxBytes`: the full log
/// becomes `log.1` (replacing the one before) and a new one starts.
public final class RoomLog: Sendable {
    public static let defaultMaxBytes = 1 << 20
    /// Addresses counted in one minute; beyond, refusals count under one line.
    static let maxAddresses = 256

    struct Tally {
        var minute: Int64 = -1
        var counts: [String: (reason: String, count: Int)] = [:]
        var others = 0
    }

    let path: String
    let maxBytes: Int
    private let tally = Mutex(Tally())
    private let writing = Mutex(())

    public init(path: String, maxBytes: Int = RoomLog.defaultMaxBytes) {
        self.path = path
        self.maxBytes = maxBytes
    }

    /// A connection refused before anything was read (caps, penalty): counted, not written.
    public func refused(address: String, reason: String, nowMs: Int64) {
        let flushed: [String] = tally.withLock { t in
            let minute = nowMs / 60_000
            var out: [String] = []
            if minute != t.minute {
                out = Self.lines(t)
                t = Tally(minute: minute)
            }
            if var c = t.counts[address] {
                c.count += 1
                t.counts[address] = c
            } else if t.counts.count < Self.maxAddresses {
                t.counts[address] = (reason, 1)
            } else {
                t.others += 1
            }
            return out
        }
        for line in flushed { write(line) }
    }

    /// Writes the refusals counted so far (the room closing, or a test reading the log).
    public func flush() {
        let lines: [String] = tally.withLock { t in
            defer { t = Tally(minute: t.minute) }
            return Self.lines(t)
        }
        for line in lines { write(line) }
    }

    static func lines(_ t: Tally) -> [String] {
        guard t.minute >= 0 else { return [] }
        let stamp = ISOTime.format(ms: t.minute * 60_000)
        var out = t.counts.keys.sorted().map { a in
            let c = t.counts[a]!
            return "\(stamp) ssh \(a) refused \(c.count)x in this minute (\(c.reason))"
        }
        if t.others > 0 { out.append("\(stamp) ssh refused \(t.others)x in this minute from further addresses") }
        return out
    }

    /// Appends one line; a log that cannot be written never stops the room.
    public func write(_ line: String) {
        writing.withLock { _ in
            var st = stat()
            if stat(path, &st) == 0, Int(st.st_size) + line.utf8.count + 1 > maxBytes {
                _ = rename(path, path + ".1")
            }
            let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard fd >= 0 else { return }
            defer { close(fd) }
            let bytes = Array((String(line.prefix(1000)) + "\n").utf8)
            _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        }
    }
}
