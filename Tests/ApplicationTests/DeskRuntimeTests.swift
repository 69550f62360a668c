import Application
import Core
import Foundation
@testable import Runtime
import Store
import TUI
import XCTest

/// The desk's actions on people, through the runtime against a real store: a disconnect with
/// a reason ends the participant's screen with that reason and their rejoin code; releasing a
/// name lets the next person under it in without a code.
final class DeskRuntimeTests: XCTestCase {
    var dir = ""
    var store: SessionStore!
    let workshop = SessionBuilder.workshop()

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "pf-desk-" + String(UUID().uuidString.prefix(8)).lowercased()
        store = try SessionStore(root: dir + "/store", create: true)
    }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func testADisconnectWithAReasonEndsTheScreenSayingItAndReleasingANameLetsTheNextOneIn() throws {
        let (h, _) = try Creating.create(
            NewSession(workshopId: workshop.id, perspective: .workshop("ouderen"), title: "Ouderen in 2035", facilitator: "Fatima"),
            in: store, workshops: [workshop], now: Runtime.now()) { _ in "x" }
        let id = h.id
        h.close()
        let participant = Runtime(store: try SessionStore(root: store.root, create: false), workshops: [workshop], language: .nl,
                                  theme: .mono, listings: false, route: .join(JoinState(sessionId: id)))
        try participant.join(id, name: "Anna")
        let code = try XCTUnwrap(participant.app.session?.rejoinCode)
        let key = try XCTUnwrap(participant.app.session?.actor.key)

        let desk = Runtime(store: try SessionStore(root: store.root, create: false), workshops: [workshop], language: .nl,
                           theme: .mono, listings: false)
        try desk.openDesk(id)
        desk.carryOut(.deskDisconnect(personId: "ssh-7", key: key, reason: "we gaan naar de andere zaal"))
        XCTAssertEqual(SentAway.takeDisconnects(store: store.root, session: id), ["ssh-7"], "the projector is asked to end it")

        let laptop = FakeScreen(width: 80, height: 24)
        for _ in 0..<40 where participant.running {
            participant.step(laptop, waitMs: 20)
            usleep(20_000)
        }
        XCTAssertFalse(participant.running, "the participant's screen ended itself")
        let bye = try XCTUnwrap(RejoinCodeText.farewell(participant.app))
        XCTAssertTrue(bye.contains("we gaan naar de andere zaal"), bye)
        XCTAssertTrue(bye.contains(code), bye)

        // The name is guarded by its code until the desk releases it.
        let again = try store.open(id)
        XCTAssertTrue(try again.rejoinCodeRequired(key: key))
        participant.presence?.release()
        desk.carryOut(.releaseName(key: key, name: "Anna"))
        XCTAssertFalse(try again.rejoinCodeRequired(key: key))
        let next = try Joining.join(again, workshop: workshop, name: "Anna", now: Runtime.now())
        XCTAssertEqual(next.actor.key, key, "the same person: entries and dots come with the name")
        XCTAssertNotNil(next.rejoinCode)
        XCTAssertNotEqual(next.rejoinCode, code)
    }
}
