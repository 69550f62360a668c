import Core
import Foundation
import Store
import XCTest

/// A fresh store in a temp folder with one session of the mini workshop.
struct StoreFixture {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let workshopPath = repo.appendingPathComponent("Tests/Fixtures/mini.json").path
    static let workshop = try! WorkshopCatalog.loadFile(workshopPath).get()
    static let engine = Engine(workshop: workshop)

    let root: String
    let store: SessionStore
    let id: String

    init(anonymous: Bool = false) throws {
        root = NSTemporaryDirectory() + "perspectief-test-" + UUID().uuidString.lowercased()
        store = try SessionStore(root: root)
        id = store.newSessionID(perspective: "ouderen", now: 1_790_000_000_000)
        let setup = SessionSetup(
            sessionId: id, workshopId: "mini", workshopTitle: Self.workshop.title, perspective: .workshop("ouderen"),
            title: "Test", facilitator: "Anna", anonymous: anonymous)
        try store.create(setup, by: .facilitator("Anna"), now: 1_790_000_000_000).close()
    }

    var folder: String { store.folder(of: id) }

    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }

    func open(readOnly: Bool = false) throws -> SessionHandle { try store.open(id, readOnly: readOnly) }

    func files() -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            out[name] = [UInt8](FileManager.default.contents(atPath: folder + "/" + name) ?? Data())
        }
        return out
    }

    func write(_ name: String, _ bytes: [UInt8]) {
        _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes))
    }

    func journals() -> [String] { files().keys.filter { $0.hasPrefix("journal-") }.sorted() }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}

/// The stress writer beside the test bundle (same build folder).
enum StressWriter {
    static var binary: String {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [dir, dir.deletingLastPathComponent()].map { $0.appendingPathComponent("perspectief-stress").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    /// Starts a writer; its stdout (one "ack ID" per durable entry) goes to `output`.
    static func start(_ f: StoreFixture, name: String, count: Int, extra: [String] = [], output: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = [f.root, f.id, StoreFixture.workshopPath, name, String(count)] + extra
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    static func acks(_ output: String) -> [String] {
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { $0.hasPrefix("ack ") ? String($0.dropFirst(4)) : nil }
    }
}
