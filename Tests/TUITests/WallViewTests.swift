import Core
import Foundation
import TUI
import XCTest

/// The plenary wall as text: rooms of three groups on the 2035 workshop, built from events
/// alone (as the database hands them over), at 80×24, 120×40 and 200×60.
final class WallViewTests: XCTestCase {
    static let w = TUIHarness.main2035
    static let start = TUIHarness.start

    /// A room: a session for `perspective`, people joined, entries per round, and an insight
    /// that holds in every world (koersvast) when `koersvast` is given.
    static func room(_ perspective: String, people: [String], rounds: [String: [String]], step: String, koersvast: String?, laptop: String) -> WallRoom {
        let engine = Engine(workshop: w)
        let facilitator = Actor.facilitator("Anna")
        let setup = SessionSetup(
            sessionId: "dag-\(perspective)", workshopId: w.id, workshopTitle: w.title, perspective: .workshop(perspective),
            title: "Dag · \(perspective)", facilitator: "Anna")
        var n = 1
        var state = SessionState(created: Event(id: "c", writer: "w", seq: 1, clock: 1, time: start, actor: facilitator, change: .sessionCreated(setup)), setup: setup)
        func run(_ c: Command, _ actor: Actor) {
            n += 1
            let d = try! engine.decide(c, by: actor, in: state)
            state.apply(Event(id: "e\(n)", writer: "w", seq: n, clock: n, time: start + Int64(n) * 1000, actor: actor, change: d.change, undoes: d.undoes))
        }
        let actors = people.map { Actor(role: .participant, key: "p:" + $0, name: $0) }
        for a in actors { run(.join, a) }
        for (round, texts) in rounds.sorted(by: { $0.key < $1.key }) {
            run(.moveStep(to: round), facilitator)
            for (i, t) in texts.enumerated() { run(.addEntry(id: "\(round)-\(i)", text: t), actors[i % actors.count]) }
        }
        if let koersvast {
            run(.moveStep(to: "inzichten"), facilitator)
            run(.addEntry(id: "k", text: koersvast), facilitator)
            for s in w.scenarios { run(.setHolds(id: "k", scenario: s.id, holds: true), facilitator) }
        }
        run(.moveStep(to: step), facilitator)
        run(.startTimer, facilitator)
        return WallRoom(state: state, workshop: w, laptop: laptop)
    }

    static func input(_ language: Language) -> WallInput {
        let rooms = [
            room("ouderen", people: ["Riet", "Ayşe", "Bram"], rounds: ["ronde-1": ["Loket in de bibliotheek", "Bellen blijft kunnen"], "ronde-2": ["De app leest voor"]], step: "ronde-2", koersvast: "Houd altijd een menselijk loket", laptop: "zaal-1"),
            room("ondernemers", people: ["Sanne", "Karim"], rounds: ["ronde-1": ["Eén dossier voor alle vergunningen"], "ronde-4": ["Proactief subsidie aanbieden"]], step: "inzichten", koersvast: "Houd altijd een menselijk loket", laptop: "zaal-2"),
            room("nieuwkomers", people: ["Olena"], rounds: ["ronde-3": ["Een vaste contactpersoon in de wijk"]], step: "ronde-3", koersvast: nil, laptop: "zaal-3"),
        ]
        return WallInput(event: "Dag van de Publieke Dienstverlening", rooms: rooms, now: start + 600_000, language: language)
    }

    func testWallGoldens() {
        for language in [Language.nl, .en] {
            for (width, height) in [(80, 24), (120, 40), (200, 60)] {
                let text = WallView.view(Self.input(language), width: width, height: height).text
                XCTAssertTrue(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= width })
                checkGoldenText("wall-\(language == .nl ? "nl" : "en")-\(width)x\(height)", text)
            }
        }
    }

    func testWallShowsRoomsTwoByTwoAndSharedKoersvast() {
        let text = WallView.view(Self.input(.nl), width: 120, height: 40).text
        XCTAssertTrue(text.contains("3 zalen · 6 mensen · 8 bijdragen"), text)
        XCTAssertTrue(text.contains("│ ✓ Houd altijd een menselijk loket —\n"), text)
        XCTAssertTrue(text.contains("│ Ondernemers, Ouderen\n"), text)
        XCTAssertTrue(text.contains("• Ondernemers: Eén dossier voor"), text)
        XCTAssertTrue(text.contains("alle vergunningen"), text)
        XCTAssertTrue(text.contains("zaal-3"), text)
        // A room still in its round shows its timer running down.
        XCTAssertTrue(text.contains("▶"), text)
    }

    func testNothingYetAndTooSmall() {
        let empty = WallInput(event: "", rooms: [], now: Self.start, language: .en)
        XCTAssertTrue(WallView.view(empty, width: 80, height: 24).text.contains("No rooms yet: start a session with --sync"))
        XCTAssertTrue(WallView.view(empty, width: 59, height: 24).text.contains("Make the window at least 60×16"))
        let offline = WallInput(event: "", rooms: [], now: Self.start, language: .nl, problem: "offline sinds 10:42")
        XCTAssertTrue(WallView.view(offline, width: 80, height: 24).text.contains("offline sinds 10:42"))
    }
}

/// `run SESSION --sync`: the facilitator sees the sync state at the right of the title line.
final class SyncStatusHeaderTests: XCTestCase {
    func testHeaderShowsTheSyncStateOnlyWhileSyncing() {
        var h = TUIHarness(language: .en, width: 80, height: 24)
        let without = h.screen
        h.app.syncStatus = "sync: offline since 10:42 (12 waiting)"
        let line = h.screen.split(separator: "\n", omittingEmptySubsequences: false)[1]
        XCTAssertTrue(line.hasSuffix("sync: offline since 10:42 (12 waiting)"), String(line))
        h.app.syncStatus = nil
        XCTAssertEqual(h.screen, without)
    }
}

/// Compares text with its golden file (or rewrites it with PERSPECTIEF_UPDATE_GOLDENS=1).
func checkGoldenText(_ name: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
    let path = GoldenScreenTests.folder.appendingPathComponent(name + ".txt").path
    let screen = text + "\n"
    if ProcessInfo.processInfo.environment["PERSPECTIEF_UPDATE_GOLDENS"] == "1" {
        try? screen.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    guard let golden = try? String(contentsOfFile: path, encoding: .utf8) else {
        return XCTFail("no golden \(name).txt; run with PERSPECTIEF_UPDATE_GOLDENS=1", file: file, line: line)
    }
    if golden != screen { XCTFail("screen \(name) differs from its golden file:\n\(screen)", file: file, line: line) }
}
