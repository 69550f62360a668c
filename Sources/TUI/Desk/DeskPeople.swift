import Core

/// One name the session holds, as the desk lists it: everyone who ever joined, connected or
/// not, and whether the name is still guarded by a rejoin code. Made by the runtime from the
/// session, the presence locks and the rejoin-code file (the TUI reads no files).
public struct NameHolder: Equatable, Sendable {
    public var key: String
    /// nil in an anonymous session: the desk says "anonymous n".
    public var name: String?
    /// Someone holds the name now (a terminal, an ssh view or a phone's page).
    public var present: Bool
    /// The name needs its rejoin code to be taken (false: released, or from before codes).
    public var guarded: Bool

    public init(key: String, name: String?, present: Bool, guarded: Bool) {
        self.key = key
        self.name = name
        self.present = present
        self.guarded = guarded
    }
}

/// The desk's list of people: who holds which name, how they are connected, their table.
enum DeskPeople {
    struct Row: Equatable {
        var holder: NameHolder
        /// The room's connection for this name (to disconnect), when the room reports one.
        var connection: RoomPerson?
        var label: String
    }

    static func rows(_ d: DeskState, _ l: Language) -> [Row] {
        var anonymous = 0
        return d.roster.map { h in
            let label: String
            if let name = h.name {
                label = name
            } else {
                anonymous += 1
                label = DeskText.anonymous(l, anonymous)
            }
            let connection = h.name.flatMap { n in d.room?.people.first { $0.name == n } }
            return Row(holder: h, connection: connection, label: label)
        }
    }

    /// "Sanne · verbonden (ssh 127.0.0.1) · code · tafel 2"
    static func line(_ r: Row, _ d: DeskState, _ l: Language) -> String {
        var parts = [r.label]
        if let c = r.connection {
            parts.append(DeskText.connectedVia[l] + " (" + c.via.rawValue + " " + c.address + ")")
        } else {
            parts.append(r.holder.present ? DeskText.present[l] : DeskText.away[l])
        }
        parts.append(r.holder.guarded ? DeskText.guarded[l] : DeskText.released[l])
        if d.step.kind == .tableRound, let seat = d.state.seat(of: r.holder.key, in: d.step.id),
            let n = d.workshop.tables(of: d.step).firstIndex(where: { $0.id == seat }) {
            parts.append(DeskText.table(l, n + 1))
        }
        return parts.joined(separator: " · ")
    }

    /// Keys on the people panel: `d` disconnects (asks a reason), `R` releases the name
    /// (asks), 1–9 seats the person at a table in a table round (never past the cap).
    static func key(_ app: inout AppState, _ d: inout DeskState, _ key: Key) -> [Effect]? {
        let l = app.language
        let rows = rows(d, l)
        let row = rows.isEmpty ? nil : rows[min(d.personSelected, rows.count - 1)]
        switch key {
        case .up, .char("k"): d.personSelected = max(0, min(d.personSelected, rows.count - 1) - 1)
        case .down, .char("j"): d.personSelected = min(max(0, rows.count - 1), d.personSelected + 1)
        case .char("d"), .delete:
            guard let row else { return [] }
            guard let c = row.connection else {
                app.notice = Notice(kind: .info, text: DeskText.notConnected(l, row.label))
                return []
            }
            let reason = TextInput("", limit: 200, multiline: false)
            d.question = .disconnect(personId: c.id, key: row.holder.key, name: row.label, reason: reason)
        case .char("R"):
            guard let row else { return [] }
            guard row.holder.guarded, let name = row.holder.name else {
                app.notice = Notice(kind: .info, text: DeskText.nothingToRelease(l, row.label))
                return []
            }
            d.question = .release(key: row.holder.key, name: name)
        case .char(let c) where c.isNumber && c != "0" && d.step.kind == .tableRound:
            guard let row else { return [] }
            let n = Int(String(c))!
            let tables = d.workshop.tables(of: d.step)
            guard n <= tables.count else { return [] }
            let sitting = d.roster.count {
                d.state.seat(of: $0.key, in: d.step.id) == tables[n - 1].id && $0.key != row.holder.key
            }
            if let cap = d.step.seatsPerTable, sitting >= cap {
                app.notice = Notice(kind: .error, text: DeskText.tableFull(l, n, cap))
                return []
            }
            return [.perform(.seat(participant: row.holder.key, table: tables[n - 1].id))]
        default: return nil
        }
        return []
    }
}
