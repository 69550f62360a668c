import Application
import Core
import Foundation
import Runtime
import Store
import TUI
import XCTest

/// The screen the runtime draws on, in memory: keys are played from a queue, every frame is kept.
final class FakeScreen: Screen {
    var width: Int
    var height: Int
    var asciiOnly = false
    var inputDescriptor: Int32? { nil }
    var events: [ScreenEvent] = []
    var frames: [String] = []
    var signal: Int32?
    var stopped = false
    var controlKeys = false

    init(width: Int = 120, height: Int = 36) {
        self.width = width
        self.height = height
    }
    func draw(_ buffer: CellBuffer) { frames.append(buffer.text) }
    func read(timeoutMs: Int32) -> ScreenEvent? { events.isEmpty ? nil : events.removeFirst() }
    func takeSignal() -> Int32? { defer { signal = nil }; return signal }
    func takeControlKeys() { controlKeys = true }
    func stop() { stopped = true }

    func type(_ text: String) { events += text.map { .key(.char($0)) } }
    func press(_ keys: Key...) { events += keys.map { .key($0) } }
    var last: String { frames.last ?? "" }
}

/// The runtime the binary runs, driven with a screen in memory against a real store: keys in,
/// effects carried out, frames out.
final class RuntimeTests: XCTestCase {
    var dir = ""
    var store: SessionStore!
    let workshop = SessionBuilder.workshop()

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "pf-rt-" + String(UUID().uuidString.prefix(8)).lowercased()
        store = try SessionStore(root: dir + "/store", create: true)
    }
    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func session() throws -> String {
        let (h, _) = try Creating.create(
            NewSession(workshopId: workshop.id, perspective: .workshop("ouderen"), title: "Ouderen in 2035", facilitator: "Fatima"),
            in: store, workshops: [workshop], now: Runtime.now()) { _ in "x" }
        defer { h.close() }
        return h.id
    }

    /// Steps until the screen has played every key and the frame shows `text` (bounded).
    func settle(_ r: Runtime, _ s: FakeScreen, until text: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
        settle(r, s, what: text ?? "", file: file, line: line) { text.map { s.last.contains($0) } ?? true }
    }

    func settle(_ r: Runtime, _ s: FakeScreen, what: String, file: StaticString = #filePath, line: UInt = #line, _ done: () -> Bool) {
        for _ in 0..<200 {
            r.step(s, waitMs: 10)
            if s.events.isEmpty, done() { return }
        }
        XCTFail("never: \(what)\n\(s.last)", file: file, line: line)
    }

    func saved(_ id: String) throws -> SessionState { try store.open(id, readOnly: true).state }

    func testKeysBecomeDurableEntriesAndFramesShowThem() throws {
        let id = try session()
        let r = Runtime(store: store, workshops: [workshop], language: .nl, theme: .mono, listings: false)
        try r.open(id, failIfReadOnly: true)
        let screen = FakeScreen()
        screen.press(.right, .right, .char("a"))
        screen.type("Eén loket voor Riet")
        screen.press(.enter)
        settle(r, screen, until: "Eén loket voor Riet")
        let state = try saved(id)
        XCTAssertEqual(state.entries.map(\.text), ["Eén loket voor Riet"], "saved before it was shown")
        XCTAssertEqual(state.step, workshop.steps[2].id)
        screen.press(.char("q"))
        settle(r, screen)
        XCTAssertTrue(r.app.listings.contains { $0.id == id }, "back home, the session is listed")
    }

    func testAParticipantSavesWhileTheFacilitatorTypes() throws {
        let id = try session()
        let facilitator = Runtime(store: store, workshops: [workshop], language: .nl, theme: .mono, listings: false)
        try facilitator.open(id, failIfReadOnly: true)
        let wall = FakeScreen()
        wall.press(.right, .right, .char("a"))
        wall.type("Half getypt")
        settle(facilitator, wall, until: "Half getypt")

        let participant = Runtime(store: try SessionStore(root: store.root, create: false), workshops: [workshop], language: .nl,
                                  theme: .mono, listings: false, route: .join(JoinState(sessionId: id)))
        participant.controlKeysAsKeys = true
        let laptop = FakeScreen(width: 80, height: 24)
        try participant.join(id, name: "Anna")
        laptop.type("Ouderen willen een mens")
        laptop.press(.enter)
        settle(participant, laptop, until: "Opgeslagen.")

        // The wall learns of it through the store, and the facilitator's typing is untouched.
        settle(facilitator, wall, what: "the wall has Anna's entry") {
            facilitator.app.session?.visibleEntries.contains { $0.text == "Ouderen willen een mens" } ?? false
        }
        XCTAssertTrue(wall.last.contains("Half getypt"), wall.last)
        wall.press(.enter)
        settle(facilitator, wall, until: "Ouderen willen een mens")
        let state = try saved(id)
        XCTAssertEqual(Set(state.entries.map(\.text)), ["Ouderen willen een mens", "Half getypt"])
        XCTAssertEqual(state.entries.first { $0.text == "Ouderen willen een mens" }?.author, "Anna")

        // Esc on the laptop never leaves; Ctrl-C asks, and only yes ends the runtime.
        laptop.press(.escape, .escape, .ctrl("c"))
        settle(participant, laptop, until: "Sessie verlaten?")
        XCTAssertTrue(participant.running)
        laptop.press(.char("j"))
        settle(participant, laptop)
        XCTAssertFalse(participant.running)
    }

    func testASignalEndsTheLoopAndStopsTheScreen() throws {
        let r = Runtime(store: store, workshops: [workshop], language: .en, theme: .mono, listings: true)
        let screen = FakeScreen()
        screen.signal = SIGTERM
        r.run(on: screen)
        XCTAssertTrue(screen.stopped)
        XCTAssertFalse(r.running)
    }

    func testReviewExportsThroughTheSameServiceAndSaysWhereItWent() throws {
        let id = try session()
        let cwd = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(dir)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        let r = Runtime(store: store, workshops: [workshop], language: .en, theme: .mono, listings: false)
        r.send(.reviewStarted(r.startReview()))
        let screen = FakeScreen()
        settle(r, screen, until: "Ouderen in 2035")
        screen.press(.char("e"), .char("m"))
        settle(r, screen, until: "Written: ")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".md") }
        XCTAssertEqual(files.count, 1)
        XCTAssertTrue(try String(contentsOfFile: dir + "/" + files[0], encoding: .utf8).contains("Ouderen in 2035"))
        _ = id
    }
}
