import Core
import Foundation

enum FileHandleErr {
    /// Every line on stderr passes `TerminalText.safe`, as every line on stdout does
    /// (see `print` in Output.swift).
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((TerminalText.safe(line) + "\n").utf8))
    }
}
