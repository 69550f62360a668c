import Core
import Store

/// Starting a session, the same from `perspectief new` and from the wizard: the workshop
/// found once, the setup decided by the engine (one text policy, one range for every number),
/// one id rule (the store's), saved durably before anyone sees it.
public enum Creating {
    public struct Refused: Error, Equatable, Sendable {
        public var reason: LocalizedText
        /// The request's field it is about ("votes", "perspective", …), for a command line to name.
        public var field: String?
        public init(_ reason: LocalizedText, field: String? = nil) {
            self.reason = reason
            self.field = field
        }
    }

    public static func create(
        _ request: NewSession, in store: SessionStore, workshops: [Workshop], now: Int64, defaultTitle: (Workshop) -> String
    ) throws(Refused) -> (SessionHandle, Workshop) {
        guard let w = Workshops.find(request.workshopId, in: workshops) else {
            throw Refused(LocalizedText(
                nl: "Workshop \(TerminalText.quoted(request.workshopId)) is hier niet geïnstalleerd.",
                en: "Workshop \(TerminalText.quoted(request.workshopId)) is not installed here."), field: "workshop")
        }
        let setup: SessionSetup
        do {
            setup = try Engine(workshop: w).setup(for: request, id: store.newSessionID(perspective: request.slug, now: now), defaultTitle: defaultTitle(w))
        } catch {
            throw Refused(error.reason, field: field(of: error))
        }
        do {
            return (try store.create(setup, by: .facilitator(setup.facilitator), now: now), w)
        } catch {
            throw Refused(LocalizedText(nl: error.message(in: .nl), en: error.message(in: .en)))
        }
    }

    static func field(of r: Refusal) -> String? {
        if r == .voteBudgetRange { return "votes" }
        if r == .emptyPerspective { return "perspective" }
        if r == .peopleRange { return "people" }
        for (field, word) in [("title", "The title"), ("facilitator", "The facilitator's"), ("place", "The place"), ("date", "The date"), ("perspective", "The target group")]
        where r.reason.en.hasPrefix(word) { return field }
        return nil
    }

    /// The title a session gets when none is given: its group and the day.
    public static func defaultTitle(_ request: NewSession, workshop: Workshop, day: String, language: Language) -> String {
        switch request.perspective {
        case .workshop(let id): return "\(workshop.perspective(id)?.name[language] ?? id) — \(day)"
        case .custom(let name): return "\(TextPolicy.cleanLine(name)) — \(day)"
        }
    }
}
