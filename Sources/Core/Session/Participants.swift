/// Participant keys: what ties a participant's entries and votes to them across rejoins.
///
/// A named session keys a person by the identity of their name ("p:…", ParticipantName.identity).
/// An anonymous session keys them by a keyed hash of it ("h:…"): the Store computes it with a
/// secret of its own (SessionHandle.participantKey), so a session folder or pack alone does not
/// tell who wrote what, not even to someone holding a list of likely names. Core stays pure:
/// it only builds the key from the hash it is given.
public enum ParticipantKey {
    /// The key in a named session.
    public static func named(_ name: String) -> String { "p:" + ParticipantName.identity(name) }

    /// The key in an anonymous session, from the keyed hash of the name's identity (hex).
    public static func anonymous(mac: String) -> String { "h:" + mac }

    /// The key a terminal participant gets where no store secret is at hand. Named: the
    /// identity key. Anonymous: the old salted FNV key — prefer SessionHandle.participantKey,
    /// which only falls back to it for sessions that already hold such keys.
    public static func key(name: String, sessionId: String, anonymous: Bool) -> String {
        anonymous ? legacyAnonymous(name: name, sessionId: sessionId) : named(name)
    }

    /// Keys given before names had an identity form: still read, so people in sessions saved
    /// then find their own entries when they come back.
    public static func legacyNamed(_ name: String) -> String { "p:" + TextPolicy.cleanLine(name).lowercased() }

    public static func legacyAnonymous(name: String, sessionId: String) -> String {
        let normal = TextPolicy.cleanLine(name).lowercased()
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
