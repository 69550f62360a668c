import Core
import Foundation
import Room
import Store
import TUI

#if canImport(Glibc)
import Glibc
#endif

/// A participant the facilitator disconnects is told why. The desk leaves the reason in
/// `<store>/.room/<session>.bye-<key>` and asks the projector's process to end the connection;
/// the participant's own screen finds the reason first (it looks twice a second), says it in
/// the line it prints on leaving, with the rejoin code, and ends itself. The projector ends
/// the connection a moment later in any case (a phone, or a view that no longer answers).
enum SentAway {
    /// The key in hex: whatever characters a participant key holds, never a path of its own.
    static func path(store: String, session: String, key: String) -> String? {
        guard !key.isEmpty, key.utf8.count <= 100 else { return nil }
        let hex = key.utf8.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        return RoomFiles.folder(store: store) + "/" + session + ".bye-" + hex
    }

    static func disconnectsPath(store: String, session: String) -> String {
        RoomFiles.folder(store: store) + "/" + session + ".disconnect"
    }

    /// The desk's side: the reason for the participant, the connection for the projector.
    static func leave(store: String, session: String, key: String, personId: String, reason: String) {
        let folder = RoomFiles.folder(store: store)
        if mkdir(folder, 0o700) != 0 && errno != EEXIST { return }
        if let bye = path(store: store, session: session, key: key) {
            write(Array((reason + "\n").utf8), to: bye, append: false)
        }
        write(Array((personId + "\n").utf8), to: disconnectsPath(store: store, session: session), append: true)
    }

    /// The projector's side: the connections the desk asked to end (the file is taken).
    static func takeDisconnects(store: String, session: String) -> [String] {
        let file = disconnectsPath(store: store, session: session)
        let moved = file + ".taking"
        guard rename(file, moved) == 0 else { return [] }
        defer { unlink(moved) }
        return read(moved).split(separator: "\n").map(String.init).filter { !$0.isEmpty && $0.count <= 64 }
    }

    /// The participant's side: the reason, once (the file is removed), or nil.
    static func take(store: String, session: String, key: String) -> String? {
        guard let file = path(store: store, session: session, key: key), access(file, F_OK) == 0 else { return nil }
        let text = read(file)
        unlink(file)
        return TextPolicy.cleanLine(TerminalText.safe(text, keepLineBreaks: false))
    }

    static func write(_ bytes: [UInt8], to path: String, append: Bool) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (append ? O_APPEND : O_TRUNC)
        let fd = open(path, flags, 0o600)
        guard fd >= 0 else { return }
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    static func read(_ path: String) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 4096) }
        return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
    }
}

extension Runtime {
    /// A participant's screen: has the facilitator sent us away? Looked at twice a second.
    func checkSentAway() {
        guard actor.role == .participant, let handle else { return }
        let now = clock()
        guard now - lastByeCheck >= 500 else { return }
        lastByeCheck = now
        if let reason = SentAway.take(store: store.root, session: handle.id, key: actor.key) { send(.sentAway(reason)) }
    }

    /// The projector's side: the desk's disconnects, each a moment after its reason was left.
    func takeDeskDisconnects() {
        guard let room, let session = room.session else { return }
        let now = clock()
        for id in SentAway.takeDisconnects(store: store.root, session: session) {
            pendingDisconnects.append((id, now + 1500))
        }
        let due = pendingDisconnects.filter { $0.at <= now }
        pendingDisconnects.removeAll { $0.at <= now }
        for d in due { room.disconnect(d.id) }
    }
}
