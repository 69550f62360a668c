/// The look of the screen. The TUI only names colour roles; the Terminal layer maps each
/// theme's roles to real colours (or, in monochrome, to bold/reverse/underline).
public enum Theme: String, CaseIterable, Sendable {
    case dark, light, mono

    /// `NO_COLOR` (any value) forces monochrome, as https://no-color.org asks.
    public static func choose(flag: String?, environment: [String: String]) -> Theme {
        if let v = environment["NO_COLOR"], !v.isEmpty { return .mono }
        if let flag, let t = Theme(rawValue: flag.lowercased()) { return t }
        return .dark
    }
}
