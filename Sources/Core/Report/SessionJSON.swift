/// A session as plain data: what `perspectief show --json` prints and the base of the JSON
/// export. Field names are part of the interface for scripts; add, never rename.
public enum SessionJSON {
    public static func session(_ state: SessionState, workshop: Workshop?, id: String, language: Language = .en) -> JSONValue {
        var o = JSONObject()
        o["id"] = .string(id)
        o["title"] = .string(state.setup.title)
        o["workshop"] = .string(state.setup.workshopId)
        switch state.setup.perspective {
        case .workshop(let p):
            o["perspective"] = .string(p)
            o["perspectiveName"] = .string(workshop?.perspective(p)?.name[language] ?? p)
        case .custom(let name):
            o["perspective"] = .string(name)
            o["perspectiveName"] = .string(name)
        }
        let step = state.step ?? workshop?.steps.first?.id
        o["step"] = step.map { .string($0) } ?? .null
        // Hidden names stay hidden in every output, the facilitator's and participants' alike.
        let hide = state.setup.anonymous || state.hideNames
        o["facilitator"] = hide ? .null : state.setup.facilitator.map { .string($0) } ?? .null
        o["place"] = state.setup.place.map { .string($0) } ?? .null
        o["anonymous"] = .bool(state.setup.anonymous)
        o["voteBudget"] = .number(Double(state.setup.voteBudget))
        o["closed"] = .bool(state.closed)
        o["createdAt"] = .number(Double(state.createdAt))
        o["updatedAt"] = .number(Double(state.updatedAt))
        o["participants"] = .array(
            state.participants.values.sorted { $0.joinedAt < $1.joinedAt }.map { hide ? .null : .string($0.name ?? "anonymous") })
        let scenarios = workshop?.scenarios.map(\.id) ?? []
        o["entries"] = .array(state.entries.filter { !$0.removed && $0.status != .rejected }.map { entry($0, scenarios: scenarios, hideNames: state.hideNames) })
        return .object(o)
    }

    public static func entry(_ e: Entry, scenarios: [String], hideNames: Bool = false) -> JSONValue {
        var o = JSONObject()
        o["id"] = .string(e.id)
        o["kind"] = .string(e.kind.rawValue)
        o["step"] = .string(e.step)
        o["scenario"] = e.scenario.map { .string($0) } ?? .null
        o["text"] = .string(e.text)
        o["author"] = hideNames ? .null : e.author.map { .string($0) } ?? .null
        o["proxy"] = .bool(e.proxy)
        o["status"] = .string(e.status.rawValue)
        let holds = scenarios.isEmpty ? e.holdsIn.sorted() : scenarios.filter { e.holdsIn.contains($0) }
        o["holdsIn"] = .array(holds.map { .string($0) })
        if e.kind == .insight, !scenarios.isEmpty {
            switch Robustness.of(e, scenarios: scenarios) {
            case .open: o["robustness"] = .null
            case .koersvast: o["robustness"] = "koersvast"
            case .scenarioSpecific: o["robustness"] = "scenariospecifiek"
            }
        }
        o["directions"] = .array(e.directions.sorted().map { .string($0) })
        o["trends"] = .array(e.trends.sorted().map { .string($0) })
        o["votes"] = .number(Double(e.votes))
        o["createdAt"] = .number(Double(e.createdAt))
        return .object(o)
    }
}
