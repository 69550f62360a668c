import Application
import Core
import Foundation
import Store
import TUI

/// The effects the program asks for, carried out against the store; each answers with a
/// message, never by changing what is shown itself.
extension Runtime {
    func carryOut(_ effect: Effect) {
        switch effect {
        case .perform(let command):
            guard let handle, let engine = engine(for: handle) else { return }
            do {
                try handle.perform(command, by: actor, engine: engine, now: clock())
                send(.sessionChanged(handle.state))
            } catch {
                switch error {
                case .refused(let r): send(.refused(r))
                case .store(let s):
                    // A participant (an SSH laptop included) never sees where the store is;
                    // the facilitator's own screen says what failed, path and all.
                    let text = actor.role == .participant ? Joining.notSaved[app.language] : s.message(in: app.language)
                    send(.failed(text))
                }
            }
        case .create(let request):
            create(request)
        case .openReadOnly(let id):
            do throws(RuntimeError) {
                let h: SessionHandle
                do { h = try store.open(id, readOnly: true) } catch { throw RuntimeError(error) }
                let w = try workshop(of: h)
                send(.sessionOpened(id: id, workshop: w, state: h.state, readOnly: h.readOnlyReason ?? (app.language == .nl ? "terugblik" : "review")))
            } catch {
                send(.failed(error.reason[app.language]))
            }
        case .editGroup(let edit):
            do {
                let journal = try GroupJournal(store: store)
                try journal.apply(edit, now: clock())
                send(.groupsChanged(journal.groups))
                send(.decisionsChanged(journal.decisions))
                send(.notice(Notice(kind: .info, text: Self.saved(edit, app.language))))
            } catch {
                send(.failed(error.message(in: app.language)))
            }
        case .saveSummary(let text):
            let parsed = ReportSummary.parse(text)
            do {
                let saved = try SummaryJournal(store: store).set(text: parsed.text, keyMessages: parsed.keyMessages, organiser: nil, now: clock())
                send(.summarySaved(saved))
                send(.notice(Notice(kind: .info, text: app.language == .nl ? "Samenvatting bewaard: versie \(saved.version)" : "Summary saved: version \(saved.version)")))
            } catch {
                send(.failed(error.message(in: app.language)))
            }
        case .replay(let id):
            do throws(RuntimeError) {
                let h: SessionHandle
                do { h = try store.open(id, readOnly: true) } catch { throw RuntimeError(error) }
                send(.replayLoaded(title: h.state.setup.title, workshop: try workshop(of: h), events: h.events))
            } catch {
                send(.failed(error.reason[app.language]))
            }
        case .export(let ids, let format, let short):
            export(ids, format: format, short: short)
        case .join(let id, let name, let code):
            do { try join(id, name: name, rejoinCode: code) } catch {
                if error.reason == Refusal.nameNeedsProof.reason || error.reason == Joining.wrongRejoinCode {
                    send(.joinNeedsProof(error.reason))
                } else {
                    send(.failed(error.reason[app.language]))
                }
            }
        case .open(let id):
            do { try open(id, failIfReadOnly: false) } catch { send(.failed(error.reason[app.language])) }
        case .openReview:
            send(.reviewOpened(startReview()))
        case .leaveReview:
            reviewLoading = nil
            send(.listings(store.listings()))
        case .openRoom, .closeRoom, .setRoomVisible, .disconnect, .stopJoins, .roomRequest:
            roomEffect(effect)
        case .releaseName(_, let name):
            guard let handle else { return }
            do {
                try handle.releaseName(name)
                desk?.forgetRoster()
            } catch {
                send(.failed(error.message(in: app.language)))
            }
        case .deskDisconnect(let id, let key, let reason):
            guard let handle else { return }
            SentAway.leave(store: store.root, session: handle.id, key: key, personId: id, reason: reason)
        case .leaveSession:
            room?.close()
            handle?.close()
            handle = nil
            watcher = nil
            send(.listings(store.listings()))
        case .quit:
            running = false
        }
    }

    /// The session's workshop, or the one-line reason it is not here (never a silent return).
    func workshop(of h: SessionHandle) throws(RuntimeError) -> Workshop {
        guard let w = Workshops.find(h.state.setup.workshopId, in: workshops) else {
            throw RuntimeError(Workshops.missing(session: h.id, workshop: h.state.setup.workshopId))
        }
        return w
    }

    func engine(for handle: SessionHandle) -> Engine? { Workshops.find(handle.state.setup.workshopId, in: workshops).map(Engine.init) }

    /// Opens a saved session for the facilitator.
    public func open(_ id: String, failIfReadOnly: Bool) throws(RuntimeError) {
        let h: SessionHandle
        do { h = try store.open(id) } catch { throw RuntimeError(error) }
        let w = try workshop(of: h)
        if failIfReadOnly, let reason = h.readOnlyReason {
            let why = TerminalText.safe(reason, keepLineBreaks: false)
            throw RuntimeError(LocalizedText(
                nl: "sessie \(id) is alleen-lezen: \(why); bekijk hem met `perspectief review`",
                en: "session \(id) is read-only: \(why); look at it with `perspectief review`"))
        }
        attach(h, workshop: w)
    }

