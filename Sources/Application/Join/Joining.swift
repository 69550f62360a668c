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
        /// A new rejoin code, shown once to the participant: with it they take their name back
        /// from another device. Nil when they came back with proof and keep their old code.
        public let rejoinCode: String?
    }

    /// What shows that a name which was used before is still the same person's.
    public enum Proof: Equatable, Sendable {
        case none
        /// The device they joined from before (a phone's cookie, checked by the web hub).
        case sameDevice
        /// The short code they were shown when they first joined.
        case rejoinCode(String)
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

    /// Joins `handle`'s session under `raw` (checked by the one name rule, never cut). A name
    /// that someone joined under before — however it is spelled (`ParticipantName.identity`) —
    /// is only taken back with proof: the same device, or the rejoin code its holder was shown.
    public static func join(_ handle: SessionHandle, workshop: Workshop, name raw: String, proof: Proof = .none, now: Int64) throws(Refused) -> Joined {
        let name: String
        switch ParticipantName.check(raw) {
        case .success(let n): name = n
        case .failure(let r): throw Refused(r.reason)
        }
        _ = try? handle.refresh()
        if handle.state.closed { throw Refused(Refusal.closed.reason) }
        let key: String
        do { key = try handle.participantKey(for: name) } catch { throw Refused(notSaved) }
        let presence: Presence
        do { presence = try handle.claimPresence(key: key, name: name) } catch { throw Refused(nameTaken(name)) }
        let known = handle.state.participants[key] != nil
        // A name from before rejoin codes, or one the facilitator released, has none.
        let required = known && ((try? handle.rejoinCodeRequired(key: key)) ?? true)
        if required {
            switch proof {
            case .sameDevice: break
            case .rejoinCode(let code):
                // Counted per name in the store, whichever process asks (the page's, an SSH
                // participant's): a right room code clears nothing.
                switch handle.checkRejoinCode(key: key, code: code) {
                case .right: break
                case .wrong:
                    presence.release()
                    throw Refused(wrongRejoinCode)
                case .held:
                    presence.release()
                    throw Refused(nameHeld)
                }
            case .none:
                presence.release()
                throw Refused(Refusal.nameNeedsProof.reason)
            }
        }
        let anonymous = handle.state.setup.anonymous
        let actor = Actor(role: .participant, key: key, name: anonymous ? nil : name)
        var code: String?
        do {
            if !known { try handle.perform(.join, by: actor, engine: Engine(workshop: workshop), now: now) }
            if !required { code = try handle.issueRejoinCode(key: key) }
        } catch {
            presence.release()
            if case .refused(let r) = error as? PerformError { throw Refused(r.reason) }
            throw Refused(notSaved)
        }
        // A participant's entries come at a person's pace (a burst, then a steady rate).
        handle.limitsEntryRate = true
        return Joined(actor: actor, name: name, presence: presence, rejoinCode: code)
    }

    /// A wrong rejoin code (the room counts it as a wrong room code).
    public static let wrongRejoinCode = LocalizedText(nl: "Die terugkomcode klopt niet.", en: "That rejoin code is not right.")
    /// A name that drew too many wrong rejoin codes: only the facilitator can free it.
    public static let nameHeld = LocalizedText(
        nl: "Deze naam is vastgezet na te veel verkeerde terugkomcodes; vraag de facilitator om hem vrij te geven.",
        en: "This name is held after too many wrong rejoin codes; ask the facilitator to release it.")
    /// A participant never sees where the store is: the facilitator's screen says what failed.
    public static let notSaved = LocalizedText(
        nl: "Niet opgeslagen: de laptop van de facilitator kan nu niet bewaren. Probeer het zo opnieuw.",
        en: "Not saved: the facilitator's laptop cannot save right now. Try again shortly.")

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
        case .store: return notSaved
        }
    }
}
