/// A key press as the Terminal layer reports it: a character, or a named key.
public enum Key: Equatable, Hashable, Sendable {
    case char(Character)
    case enter, escape, backspace, delete, tab, backTab
    case up, down, left, right, home, end, pageUp, pageDown
    case ctrl(Character)
    case function(Int)
}
