import Core
import Foundation
@testable import Room
import Store
import TestSupport
import XCTest

/// The insights step on a phone (headless Chromium) starts from the harvest: each world's
/// ★ top 3, whole, as on the projector and a laptop (the same participant view model).
final class PhoneInsightsTests: XCTestCase {
    var store = ""
    var room: WebRoom?

    override func setUpWithError() throws {
        if Chromium.binary() == nil { throw Requirement.missing("chromium not installed (make setup installs it)") }
        store = Binary.tempDir("insights")
    }

    override func tearDown() {
        room?.stop()
        try? FileManager.default.removeItem(atPath: store)
    }

    func testThePhoneShowsTheHarvestsTopThreeInTheInsightsStep() throws {
        let new = Spawn.run([Binary.perspectief, "new", "--store", store, "--perspective", "ouderen", "--title", "Zwolle"])
        XCTAssertEqual(new.status, 0, new.error)
        let id = new.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let workshops = WorkshopCatalog.load().workshops
        let h = try SessionStore(root: store).open(id)
        let engine = Engine(workshop: try XCTUnwrap(workshops.first { $0.id == h.state.setup.workshopId }))
        var now: Int64 = 1_790_000_000_000
        func perform(_ c: Command) throws {
            now += 1000
            try h.perform(c, by: .facilitator(nil), engine: engine, now: now)
        }
        let long = "Ouderen zonder digitale vaardigheden houden recht op een persoonlijk gesprek aan een loket in hun eigen wijk"
        try perform(.moveStep(to: "ronde-1"))
        for (i, text) in ["Eén", "Twee", long].enumerated() {
            try perform(.addEntry(id: "i\(i)", text: text, kind: .implication, scenario: "zuinig-loket"))
        }
        try perform(.moveStep(to: "oogst"))
        for id in ["i1", "i2", "i2"] { try perform(.vote(id: id)) }
        try perform(.moveStep(to: "inzichten"))
        h.close()

        let room = try WebRoom.start(storeRoot: store, sessionId: id, workshops: workshops, host: "127.0.0.1", port: 0, code: nil)
        self.room = room
        let phone = try Chromium()
        try phone.open("http://127.0.0.1:\(room.port)/")
        try phone.wait("document.getElementById('join').offsetParent !== null")
        try phone.type(into: "#name", "Riet")
        try phone.tap("#joinBtn")
        try phone.wait("document.getElementById('harvest').offsetParent !== null")
        let items = try XCTUnwrap(phone.eval("Array.from(document.querySelectorAll('#harvest li li')).map(function(e){return e.textContent})") as? [String])
        XCTAssertEqual(Array(items.prefix(2)), ["★ " + long, "★ Twee"], "most dots first, whole")
        XCTAssertFalse(items.contains("★ Eén"), "no dots, not in the top 3")
        XCTAssertTrue(try phone.text("#harvestTitle").contains("top 3"))
    }
}
