import Core
import Foundation

/// Test fixtures shared by the Core tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func bytes(_ relative: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) ?? Data())
    }

    static let mini: Workshop = {
        do { return try WorkshopLoader.load(bytes: bytes("Tests/Fixtures/mini.json"), file: "mini.json") } catch {
            fatalError("the mini workshop must load: \(error)")
        }
    }()
}
