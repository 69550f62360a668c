import Application
import ArgumentParser
import Core
import Foundation
import Store

/// `--store DIR`: where sessions live.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder with the saved sessions (default: $PERSPECTIEF_STORE, else $XDG_DATA_HOME/perspectief).", valueName: "dir"))
    var store: String?

    var root: String { SessionStore.defaultRoot(flag: store, environment: ProcessInfo.processInfo.environment) }

    /// A store that others could tamper with is named on stderr when only read; writing
    /// to it is refused by the store itself.
    func open(forWriting: Bool = false) throws -> SessionStore {
        let store: SessionStore
        do { store = try SessionStore(root: root) } catch { throw CLIError(error) }
        if !forWriting, let problem = store.trustProblem {
            let l = Output.language()
            FileHandleErr.print(Messages.warning[l] + problem.message(in: l))
        }
        return store
    }

    func session(_ id: String, readOnly: Bool = false) throws -> SessionHandle {
        do { return try open(forWriting: !readOnly).open(id, readOnly: readOnly) } catch let e as StoreError { throw CLIError(e) }
    }
}

/// `--workshops DIR`: extra folders with workshop files.
struct WorkshopOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Another folder with workshop files (repeatable).", valueName: "dir"))
    var workshops: [String] = []

    func catalog() -> (workshops: [Workshop], problems: [WorkshopError]) { WorkshopCatalog.load(extraDirectories: workshops) }

    func workshop(_ id: String) throws -> Workshop {
        let found = catalog()
        if let w = found.workshops.first(where: { $0.id == id }) { return w }
        let known = found.workshops.map(\.id).joined(separator: ", ")
        throw Messages.unknownWorkshop(id, known: known)
    }
}

enum Clock {
    static func nowMs() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
}

enum Output {
    static func json(_ value: JSONValue) { print(JSONWriter.pretty(value), terminator: "") }

    /// The UI language from LC_ALL, LC_MESSAGES, LANG (Dutch for nl*, else English).
    static func language(_ flag: String? = nil) -> Language {
        if let flag { return Language.from(locale: flag) }
        let env = ProcessInfo.processInfo.environment
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env[key], !v.isEmpty { return Language.from(locale: v) }
        }
        return .en
    }

    static func date(_ ms: Int64) -> String { Dates.local(ms) }
}

/// The interface options of the interactive commands, checked before any screen starts.
enum InterfaceOptions {
    static func check(lang: String?, theme: String?) throws {
        if let lang, !["nl", "en"].contains(lang.lowercased()) { throw Messages.unknownLanguage(lang) }
        if let theme, !["dark", "light", "mono"].contains(theme.lowercased()) { throw Messages.unknownTheme(theme) }
    }
}
