/// A JSON document as plain Swift values.
///
/// Perspectief parses JSON itself instead of going through `JSONDecoder` so that every
/// problem can be reported with a line and column, duplicate keys and trailing commas are
/// refused (Foundation silently accepts both), and whole session folders load fast.
/// Objects keep their key order so that what we write reads the way it was built.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var doubleValue: Double? { if case .number(let n) = self { return n } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// An integer, only when the number is whole and fits.
    public var intValue: Int? {
        guard case .number(let n) = self, n.rounded() == n, abs(n) < 9.0e15 else { return nil }
        return Int(n)
    }

    /// The JSON type name used in error messages ("a string", "an array", …).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    public subscript(key: String) -> JSONValue? { objectValue?[key] }
}

/// An ordered JSON object. Objects in our files are small (an event has about a dozen
/// keys), so keys and values sit in two arrays and lookups scan them: faster than hashing
/// every key, which dominated loading a session before. The struct stays two words so that
/// every `JSONValue` stays small; what must not be quadratic for a hostile object with a
/// hundred thousand keys — the parser's duplicate check and `==` — hashes past `hashFrom`.
public struct JSONObject: Equatable, Sendable {
    public private(set) var keys: [String] = []
    private var values: [JSONValue] = []
    static let hashFrom = 32

    public init() {}

    public init(_ pairs: KeyValuePairs<String, JSONValue>) {
        for (k, v) in pairs { self[k] = v }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    private func index(of key: String) -> Int? {
        for i in keys.indices where keys[i] == key { return i }
        return nil
    }

    public subscript(key: String) -> JSONValue? {
        get { index(of: key).map { values[$0] } }
        set {
            if let i = index(of: key) {
                if let newValue {
                    values[i] = newValue
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Appends a key the parser has already checked is new.
    mutating func appendChecked(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
    }

    public var pairs: [(key: String, value: JSONValue)] { keys.indices.map { (keys[$0], values[$0]) } }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        guard a.count == b.count else { return false }
        if a.count > hashFrom {
            var other = [String: Int](minimumCapacity: b.count)
            for (i, k) in b.keys.enumerated() { other[k] = i }
            for (i, k) in a.keys.enumerated() {
                guard let j = other[k], b.values[j] == a.values[i] else { return false }
            }
            return true
        }
        for (i, k) in a.keys.enumerated() where b[k] != a.values[i] { return false }
        return true
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var o = JSONObject()
        for (k, v) in elements { o[k] = v }
        self = .object(o)
    }
}
