import CSV
import Core
import Foundation

/// A CSV file as LibreOffice and Excel write it: UTF-8 with or without a byte-order mark,
/// `;` (Dutch Excel) or `,` between cells, RFC 4180 quotes with line breaks inside cells.
/// Each row comes with the line of the file it starts on, for messages.
enum SpreadsheetFile {
    static let maxBytes = 32 << 20

    static func read(_ path: String) throws -> (header: [String], rows: [EntryImport.Row]) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            let reason = (error as NSError).localizedDescription
            throw CLIError("cannot read \(path): \(reason)", nl: "kan \(path) niet lezen: \(reason)")
        }
        if data.count > maxBytes {
            throw CLIError("\(path) is larger than \(maxBytes >> 20) MB; split it", nl: "\(path) is groter dan \(maxBytes >> 20) MB; splits het bestand")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw CLIError(
                "\(path) is UTF-16 text; save it as \"CSV UTF-8\" (LibreOffice: character set Unicode (UTF-8))",
                nl: "\(path) is UTF-16-tekst; bewaar het als \"CSV UTF-8\" (LibreOffice: tekenset Unicode (UTF-8))")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = firstInvalidUTF8(bytes) {
            let line = bytes[0..<bad].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw CLIError(
                "\(path): line \(line): not UTF-8 text; save the file as \"CSV UTF-8\"",
                nl: "\(path): regel \(line): geen UTF-8-tekst; bewaar het bestand als \"CSV UTF-8\"")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard !text.allSatisfy(\.isWhitespace) else { throw CLIError("\(path) is empty", nl: "\(path) is leeg") }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter(text)) } catch {
            throw CLIError(untranslated: "\(path): line 1: \(error)")
        }
        var header: [String]?
        var rows: [EntryImport.Row] = []
        var line = 1
        while let cells = reader.next() {
            if header == nil { header = cells } else { rows.append(EntryImport.Row(line: line, cells: cells)) }
            line += 1 + cells.reduce(0) { $0 + $1.reduce(0) { $0 + ($1.isNewline ? 1 : 0) } }
            // Enough to say there are too many; no need to read the rest.
            if rows.count > EntryImport.maxRows { break }
        }
        if let error = reader.error { throw CLIError(untranslated: "\(path): line \(line): \(error)") }
        return (header ?? [], rows)
    }

    /// `;` when the header line has more of them than commas (outside quotes), else `,`.
    static func delimiter(_ text: String) -> UnicodeScalar {
        var semicolons = 0
        var commas = 0
        var quoted = false
        for u in text.unicodeScalars {
            if u == "\"" { quoted.toggle() }
            if quoted { continue }
            if u == "\n" || u == "\r" { break }
            if u == ";" { semicolons += 1 }
            if u == "," { commas += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var it = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &it) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }
}
