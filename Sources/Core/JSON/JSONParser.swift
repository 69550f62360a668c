/// A strict JSON parser (RFC 8259) over UTF-8 bytes that says where a problem is.
///
/// Stricter than Foundation on purpose: a byte-order mark, a trailing comma, a duplicate
/// key, invalid UTF-8, a raw control character in a string and trailing garbage are all
/// errors, because each of them in a session file means something went wrong.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int
    public var reason: String
    public var description: String { "line \(line), column \(column): \(reason)" }
}

public enum JSONParser {
    /// Our files nest four or five levels; a deeper file is refused before the recursion
    /// could exhaust a thread's stack (a TUI loader thread has far less than the main one).
    public static let maxDepth = 64
    /// Longer than any number we write or read: a megabyte of digits is not a number.
    public static let maxNumberLength = 64
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var copy = text
        let result = copy.withUTF8 { buffer in Result { () throws(JSONSyntaxError) in try parse(bytes: buffer) } }
        return try result.get()
    }

    public static func parse(bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var p = Cursor(bytes: bytes)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw p.error("a byte-order mark is not allowed")
        }
        p.skipSpace()
        guard p.index < bytes.count else { throw p.error("the file is empty") }
        let value = try p.value(depth: 0)
        p.skipSpace()
        if p.index < bytes.count { throw p.error("unexpected text after the end of the JSON value") }
        return value
    }

    public static func parse(data: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let result = data.withUnsafeBufferPointer { buffer in Result { () throws(JSONSyntaxError) in try parse(bytes: buffer) } }
        return try result.get()
    }
}

private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func error(_ reason: String, at offset: Int? = nil) -> JSONSyntaxError {
        let end = min(offset ?? index, bytes.count)
        var line = 1
        var lineStart = 0
        var i = 0
        while i < end {
            if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        // Columns count characters, not bytes: skip UTF-8 continuation bytes.
        var column = 1
        i = lineStart
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return JSONSyntaxError(line: line, column: column, offset: end, reason: reason)
    }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < JSONParser.maxDepth else { throw error("nesting is deeper than \(JSONParser.maxDepth) levels") }
        guard index < bytes.count else { throw error("unexpected end of file") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case 0: throw error("a NUL byte is not allowed")
        default: throw error("expected a JSON value")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let start = index
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("unexpected end of file") }
        let w = word.utf8Start
        for k in 0..<count where bytes[index + k] != w[k] {
            throw error("expected a JSON value", at: start)
        }
        index += count
    }

    mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var result = JSONObject()
        // Duplicate keys: a scan while the object is small, a set once it is not.
        var seen: Set<String>?
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(result) }
        while true {
            skipSpace()
            guard index < bytes.count else { throw error("unexpected end of file inside an object") }
            if bytes[index] == UInt8(ascii: "}") { throw error("a trailing comma is not allowed") }
            guard bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
            let keyStart = index
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            index += 1
            skipSpace()
            let v = try value(depth: depth + 1)
            let duplicate: Bool
            if seen != nil {
                duplicate = !seen!.insert(key).inserted
            } else {
                duplicate = result.keys.contains(key)
                if result.count >= JSONObject.hashFrom { seen = Set(result.keys + [key]) }
            }
            guard !duplicate else { throw error("duplicate key \(TerminalText.quoted(key))", at: keyStart) }
            result.appendChecked(key, v)
            skipSpace()
            guard index < bytes.count else { throw error("unexpected end of file inside an object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(result) }
            throw error("expected ',' or '}' in an object")
        }
    }

    mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var result: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(result) }
        while true {
            skipSpace()
            guard index < bytes.count else { throw error("unexpected end of file inside an array") }
            if bytes[index] == UInt8(ascii: "]") { throw error("a trailing comma is not allowed") }
            result.append(try value(depth: depth + 1))
            skipSpace()
            guard index < bytes.count else { throw error("unexpected end of file inside an array") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(result) }
            throw error("expected ',' or ']' in an array")
        }
    }

    mutating func number() throws(JSONSyntaxError) -> Double {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number", at: start) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("a number cannot start with 0", at: start) }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number", at: start) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number", at: start) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        guard index - start <= JSONParser.maxNumberLength else {
            throw error("a number longer than \(JSONParser.maxNumberLength) characters", at: start)
        }
        // Fast path for plain integers, which is nearly every number we write.
        var whole: Int64 = 0
        var negative = false
        var simple = index - start <= 16
        var i = start
        if simple, bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        while simple, i < index {
            let b = bytes[i]
            guard isDigit(b) else { simple = false; break }
            whole = whole * 10 + Int64(b - 48)
            i += 1
        }
        if simple { return Double(negative ? -whole : whole) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let d = Double(text) else { throw error("invalid number", at: start) }
        return d
    }

    func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    mutating func string() throws(JSONSyntaxError) -> String {
        let open = index
        index += 1
        let start = index
        // Fast path: no escapes, plain bytes; UTF-8 is validated once at the end.
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return try decodeUTF8(slice, at: start)
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error(b == 0 ? "a NUL byte is not allowed" : "a control character must be escaped in a string") }
            index += 1
        }
        guard index < bytes.count else { throw error("unterminated string", at: open) }
        var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                let result = out.withUnsafeBufferPointer { buf in Result { () throws(JSONSyntaxError) in try decodeUTF8(buf, at: start) } }
                return try result.get()
            }
            if b < 0x20 { throw error(b == 0 ? "a NUL byte is not allowed" : "a control character must be escaped in a string") }
            if b != UInt8(ascii: "\\") { out.append(b); index += 1; continue }
            index += 1
            guard index < bytes.count else { break }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error("unpaired surrogate in \\u escape")
                }
                guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw error("invalid escape sequence", at: index - 2)
            }
        }
        throw error("unterminated string", at: open)
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("invalid \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let d: UInt32
            switch b {
            case 48...57: d = UInt32(b - 48)
            case 65...70: d = UInt32(b - 55)
            case 97...102: d = UInt32(b - 87)
            default: throw error("invalid \\u escape")
            }
            v = v << 4 | d
            index += 1
        }
        return v
    }

    /// Strings are validated by hand and then built with the fast `String(decoding:)`:
    /// `String(validating:)` took a slow generic path and was a seventh of loading a session.
    func decodeUTF8(_ slice: UnsafeBufferPointer<UInt8>, at offset: Int) throws(JSONSyntaxError) -> String {
        var i = 0
        let n = slice.count
        while i < n {
            let b = slice[i]
            if b < 0x80 { i += 1; continue }
            let need: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: need = 1; minimum = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: need = 2; minimum = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: need = 3; minimum = 0x10000; scalar = UInt32(b & 0x07)
            default: throw error("invalid UTF-8", at: offset + i)
            }
            for k in 1...need {
                guard i + k < n, slice[i + k] & 0xC0 == 0x80 else { throw error("invalid UTF-8", at: offset + i) }
                scalar = scalar << 6 | UInt32(slice[i + k] & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                throw error("invalid UTF-8", at: offset + i)
            }
            i += need + 1
        }
        return String(decoding: slice, as: UTF8.self)
    }
}
