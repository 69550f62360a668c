/// Sessions of workshops that belong to one study are one programme: read together, in one
/// part of a report, as long as their workshops agree on what the study shares (the
/// scenarios with their places in the 2×2, and the development directions).
public enum Programme {
    /// Why two workshops claiming the same study cannot be read as one programme, or nil when
    /// they agree: the same scenario ids at the same positions, the same direction ids.
    public static func disagreement(_ a: Workshop, _ b: Workshop) -> String? {
        let sa = a.scenarios.map(\.id)
        let sb = b.scenarios.map(\.id)
        if Set(sa) != Set(sb) || sa.count != sb.count {
            return "scenarios differ (\(sa.joined(separator: ", ")) / \(sb.joined(separator: ", ")))"
        }
        for s in a.scenarios {
            guard let other = b.scenario(s.id) else { continue }
            if other.position != s.position { return "scenario \"\(s.id)\" sits elsewhere in the 2×2" }
        }
        let da = a.directions.map(\.id)
        let db = b.directions.map(\.id)
        if Set(da) != Set(db) || da.count != db.count {
            return "directions differ (\(da.joined(separator: ", ")) / \(db.joined(separator: ", ")))"
        }
        return nil
    }

    /// The sessions split into programmes, each with the workshop that represents it: the
    /// one most sessions used, ties by id. A workshop that claims the study but disagrees
    /// with that one is read on its own, never mixed in. Ordered by the representative's
    /// programme, then id.
    public static func parts(_ sessions: [SessionInput]) -> [(workshop: Workshop, sessions: [SessionInput])] {
        var byProgramme: [String: [SessionInput]] = [:]
        for s in sessions { byProgramme[s.workshop.programme, default: []].append(s) }
        var out: [(workshop: Workshop, sessions: [SessionInput])] = []
        for key in byProgramme.keys.sorted() {
            var rest = byProgramme[key]!
            while !rest.isEmpty {
                let lead = representative(rest)
                let fits = rest.filter { $0.workshop.id == lead.id || disagreement(lead, $0.workshop) == nil }
                out.append((lead, fits))
                let taken = Set(fits.map(\.workshop.id))
                rest.removeAll { taken.contains($0.workshop.id) }
            }
        }
        return out
    }

    /// The workshop most of `sessions` ran on; ties go to the smallest id.
    public static func representative(_ sessions: [SessionInput]) -> Workshop {
        var count: [String: Int] = [:]
        var workshops: [String: Workshop] = [:]
        for s in sessions {
            count[s.workshop.id, default: 0] += 1
            if workshops[s.workshop.id] == nil { workshops[s.workshop.id] = s.workshop }
        }
        let id = count.keys.sorted().max { count[$0]! < count[$1]! || (count[$0]! == count[$1]! && $0 > $1) }!
        return workshops[id]!
    }
}
