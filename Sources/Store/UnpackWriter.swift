import Core
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Writes the sessions an unpack adds: each in a hidden `.unpack-…` folder, made durable, then
/// renamed into place — a crash leaves a session whole or absent, never half there.
///
/// One session at a time cost three fsyncs each (file, its folder, the store): 1,000
/// sessions took 18 s on a loaded disk. Now every file is written first, the fsyncs of files
/// and folders run on several threads at once (the file system then commits them together),
/// and the store folder is synced once after all the renames.
enum UnpackWriter {
    static let lockName = ".unpack.lock"
    static let tempPrefix = ".unpack-"
    static let syncThreads = 16

    /// Held for a whole unpack, so two unpacks never plan against the same state and a
    /// leftover `.unpack-` folder can only be a crashed unpack's.
    static func lock(_ root: String) throws(StoreError) -> Int32 {
        let fd = open(root + "/" + lockName, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0, flock(fd, LOCK_EX) == 0 else { throw StoreError.io(.lock, "\(root)/\(lockName)", POSIXFile.errorText()) }
        for name in POSIXFile.list(root) ?? [] where name.hasPrefix(tempPrefix) { removeFolder(root + "/" + name) }
        return fd
    }

    static func unlock(_ fd: Int32) {
        flock(fd, LOCK_UN)
        close(fd)
    }

    static func create(_ sessions: [PackFormat.Session], in store: SessionStore) throws(StoreError) {
        guard !sessions.isEmpty else { return }
        let root = store.root
        let tag = StoreIDs.short()
        var temps: [String] = []
        defer { for t in temps { removeFolder(t) } }  // whatever was not renamed into place
        for s in sessions {
            let temp = root + "/" + tempPrefix + tag + "-" + s.id
            guard mkdir(temp, 0o700) == 0 else { throw StoreError.io(.create, temp, POSIXFile.errorText()) }
            temps.append(temp)
            let bytes = Snapshot.bytes(session: s.id, folded: [:], events: s.events, lines: s.lines)
            let path = temp + "/" + SessionFiles.snapshot
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            guard fd >= 0 else { throw StoreError.io(.write, path, POSIXFile.errorText()) }
            let failed = POSIXFile.writeAll(fd, bytes)
            close(fd)
            if let failed { throw StoreError.io(.write, path, POSIXFile.errorText(failed)) }
        }
        if let failure = syncAll(temps) { throw failure }
        var placed = 0
        for (s, temp) in zip(sessions, temps) {
            let target = store.folder(of: s.id)
            // mkdir claims the name (EEXIST if it appeared meanwhile); a folder renamed over
            // an empty one replaces it atomically.
            if mkdir(target, 0o700) != 0 && !(errno == EEXIST && (POSIXFile.list(target) ?? ["?"]).isEmpty) {
                let reason = errno == EEXIST ? "it appeared meanwhile" : POSIXFile.errorText()
                throw StoreError("cannot create session \(s.id) (\(placed) of \(sessions.count) added): \(reason)", nl: "kan sessie \(s.id) niet maken (\(placed) van \(sessions.count) toegevoegd): \(reason)")
            }
            guard rename(temp, target) == 0 else {
                throw StoreError("cannot create session \(s.id) (\(placed) of \(sessions.count) added): \(POSIXFile.errorText())", nl: "kan sessie \(s.id) niet maken (\(placed) van \(sessions.count) toegevoegd): \(POSIXFile.errorText())")
            }
            temps.removeFirst()
            placed += 1
        }
        try POSIXFile.fsyncDirectory(root)
    }

    /// fsync of every snapshot and its folder, on several threads; the first error, if any.
    static func syncAll(_ folders: [String]) -> StoreError? {
        final class Shared: Sendable {
            let failure = Mutex<StoreError?>(nil)
            let next = Mutex(0)
        }
        let shared = Shared()
        let group = DispatchGroup()
        for _ in 0..<min(syncThreads, folders.count) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while true {
                    let i = shared.next.withLock { n in
                        defer { n += 1 }
                        return n
                    }
                    guard i < folders.count, shared.failure.withLock({ $0 == nil }) else { return }
                    for path in [folders[i] + "/" + SessionFiles.snapshot, folders[i]] {
                        let fd = open(path, O_RDONLY | O_CLOEXEC)
                        let ok = fd >= 0 && fsync(fd) == 0
                        let code = errno
                        if fd >= 0 { close(fd) }
                        if !ok { shared.failure.withLock { $0 = $0 ?? StoreError.io(.sync, path, POSIXFile.errorText(code)) } }
                    }
                }
            }
        }
        group.wait()
        return shared.failure.withLock { $0 }
    }

    static func removeFolder(_ path: String) {
        for name in POSIXFile.list(path) ?? [] { unlink(path + "/" + name) }
        rmdir(path)
    }
}
