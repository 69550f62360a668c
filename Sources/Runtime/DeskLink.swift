import Core
import Foundation
import Room
import Store
import TUI

/// The desk's part of the loop (`perspectief desk`) and the projector's side of the link to
/// it. The room lives in the projector's process; the desk sees it through the room's status
/// file and asks for changes through its requests file (`RoomLink`). Who is connected without
/// a room (terminals that joined with `perspectief join`) comes from the presence locks, read
/// from /proc/locks without taking one.
public final class DeskLink {
    let link: RoomLink
    private var lastPoll: Int64 = 0
    private var lastInfo: RoomInfo??
    private var lastPresent: [String]?
    private var lastRoster: [NameHolder]?

    /// The next poll sends the roster again (a name was just released).
    func forgetRoster() {
        lastRoster = nil
        lastPoll = 0
    }

    init(link: RoomLink) { self.link = link }

    /// Twice a second: the room's status and who is present; true when either changed.
    func poll(_ loop: Runtime) -> Bool {
        let now = loop.clock()
        guard now - lastPoll >= 500, let handle = loop.handle else { return false }
        lastPoll = now
        var changed = false
        let info = link.status()
        if lastInfo == nil || lastInfo! != info {
            lastInfo = .some(info)
            loop.send(.room(info))
            changed = true
        }
        let participants = handle.state.participants.values.sorted { $0.joinedAt < $1.joinedAt }
        let held = Presence.held(in: handle.folder, keys: participants.map(\.key))
        let names = participants.filter { held.contains($0.key) }.map { $0.name ?? "?" }
        if names != lastPresent {
            lastPresent = names
            loop.send(.presence(names))
            changed = true
        }
        // Everyone the session holds a name for, and whether the name still needs its code.
        let roster = participants.map {
            NameHolder(
                key: $0.key, name: $0.name, present: held.contains($0.key),
                guarded: (try? handle.rejoinCodeRequired(key: $0.key)) ?? true)
        }
        if roster != lastRoster {
            lastRoster = roster
            loop.send(.roster(roster))
            changed = true
        }
        return changed
    }
}

extension Runtime {
    /// Opens the facilitator's desk on `session`: a second window, never projected.
    public func openDesk(_ session: String) throws(RuntimeError) {
        let h: SessionHandle
        do { h = try store.open(session) } catch { throw RuntimeError(error) }
        let workshop = try workshop(of: h)
        if let reason = h.readOnlyReason {
            let why = TerminalText.safe(reason, keepLineBreaks: false)
            throw RuntimeError(LocalizedText(nl: "sessie \(session) is alleen-lezen: \(why)", en: "session \(session) is read-only: \(why)"))
        }
        handle = h
        actor = .facilitator(h.state.setup.facilitator)
        watcher = FolderWatcher(path: h.folder)
        desk = DeskLink(link: RoomLink(store: store.root, session: h.id))
        send(.deskOpened(DeskState(id: h.id, workshop: workshop, state: h.state)))
    }

    /// The projector's side: carries out what the desk asked of the room.
    func takeDeskRequests() -> Bool {
        guard let handle, case .session(let s) = app.route, !s.isParticipant, s.readOnly == nil else { return false }
        let requests = RoomLink(store: store.root, session: handle.id).takeRequests()
        for r in requests {
            switch r {
            case .open:
                do { try openRoom() } catch { send(.room(RoomInfo(problem: app.language == .nl ? error.nl : error.description))) }
            case .close: room?.close()
            case .stopJoins: room?.stopJoins()
            case .showPanel, .hidePanel: room?.setVisible(r == .showPanel)
            }
        }
        return !requests.isEmpty
    }
}
