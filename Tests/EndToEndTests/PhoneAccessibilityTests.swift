import Core
import Foundation
@testable import Room
import Store
import TestSupport
import XCTest

/// The phone page meets WCAG 2.1 A and AA in every step of the workshop, as axe-core finds it
/// in a real Chromium at 360×740 (Tests/Accessibility/axe_phone.py, Selenium with Debian's
/// chromedriver). The phone joins from the QR code's link, so with its name only.
final class PhoneAccessibilityTests: XCTestCase {
    var store = ""
    var room: WebRoom?

    override func setUp() { store = Binary.tempDir("axe") }
    override func tearDown() {
        room?.stop()
        try? FileManager.default.removeItem(atPath: store)
    }

    /// Missing tools skip locally and fail under CI (make setup installs them).
    static func requireTools() throws {
        let missing = ["/usr/bin/chromedriver", "/usr/bin/chromium"].filter { !FileManager.default.isExecutableFile(atPath: $0) }
        let python = Spawn.run(["python3", "-c", "import selenium, axe_selenium_python"])
        let what = missing + (python.status == 0 ? [] : ["python3 selenium / axe-selenium-python"])
        guard !what.isEmpty else { return }
        throw Requirement.missing("missing \(what.joined(separator: ", ")) (make setup installs them)")
    }

    func testThePhonePagePassesAxeInEveryStep() throws {
        try Self.requireTools()
        let new = Spawn.run([Binary.perspectief, "new", "--store", store, "--perspective", "ouderen", "--title", "Zwolle", "--votes", "3"])
        XCTAssertEqual(new.status, 0, new.error)
        let id = new.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let workshops = WorkshopCatalog.load().workshops
        let h = try SessionStore(root: store).open(id)
        let workshop = try XCTUnwrap(workshops.first { $0.id == h.state.setup.workshopId })
        let engine = Engine(workshop: workshop)
        let facilitator = Actor.facilitator(nil)
        func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
        try h.perform(.startTimer, by: facilitator, engine: engine, now: now())
        h.close()

        let room = try WebRoom.start(storeRoot: store, sessionId: id, workshops: workshops, host: "127.0.0.1", port: 0, code: RoomCode("4821"))
        self.room = room
        let link = WebRoom.joinLink(room.address(), code: RoomCode("4821"))
        let script = Binary.repo.appendingPathComponent("Tests/Accessibility/axe_phone.py").path
        let steps = workshop.steps
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script, link, "Zoë", "\(steps.count)"]
        let toScript = Pipe(), fromScript = Pipe()
        p.standardInput = toScript
        p.standardOutput = fromScript
        p.standardError = fromScript
        try p.run()
        defer { if p.isRunning { p.terminate() } }
        let lines = LineReader(fromScript.fileHandleForReading)

        var said: [String] = []
        for (i, step) in steps.enumerated() {
            guard let line = lines.next(timeout: 90) else { XCTFail("no answer from the script at step \(i + 1): \(said)"); return }
            // Python's own complaints (a traceback) go to the same pipe: part of the failure.
            if !line.hasPrefix("OK ") {
                var rest = [line]
                while let more = lines.next(timeout: 5) { rest.append(more) }
                XCTFail("the script at step \(i + 1):\n" + rest.joined(separator: "\n"))
                return
            }
            said.append(line)
            XCTAssertTrue(line.hasPrefix("OK \(i + 1) "), "\(step.id): \(line)")
            guard i + 1 < steps.count else { break }
            // The facilitator's part, so the next steps have something to show: marks and links.
            let h = try SessionStore(root: store).open(id)
            for e in h.state.entries where e.kind == .insight && !e.removed {
                if step.kind == .robustness || steps[i + 1].kind == .robustness {
                    for sc in workshop.scenarios.prefix(2) where !e.holdsIn.contains(sc.id) {
                        try h.perform(.setHolds(id: e.id, scenario: sc.id, holds: true), by: facilitator, engine: engine, now: now())
                    }
                }
                if steps[i + 1].kind == .directions, let d = workshop.directions.first, !e.directions.contains(d.id) {
                    try h.perform(.link(id: e.id, target: .direction(d.id), linked: true), by: facilitator, engine: engine, now: now())
                }
            }
            try h.perform(.moveStep(to: steps[i + 1].id), by: facilitator, engine: engine, now: now())
            try h.perform(.startTimer, by: facilitator, engine: engine, now: now())
            h.close()
            toScript.fileHandleForWriting.write(Data("next\n".utf8))
        }
        var rest: [String] = []
        while let line = lines.next(timeout: 30) { rest.append(line) }
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, (said + rest).joined(separator: "\n"))
        XCTAssertEqual(rest.last, "DONE", (said + rest).joined(separator: "\n"))
        for line in said { XCTAssertTrue(line.hasSuffix(" 0"), "violations in: \(line)\n\(rest.joined(separator: "\n"))") }
    }
}

/// Lines from a child's output, each waited for with a deadline.
final class LineReader {
    let handle: FileHandle
    private var buffer = Data()

    init(_ handle: FileHandle) { self.handle = handle }

    func next(timeout: Double) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let nl = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[buffer.startIndex..<nl], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...nl)
                return line
            }
            let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            guard left > 0 else { return nil }
            var pfd = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, left) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
            guard n > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }
}
