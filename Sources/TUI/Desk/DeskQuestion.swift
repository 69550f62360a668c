import Core

/// What the desk asks before it acts on someone else's work or connection: nothing a
/// participant made or holds goes on one key.
public enum DeskQuestion: Equatable, Sendable {
    /// Remove a participant's entry (undoable with `u` on the projector, as every removal).
    case removeEntry(id: String)
    /// Let a name go: the next person to join under it needs no code and gets a new one;
    /// the entries and dots stay with the name.
    case release(key: String, name: String)
    /// End a connection, with the reason the participant is shown.
    case disconnect(personId: String, key: String, name: String, reason: TextInput)
    /// The message every table sees (empty: taken away).
    case message(TextInput)

    var typing: TextInput? {
        switch self {
        case .disconnect(_, _, _, let r): return r
        case .message(let m): return m
        case .removeEntry, .release: return nil
        }
    }
}

enum DeskAsk {
    static func answer(_ app: inout AppState, _ d: inout DeskState, _ q: DeskQuestion, _ key: Key) -> [Effect] {
        let l = app.language
        switch q {
        case .removeEntry(let id):
            d.question = nil
            guard RoomConfirmKeys.isYes(key, l) else { return [] }
            app.notice = Notice(kind: .info, text: DeskText.removed[l])
            return [.perform(.removeEntry(id: id))]
        case .release(let holder, let name):
            d.question = nil
            guard RoomConfirmKeys.isYes(key, l) else { return [] }
            app.notice = Notice(kind: .info, text: DeskText.released(l, name))
            return [.releaseName(key: holder, name: name)]
        case .disconnect(let id, let who, let name, var reason):
            switch key {
            case .escape: d.question = nil
            case .enter:
                d.question = nil
                app.notice = Notice(kind: .info, text: S.roomDisconnected(l, name))
                return [.deskDisconnect(personId: id, key: who, reason: TextPolicy.cleanLine(reason.text))]
            default:
                _ = reason.handle(key)
                d.question = .disconnect(personId: id, key: who, name: name, reason: reason)
            }
        case .message(var text):
            switch key {
            case .escape: d.question = nil
            case .enter:
                d.question = nil
                let t = TextPolicy.cleanLine(text.text)
                return [.perform(.sendMessage(t.isEmpty ? nil : t))]
            default:
                _ = text.handle(key)
                d.question = .message(text)
            }
        }
        return []
    }

    /// The question in words, for the footer (its input, when it has one, is drawn above it).
    static func text(_ q: DeskQuestion, _ d: DeskState, _ l: Language) -> String {
        switch q {
        case .removeEntry(let id):
            let text = d.state.entry(id)?.text ?? ""
            let short = text.count > 40 ? String(text.prefix(39)) + "…" : text
            return DeskText.removeQuestion(l, TextPolicy.cleanLine(short))
        case .release(_, let name): return DeskText.releaseQuestion(l, name)
        case .disconnect(_, _, let name, _): return DeskText.disconnectQuestion(l, name)
        case .message: return DeskText.messageQuestion[l]
        }
    }
}
