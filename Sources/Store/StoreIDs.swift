import Foundation

/// Identifiers the store makes: random enough never to collide between processes, short
/// enough to read aloud, and (for sessions) sortable by creation time.
public enum StoreIDs {
    static func hex(_ bytes: Int) -> String {
        // No String(format:) per byte: it dominated making ids for a batch of 10,000 events.
        let digits = Array("0123456789abcdef".utf8)
        var g = SystemRandomNumberGenerator()
        var out: [UInt8] = []
        out.reserveCapacity(bytes * 2)
        for _ in 0..<bytes {
            let b = UInt8.random(in: 0...255, using: &g)
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func writer() -> String { hex(6) }
    static func event() -> String { hex(10) }
    static func short() -> String { hex(3) }

    /// An entry id: the time keeps ids roughly in order, 64 random bits keep them unique
    /// whatever the clock says (frozen, set back, or the same millisecond in 8 processes).
    public static func entry(now: Int64) -> String { "n" + String(max(0, now), radix: 36) + "-" + hex(8) }

    /// `20261122-1604-ouderen-3f9a`: date and time (UTC), the perspective as a slug, random.
    static func session(perspective: String, now: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(now) / 1000)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let stamp = String(format: "%04d%02d%02d-%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
        let slug = slugify(perspective)
        return stamp + (slug.isEmpty ? "" : "-" + slug) + "-" + hex(2)
    }

    /// ASCII letters and digits only, diacritics dropped, words joined by "-", at most 24.
    static func slugify(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        var dash = false
        for u in folded.unicodeScalars {
            if ("a"..."z").contains(u) || ("0"..."9").contains(u) {
                out.unicodeScalars.append(u)
                dash = false
            } else if !out.isEmpty && !dash {
                out.append("-")
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return String(out.prefix(24)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    /// Public form of the id check, for messages in the commands.
    public static func valid(_ id: String) -> Bool { isValidSession(id) }

    /// Session ids name folders: anything that could leave the store is refused.
    static func isValidSession(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 80 && id.first != "-"
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
