/// What someone asks for when they start a session, as typed: on the command line (`new`) or
/// in the wizard. The engine turns it into the session's setup with the one text policy.
public struct NewSession: Equatable, Sendable {
    public var workshopId: String
    public var perspective: PerspectiveRef
    /// Empty or nil: the perspective's name and the date.
    public var title: String?
    public var facilitator: String?
    public var place: String?
    public var anonymous: Bool
    public var voteBudget: Int
    public var holdForReview: Bool
    /// How many people were in the room, when the facilitator says.
    public var people: Int?
    /// A target group of the facilitator's own: who they are, and the persona the room steps into.
    public var customDescription: String?
    public var customPersona: String?
    /// The day the session is (or was) held, "YYYY-MM-DD"; nil: today.
    public var date: String?
    /// Who sits in the room; nil: not said.
    public var roomKind: RoomKind?

    public init(
        workshopId: String, perspective: PerspectiveRef, title: String? = nil, facilitator: String? = nil, place: String? = nil,
        anonymous: Bool = false, voteBudget: Int = 3, holdForReview: Bool = false, people: Int? = nil,
        customDescription: String? = nil, customPersona: String? = nil, date: String? = nil, roomKind: RoomKind? = nil
    ) {
        self.date = date
        self.roomKind = roomKind
        self.people = people
        self.customDescription = customDescription
        self.customPersona = customPersona
        self.workshopId = workshopId
        self.perspective = perspective
        self.title = title
        self.facilitator = facilitator
        self.place = place
        self.anonymous = anonymous
        self.voteBudget = voteBudget
        self.holdForReview = holdForReview
    }

    /// The part of the session's id that names its group.
    public var slug: String {
        switch perspective {
        case .workshop(let id): return id
        case .custom(let name): return name
        }
    }
}

extension Engine {
    public static let maxTitleCharacters = 200
    public static let maxNameCharacters = 80

    /// The setup of a new session of this workshop: every text cleaned by the text policy,
    /// every number in range, or the reason it cannot be. `defaultTitle` is used when no
    /// title was given (the caller knows the date and the language).
    public func setup(for request: NewSession, id: String, defaultTitle: String) throws(Refusal) -> SessionSetup {
        guard (0...99).contains(request.voteBudget) else { throw .voteBudgetRange }
        if let people = request.people, !EventLimits.people.contains(people) { throw .peopleRange }
        func line(_ text: String?, max: Int, _ what: LocalizedText) throws(Refusal) -> String? {
            guard let clean = text.map(TextPolicy.cleanLine), !clean.isEmpty else { return nil }
            if clean.count > max { throw Refusal(nl: "\(what.nl) is te lang (hoogstens \(max) tekens).", en: "\(what.en) is too long (at most \(max) characters).") }
            return clean
        }
        let perspective: PerspectiveRef
        switch request.perspective {
        case .workshop(let id):
            guard workshop.perspective(id) != nil else { throw .emptyPerspective }
            perspective = .workshop(id)
        case .custom(let name):
            // Like a person's name, a group's needs something one can see.
            guard let clean = try line(name, max: Self.maxNameCharacters, LocalizedText(nl: "De doelgroep", en: "The target group")),
                clean.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
            else { throw .emptyPerspective }
            perspective = .custom(clean)
        }
        let title = try line(request.title, max: Self.maxTitleCharacters, LocalizedText(nl: "De titel", en: "The title"))
        var setup = SessionSetup(
            sessionId: id, workshopId: workshop.id, workshopTitle: workshop.title, perspective: perspective,
            title: title ?? TextPolicy.cleanLine(defaultTitle),
            facilitator: try line(request.facilitator, max: Self.maxNameCharacters, LocalizedText(nl: "De naam van de facilitator", en: "The facilitator's name")),
            anonymous: request.anonymous, voteBudget: request.voteBudget, holdForReview: request.holdForReview,
            place: try line(request.place, max: Self.maxTitleCharacters, LocalizedText(nl: "De plaats", en: "The place")),
            people: request.people)
        if let day = request.date {
            guard SessionDay.valid(day) else { throw .badDate }
            setup.date = day
        }
        setup.roomKind = request.roomKind
        // Only a group of one's own gets a description and persona; the workshop's bring theirs.
        if case .custom = perspective {
            setup.customDescription = request.customDescription.map(TextPolicy.clean).flatMap { $0.isEmpty ? nil : $0 }
            setup.customPersona = request.customPersona.map(TextPolicy.clean).flatMap { $0.isEmpty ? nil : $0 }
        }
        return setup
    }
}

/// A session's day as the organiser types it: "YYYY-MM-DD", a real calendar day.
public enum SessionDay {
    public static func valid(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard s.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m)
        else { return false }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }
}

extension Refusal {
    public static let badDate = Refusal(
        nl: "De datum moet een bestaande dag zijn, geschreven als JJJJ-MM-DD (bijvoorbeeld 2026-12-04).",
        en: "The date must be a real day, written as YYYY-MM-DD (for example 2026-12-04).")
    public static let voteBudgetRange = Refusal(nl: "Het stembudget moet tussen 0 en 99 liggen.", en: "The vote budget must be between 0 and 99.")
    public static let peopleRange = Refusal(
        nl: "Het aantal mensen in de zaal moet tussen 0 en \(EventLimits.people.upperBound) liggen.",
        en: "The number of people in the room must be between 0 and \(EventLimits.people.upperBound).")
    public static let emptyPerspective = Refusal(nl: "Noem eerst de doelgroep.", en: "Name the target group first.")
}
