import Foundation
import TestSupport
import XCTest

/// Six sessions as the study ran them — five target groups and a custom one — brought in
/// through the binary the way a paper session is: `new --people`, then `import` of a
/// spreadsheet with implications, insights with their marks, links and the room's dots.
/// Four groups write "gegevens één keer uitvragen" in their own words.
enum SixSessionFixture {
    static let groups: [(perspective: String, facilitator: String, place: String, people: Int)] = [
        ("ondernemers", "Hanneke Vos", "Eindhoven", 18),
        ("gemiddelde-burger", "Joost Bakker", "Amersfoort", 16),
        ("ouderen", "Ineke de Wit", "Zwolle", 20),
        ("nieuwkomers", "Youssef Amrani", "Groningen", 15),
        ("multiproblematiek", "Marloes Kuipers", "Rotterdam", 17),
        ("Mantelzorgers", "Pieter Jansen", "Utrecht", 14),
    ]
    /// Everyone whose name is typed into the sessions: authors and facilitators.
    static let authors = ["Annelies", "Bartholomeus", "Cornelia", "Diederik", "Evertje"]
    static var names: [String] { authors + groups.map(\.facilitator) + ["Gerdientje Organisator"] }

    static let customDescription = "Mensen die langdurig en onbetaald zorgen voor een naaste."
    static let onceOnly = [
        "Gegevens één keer uitvragen, niet bij elk loket opnieuw",
        "Vraag gegevens maar één keer en deel ze tussen instanties",
        "Niet steeds opnieuw dezelfde gegevens uitvragen",
        "Eenmalige uitvraag van gegevens voor alle regelingen",
    ]
    static let scenarios = ["zuinig-loket", "digitaal-tenzij", "warme-overheid", "slimme-samenleving"]
    static let rounds = ["ronde-1", "ronde-2", "ronde-3", "ronde-4"]

    static func rows(group g: Int) -> [[String]] {
        var rows: [[String]] = [["stap", "soort", "tekst", "auteur", "houdt stand in", "ontwikkelrichtingen", "stemmen"]]
        func a(_ i: Int) -> String { authors[(g + i) % authors.count] }
        rows.append(["opening", "", "Opening notitie \(g)-1: wie is deze groep", a(0), "", "", ""])
        rows.append(["opening", "", "Opening notitie \(g)-2: wat hopen we te ontdekken", a(1), "", "", ""])
        for (r, round) in rounds.enumerated() {
            for k in 0..<5 {
                rows.append([round, "", "Implicatie \(g)-\(r + 1)-\(k + 1) voor deze wereld", a(k), "", "", String((k * 3 + g) % 5)])
            }
        }
        let all = scenarios.joined(separator: "; ")
        if g < 4 { rows.append(["inzichten", "", onceOnly[g], a(2), all, "7; ontdubbel", "6"]) }
        rows.append(["inzichten", "", "Persoonlijk contact blijft mogelijk voor groep \(g)", a(3), all, "1", "4"])
        rows.append(["inzichten", "", "Proactief helpen bij levensgebeurtenissen \(g)", a(4), "digitaal-tenzij; slimme-samenleving", "8", "4"])
        rows.append(["inzichten", "", "Een vaste contactpersoon in de wijk \(g)", a(0), "zuinig-loket; warme-overheid; De slimme samenleving", "", "2"])
        rows.append(["inzichten", "", "Nog te beoordelen inzicht \(g)", a(1), "", "3", "0"])
        rows.append(["afsluiting", "", "Hoe verder \(g): samenwerken met gemeenten", a(2), "", "", ""])
        return rows
    }

    static let summary = """
        Zes sessies met samen honderd mensen laten één ding zien dat elke groep noemt: vraag gegevens maar één keer.
        Persoonlijk contact blijft in alle werelden nodig.

        Kernboodschappen
        - Eenmalige uitvraag van gegevens is koersvast voor vier doelgroepen.
        - Persoonlijk contact moet mogelijk blijven, ook in een digitale wereld.
        """

    /// Builds the store; returns the session ids in order.
    static func build(store: String, dir: String, summary: Bool) throws -> [String] {
        var env = ProcessInfo.processInfo.environment
        env["PERSPECTIEF_STORE"] = store
        env["LANG"] = "nl_NL.UTF-8"
        var ids: [String] = []
        for (g, group) in groups.enumerated() {
            let new = Spawn.run(
                [Binary.perspectief, "new", "--perspective", group.perspective, "--facilitator", group.facilitator, "--place", group.place,
                 "--people", String(group.people), "--custom", "--title", "Sessie \(g + 1)"]
                    + (group.perspective == "Mantelzorgers" ? ["--description", customDescription] : []), environment: env)
            guard new.status == 0 else { throw Failure(description: "new: \(new.error)") }
            let id = new.output.trimmingCharacters(in: .whitespacesAndNewlines)
            let path = dir + "/sessie-\(g).csv"
            try csv(rows(group: g), to: path)
            let imported = Spawn.run([Binary.perspectief, "import", id, path], environment: env)
            guard imported.status == 0 else { throw Failure(description: "import: \(imported.error)") }
            ids.append(id)
        }
        if summary {
            let path = dir + "/samenvatting.txt"
            try self.summary.write(toFile: path, atomically: true, encoding: .utf8)
            let set = Spawn.run([Binary.perspectief, "summary", "set", "--file", path, "--organiser", "Gerdientje Organisator"], environment: env)
            guard set.status == 0 else { throw Failure(description: "summary set: \(set.error)") }
        }
        return ids
    }

    /// RFC 4180 with `;`, as Dutch Excel saves.
    static func csv(_ rows: [[String]], to path: String) throws {
        let text = rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func export(store: String, _ args: [String]) -> Spawn.Result {
        var env = ProcessInfo.processInfo.environment
        env["PERSPECTIEF_STORE"] = store
        env["LANG"] = "nl_NL.UTF-8"
        return Spawn.run([Binary.perspectief, "export", "--all", "--lang", "nl"] + args, environment: env)
    }

    /// A tool the test needs: under CI a missing one fails, elsewhere it skips.
    static func require(_ tool: String) throws {
        if Spawn.run(["/usr/bin/env", "which", tool]).status == 0 { return }
        if ProcessInfo.processInfo.environment["CI"] == "true" { throw Failure(description: "\(tool) is missing (make setup installs it)") }
        throw Requirement.missing("\(tool) is not installed (make setup installs it)")
    }
}
