#if canImport(Glibc)
import Core
import Glibc
#endif

/// Writes a whole file or nothing: a report is written to a temp file beside the target
/// and then moved in place, so an unwritable path, a full disk or a crash never leaves a
/// half-written report, and an existing file is replaced only when asked.
public enum SafeFile {
    public static func write(_ text: String, to path: String, overwrite: Bool) throws(StoreError) {
        try write(bytes: Array(text.utf8), to: path, overwrite: overwrite)
    }

    /// The same for bytes that are not text (a PDF).
    public static func write(bytes: [UInt8], to path: String, overwrite: Bool) throws(StoreError) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) }.flatMap { $0.isEmpty ? "/" : $0 } ?? "."
        guard POSIXFile.isDirectory(folder) else { throw StoreError.io(.write, path, LocalizedText(nl: "map \(folder) bestaat niet", en: "folder \(folder) does not exist")) }
        if let st = POSIXFile.linkStatus(path) {
            // Only ever a regular file is replaced: --force on a device node, a FIFO or a
            // symbolic link would swap the system's file for a report (as root: /dev/null).
            guard (st.st_mode & S_IFMT) == S_IFREG else {
                throw StoreError(
                    "cannot write \(path): it is \(POSIXFile.kind(st.st_mode)), not a regular file; it is left alone",
                    nl: "kan \(path) niet schrijven: het is geen gewoon bestand; het blijft zoals het is")
            }
            if !overwrite { throw StoreError.exists(path) }
        }
        let temp = "\(path).tmp-\(StoreIDs.short())"
        // Owner-only: a report holds participants' names and words.
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io(.write, path, POSIXFile.errorText()) }
        if let code = POSIXFile.writeAll(fd, bytes) ?? (fsync(fd) == 0 ? nil : errno) {
            close(fd)
            unlink(temp)
            throw StoreError.io(.write, path, POSIXFile.errorText(code))
        }
        close(fd)
        if overwrite {
            guard rename(temp, path) == 0 else {
                let code = errno
                unlink(temp)
                throw StoreError.io(.write, path, POSIXFile.errorText(code))
            }
        } else {
            // link() fails if the target appeared meanwhile: never replace a file by accident.
            let linked = link(temp, path) == 0
            let code = errno
            unlink(temp)
            guard linked else {
                throw code == EEXIST ? StoreError.exists(path) : StoreError.io(.write, path, POSIXFile.errorText(code))
            }
        }
        // The new name itself must survive a power cut, not only the bytes behind it.
        try? POSIXFile.fsyncDirectory(folder)
    }
}
