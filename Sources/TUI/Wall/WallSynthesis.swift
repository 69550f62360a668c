import Core

/// The synthesis the wall draws: across the rooms of the programme most rooms run (the
/// workshops of one study share their scenarios and groups, so a tables room and a rounds room
/// fill the same quadrants); a room of another programme is still listed, not mixed in.
struct WallSynthesis {
    let synthesis: Synthesis?

    init(_ rooms: [WallRoom]) {
        var count: [String: Int] = [:]
        var perWorkshop: [String: Int] = [:]
        var byId: [String: Workshop] = [:]
        for r in rooms {
            guard let w = r.workshop else { continue }
            count[w.programme, default: 0] += 1
            perWorkshop[w.id, default: 0] += 1
            byId[w.id] = w
        }
        // Within a programme, the workshop most rooms run gives the titles and the order.
        var lead: [String: Workshop] = [:]
        for id in perWorkshop.keys.sorted() {
            guard let w = byId[id] else { continue }
            if let l = lead[w.programme], perWorkshop[l.id, default: 0] >= perWorkshop[id, default: 0] { continue }
            lead[w.programme] = w
        }
        guard let programme = count.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key,
            let workshop = lead[programme]
        else {
            synthesis = nil
            return
        }
        let inputs = rooms.filter { $0.workshop?.programme == programme }.map { r in
            // One programme's sessions count under the lead workshop: same scenarios, same groups.
            var state = r.state
            state.setup.workshopId = workshop.id
            return SessionInput(workshop: workshop, state: state)
        }
        synthesis = Synthesis.build(workshop: workshop, sessions: inputs, top: 3)
    }

    /// Where a scenario sits: its pole on the first axis picks the column, on the second the
    /// row. A workshop without two axes lays them out in reading order.
    static func quadrant(_ s: Workshop.Scenario, in w: Workshop, fallback: Int) -> (col: Int, row: Int) {
        guard w.axes.count >= 2,
            let c = s.position[w.axes[0].id].flatMap({ p in w.axes[0].poles.firstIndex { $0.id == p } }),
            let r = s.position[w.axes[1].id].flatMap({ p in w.axes[1].poles.firstIndex { $0.id == p } }),
            c < 2, r < 2
        else { return (fallback % 2, fallback / 2) }
        return (c, r)
    }
}

extension WallRoom {
    func groupName(_ l: Language) -> String {
        switch state.setup.perspective {
        case .workshop(let id): return workshop?.perspective(id)?.name[l] ?? id
        case .custom(let name): return name
        }
    }

    var step: Workshop.Step? {
        guard let w = workshop else { return nil }
        return state.step.flatMap { w.step($0) } ?? w.steps.first
    }

    func stepTitle(_ l: Language) -> String {
        if state.closed { return LocalizedText(nl: "afgesloten", en: "closed")[l] }
        guard let w = workshop, let step else { return state.step ?? "?" }
        let n = (w.steps.firstIndex { $0.id == step.id } ?? 0) + 1
        return "\(n)/\(w.steps.count) " + step.title[l]
    }

    /// "12:30 ▶", "04:00 ⏸" or "+01:10" once over time.
    func timerText(now: Int64, _ l: Language) -> (text: String, over: Bool) {
        guard let step, !state.closed else { return ("", false) }
        let timer = state.timers[step.id] ?? StepTimer()
        let left = timer.remainingMs(minutes: step.minutes, now: now)
        let total = Int((abs(left) + 999) / 1000)
        let mmss = Clock.format2(total / 60) + ":" + Clock.format2(total % 60)
        if left < 0 { return ("+" + mmss, true) }
        return (mmss + (timer.isRunning ? " ▶" : " ⏸"), false)
    }
}
