/// What the person exporting chooses beyond the sessions: names left out, the CSV
/// separator, the organiser's summary, the report's date and version.
public struct ReportOptions: Equatable, Sendable {
    /// Leaves every person's name out: participants, authors, facilitators, the organiser.
    public var noNames: Bool
    /// The CSV field separator; nil: `;` for a Dutch report (Dutch Excel reads that on a
    /// double-click), `,` for English.
    public var separator: Character?
    /// The organiser's findings; nil or empty: the report is a concept.
    public var summary: ReportSummary?
    /// The report's date (ms since 1970, UTC); nil: the newest change in its sessions.
    public var date: Int64?
    /// The tool and its version, for the colophon.
    public var tool: String
    /// The short version a director forwards: page 1, the findings across groups, the
    /// directions, method and limits, colophon; the annexes stay in the full report.
    public var short: Bool = false
    /// Known names typed inside entries are replaced by "[naam]" (with `noNames`).
    public var redactNames: Bool = false
    /// The printed page of each contents entry, in contents order (a PDF's second pass);
    /// empty: not known, the contents list has no numbers.
    public var contentsPages: [Int] = []

    public init(noNames: Bool = false, separator: Character? = nil, summary: ReportSummary? = nil, date: Int64? = nil, tool: String = "Perspectief") {
        self.noNames = noNames
        self.separator = separator
        self.summary = summary
        self.date = date
        self.tool = tool
    }

    /// The separators `--separator` accepts.
    public static let separators: [String: Character] = [";": ";", ",": ",", "tab": "\t", "\\t": "\t", "\t": "\t"]
}

/// The organiser's own words on what was found: a summary and the key messages. Kept with
/// the store and versioned; every saved change is a new version.
public struct ReportSummary: Equatable, Sendable {
    public var text: String
    public var keyMessages: [String]
    public var version: Int
    public var updatedAt: Int64
    public var organiser: String?

    public init(text: String, keyMessages: [String] = [], version: Int = 1, updatedAt: Int64 = 0, organiser: String? = nil) {
        self.text = text
        self.keyMessages = keyMessages
        self.version = version
        self.updatedAt = updatedAt
        self.organiser = organiser
    }

    public var isEmpty: Bool {
        text.allSatisfy(\.isWhitespace) && keyMessages.allSatisfy { $0.allSatisfy(\.isWhitespace) }
    }

    /// A summary file as an organiser writes it: free paragraphs, and key messages as lines
    /// starting with "- " under a line "Kernboodschappen" / "Key messages" (or anywhere).
    public static func parse(_ text: String) -> (text: String, keyMessages: [String]) {
        var body: [Substring] = []
        var messages: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let heading = String(trimmed.lowercased().trimmingSpaces).trimmingCharacters(":")
            if heading == "kernboodschappen" || heading == "key messages" { continue }
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
                let m = String(String(trimmed.dropFirst(2)).trimmingSpaces)
                if !m.isEmpty { messages.append(m) }
            } else {
                body.append(line.last == "\r" ? line.dropLast() : line)
            }
        }
        while let last = body.last, last.allSatisfy(\.isWhitespace) { body.removeLast() }
        while let first = body.first, first.allSatisfy(\.isWhitespace) { body.removeFirst() }
        return (body.joined(separator: "\n"), messages)
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(_ chars: Character) -> String {
        var s = String(self)
        while s.last == chars { s.removeLast() }
        return s
    }
}

/// Dates as a reader says them: "4 december 2026", "4 December 2026".
public enum DateWords {
    static let nl = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
    static let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    public static func format(ms: Int64, _ l: Language) -> String { format(day: ISOTime.date(ms: ms), l) }

    /// A day as "YYYY-MM-DD" in words; anything else is returned as it is.
    public static func format(day iso: String, _ l: Language) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        let month = (l == .nl ? nl : en)[parts[1] - 1]
        return "\(parts[2]) \(month) \(parts[0])"
    }
}
