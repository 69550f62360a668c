/// The code people type to enter a room (as SSH password or on the web page). Made-up codes
/// are 8 digits, shown in two groups ("4821 0937"): with the room's budget of code checks
/// (AttemptLimiter) guessing one takes over a year on average, from any number of addresses.
/// The QR code carries it, so its length costs a phone nothing.
public struct RoomCode: Sendable, Equatable {
    public static let defaultLength = 8
    public let digits: String

    /// A given code: 4–12 digits (spaces and dashes between groups allowed), else nil.
    public init?(_ text: String) {
        let d = Self.digitsOnly(text)
        guard (4...12).contains(d.count), d.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard text.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == " " || $0 == "-" }) else { return nil }
        digits = d
    }

    /// A code made up now: `length` random digits, not starting with 0 (so nobody drops it).
    public static func random(length: Int = defaultLength) -> RoomCode {
        var g = SystemRandomNumberGenerator()
        return random(length: length, using: &g)
    }

    public static func random<G: RandomNumberGenerator>(length: Int, using g: inout G) -> RoomCode {
        let n = min(max(length, 4), 12)
        var s = String(Int.random(in: 1...9, using: &g))
        for _ in 1..<n { s += String(Int.random(in: 0...9, using: &g)) }
        return RoomCode(s)!
    }

    /// The code as shown: groups of four from the left ("4821 0937"), short codes as they are.
    public var grouped: String {
        guard digits.count > 6 else { return digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && i % 4 == 0 { out += " " }
            out.append(c)
        }
        return out
    }

    static func digitsOnly(_ text: String) -> String { String(text.filter { $0 != " " && $0 != "-" }) }

    /// Compares in time that depends only on the attempt's length, never on how much of it
    /// matches, so timing tells a guesser nothing about the right digits. The spaces and
    /// dashes people type between groups do not count.
    public func matches(_ typed: String) -> Bool {
        let attempt = typed.contains(where: { $0 == " " || $0 == "-" }) ? Self.digitsOnly(typed) : typed
        let a = Array(attempt.utf8), d = Array(digits.utf8)
        var diff = UInt8(a.count == d.count ? 0 : 1)
        for i in 0..<a.count { diff |= a[i] ^ d[i % d.count] }
        return diff == 0
    }
}
