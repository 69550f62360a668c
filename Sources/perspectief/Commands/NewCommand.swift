import Application
import ArgumentParser
import Core
import Store

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a session of a workshop for one perspective; print its id.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var workshopOptions: WorkshopOptions
    @Option(help: "The workshop id (see `perspectief workshops`).") var workshop: String = "publieke-dienstverlening-2035"
    @Option(help: "A perspective id or name of the workshop (e.g. ouderen), or a new one.") var perspective: String
    @Option(help: "The session title (default: the perspective and today's date).") var title: String?
    @Option(help: "The facilitator's name.") var facilitator: String?
    @Option(help: "Where the session is held (e.g. \"Zwolle, stadhuis\"); shown on the report's front page.") var place: String?
    @Option(parsing: .unconditional, help: "How many people are in the room (for the report; default: those who join plus the room).")
    var people: Int?
    @Flag(help: "Anonymous session: participant names are never stored.") var anonymous = false
    // Unconditional, so that `--votes -1` is a value out of range, not a "missing value".
    @Option(parsing: .unconditional, help: "Votes per participant in dot voting.") var votes: Int = 3
    @Flag(help: "Hold participant entries for review before they show on the projector.") var holdForReview = false
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "The perspective is a new target group on purpose: do not remark on it.") var custom = false
    @Option(help: "For a target group of your own: the persona whose shoes the room steps into in every round.") var persona: String?
    @Option(help: "For a target group of your own: who they are, in a sentence or two.") var description: String?
    @Option(help: "The day the session is or was held, YYYY-MM-DD (default: today); a paper session typed in later keeps its day.")
    var date: String?
    @Option(help: "Who sits in the room: professionals (imagining the target group), target-group (the group itself) or mixed.")
    var roomKind: String?

    func run() throws {
        let w = try workshopOptions.workshop(workshop)
        let store = try storeOptions.open(forWriting: true)
        let now = Clock.nowMs()
        let l = Output.language()
        let ref = PerspectiveResolver.resolve(perspective, in: w)
        if case .workshop = ref, persona != nil || description != nil {
            // The workshop's own groups bring their own persona: two would confuse the room.
            throw Messages.ownPersona(PerspectiveResolver.name(ref, in: w, language: l))
        }
        var kind: RoomKind?
        if let roomKind {
            guard let k = RoomKind(rawValue: roomKind) else { throw Messages.badRoomKind(roomKind) }
            kind = k
        }
        let request = NewSession(
            workshopId: w.id, perspective: ref, title: title, facilitator: facilitator, place: place, anonymous: anonymous,
            voteBudget: votes, holdForReview: holdForReview, people: people, customDescription: description, customPersona: persona,
            date: date, roomKind: kind)
        let (handle, _): (SessionHandle, Workshop)
        do {
            (handle, _) = try Creating.create(request, in: store, workshops: [w], now: now) {
                Creating.defaultTitle(request, workshop: $0, day: date ?? String(Output.date(now).prefix(10)), language: l)
            }
        } catch {
            // Said as the option it came from: "--votes: The vote budget must be between 0 and 99."
            let prefix = error.field.map { "--\($0): " } ?? ""
            throw CLIError(LocalizedText(nl: prefix + error.reason.nl, en: prefix + error.reason.en))
        }
        let setup = handle.state.setup
        handle.close()
        // A typo would otherwise silently become a target group of its own (said once it is made,
        // so a refused request is still exactly one line).
        if case .custom(let name) = setup.perspective, !custom {
            let groups = w.perspectives.map(\.id).joined(separator: ", ")
            FileHandleErr.print(Messages.customPerspective(name, workshop: w.id, groups: groups)[l])
        }
        if json {
            let name = PerspectiveResolver.name(setup.perspective, in: w, language: l)
            Output.json(["id": .string(setup.sessionId), "workshop": .string(w.id), "perspective": .string(name), "title": .string(setup.title)])
        } else {
            print(setup.sessionId)
        }
    }
}

/// A perspective typed on the command line or in the wizard: a workshop's own (by id or by
/// name in either language, case-insensitive) or a new one.
enum PerspectiveResolver {
    static func resolve(_ text: String, in w: Workshop) -> PerspectiveRef {
        let clean = TextPolicy.cleanLine(text)
        let lower = clean.lowercased()
        if let p = w.perspectives.first(where: { $0.id == lower || $0.name.nl.lowercased() == lower || $0.name.en.lowercased() == lower }) {
            return .workshop(p.id)
        }
        return .custom(clean)
    }

    static func name(_ ref: PerspectiveRef, in w: Workshop?, language: Language) -> String {
        switch ref {
        case .workshop(let id): return w?.perspective(id)?.name[language] ?? id
        case .custom(let name): return name
        }
    }
}
