import ArgumentParser
import Core
import Store

struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sessions", abstract: "List saved sessions, newest first.")

    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let listings = try storeOptions.open().listings()
        if json {
            Output.json(.array(listings.map { l in
                var o = JSONObject()
                o["id"] = .string(l.id)
                o["title"] = .string(l.title)
                o["workshop"] = .string(l.workshopId)
                switch l.perspective {
                case .workshop(let p)?: o["perspective"] = .string(p)
                case .custom(let p)?: o["perspective"] = .string(p)
                case nil: o["perspective"] = .null
                }
                o["updatedAt"] = .number(Double(l.updatedAt))
                o["closed"] = .bool(l.closed)
                o["entries"] = .number(Double(l.entryCount))
                o["problem"] = l.problem.map { .string($0) } ?? .null
                return .object(o)
            }))
            return
        }
        let language = Output.language()
        if listings.isEmpty { print(Messages.noSessionsYet(storeOptions.root)[language]) }
        typealias T = Messages.Listing
        for l in listings {
            let state = l.problem != nil ? T.readOnly : (l.closed ? T.closed : T.open)
            print("\(l.id)\t\(Output.date(l.updatedAt))\t\(state[language])\t\(T.entries(l.entryCount)[language])\t\(l.title)")
            if let p = l.problem { print("\t! \(p)") }
        }
    }
}

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one session: its step and entries.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var workshopOptions: WorkshopOptions
    @Argument(help: "The session id.") var session: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let handle = try storeOptions.session(session, readOnly: true)
        let state = handle.state
        let w = workshopOptions.catalog().workshops.first { $0.id == state.setup.workshopId }
        let l = Output.language()
        for warning in handle.warnings { FileHandleErr.print(Messages.warning[l] + warning) }
        if let reason = handle.readOnlyReason { FileHandleErr.print(Messages.readOnlyPrefix[l] + reason) }
        if json {
            Output.json(SessionJSON.session(state, workshop: w, id: handle.id))
            return
        }
        typealias T = Messages.Listing
        print("\(state.setup.title)  [\(handle.id)]")
        let perspective = PerspectiveResolver.name(state.setup.perspective, in: w, language: l)
        print("\(T.workshop[l]): \(state.setup.workshopId)   \(T.perspective[l]): \(perspective)")
        if let place = state.setup.place { print("\(T.place[l]): \(place)") }
        let stepId = state.step ?? w?.steps.first?.id ?? "-"
        print("\(T.step[l]): \(w?.step(stepId)?.title[l] ?? stepId)\(state.closed ? "   " + T.closedNote[l] : "")")
        for e in state.entries where !e.removed && e.status != .rejected {
            // The world's title as the room saw it (renamed or not), not its id.
            let scenario = e.scenario.map { id in " [" + (state.scenarioTitles[id] ?? w?.scenario(id)?.title[l] ?? id) + "]" } ?? ""
            let who = e.author.map { " — \($0)" } ?? ""
            let votes = e.votes > 0 ? "  (\(T.votes(e.votes)[l]))" : ""
            print("- \(T.kind(e.kind)[l])\(scenario): \(e.text.replacingOccurrences(of: "\n", with: " "))\(who)\(votes)")
        }
    }
}

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add one entry to a session's current step.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var workshopOptions: WorkshopOptions
    @Argument(help: "The session id.") var session: String
    @Option(help: "implication, insight or note.") var kind: String
    @Option(help: "The text.") var text: String
    @Option(help: "The scenario id it belongs to (default: the current round's).") var scenario: String?
    @Option(help: "Who said it (default: the room).") var author: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        guard let entryKind = EntryKind(rawValue: kind) else { throw Messages.unknownKind(kind) }
        let handle = try storeOptions.sessionForAdding(session)
        defer { handle.close() }
        let w = try workshopOptions.workshop(handle.state.setup.workshopId)
        let id = StoreIDs.entry(now: Clock.nowMs())
        let command = Command.addEntry(id: id, text: text, kind: entryKind, scenario: scenario, author: author)
        do {
            try handle.perform(command, by: .facilitator(handle.state.setup.facilitator), engine: Engine(workshop: w), now: Clock.nowMs())
        } catch {
            throw CLIError(error)
        }
        if json { Output.json(["id": .string(id)]) } else { print(id) }
    }
}
