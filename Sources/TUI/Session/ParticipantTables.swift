import Application
import Core

/// A participant choosing a table on their own terminal: ↑↓ walk the tables, Enter takes a
/// seat. What they typed meanwhile stays in the draft; it goes to the table once seated.
enum ParticipantTables {
    /// The effects of `key` while choosing, or nil when the key is not about choosing.
    static func key(_ s: inout SessionScreen, _ tables: ParticipantView.Tables, _ key: Key) -> [Effect]? {
        let n = tables.choices.count
        guard n > 0 else { return nil }
        switch key {
        case .up: s.selected = max(0, min(s.selected, n - 1) - 1)
        case .down: s.selected = min(n - 1, s.selected + 1)
        case .enter:
            let choice = tables.choices[min(s.selected, n - 1)]
            return [.perform(.chooseTable(choice.id))]
        case .char(let c) where c != "?":
            // Typing here would seat nobody and then go to whichever table Enter takes: say so.
            s.answer = .init(kind: .info, text: ParticipantText.chooseFirst, step: s.step.id)
        default: return nil
        }
        return []
    }
}
