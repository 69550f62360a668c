import Core

#if canImport(Glibc)
import Glibc
#endif

/// This process's own append-only journal in a store folder of the organisers' (`.groups`,
/// `.summary`): created exclusively on the first line, one `write` + `fdatasync` per line, a
/// failed line cut off again so the file never ends half-written.
final class JournalWriter {
    let folder: String
    private let writer = StoreIDs.writer()
    private var fd: Int32 = -1
    private var seq = 0

    init(folder: String) { self.folder = folder }

    deinit { if fd >= 0 { close(fd) } }

    func append(_ fields: JSONObject, now: Int64) throws(StoreError) {
        if fd < 0 {
            // A folder that is a symbolic link would lead the journal out of the store.
            if POSIXFile.isSymbolicLink(folder) {
                throw StoreError(
                    "not saved: \(folder) is a symbolic link, which is not followed",
                    nl: "niet bewaard: \(folder) is een symbolische koppeling, die niet wordt gevolgd")
            }
            try POSIXFile.makeDirectory(folder)
            let path = folder + "/" + SessionFiles.journal(writer)
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw StoreError.io(.notSavedCreate, path, POSIXFile.errorText()) }
            try POSIXFile.fsyncDirectory(folder)
        }
        seq += 1
        var o = JSONObject()
        o["v"] = 1
        o["writer"] = .string(writer)
        o["seq"] = .number(Double(seq))
        o["time"] = .number(Double(now))
        for (k, v) in fields.pairs { o[k] = v }
        var line = Array(JSONWriter.compact(.object(o)).utf8)
        line.append(0x0A)
        var st = stat()
        fstat(fd, &st)
        if let code = POSIXFile.writeAll(fd, line) ?? (fdatasync(fd) == 0 ? nil : errno) {
            _ = ftruncate(fd, st.st_size)
            seq -= 1
            throw StoreError("not saved: \(POSIXFile.errorText(code))", nl: "niet bewaard: \(POSIXFile.errorText(code))")
        }
    }
}
