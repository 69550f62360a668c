import CNcurses
import TUI

/// ncurses key codes and control characters to `Key`.
enum KeyMap {
    static func code(_ c: Int32) -> Key? {
        switch c {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        default:
            if c >= KEY_F0 + 1 && c <= KEY_F0 + 12 { return .function(Int(c - KEY_F0)) }
            return nil
        }
    }

    static func character(_ s: Unicode.Scalar) -> Key? {
        switch s.value {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(s.value + 96)!))
        case 0..<32: return nil
        default: return .char(Character(s))
        }
    }
}
