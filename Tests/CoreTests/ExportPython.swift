import Foundation
import XCTest

/// Runs a small Python program on some input, for checking exports with real parsers
/// (csv, jsonschema, html.parser). A missing interpreter or module fails the test with a
/// clear message; it never skips.
enum ExportPython {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ script: String, input: String, args: [String] = []) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script] + args
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        p.standardInput = stdin
        p.standardOutput = stdout
        p.standardError = stderr
        do { try p.run() } catch { throw Failure(description: "python3 could not be started: \(error)") }
        // Write and read on separate threads so a large output cannot deadlock the pipes.
        let data = Data(input.utf8)
        let writer = Thread {
            stdin.fileHandleForWriting.write(data)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Failure(
                description: "python3 exited \(p.terminationStatus): \(String(decoding: err, as: UTF8.self))"
                    + "\n(is python3 installed, with the jsonschema package? `pip install jsonschema`)")
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses JSON printed by a script into Foundation objects.
    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}
