import Core
import Foundation
import Store
import XCTest

@testable import Room

/// After "stop new joins" the phone page still lets known names back in with their rejoin
/// code, and tells a newcomer in words.
final class StopJoinsWebTests: XCTestCase {
    var f: WebFixture!
    var hub: WebHub { f.room.hub }

    override func tearDown() { f?.cleanUp() }

    func testAKnownNameComesBackWithItsCodeANewcomerIsRefusedInWords() async throws {
        f = try WebFixture()
        guard case .joined(_, let code?) = await hub.join(name: "Sanne", address: "127.0.0.2") else { return XCTFail("join") }
        await hub.disconnect(personId: try XCTUnwrap(f.room.people.first).id)
        await hub.stopJoins()
        let newcomer = await hub.join(name: "Bram", address: "127.0.0.3")
        XCTAssertEqual(newcomer, .refused(WebHub.noNewcomers))
        guard case .joined = await hub.join(name: "Sanne", address: "127.0.0.4", rejoinCode: code) else {
            return XCTFail("Sanne is refused after stop new joins")
        }
        XCTAssertEqual(try f.state().participants.count, 1)
    }
}
