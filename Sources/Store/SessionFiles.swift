/// The names of the files in a session folder.
enum SessionFiles {
    static let snapshot = "session.json"
    static let lock = ".lock"
    static let journalPrefix = "journal-"
    static let journalSuffix = ".jsonl"
    static let tempMarker = ".tmp-"
    /// The schema of `session.json` and of each event this build writes and fully understands.
    static let schemaVersion = 1

    static func journal(_ writer: String) -> String { journalPrefix + writer + journalSuffix }

    static func isJournal(_ name: String) -> Bool {
        name.hasPrefix(journalPrefix) && name.hasSuffix(journalSuffix) && !name.contains(tempMarker)
    }

    static func writer(ofJournal name: String) -> String {
        String(name.dropFirst(journalPrefix.count).dropLast(journalSuffix.count))
    }
}
