import Foundation
import TestSupport
import XCTest

@testable import Room
import TUI

/// The QR code on the projector, read back by a real decoder (Debian's zbarimg) from a picture
/// made of the very half-block text the room panel draws.
final class QRCodeTests: XCTestCase {
    /// The text rows back into modules: ▀ top, ▄ bottom, █ both; `inkIsDark` as drawn.
    static func pixels(_ rows: [String], inkIsDark: Bool) -> [[Bool]] {
        var out: [[Bool]] = []
        for row in rows {
            var top: [Bool] = [], bottom: [Bool] = []
            for c in row {
                let (t, b): (Bool, Bool) = c == "█" ? (true, true) : c == "▀" ? (true, false) : c == "▄" ? (false, true) : (false, false)
                top.append(t == inkIsDark)
                bottom.append(b == inkIsDark)
            }
            out += [top, bottom]
        }
        return out
    }

    /// A greyscale PGM, dark modules black, `scale` pixels per module.
    static func pgm(_ dark: [[Bool]], scale: Int = 8) -> Data {
        let h = dark.count * scale, w = (dark.first?.count ?? 0) * scale
        var bytes = Array("P5\n\(w) \(h)\n255\n".utf8)
        for row in dark {
            let line = row.flatMap { Array(repeating: UInt8($0 ? 0 : 255), count: scale) }
            for _ in 0..<scale { bytes += line }
        }
        return Data(bytes)
    }

    func decode(_ rows: [String], inkIsDark: Bool) throws -> String {
        try Requirement.tool("/usr/bin/zbarimg", "zbar-tools")
        let path = NSTemporaryDirectory() + "pf-qr-\(UUID().uuidString.prefix(8)).pgm"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.pgm(Self.pixels(rows, inkIsDark: inkIsDark)).write(to: URL(fileURLWithPath: path))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        p.arguments = ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testTheDrawnCodeScansAsTheAddressOnDarkAndLightTerminals() throws {
        // The projector's code carries the room's code in the link's fragment (the phone then
        // asks only a name); still a small symbol with big modules.
        let links = [WebRoom.joinLink("http://192.168.1.20:8080", code: RoomCode("4821")), WebRoom.joinLink("http://10.100.200.254:18080", code: RoomCode("482193"))]
        XCTAssertEqual(links[0], "http://192.168.1.20:8080/#4821")
        for address in ["http://192.168.1.20:8080", "http://10.100.200.254:18080"] + links {
            let modules = try XCTUnwrap(QRCode.modules(address))
            XCTAssertLessThanOrEqual(modules.count, 29, "a small symbol: big modules on the wall")
            for inkIsDark in [true, false] {
                let rows = QRBlocks.rows(modules, quiet: 2, inkIsDark: inkIsDark)
                XCTAssertEqual(rows.count, (modules.count + 4 + 1) / 2, "two module rows per text row")
                XCTAssertEqual(try decode(rows, inkIsDark: inkIsDark), address)
            }
        }
    }

    func testAGarbledCodeDoesNotScan() throws {
        let modules = try XCTUnwrap(QRCode.modules("http://192.168.1.20:8080"))
        var rows = QRBlocks.rows(modules, quiet: 2)
        // Wipe the middle third: too much for the error correction.
        for i in rows.count / 3..<(2 * rows.count / 3) { rows[i] = String(repeating: " ", count: rows[i].count) }
        XCTAssertEqual(try decode(rows, inkIsDark: true), "", "the decoder really reads the picture")
    }
}
