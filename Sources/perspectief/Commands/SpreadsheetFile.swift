import CSV
import Core
import Store

/// A CSV file as LibreOffice and Excel write it: UTF-8 with or without a byte-order mark,
/// `;` (Dutch Excel) or `,` between cells, RFC 4180 quotes with line breaks inside cells.
/// Each row comes with the line of the file it starts on, for messages.
enum SpreadsheetFile {
    static let maxBytes = 32 << 20

    static func read(_ path: String) throws -> (header: [String], rows: [EntryImport.Row]) {
        var bytes: [UInt8]
        do { bytes = try InputFile.read(path, limit: maxBytes) } catch { throw CLIError(error) }
        let path = TerminalText.quoted(path)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw CLIError(
                "\(path) is UTF-16 text; save it as \"CSV UTF-8\" (LibreOffice: character set Unicode (UTF-8))",
                nl: "\(path) is UTF-16-tekst; sla het op als \"CSV UTF-8\" (LibreOffice: tekenset Unicode (UTF-8))")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if looksLikeUTF16(bytes) {
            throw CLIError(
                "\(path) is not UTF-8: it looks like UTF-16 text without a byte-order mark; save it as \"CSV UTF-8\"",
                nl: "\(path) is geen UTF-8: het lijkt UTF-16-tekst zonder byte-order-mark; sla het op als \"CSV UTF-8\"")
        }
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[0..<nul].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw CLIError(
                "\(path): line \(line): a NUL byte; this is not a text file",
                nl: "\(path): regel \(line): een NUL-byte; dit is geen tekstbestand")
        }
        if let bad = firstInvalidUTF8(bytes) {
            let line = bytes[0..<bad].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw CLIError(
                "\(path): line \(line): not UTF-8 text; save the file as \"CSV UTF-8\"",
                nl: "\(path): regel \(line): geen UTF-8-tekst; sla het bestand op als \"CSV UTF-8\"")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard !text.allSatisfy(\.isWhitespace) else { throw CLIError("\(path) is empty", nl: "\(path) is leeg") }
        if let open = unclosedQuoteLine(text) {
            throw CLIError(
                "\(path): line \(open): a quote (\") opens a cell that is never closed",
                nl: "\(path): regel \(open): een aanhalingsteken (\") opent een cel die nergens sluit")
        }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter(text)) } catch {
            throw CLIError("\(path): line 1: \(error)", nl: "\(path): regel 1: \(error)")
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
        if let error = reader.error { throw CLIError("\(path): line \(line): \(error)", nl: "\(path): regel \(line): \(error)") }
        return (header ?? [], rows)
    }

    /// UTF-16 without a byte-order mark: in text that is mostly ASCII, every other byte is NUL.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(512)
        guard head.count >= 4 else { return false }
        var even = 0, odd = 0
        for (i, b) in head.enumerated() where b == 0 { if i % 2 == 0 { even += 1 } else { odd += 1 } }
        return max(even, odd) * 3 >= head.count && min(even, odd) * 4 <= max(even, odd)
    }

    /// The line on which a quoted cell opens that the file never closes (a doubled quote inside
    /// a cell toggles twice, so it needs no special case), or nil.
    static func unclosedQuoteLine(_ text: String) -> Int? {
        var quoted = false
        var line = 1
        var openedOn = 1
        for u in text.unicodeScalars {
            if u == "\"" {
                quoted.toggle()
                if quoted { openedOn = line }
            } else if u == "\n" {
                line += 1
            }
        }
        return quoted ? openedOn : nil
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
