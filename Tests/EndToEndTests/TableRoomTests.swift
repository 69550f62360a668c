import Foundation
import TestSupport
import XCTest

/// Breakout tables end to end: the facilitator's real binary in tmux at 160×45 with the room
/// open; four laptops over real `ssh` (tmux) and four phones (headless chromium) each choose a
/// table, see only their own world, and their entries land in their world's quadrant of the
/// wall. Then a move between tables, the report-back, and the export with the tables.
final class TableRoomTests: XCTestCase {
    var store = ""
    var knownHosts = ""
    var env: [String: String] { ["PERSPECTIEF_STORE": store] }
    static let workshop = "publieke-dienstverlening-2035-tafels"

    override func setUpWithError() throws {
        for tool in ["ssh", "sshpass", "tmux"] where Spawn.run(["sh", "-c", "command -v \(tool)"]).status != 0 {
            throw Requirement.missing("\(tool) is not installed (make setup installs it)")
        }
        store = Binary.tempDir("tables")
        knownHosts = store + "-known_hosts"
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: store)
        try? FileManager.default.removeItem(atPath: knownHosts)
    }

    func ssh(_ port: Int) -> String {
        "sshpass -p 4821 ssh -tt -p \(port) -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=\(knownHosts)"
            + " -o LogLevel=ERROR -o ConnectTimeout=5 zaal@127.0.0.1"
    }

    /// The box of each world on the wall: the title's row and column ("┌─  title").
    static func boxes(_ screen: String, titles: [String]) -> [String: (row: Int, column: Int)] {
        var out: [String: (Int, Int)] = [:]
        for (r, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let chars = Array(line)
            for t in titles {
                let needle = Array("┌─  " + t + " ")
                guard chars.count >= needle.count else { continue }
                for c in 0...(chars.count - needle.count) where Array(chars[c..<c + needle.count]) == needle { out[t] = (r, c) }
            }
        }
        return out
    }

    /// The world whose box holds `text` on the wall, or nil.
    static func quadrant(of text: String, in screen: String, titles: [String]) -> String? {
        let boxes = boxes(screen, titles: titles)
        for (r, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let chars = Array(line)
            let needle = Array(text)
            guard chars.count >= needle.count else { continue }
            for c in 0...(chars.count - needle.count) where Array(chars[c..<c + needle.count]) == needle {
                // The box to the left of the text whose title is the nearest above it.
                let candidates = boxes.filter { $0.value.column <= c && $0.value.row < r }
                let column = candidates.values.map(\.column).max()
                return candidates.filter { $0.value.column == column }.max { $0.value.row < $1.value.row }?.key
            }
        }
        return nil
    }

    func testFourLaptopsAndFourPhonesFillTheFourWorldsLive() throws {
        let made = Spawn.run([Binary.perspectief, "new", "--store", store, "--workshop", Self.workshop, "--perspective", "ouderen", "--title", "Tafels Zwolle"])
        XCTAssertEqual(made.status, 0, made.error)
        let id = made.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let port = SSHRoomTests.freePort()
        let web = PhoneBrowserTests.freePort()
        let wall = try Tmux(
            width: 160, height: 45,
            command: "\(Binary.perspectief) run \(id) --lang nl --room --port \(port) --web-port \(web) --code 4821 --listen 127.0.0.1",
            environment: env)
        wall.wait(for: "Stap 1 van 12", timeout: 25)
        wall.wait(for: "ssh -p \(port) zaal@127.0.0.1")
        wall.keys("Right", "Right")
        wall.wait(for: "Tafelronde: vier werelden tegelijk")
        // The join panel off the wall: the room stays open, the 2×2 gets the space.
        wall.keys("i")

        let titles = ["Het zuinige loket", "Digitaal, tenzij", "De warme overheid", "De slimme samenleving"]
        let english = ["The frugal counter", "Digital, unless", "The caring government", "The smart society"]

        // Four laptops, one per table, choosing with ↑↓ Enter.
        var laptops: [Tmux] = []
        for i in 0..<4 {
            let t = try Tmux(width: 100, height: 30, command: "env LANG=C.UTF-8 LC_ALL=C.UTF-8 \(ssh(port))")
            // The room's code is asked inside the connection, in the participant's language.
            t.wait(for: "Room code (shown on the screen):", timeout: 15)
            t.type("4821")
            t.keys("Enter")
            t.wait(for: "What is your name?", timeout: 15)
            t.type("Laptop\(i + 1)")
            t.keys("Enter")
            t.wait(for: "Choose your table")
            for _ in 0..<i { t.keys("Down") }
            t.keys("Enter")
            t.wait(for: "You sit at table \(i + 1)")
            laptops.append(t)
        }
        // Four phones, one per table, with the page's buttons.
        var phones: [Chromium] = []
        for i in 0..<4 {
            let phone = try Chromium(width: 360, height: 740, language: "nl-NL")
            try phone.open("http://127.0.0.1:\(web)/")
            try phone.wait("document.getElementById('join').offsetParent !== null", timeout: 20)
            try phone.type(into: "#code", "4821")
            try phone.type(into: "#name", "Telefoon\(i + 1)")
            try phone.tap("#joinBtn")
            try phone.wait("document.getElementById('table-\(i + 1)') !== null", timeout: 15)
            try phone.tap("#table-\(i + 1)")
            try phone.wait("document.getElementById('tablesInfo').textContent.indexOf('Je zit aan tafel \(i + 1)') === 0")
            phones.append(phone)
        }
        wall.wait(for: "two at every table") { s in (1...4).allSatisfy { s.contains("Tafel \($0) · 2 personen") } }

        // Each types at their table; it lands in their world's quadrant of the wall.
        var slowest = 0.0
        for i in 0..<4 {
            let fromLaptop = "laptop-tafel-\(i + 1) één reëel"
            let started = Date()
            laptops[i].type(fromLaptop)
            laptops[i].keys("Enter")
            let s = wall.wait(for: fromLaptop) { $0.contains(fromLaptop) }
            slowest = max(slowest, Date().timeIntervalSince(started))
            XCTAssertEqual(Self.quadrant(of: fromLaptop, in: s, titles: titles), titles[i], s)
            let fromPhone = "telefoon-tafel-\(i + 1)"
            try phones[i].type(into: "#text", fromPhone)
            try phones[i].tap("#save")
            let p = wall.wait(for: fromPhone) { $0.contains(fromPhone) }
            XCTAssertEqual(Self.quadrant(of: fromPhone, in: p, titles: titles), titles[i], p)
        }
        print("table entries reached the wall (ssh keystroke → tmux pane), slowest: \(Int(slowest * 1000)) ms")

        // Everyone sees only their own table's world and entries.
        for i in 0..<4 {
            let screen = laptops[i].wait(for: "the phone's entry at the same table") { $0.contains("telefoon-tafel-\(i + 1)") }
            XCTAssertTrue(screen.contains(english[i]), screen)
            for j in 0..<4 where j != i { XCTAssertFalse(screen.contains("tafel-\(j + 1)"), "laptop \(i + 1) sees table \(j + 1)\n\(screen)") }
            let texts = try phones[i].eval("document.getElementById('entries').textContent") as? String ?? ""
            XCTAssertTrue(texts.contains("laptop-tafel-\(i + 1)"), texts)
            for j in 0..<4 where j != i { XCTAssertFalse(texts.contains("tafel-\(j + 1)"), texts) }
            XCTAssertTrue(try phones[i].text("#cardTitle").contains(titles[i]))
        }

        // The facilitator's message reaches every screen.
        wall.keys("m")
        wall.type("nog 5 minuten")
        wall.keys("Enter")
        for t in laptops { t.wait(for: "nog 5 minuten") }
        for p in phones { try p.wait("document.getElementById('msg').textContent === 'nog 5 minuten'") }

        // The facilitator moves Laptop1 to table 2: their screen shows world 2; their entry stays at table 1.
        wall.keys("s")
        wall.wait(for: "Wie zit waar")
        wall.keys("Right", "Escape")
        laptops[0].wait(for: "You sit at table 2")
        laptops[0].wait(for: english[1])
        let after = wall.wait(for: "the moved entry stays") { $0.contains("laptop-tafel-1") }
        XCTAssertEqual(Self.quadrant(of: "laptop-tafel-1", in: after, titles: titles), titles[0], after)

        // Report-back: the wall steps through the tables, each whole.
        wall.keys("Right")
        wall.wait(for: "Tafel 1 van 4")
        wall.wait(for: "laptop-tafel-1 één reëel")
        wall.keys("]")
        wall.wait(for: "Tafel 2 van 4")
        wall.wait(for: "telefoon-tafel-2")
        for p in phones { try p.wait("document.getElementById('stepno').textContent === 'Stap 4 van 12'") }

        // The export knows the tables.
        let csv = store + "/tafels.csv"
        XCTAssertEqual(Spawn.run([Binary.perspectief, "export", "--store", store, "--all", "--format", "csv", "-o", csv]).status, 0)
        let rows = (try? String(contentsOfFile: csv, encoding: .utf8))?.components(separatedBy: "\r\n") ?? []
        for i in 1...4 {
            XCTAssertTrue(rows.contains { $0.contains("laptop-tafel-\(i)") && $0.hasSuffix(",\(i),,") }, rows.joined(separator: "\n"))
            XCTAssertTrue(rows.contains { $0.contains("telefoon-tafel-\(i)") && $0.hasSuffix(",\(i),,") }, rows.joined(separator: "\n"))
        }

        // Eight people are connected: leaving asks first.
        wall.keys("q")
        wall.wait(for: "Zeker weten?")
        wall.keys("j")
        wall.wait(for: "Nieuwe sessie")
        wall.keys("q")
        XCTAssertTrue(wall.waitForExit().contains("EXIT=0"))
        for t in laptops { _ = t.waitForExit(timeout: 10) }
    }
}
