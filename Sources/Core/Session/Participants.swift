/// Participant keys: what ties a participant's entries and votes to them across rejoins.
public enum ParticipantKey {
    /// The key for a display name: case- and space-insensitive, so "Ayşe " and "ayşe" are one
    /// person. In an anonymous session the name itself must not be stored, so the key is a
    /// salted hash of it (the session id is the salt): rejoining with the same name still
    /// finds one's own entries, but the file does not say who wrote them.
    public static func key(name: String, sessionId: String, anonymous: Bool) -> String {
        let normal = TextPolicy.cleanLine(name).lowercased()
        guard anonymous else { return "p:" + normal }
        return "a:" + hex(fnv1a64(sessionId + "\u{0}" + normal)) + hex(fnv1a64(normal + "\u{0}" + sessionId))
    }

    static func fnv1a64(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
