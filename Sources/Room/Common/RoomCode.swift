/// The code people type to enter a room (as SSH password or on the web page).
public struct RoomCode: Sendable, Equatable {
    public let digits: String

    /// A given code: 4–6 digits, else nil.
    public init?(_ text: String) {
        guard (4...6).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        digits = text
    }

    /// A code made up now: `length` random digits, not starting with 0 (so nobody drops it).
    public static func random(length: Int = 4) -> RoomCode {
        var g = SystemRandomNumberGenerator()
        return random(length: length, using: &g)
    }

    public static func random<G: RandomNumberGenerator>(length: Int, using g: inout G) -> RoomCode {
        let n = min(max(length, 4), 6)
        var s = String(Int.random(in: 1...9, using: &g))
        for _ in 1..<n { s += String(Int.random(in: 0...9, using: &g)) }
        return RoomCode(s)!
    }

    /// Compares in time that depends only on the attempt's length, never on how much of it
    /// matches, so timing tells a guesser nothing about the right digits.
    public func matches(_ attempt: String) -> Bool {
        let a = Array(attempt.utf8), d = Array(digits.utf8)
        var diff = UInt8(a.count == d.count ? 0 : 1)
        for i in 0..<a.count { diff |= a[i] ^ d[i % d.count] }
        return diff == 0
    }
}