    func create(_ r: NewSession) {
        let now = clock()
        do {
            let (h, w) = try Creating.create(r, in: store, workshops: workshops, now: now) {
                Creating.defaultTitle(r, workshop: $0, day: Dates.day(now), language: app.language)
            }
            attach(h, workshop: w)
        } catch {
            send(.failed(error.reason[app.language]))
        }
    }

    func attach(_ h: SessionHandle, workshop: Workshop) {
        handle?.close()
        handle = h
        actor = .facilitator(h.state.setup.facilitator)
        watcher = FolderWatcher(path: h.folder)
        send(.sessionOpened(id: h.id, workshop: workshop, state: h.state, readOnly: h.readOnlyReason))
    }

    func refreshSession() {
        guard let handle else { return }
        do {
            if try handle.refresh() { send(.sessionChanged(handle.state)) }
        } catch {
            send(.failed(error.message(in: app.language)))
        }
    }

    /// A participant may join an open session that can be written (the rule is Application's).
    public func joinable(_ h: SessionHandle) throws(RuntimeError) {
        do { _ = try Joining.joinable(h, workshops: workshops) } catch { throw RuntimeError(error.reason) }
    }

    /// Joins as `name`: the same use case as the phone page's, then this screen follows.
    public func join(_ id: String, name: String, rejoinCode: String? = nil) throws(RuntimeError) {
        let h: SessionHandle
        do { h = try store.open(id) } catch { throw RuntimeError(error) }
        let workshop: Workshop
        let joined: Joining.Joined
        do {
            workshop = try Joining.joinable(h, workshops: workshops)
            try RoomChild.admits(h, name: name, store: store.root)
            joined = try Joining.join(h, workshop: workshop, name: name, proof: rejoinCode.map { .rejoinCode($0) } ?? .none, now: clock())
        } catch {
            if error.reason == Joining.wrongRejoinCode || error.reason == Joining.nameHeld {
                RoomChild.announceWrongRejoin()
            }
            throw RuntimeError(error.reason)
        }
        presence = joined.presence
        handle?.close()
        handle = h
        actor = joined.actor
        watcher = FolderWatcher(path: h.folder)
        send(.joined(id: h.id, workshop: workshop, state: h.state, actor: joined.actor))
        // Back with their code: it stays theirs, so it is the one shown (the store keeps only a hash).
        let typed = rejoinCode.map(RejoinCodeText.shown).flatMap { $0.isEmpty ? nil : $0 }
        if let code = joined.rejoinCode ?? typed { send(.rejoinCode(code)) }
        RoomChild.announce(joined.name)
    }

    /// Writes a report beside where the organiser started, never over an existing file: the
    /// same export service as `perspectief export`, with the same reasons when it cannot.
    func export(_ ids: [String], format: String, short: Bool = false) {
        let stamp = Dates.local(clock()).replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: ":", with: "")
        do {
            let f = try Exporting.format(format)
            let path = FileManager.default.currentDirectoryPath + "/perspectief-\(stamp)\(short ? "-short" : "").\(f.fileExtension)"
            var request = Exporting.Request(ids: ids, format: f, language: app.language, output: path)
            request.short = short
            let outcome = try Exporting.export(request, store: store, workshops: workshops)
            let left = outcome.warnings.isEmpty ? "" : " · " + outcome.warnings[0][app.language]
            send(.notice(Notice(kind: .info, text: (app.language == .nl ? "Geschreven: " : "Written: ") + path + left)))
        } catch {
            send(.failed(error.reason[app.language]))
        }
    }

    /// What the organiser sees once a grouping change is saved.
    static func saved(_ edit: GroupEdit, _ l: Language) -> String {
        switch edit {
        case .create(let refs, let label): return (l == .nl ? "Gegroepeerd: " : "Grouped: ") + "\(refs.count) × \"\(label)\""
        case .rename(_, let label): return (l == .nl ? "Groep hernoemd: " : "Group renamed: ") + "\"\(label)\""
        case .setMembers(_, let refs, true): return (l == .nl ? "Toegevoegd aan de groep: " : "Added to the group: ") + "\(refs.count)"
        case .setMembers(_, let refs, false): return (l == .nl ? "Uit de groep gehaald: " : "Taken out of the group: ") + "\(refs.count)"
        case .delete: return l == .nl ? "Groep opgeheven; de inzichten staan nog in hun sessies." : "Group removed; the insights are still in their sessions."
        case .accept(_, let refs, let label):
            return LocalizedText(nl: "Voorstel overgenomen: ", en: "Suggestion accepted: ")[l]
                + "\(refs.count) × \"\(label)\""
        case .reject:
            return LocalizedText(nl: "Voorstel afgewezen; het komt niet terug.", en: "Suggestion rejected; it will not come back.")[l]
        case .link(_, _, true): return LocalizedText(nl: "Gekoppeld aan de boodschap.", en: "Linked to the message.")[l]
        case .link(_, _, false):
            return LocalizedText(nl: "Ontkoppeld van de boodschap.", en: "Unlinked from the message.")[l]
        }
    }
}
