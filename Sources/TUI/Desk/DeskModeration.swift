import Core

/// The facilitator's moderation on the desk, where the room does not read along: hold
/// entries for review (`r`), close / open the step for participants (`X`), the room's
/// entries on participants' screens (`z`), names on the projector (`h`), everyone seated
/// (`A`) and a message to all tables (`m`). The wall shows only the outcome.
enum DeskModeration {
    static func key(_ app: inout AppState, _ d: inout DeskState, _ key: Key) -> [Effect]? {
        let l = app.language
        switch key {
        case .char("r"):
            let hold = !d.state.setup.holdForReview
            app.notice = Notice(kind: .info, text: hold ? DeskText.holdOn[l] : S.holdOff[l])
            return [.perform(.changeSettings(holdForReview: hold))]
        case .char("X"):
            let open = !d.state.stepIsOpen(d.step.id)
            app.notice = Notice(kind: .info, text: open ? DeskText.stepOpened[l] : DeskText.stepClosed[l])
            return [.perform(.setStepInput(step: d.step.id, open: open))]
        case .char("z"):
            let visible = !d.state.roomVisible
            app.notice = Notice(kind: .info, text: visible ? S.roomVisibleOn[l] : S.roomVisibleOff[l])
            return [.perform(.changeSettings(roomVisible: visible))]
        case .char("h"):
            app.notice = Notice(kind: .info, text: d.state.hideNames ? DeskText.namesShown[l] : DeskText.namesHidden[l])
            return [.perform(.changeSettings(hideNames: !d.state.hideNames))]
        case .char("A"):
            guard d.step.kind == .tableRound else {
                app.notice = Notice(kind: .info, text: DeskText.noTables[l])
                return []
            }
            return [.perform(.seatEveryone)]
        case .char("m"):
            d.question = .message(TextInput(d.state.roomMessage ?? "", limit: 200, multiline: false))
            return []
        default:
            return nil
        }
    }
}

/// The desk's list of this step's entries: a participant's entry is removed here, asked first.
enum DeskEntries {
    static func list(_ d: DeskState) -> [Entry] {
        StepEntries.indices(d.state, d.step, viewer: .facilitator(nil), scenarios: d.workshop.scenarios.map(\.id))
            .map { d.state.entries[$0] }
    }

    static func key(_ app: inout AppState, _ d: inout DeskState, _ key: Key) -> [Effect]? {
        let entries = list(d)
        switch key {
        case .up, .char("k"): d.entrySelected = max(0, min(d.entrySelected, entries.count - 1) - 1)
        case .down, .char("j"): d.entrySelected = min(max(0, entries.count - 1), d.entrySelected + 1)
        case .char("d"), .delete:
            guard !entries.isEmpty else { return [] }
            d.question = .removeEntry(id: entries[min(d.entrySelected, entries.count - 1)].id)
        default: return nil
        }
        return []
    }
}
