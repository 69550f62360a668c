import Core
import Store

/// Joining a session as a participant, the same on every way in: `join --name`, the join
/// screen (locally and over SSH) and the phone page. One name rule (ParticipantName), one
/// key, the name claimed for one device at a time, the join recorded once.
public enum Joining {
    /// A participant inside the session: who they are, and their hold on the name.
    public struct Joined {
        public let actor: Actor
        /// The name as shown (also in an anonymous session, on this device only).
        public let name: String
        public let presence: Presence
    }

    /// Why a session cannot be joined, or a name not used: one line in both languages.
    public struct Refused: Error, Equatable, Sendable {
        public var reason: LocalizedText
        public init(_ reason: LocalizedText) { self.reason = reason }
    }

    /// The workshop of a session anyone may join now: open, writable, its workshop installed.
    public static func joinable(_ h: SessionHandle, workshops: [Workshop]) throws(Refused) -> Workshop {
        let id = TerminalText.quoted(h.id)
        if let reason = h.readOnlyReason {
            throw Refused(LocalizedText(
                nl: "Bij sessie \(id) kun je niet aansluiten: die is alleen-lezen (\(TerminalText.safe(reason, keepLineBreaks: false))).",
                en: "Session \(id) cannot be joined: it is read-only (\(TerminalText.safe(reason, keepLineBreaks: false)))."))
        }
        if h.state.closed {
            throw Refused(LocalizedText(
                nl: "Sessie \(id) is afgesloten; vraag de facilitator om die te heropenen.",
                en: "Session \(id) is closed; ask the facilitator to reopen it."))
        }
        guard let w = Workshops.find(h.state.setup.workshopId, in: workshops) else {
            throw Refused(Workshops.missing(session: h.id, workshop: h.state.setup.workshopId))
        }
        return w
    }

    /// Joins `handle`'s session under `raw` (checked by the one name rule, never cut).
    public static func join(_ handle: SessionHandle, workshop: Workshop, name raw: String, now: Int64) throws(Refused) -> Joined {
        let name: String
        switch ParticipantName.check(raw) {
        case .success(let n): name = n
        case .failure(let r): throw Refused(r.reason)
        }
        _ = try? handle.refresh()
        if handle.state.closed { throw Refused(Refusal.closed.reason) }
        let anonymous = handle.state.setup.anonymous
        let key = ParticipantKey.key(name: name, sessionId: handle.id, anonymous: anonymous)
        let presence: Presence
        do { presence = try handle.claimPresence(key: key, name: name) } catch { throw Refused(nameTaken(name)) }
        let actor = Actor(role: .participant, key: key, name: anonymous ? nil : name)
        if handle.state.participants[key] == nil {
            do { try handle.perform(.join, by: actor, engine: Engine(workshop: workshop), now: now) } catch {
                presence.release()
                throw Refused(reason(error))
            }
        }
        return Joined(actor: actor, name: name, presence: presence)
    }

    public static func nameTaken(_ name: String) -> LocalizedText {
        let q = TerminalText.quoted(name)
        return LocalizedText(
            nl: "Iemand met de naam \(q) doet al mee aan deze sessie; kies een andere naam.",
            en: "Someone called \(q) is already in this session; choose another name.")
    }

    /// What a participant is told when the store or the engine says no: never a path.
    public static func reason(_ error: PerformError) -> LocalizedText {
        switch error {
        case .refused(let r): return r.reason
        case .store: return LocalizedText(nl: "Niet opgeslagen: de opslag van de facilitator gaf een fout.", en: "Not saved: the facilitator's storage failed.")
        }
    }
}
