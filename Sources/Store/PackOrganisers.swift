import Core

#if canImport(Glibc)
import Glibc
#endif

/// The organisers' decisions travel in packs: every line of `<store>/.groups/` (groupings,
/// proposals accepted and rejected, evidence linked to messages) goes after the sessions as
/// an `{"organisers": N}` section, copied as written. Unpacking adds the lines this store lacks
/// (by writer and sequence number) as a journal of their own, so two organisers' decisions on
/// two laptops come together and the fold (by time, writer, sequence) reads them as one.
enum PackOrganisers {
    static let key = "organisers"

    /// Every readable line of the store's `.groups/` journals, in file order.
    static func lines(root: String) throws(StoreError) -> [[UInt8]] {
        let folder = root + "/.groups"
        var out: [[UInt8]] = []
        for name in (POSIXFile.list(folder) ?? []).sorted() where SessionFiles.isJournal(name) {
            guard let bytes = try POSIXFile.read(folder + "/" + name) else { continue }
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
                if identity(Array(line)) != nil { out.append(Array(line)) }
            }
        }
        return out
    }

    /// A journal line's writer and sequence number, or nil for a line that is not one.
    static func identity(_ line: [UInt8]) -> String? {
        guard let o = try? JSONParser.parse(data: line).objectValue, let w = o["writer"]?.stringValue,
            let s = o["seq"]?.intValue, o["time"]?.intValue != nil
        else { return nil }
        return w + "/" + String(s)
    }

    /// Writes the lines this store lacks into a new journal in `.groups/`; durable before it
    /// returns. Returns how many were added.
    @discardableResult
    static func add(_ lines: [[UInt8]], root: String) throws(StoreError) -> Int {
        let known = Set(try Self.lines(root: root).compactMap(identity))
        var seen = known
        let fresh = lines.filter { line in identity(line).map { seen.insert($0).inserted } ?? false }
        guard !fresh.isEmpty else { return 0 }
        let folder = root + "/.groups"
        if POSIXFile.isSymbolicLink(folder) {
            throw StoreError(
                "not unpacked: \(folder) is a symbolic link, which is not followed",
                nl: "niet uitgepakt: \(folder) is een symbolische koppeling, die niet wordt gevolgd")
        }
        try POSIXFile.makeDirectory(folder)
        let path = folder + "/" + SessionFiles.journal(StoreIDs.writer())
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io(.notSavedCreate, path, POSIXFile.errorText()) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        for line in fresh {
            bytes += line
            bytes.append(0x0A)
        }
        if let code = POSIXFile.writeAll(fd, bytes) ?? (fdatasync(fd) == 0 ? nil : errno) {
            _ = ftruncate(fd, 0)
            let why = POSIXFile.errorText(code)
            throw StoreError("not unpacked: \(why)", nl: "niet uitgepakt: \(why)")
        }
        try POSIXFile.fsyncDirectory(folder)
        return fresh.count
    }
}
