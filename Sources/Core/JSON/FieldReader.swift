/// Reads fields out of a parsed JSON object while collecting every problem with its JSON
/// path ("$.scenarios[2].position"), instead of stopping at the first, so that a workshop
/// author sees all that is wrong with a file in one go.
public struct Problem: Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }
}

public final class ProblemSink {
    public private(set) var problems: [Problem] = []
    /// For each array path, the original indices of the elements that were read: elements
    /// with problems are left out, and later checks must still name the right index.
    public var kept: [String: [Int]] = [:]
    public init() {}

    /// The path of the `i`-th element that was kept from the array at `arrayPath`.
    public func path(_ arrayPath: String, _ i: Int) -> String {
        let original = kept[arrayPath].flatMap { i < $0.count ? $0[i] : nil } ?? i
        return "\(arrayPath)[\(original)]"
    }
    public func add(_ path: String, _ message: String) { problems.append(Problem(path: path, message: message)) }
}

public struct FieldReader {
    public let path: String
    public let object: JSONObject
    public let sink: ProblemSink

    /// nil (and a problem recorded) when `value` is not an object.
    public init?(_ value: JSONValue?, path: String, sink: ProblemSink) {
        guard let value else {
            sink.add(path, "is missing")
            return nil
        }
        guard let object = value.objectValue else {
            sink.add(path, "must be an object, not \(value.typeName)")
            return nil
        }
        self.path = path
        self.object = object
        self.sink = sink
    }

    public func sub(_ key: String) -> String { "\(path).\(key)" }

    /// Records a problem for every key not in `known`: a typo would otherwise be silently ignored.
    public func rejectUnknown(_ known: Set<String>) {
        for key in object.keys where !known.contains(key) {
            sink.add(sub(TerminalText.safe(key, keepLineBreaks: false)), "is not a known field")
        }
    }

    public func string(_ key: String, optional: Bool = false) -> String? {
        guard let v = object[key], !v.isNull else {
            if !optional { sink.add(sub(key), "is missing") }
            return nil
        }
        guard let s = v.stringValue else {
            sink.add(sub(key), "must be a string, not \(v.typeName)")
            return nil
        }
        if s.trimmingSpaces.isEmpty { sink.add(sub(key), "must not be empty") }
        // A workshop's text reaches projectors and terminals: refuse what no one could type.
        if TerminalText.hasControls(s) {
            sink.add(sub(key), "contains a control, escape or bidirectional character: \(TerminalText.quoted(s, limit: 40))")
            return nil
        }
        return s
    }

    /// Every number in a workshop is a count, a position or minutes: checked against `range`
    /// here, at the door, so no later arithmetic can overflow whatever the file says.
    public func int(_ key: String, optional: Bool = false, in range: ClosedRange<Int> = 0...1_000_000) -> Int? {
        guard let v = object[key], !v.isNull else {
            if !optional { sink.add(sub(key), "is missing") }
            return nil
        }
        guard let n = v.intValue else {
            sink.add(sub(key), "must be a whole number, not \(v.typeName)")
            return nil
        }
        guard range.contains(n) else {
            sink.add(sub(key), "must be between \(range.lowerBound) and \(range.upperBound), not \(n)")
            return nil
        }
        return n
    }

    public func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let v = object[key], !v.isNull else { return fallback }
        guard let b = v.boolValue else {
            sink.add(sub(key), "must be true or false, not \(v.typeName)")
            return fallback
        }
        return b
    }

    /// A text in both languages: `{"nl": "…", "en": "…"}`, both present and non-empty.
    public func text(_ key: String, optional: Bool = false) -> LocalizedText? {
        guard let v = object[key], !v.isNull else {
            if !optional { sink.add(sub(key), "is missing") }
            return nil
        }
        return FieldReader.text(v, path: sub(key), sink: sink)
    }

    public static func text(_ v: JSONValue, path: String, sink: ProblemSink) -> LocalizedText? {
        guard let r = FieldReader(v, path: path, sink: sink) else { return nil }
        r.rejectUnknown(["nl", "en"])
        let nl = r.string("nl")
        let en = r.string("en")
        guard let nl, let en else { return nil }
        return LocalizedText(nl: nl, en: en)
    }

    /// An array whose elements are read by `element`; failed elements are left out.
    public func array<T>(_ key: String, optional: Bool = false, _ element: (JSONValue, String) -> T?) -> [T] {
        guard let v = object[key], !v.isNull else {
            if !optional { sink.add(sub(key), "is missing") }
            return []
        }
        guard let items = v.arrayValue else {
            sink.add(sub(key), "must be an array, not \(v.typeName)")
            return []
        }
        var result: [T] = []
        var indices: [Int] = []
        for (i, item) in items.enumerated() {
            if let t = element(item, "\(sub(key))[\(i)]") {
                result.append(t)
                indices.append(i)
            }
        }
        sink.kept[sub(key)] = indices
        return result
    }

    public func texts(_ key: String, optional: Bool = false) -> [LocalizedText] {
        array(key, optional: optional) { v, p in FieldReader.text(v, path: p, sink: sink) }
    }

    public func strings(_ key: String, optional: Bool = false) -> [String] {
        array(key, optional: optional) { v, p in
            guard let s = v.stringValue else {
                sink.add(p, "must be a string, not \(v.typeName)")
                return nil
            }
            if TerminalText.hasControls(s) {
                sink.add(p, "contains a control, escape or bidirectional character: \(TerminalText.quoted(s, limit: 40))")
                return nil
            }
            return s
        }
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }
}
