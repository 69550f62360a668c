import Core

/// The target group on the wall: the whole card in the opening and the `n` card, a strip in
/// every scenario round (each round's prompt asks the room to step into the persona).
enum PersonaCard {
    struct Line {
        var text: String
        var style: Style
    }

    static func persona(_ s: SessionScreen, _ l: Language) -> SessionPersona {
        var p = s.state.setup.persona(in: s.workshop, l)
        p.name = s.perspectiveName(l)
        return p
    }

    /// Description, persona and life events, each a paragraph.
    static func lines(_ s: SessionScreen, _ l: Language, full: Bool) -> [Line] {
        let p = persona(s, l)
        var out: [Line] = []
        if let d = p.description { out.append(Line(text: d, style: Style(.text))) }
        if let persona = p.persona { out.append(Line(text: label(p, l) + persona, style: Style(.highlight))) }
        if full, !p.lifeEvents.isEmpty { out.append(Line(text: S.lifeEvents[l] + ": " + p.lifeEvents.joined(separator: " · "), style: Style(.text))) }
        return out
    }

    static func label(_ p: SessionPersona, _ l: Language) -> String { p.fromWorkshop ? S.personaOurs[l] : S.personaCustom[l] }

    /// One paragraph in a round: the persona, else who the group is. Returns the rows used
    /// (with a blank row after it).
    static func strip(_ s: SessionScreen, _ l: Language, x: Int, y: Int, width: Int, maxRows: Int, into b: inout CellBuffer) -> Int {
        guard maxRows > 0 else { return 0 }
        let p = persona(s, l)
        let text = p.persona.map { label(p, l) + $0 } ?? (s.workshop.perspectiveTerm.singular[l] + ": " + p.name + (p.description.map { " — " + $0 } ?? ""))
        return b.paragraph(text, x: x, y: y, width: width, maxRows: maxRows, style: Style(.highlight)) + 1
    }
}

extension S {
    static let personaCustom = t("Persona: ", "Persona: ")
}

extension S {
    static func typeDescription(_ l: Language, _ group: String) -> String {
        l == .nl ? "Wie zijn \(group)? (één of twee zinnen)" : "Who are \(group)? (one or two sentences)"
    }
    static func typePersona(_ l: Language, _ group: String) -> String {
        l == .nl ? "Een persona voor \(group): in wiens huid de zaal elke ronde kruipt" : "A persona for \(group): whose shoes the room steps into in every round"
    }
    static let optionalEnterSkips = t("Mag leeg blijven: Enter gaat verder.", "May stay empty: Enter goes on.")
    static let personaExample = t(
        "Bijvoorbeeld: \"Sanne (34), zzp'er in de zorg, twee kinderen; regelt alles op haar telefoon tussen twee cliënten door.\" Mag leeg blijven.",
        "For example: \"Sanne (34), self-employed in care, two children; arranges everything on her phone between two clients.\" May stay empty.")
}
