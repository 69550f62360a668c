import Application
import Core
import Foundation
import Store
import TUI
import TestSupport
import XCTest

@testable import Room

/// The four ways in — `join --name`, the join screen (which is also what an SSH participant
/// types into), the phone page's hub, and the use case itself — refuse the same bad names
/// with the same reason, and none of them cuts a name short.
final class JoinPathsTests: XCTestCase {
    var dir = ""
    override func setUp() { dir = Binary.tempDir("joinpaths") }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func testEveryWayInRefusesTheSameNamesWithTheSameReason() async throws {
        let store = dir + "/store"
        var env = ProcessInfo.processInfo.environment
        env["PERSPECTIEF_STORE"] = store
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = nil
        let made = Spawn.run([Binary.perspectief, "new", "--perspective", "ouderen"], environment: env)
        XCTAssertEqual(made.status, 0, made.error)
        let id = made.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let workshops = [try WorkshopCatalog.loadFile(Binary.repo.appendingPathComponent("Workshops/publieke-dienstverlening-2035.json").path).get()]
        let opened = try SessionStore(root: store, create: false)
        let handle = try opened.open(id)
        let workshop = try XCTUnwrap(workshops.first { $0.id == handle.state.setup.workshopId })
        let hub = try WebHub(storeRoot: store, sessionId: id, workshops: workshops, published: PeopleBox())

        let bad = ["", "   ", "\u{200B}\u{2060}", "!!! ...", String(repeating: "Ä", count: 41), String(repeating: "a\u{301}", count: 41)]
        for name in bad {
            guard case .failure(let rule) = ParticipantName.check(name) else { return XCTFail("\(name.debugDescription) should be refused") }
            let reason = rule.reason

            // The use case.
            do {
                _ = try Joining.join(handle, workshop: workshop, name: name, now: 1)
                XCTFail("joined as \(name.debugDescription)")
            } catch {
                XCTAssertEqual(error.reason, reason)
            }
            // The phone page's hub.
            let web = await hub.join(name: name)
            XCTAssertEqual(web, .refused(reason), name.debugDescription)
            // The join screen (locally, and in the child an SSH participant types into).
            var app = AppState(workshops: workshops, listings: [], language: .en, theme: .mono, width: 80, height: 24, now: 0, idPrefix: "t")
            app.route = .join(JoinState(sessionId: id))
            for c in name { _ = TUI.update(&app, .key(.char(c))) }
            let effects = TUI.update(&app, .key(.enter))
            XCTAssertTrue(effects.isEmpty, "no join effect for \(name.debugDescription)")
            XCTAssertEqual(app.notice?.text, reason.en, name.debugDescription)
            // The command line.
            let cli = Spawn.run([Binary.perspectief, "join", id, "--name", name], environment: env)
            XCTAssertNotEqual(cli.status, 0)
            XCTAssertTrue(cli.error.contains(reason.en), "\(name.debugDescription): \(cli.error)")
        }
        // Nothing was recorded: no participant joined under any of them.
        XCTAssertTrue(try opened.open(id, readOnly: true).state.participants.isEmpty)
        // A good name of exactly 40 characters is taken whole, never cut.
        let forty = String(repeating: "é", count: 40)
        let joined = try Joining.join(handle, workshop: workshop, name: "  " + forty + "  ", now: 2)
        XCTAssertEqual(joined.name, forty)
        await hub.stop()
    }
}
