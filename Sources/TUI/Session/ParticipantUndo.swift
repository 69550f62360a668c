import Application
import Core

/// Ctrl-Z on a participant's own screen. A draft thrown away with Esc is the first thing it
/// brings back (the habit key must never destroy typing); after that it takes back the
/// participant's own saved changes, newest first. It always says what it undid: a silent
/// undo of a saved entry looks like nothing happened while an entry disappears.
enum ParticipantUndo {
    /// Esc on a draft: it goes, but is kept for Ctrl-Z.
    static func discard(_ s: inout SessionScreen, step: String) {
        s.escaped = s.draft
        s.escapedDepth = s.ownUndo.count
        s.draft = TextInput()
        s.answer = .init(kind: .info, text: UndoText.draftCleared, step: step)
    }

    static func undo(_ s: inout SessionScreen, _ view: ParticipantView) -> [Effect] {
        let step = view.step.id
        // One history, newest first: what was saved or removed after the Esc is undone before it.
        if let kept = s.escaped, !kept.text.isEmpty, s.ownUndo.count <= s.escapedDepth {
            // What was typed since goes where the draft was: Ctrl-Z again swaps them back.
            s.escaped = s.draft.text.isEmpty ? nil : s.draft
            s.escapedDepth = s.ownUndo.count
            s.draft = kept
            s.answer = .init(kind: .info, text: UndoText.draftBack, step: step)
            return []
        }
        guard let undo = s.ownUndo.popLast() else {
            s.answer = .init(kind: .refused, text: ParticipantKeys.nothingToUndo, step: step)
            return []
        }
        s.answer = .init(kind: .info, text: said(undo, s.state), step: step)
        return [.perform(undo)]
    }

    /// What an inverse command does, in the participant's words, with the entry's start.
    static func said(_ undo: Command, _ state: SessionState) -> LocalizedText {
        switch undo {
        case .removeEntry(let id): return UndoText.addTakenBack(short(state.entry(id)?.text))
        case .editEntry(let id, _): return UndoText.editTakenBack(short(state.entry(id)?.text))
        case .restoreEntry(let id): return UndoText.removeTakenBack(short(state.entry(id)?.text))
        case .withdrawVote, .vote: return UndoText.voteTakenBack
        case .join, .moveStep, .startTimer, .pauseTimer, .extendTimer, .addEntry, .review, .setHolds, .link, .setStepInput,
            .changeSettings, .renameScenario, .close, .reopen, .undo, .chooseTable, .seat, .seatEveryone, .sendMessage:
            return UndoText.undone
        }
    }

    static func short(_ text: String?) -> String {
        let t = TextPolicy.cleanLine(text ?? "")
        return t.count > 30 ? String(t.prefix(29)) + "…" : t
    }
}

/// The words of Ctrl-Z and Esc on a participant's screen.
enum UndoText {
    static let draftCleared = LocalizedText(
        nl: "Tekst gewist. Ctrl-Z zet hem terug.",
            en: "Text cleared. Ctrl-Z brings it back.")
    static let draftBack = LocalizedText(
        nl: "Ongedaan: je gewiste tekst staat weer in de regel.",
            en: "Undone: the text you cleared is back in the line.")
    static func addTakenBack(_ text: String) -> LocalizedText {
        LocalizedText(
            nl: "Ongedaan: je bijdrage \"\(text)\" is weggehaald.",
                en: "Undone: your entry \"\(text)\" was taken away.")
    }
    static func editTakenBack(_ text: String) -> LocalizedText {
        LocalizedText(
            nl: "Ongedaan: je wijziging van \"\(text)\" is teruggedraaid.",
                en: "Undone: your change to \"\(text)\" was reverted.")
    }
    static func removeTakenBack(_ text: String) -> LocalizedText {
        LocalizedText(nl: "Ongedaan: je bijdrage \"\(text)\" staat er weer.",
            en: "Undone: your entry \"\(text)\" is back.")
    }
    static let voteTakenBack = LocalizedText(nl: "Ongedaan: je stem is teruggedraaid.",
        en: "Undone: your vote was reverted.")
    static let undone = LocalizedText(nl: "Ongedaan gemaakt.", en: "Undone.")
}
