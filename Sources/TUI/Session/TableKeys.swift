import Core

/// The facilitator's keys in a table round and a report-back: which table `a` types for and
/// the report-back shows (`[` `]`), the seating list (`s`), everyone seated (`A`), and a
/// message to all tables (`m`).
enum TableKeys {
    /// The effects of `key`, or nil when the key is not a table key here.
    static func update(_ app: inout AppState, _ s: inout SessionScreen, _ key: Key) -> [Effect]? {
        let kind = s.step.kind
        guard kind == .tableRound || kind == .reportBack, !s.isParticipant else { return nil }
        let round = kind == .tableRound ? s.step : s.workshop.tableRound(before: s.step)
        let count = round.map { s.workshop.tables(of: $0).count } ?? 0
        if let row = s.seating { return seating(&s, row: row, key) }
        switch key {
        case .char("]"), .char(">"):
            s.tableFocus = count == 0 ? 0 : (s.tableFocus + 1) % count
        case .char("["), .char("<"):
            s.tableFocus = count == 0 ? 0 : (s.tableFocus + count - 1) % count
        case .char("s") where kind == .tableRound:
            s.seating = 0
        case .char("A") where kind == .tableRound:
            return [.perform(.seatEveryone)]
        case .char("m"):
            s.messaging = true
            s.input = TextInput(s.state.roomMessage ?? "")
            s.editing = nil
        default:
            return nil
        }
        return []
    }

    static func seating(_ s: inout SessionScreen, row: Int, _ key: Key) -> [Effect] {
        let people = SeatingOverlay.people(s)
        let tables = s.workshop.tables(of: s.step)
        let person = people.isEmpty ? nil : people[min(row, people.count - 1)]
        func move(_ by: Int) -> [Effect] {
            guard let person, !tables.isEmpty else { return [] }
            let now = s.state.seat(of: person.key, in: s.step.id).flatMap { id in tables.firstIndex { $0.id == id } }
            let next = now.map { ($0 + by + tables.count) % tables.count } ?? (by > 0 ? 0 : tables.count - 1)
            return [.perform(.seat(participant: person.key, table: tables[next].id))]
        }
        switch key {
        case .escape, .enter, .char("s"), .char("q"): s.seating = nil
        case .up: s.seating = max(0, row - 1)
        case .down: s.seating = min(max(0, people.count - 1), row + 1)
        case .right: return move(1)
        case .left: return move(-1)
        case .char("A"): return [.perform(.seatEveryone)]
        case .char(let c) where c.isNumber && c != "0":
            let n = Int(String(c))!
            guard let person, n <= tables.count else { return [] }
            return [.perform(.seat(participant: person.key, table: tables[n - 1].id))]
        default: break
        }
        return []
    }
}

extension SessionScreen {
    /// The table `a` types for in a table round: the one chosen with `[` `]`.
    func typingTable(_ tables: [Workshop.Table]) -> Workshop.Table? {
        tables.isEmpty ? nil : tables[min(max(0, tableFocus), tables.count - 1)]
    }
}
