/// The target group a session is about, as every screen shows it (the wall, the `n` card,
/// a participant's screen): the workshop's own group with its description, persona and life
/// events, or what the facilitator wrote for a group of their own.
public struct SessionPersona: Equatable, Sendable {
    public var name: String
    public var description: String?
    /// The person the room steps into ("Riet, 78, …"); nil when nobody wrote one.
    public var persona: String?
    public var lifeEvents: [String]
    /// Whether the persona is the workshop's own (the screens say "our persona").
    public var fromWorkshop: Bool

    public init(name: String, description: String?, persona: String?, lifeEvents: [String], fromWorkshop: Bool) {
        self.name = name
        self.description = description
        self.persona = persona
        self.lifeEvents = lifeEvents
        self.fromWorkshop = fromWorkshop
    }
}

extension SessionSetup {
    /// The session's target group in language `l`, from `workshop` or from the setup itself.
    public func persona(in workshop: Workshop, _ l: Language) -> SessionPersona {
        switch perspective {
        case .workshop(let id):
            guard let p = workshop.perspective(id) else {
                return SessionPersona(name: id, description: nil, persona: nil, lifeEvents: [], fromWorkshop: true)
            }
            return SessionPersona(
                name: p.name[l], description: p.description[l], persona: p.persona?[l], lifeEvents: p.lifeEvents.map { $0[l] },
                fromWorkshop: true)
        case .custom(let name):
            return SessionPersona(name: name, description: customDescription, persona: customPersona, lifeEvents: [], fromWorkshop: false)
        }
    }
}
