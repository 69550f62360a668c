import Core
import XCTest

@testable import TUI

/// The phones' way in on the projector: the page's address and its QR code beside the join
/// panel where the screen has room, the address alone on the panel's edge where it has not.
final class RoomQRTests: XCTestCase {
    /// A 25-module pattern standing in for a code (the real encoding and its scan are tested
    /// in RoomTests with libqrencode and zbarimg).
    static let modules: [[Bool]] = (0..<25).map { y in (0..<25).map { x in (x * 7 + y * 3) % 5 == 0 || (x < 7 && y < 7) } }

    static func info() -> RoomInfo {
        var info = RoomPanelTests.info(people: [
            RoomPerson(id: "web-1", name: "Bram", since: RoomPanelTests.start, via: .web, address: "192.168.1.52"),
        ])
        info.webAddress = "http://192.168.1.20:8080"
        info.qr = modules
        return info
    }

    func testTheProjectorShowsTheAddressAndTheCodeBesideThePanel() {
        for language in Language.allCases {
            var t = TUIHarness(workshop: TUIHarness.main2035, language: language, width: 200, height: 60)
            t.send(.room(Self.info()))
            checkGolden("room-qr-\(language.rawValue)-200x60", t)
            let lines = t.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let rows = QRBlocks.rows(Self.modules, quiet: 2, inkIsDark: false)
            // The code's rows, one under the other, as drawn (the bottom of the screen above the footer).
            guard let first = lines.firstIndex(where: { $0.hasSuffix(rows[0]) || $0.contains(rows[0]) }) else {
                return XCTFail("no QR code on the screen:\n\(t.screen)")
            }
            for (i, row) in rows.enumerated() { XCTAssertTrue(lines[first + i].contains(row), "row \(i)") }
            XCTAssertTrue(lines[first - 1].contains("http://192.168.1.20:8080"))
            XCTAssertTrue(t.screen.contains("ssh -p 2222") || t.screen.contains("▄▀▀▀ ▄▀▀▀ █▄▄"), "the ssh way in stays")
        }
    }

    func testALaptopScreenShowsTheAddressOnThePanelsEdge() {
        var t = TUIHarness(workshop: TUIHarness.main2035, language: .en, width: 80, height: 24)
        t.send(.room(Self.info()))
        checkGolden("room-qr-en-80x24", t)
        XCTAssertTrue(t.screen.contains(" phone: http://192.168.1.20:8080 "), t.screen)
        XCTAssertFalse(t.screen.contains("█████"), "no code where it cannot be scanned")
    }

    func testFoldingTheJoinPanelHidesTheCodeButKeepsTheAddress() {
        var t = TUIHarness(workshop: TUIHarness.main2035, width: 200, height: 60)
        var info = Self.info()
        info.visible = false
        t.send(.room(info))
        XCTAssertTrue(t.screen.contains("· http://192.168.1.20:8080"), "on the way-in line: \(t.screen)")
        XCTAssertFalse(t.screen.contains(QRBlocks.rows(Self.modules, inkIsDark: false)[3]))
    }
}
