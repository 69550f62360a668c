/// A compact binary encoding for caches: LEB128 integers and length-prefixed UTF-8. It is
/// not a file format anyone reads by hand — the session files stay JSON — only a faster way
/// back to something already read once.
public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public mutating func uint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Zig-zag, so that small negative numbers stay small.
    public mutating func int(_ value: Int64) { uint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }
    public mutating func int(_ value: Int) { int(Int64(value)) }
    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func string(_ value: String) {
        var s = value
        s.withUTF8 { buffer in
            uint(UInt64(buffer.count))
            bytes.append(contentsOf: buffer)
        }
    }

    public mutating func optional(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    public mutating func optional(_ value: Int64?) {
        bool(value != nil)
        if let value { int(value) }
    }

    /// Sorted, so that equal sets give equal bytes.
    public mutating func strings(_ values: Set<String>) {
        uint(UInt64(values.count))
        for v in values.sorted() { string(v) }
    }

    public mutating func raw(_ more: some Collection<UInt8>) { bytes.append(contentsOf: more) }
}

/// Reads what `ByteWriter` wrote. Any inconsistency (short data, absurd length) throws, so a
/// damaged cache is noticed and ignored instead of believed.
public struct ByteReader: ~Copyable {
    public struct Damaged: Error { public init() {} }

    private let bytes: UnsafeBufferPointer<UInt8>
    public private(set) var position: Int

    public init(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    public var atEnd: Bool { position >= bytes.count }

    public mutating func uint() throws(Damaged) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Damaged() }
            let b = bytes[position]
            position += 1
            result |= UInt64(b & 0x7f) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    public mutating func int() throws(Damaged) -> Int64 {
        let u = try uint()
        return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }

    public mutating func count() throws(Damaged) -> Int {
        let n = try uint()
        guard n <= UInt64(bytes.count - position) else { throw Damaged() }
        return Int(n)
    }

    public mutating func bool() throws(Damaged) -> Bool {
        guard position < bytes.count else { throw Damaged() }
        defer { position += 1 }
        switch bytes[position] {
        case 0: return false
        case 1: return true
        default: throw Damaged()
        }
    }

    public mutating func string() throws(Damaged) -> String {
        let n = try count()
        defer { position += n }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + n]), as: UTF8.self)
    }

    public mutating func optionalString() throws(Damaged) -> String? { try bool() ? try string() : nil }
    public mutating func optionalInt() throws(Damaged) -> Int64? { try bool() ? try int() : nil }

    public mutating func strings() throws(Damaged) -> Set<String> {
        let n = try count()
        var out = Set<String>(minimumCapacity: n)
        for _ in 0..<n { out.insert(try string()) }
        return out
    }

    public mutating func skip(_ n: Int) throws(Damaged) {
        guard n >= 0, n <= bytes.count - position else { throw Damaged() }
        position += n
    }
}
