import ArgumentParser
import Core
import Foundation
import Store

/// The commands whose `--lang` also sets the language of their messages.
protocol LanguageOption { var lang: String? { get } }
extension RunCommand: LanguageOption {}
extension JoinCommand: LanguageOption {}
extension ReviewCommand: LanguageOption {}
extension ExportCommand: LanguageOption {}

extension Perspectief {
    /// The entry point. ArgumentParser's own would print its errors raw — an unknown option
    /// or a bad value is echoed as typed, escapes and all — with usage text under them. Here
    /// every error is one line in the UI language, made safe for a terminal.
    static func main() {
        var language = Output.language()
        do {
            var command = try parseAsRoot()
            if let flag = (command as? LanguageOption)?.lang { language = Output.language(flag) }
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version: their text is the output.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let text: String
            switch error {
            case is CLIError, is StoreError, is PerformError, is Refusal: text = Messages.text(of: error, in: language)
            default: text = Messages.argumentError(message(for: error), in: language)
            }
            // One line: a reason from a lower layer may quote a value with a line break.
            let line = text.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: " ")
            if !line.isEmpty { FileHandleErr.print(Messages.errorPrefix[language] + line) }
            Foundation.exit(code.rawValue)
        }
    }
}

/// Every line the command line prints to standard output passes `TerminalText.safe`: this
/// shadows the standard library's `print` for the whole module, so no call can forget.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(TerminalText.safe(text), terminator: terminator)
}
