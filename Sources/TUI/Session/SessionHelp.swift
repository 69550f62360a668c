import Core

/// Help on the session screens: which session this is, who has joined, and the keys that
/// work on this step — not a list of every key the program has.
enum SessionHelp {
    /// The session id (to join with), and who is in the room: names unless hidden.
    static func about(_ app: AppState, _ s: SessionScreen) -> [String] {
        let l = app.language
        let names = s.state.participants.values.sorted { $0.joinedAt < $1.joinedAt }.compactMap(\.name)
        let who: String
        if s.state.participants.isEmpty {
            who = S.nobodyJoined[l]
        } else if s.state.setup.anonymous || s.state.hideNames || names.isEmpty {
            who = "\(s.state.participants.count) (" + (s.state.setup.anonymous ? S.anonymous[l] : S.namesHidden[l]) + ")"
        } else {
            who = names.joined(separator: ", ")
        }
        var out = [S.sessionId(l, s.id), S.participantsJoined(l, who)]
        if s.isParticipant { out.insert((s.rejoinCode.map(RejoinCodeText.inHelp) ?? RejoinCodeText.noCode)[l], at: 0) }
        // The room listens on every interface: if the address on the wall is the wrong
        // network for someone, one of these may be theirs.
        if !s.isParticipant, let info = app.room.info, !info.otherAddresses.isEmpty {
            out.append(S.roomOtherAddresses[l] + info.otherAddresses.joined(separator: " · "))
        }
        return out
    }

    static func keys(_ app: AppState, _ s: SessionScreen) -> [(String, LocalizedText)] {
        func t(_ nl: String, _ en: String) -> LocalizedText { LocalizedText(nl: nl, en: en) }
        let step = s.step
        let adds = step.kind.entryKind != nil
        var keys: [(String, LocalizedText)] = []
        if s.isParticipant { return ParticipantHelp.keys(app, s) }
        keys += [("→ PgDn", t("volgende stap", "next step")), ("← PgUp", t("vorige stap (er gaat niets verloren)", "previous step (nothing is lost)"))]
        if adds {
            keys += [("a", t("bijdrage toevoegen", "add an entry")), ("Enter", t("tekst opslaan / gekozen bijdrage bewerken", "save the text / edit the selected entry")),
                     ("Alt-Enter", t("tijdens typen: nieuwe regel", "while typing: new line")), ("Esc", t("typen annuleren", "cancel typing"))]
            if s.authors.count > 1 { keys.append(("Tab", t("tijdens typen: wie zei het", "while typing: who said it"))) }
        }
        keys += [("↑ ↓ g G", t("bijdrage kiezen", "select an entry")), ("e / d", t("bewerken / verwijderen", "edit / remove"))]
        keys += S.roomHelpKeys
        switch step.kind {
        case .robustness:
            let names = s.workshop.scenarios.enumerated().map { "\($0.offset + 1) \(s.scenarioTitle($0.element, app.language))" }.joined(separator: " · ")
            keys.append(("1–\(s.workshop.scenarios.count)", t("houdt stand in scenario (aan/uit): ", "holds in scenario (toggle): ").suffixed(names)))
        case .directions:
            keys.append(("1–\(min(9, s.workshop.directions.count))", t("koppelen aan ontwikkelrichting (aan/uit)", "link to development direction (toggle)")))
        case .voting:
            keys.append(("v / V", t("stem van de zaal geven / terugnemen (telt als stem van de zaal)", "give / take back a vote on behalf of the room")))
        case .harvest:
            keys.append(("v / V", t("stip namens de zaal geven / terugnemen (★ = top 3 van het scenario)", "give / take back a dot for the room (★ = the scenario's top 3)")))
        case .tableRound:
            keys += [("[ ]", t("tafel kiezen waarvoor a typt", "choose the table a types for")),
                     ("s", t("wie zit waar: mensen verplaatsen (←→ of 1–9)", "who sits where: move people (←→ or 1–9)")),
                     ("A", t("iedereen zonder tafel gelijk verdelen", "seat everyone without a table evenly")),
                     ("m", t("bericht aan alle tafels (\"nog 5 minuten\")", "message to all tables (\"5 more minutes\")"))]
        case .reportBack:
            keys += [("[ ]", t("vorige / volgende tafel op de muur", "previous / next table on the wall")),
                     ("m", t("bericht aan alle tafels", "message to all tables"))]
        case .close:
            keys.append(("c", t("sessie afsluiten / heropenen (de timer stopt)", "close / reopen the session (the timer stops)")))
        default: break
        }
        keys += [
            ("u", t("laatste wijziging ongedaan maken", "undo the last change")), ("t", t("timer starten / pauzeren", "start / pause the timer")),
            ("+ / -", t("timer een minuut langer / korter", "timer one minute longer / shorter")),
            ("T", s.timerRunsOn ? t("timer loopt door naar de volgende stap: aan (T zet uit)", "timer runs on into the next step: on (T turns off)")
                : t("timer loopt door naar de volgende stap: uit (T zet aan)", "timer runs on into the next step: off (T turns on)")),
            ("n", t("hele kaart: alles wat op het scherm te kort is (scenario, persona, trends, vragen)",
                    "whole card: everything cut short on screen (scenario, persona, trends, prompts)")),
            ("x", t("stap open/dicht voor deelnemers", "open/close the step for participants")),
        ]
        if s.state.setup.holdForReview || s.state.entries.contains(where: { $0.status == .pending && !$0.removed }) {
            keys.append(("desk", t("wachtende bijdragen goedkeuren of afwijzen: perspectief desk \(s.id) (in een tweede venster, niet projecteren)",
                "accept or reject held entries: perspectief desk \(s.id) (in a second window, not projected)")))
        }
        keys += [
            ("r", t("bijdragen van deelnemers eerst laten goedkeuren (aan/uit)", "hold participant entries for review (on/off)")),
            ("h", t("namen op het scherm verbergen / tonen", "hide / show names on the screen")),
            ("z", s.state.roomVisible ? t("deelnemers zien alle bijdragen op hun scherm: aan (z zet uit)", "participants see every entry on their screen: on (z turns off)")
                : t("deelnemers zien alleen hun eigen bijdragen (z: ook die van de zaal)", "participants see only their own entries (z: the room's too)")),
            ("?", t("deze hulp", "this help")), ("q", t("sessie verlaten (blijft bewaard)", "leave the session (it stays saved)")),
        ]
        return keys
    }
}

extension LocalizedText {
    func suffixed(_ text: String) -> LocalizedText { LocalizedText(nl: self[.nl] + text, en: self[.en] + text) }
}
