#if canImport(Glibc)
import Glibc
#endif

/// The character set the screen can use. The interface language follows LANG/LC_ALL (read
/// from the environment strings elsewhere), but characters must work whenever the terminal
/// does: `ssh` from a Mac sends LANG=nl_NL.UTF-8 to servers that never generated it, and
/// LANG=C is common on minimal systems. Without a UTF-8 LC_CTYPE, ncursesw drops every
/// "é", box line and typed "ë".
public enum Charset {
    /// UTF-8 locales that most systems have, most neutral first.
    static let fallbacks = ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8", "en_GB.UTF-8", "en_GB.utf8", "nl_NL.UTF-8", "nl_NL.utf8"]

    /// Sets the locale from the environment, then LC_CTYPE to a UTF-8 locale that exists if
    /// the environment's is not UTF-8. Returns false when the system has no UTF-8 locale at
    /// all: the screen then shows ASCII only.
    @discardableResult
    public static func start() -> Bool {
        setlocale(LC_ALL, "")
        // For a terminal that cannot show UTF-8 whatever the locale says (and to test the
        // ASCII path on a system that does have UTF-8 locales).
        if let forced = getenv("PERSPECTIEF_CHARSET"), String(cString: forced).lowercased() == "ascii" {
            setlocale(LC_CTYPE, "C")
            return false
        }
        if isUTF8 { return true }
        for name in fallbacks + installed() where setlocale(LC_CTYPE, name) != nil {
            if isUTF8 { return true }
        }
        setlocale(LC_CTYPE, "C")
        return false
    }

    static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Any other UTF-8 locale in the system's locale folder (a Debian with only de_DE.utf8).
    static func installed() -> [String] {
        guard let dir = opendir("/usr/lib/locale") else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.lowercased().hasSuffix(".utf8") || name.uppercased().hasSuffix(".UTF-8") { names.append(name) }
        }
        return names.sorted()
    }
}
