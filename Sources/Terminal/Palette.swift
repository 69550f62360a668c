import CNcurses
import TUI

/// Colour roles to ncurses colour pairs per theme. High contrast on purpose: a projector
/// washes out everything that is not.
enum Palette {
    static func install(_ theme: Theme) {
        let bg: Int16 = theme == .light ? Int16(COLOR_WHITE) : -1
        let fg: Int16 = theme == .light ? Int16(COLOR_BLACK) : Int16(COLOR_WHITE)
        let table: [(ColorRole, Int16, Int16)] = [
            (.text, fg, bg),
            (.dim, theme == .light ? Int16(COLOR_BLUE) : Int16(COLOR_WHITE), bg),
            (.accent, theme == .light ? Int16(COLOR_BLUE) : Int16(COLOR_CYAN), bg),
            (.highlight, theme == .light ? Int16(COLOR_MAGENTA) : Int16(COLOR_YELLOW), bg),
            (.good, Int16(COLOR_GREEN), bg),
            (.warn, theme == .light ? Int16(COLOR_RED) : Int16(COLOR_YELLOW), bg),
            (.bad, Int16(COLOR_RED), bg),
            (.inverse, theme == .light ? Int16(COLOR_WHITE) : Int16(COLOR_BLACK), theme == .light ? Int16(COLOR_BLUE) : Int16(COLOR_CYAN)),
            (.frame, theme == .light ? Int16(COLOR_BLUE) : Int16(COLOR_CYAN), bg),
        ]
        for (role, f, b) in table { init_pair(Int16(role.rawValue) + 1, f, b) }
    }

    static func attributes(_ style: Style, theme: Theme, colours: Bool) -> (attr_t, Int16) {
        var a = pf_a_normal()
        if style.bold { a |= pf_a_bold() }
        if style.reverse { a |= pf_a_reverse() }
        if style.underline { a |= pf_a_underline() }
        if !colours {
            // Monochrome: roles become attributes so selection and warnings still stand out.
            switch style.color {
            case .inverse: a |= pf_a_reverse()
            case .highlight, .bad, .warn, .good: a |= pf_a_bold()
            case .dim: a |= pf_a_dim()
            default: break
            }
            return (a, 0)
        }
        if style.color == .dim && theme != .light { a |= pf_a_dim() }
        return (a, Int16(style.color.rawValue) + 1)
    }
}
