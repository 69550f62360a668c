#if canImport(Glibc)
import Core
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the system calls the store's durability rests on. Foundation's file
/// APIs hide the fsyncs and locks that matter here, so the store speaks POSIX directly.
enum POSIXFile {
    static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// The largest file the store or a workshop loader reads: a 2,000-entry session is
    /// about 1 MB, so this is generous, and still stops `/dev/zero`-sized surprises.
    public static let maxFileBytes = 256 << 20

    /// The whole file, or nil when it does not exist. Only a regular file is read: a FIFO
    /// would block forever and a device never end, so anything else is a clear error.
    /// Symbolic links are refused unless `followLinks` (a store never follows one).
    static func read(_ path: String, followLinks: Bool = false, limit: Int = maxFileBytes) throws(StoreError) -> [UInt8]? {
        let fd = openForReading(path, followLinks: followLinks)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw readFailure(path)
        }
        defer { close(fd) }
        return try readAll(fd, path: path, from: 0, limit: limit)
    }

    /// O_NONBLOCK so that opening a FIFO returns at once instead of waiting for a writer.
    static func openForReading(_ path: String, followLinks: Bool = false) -> Int32 {
        open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW))
    }

    /// Why `path` could not be opened, from errno.
    static func readFailure(_ path: String, _ code: Int32 = errno) -> StoreError {
        if code == ELOOP {
            return .io(.read, path, LocalizedText(nl: "het is een symbolische koppeling, die niet wordt gevolgd", en: "it is a symbolic link, which is not followed"))
        }
        return .io(.read, path, errorText(code))
    }

    /// What a non-regular file is, for messages.
    /// "it is a FIFO (named pipe), not a regular file", in both languages.
    static func kindText(_ mode: mode_t) -> LocalizedText {
        let nl: String
        switch mode & S_IFMT {
        case S_IFDIR: nl = "een map"
        case S_IFIFO: nl = "een FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: nl = "een apparaat"
        case S_IFSOCK: nl = "een socket"
        case S_IFLNK: nl = "een symbolische koppeling"
        default: nl = "geen gewoon bestand"
        }
        return LocalizedText(nl: "het is \(nl), geen gewoon bestand", en: "it is \(kind(mode)), not a regular file")
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        case S_IFREG: return "a regular file"
        default: return "not a regular file"
        }
    }

    /// Bytes from `offset` to the end of an open file, which must be a regular one.
    static func readAll(_ fd: Int32, path: String, from offset: Int, limit: Int = maxFileBytes) throws(StoreError) -> [UInt8] {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw StoreError.io(.read, path, errorText()) }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw StoreError.io(.read, path, kindText(st.st_mode))
        }
        guard Int(st.st_size) <= limit else {
            throw StoreError.io(.read, path, LocalizedText(nl: "het is groter dan \(limit >> 20) MB", en: "it is larger than \(limit >> 20) MB"))
        }
        var out: [UInt8] = []
        out.reserveCapacity(max(0, Int(st.st_size) - offset))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var position = off_t(offset)
        while true {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, position) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.io(.read, path, errorText())
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
            position += off_t(n)
            // A file that grows while it is read is still held to the limit.
            if out.count > limit { throw StoreError.io(.read, path, LocalizedText(nl: "het is groter dan \(limit >> 20) MB", en: "it is larger than \(limit >> 20) MB")) }
        }
        return out
    }

    /// Writes every byte or throws; a short write is an error, never silently accepted.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            done += n
        }
        return nil
    }

    static func fsyncDirectory(_ path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io(.syncFolder, path, errorText()) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw StoreError.io(.syncFolder, path, errorText()) }
    }

    /// The safe-write idiom: temp file, write, fsync, rename over the target, fsync the folder.
    /// A crash at any point leaves either the old file or the new one, never a mix.
    /// `durable: false` skips both fsyncs, for a cache whose loss costs only time.
    static func writeAtomically(_ bytes: [UInt8], to path: String, folder: String, tempTag: String, durable: Bool = true) throws(StoreError) {
        let temp = "\(path).tmp-\(tempTag)"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io(.write, temp, errorText()) }
        if let code = writeAll(fd, bytes) {
            close(fd)
            unlink(temp)
            throw StoreError.io(.write, path, errorText(code))
        }
        if durable && fsync(fd) != 0 {
            let code = errno
            close(fd)
            unlink(temp)
            throw StoreError.io(.write, path, errorText(code))
        }
        close(fd)
        guard rename(temp, path) == 0 else {
            let code = errno
            unlink(temp)
            throw StoreError.io(.write, path, errorText(code))
        }
        if durable { try fsyncDirectory(folder) }
    }

    /// True when `path` is the file open as `fd` (not removed or replaced since it was opened).
    static func isNamed(_ fd: Int32, _ path: String) -> Bool {
        var open = stat()
        var named = stat()
        guard fstat(fd, &open) == 0, stat(path, &named) == 0 else { return false }
        return open.st_ino == named.st_ino && open.st_dev == named.st_dev
    }

    static func makeDirectory(_ path: String) throws(StoreError) {
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw StoreError.io(.createFolder, path, errorText())
        }
    }

    /// Names in a folder (no "." or ".."), or nil when it is missing.
    static func list(_ path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// The file's own type and owner, not those of what a symbolic link points to.
    static func linkStatus(_ path: String) -> stat? {
        var st = stat()
        return lstat(path, &st) == 0 ? st : nil
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        linkStatus(path).map { ($0.st_mode & S_IFMT) == S_IFLNK } ?? false
    }

    /// (size, modification time in ns, inode) — enough to notice that a file changed.
    static func signature(_ path: String) -> (size: Int, mtime: Int, ctime: Int, inode: UInt)? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (
            Int(st.st_size), Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec),
            Int(st.st_ctim.tv_sec) * 1_000_000_000 + Int(st.st_ctim.tv_nsec), UInt(st.st_ino)
        )
    }
}
