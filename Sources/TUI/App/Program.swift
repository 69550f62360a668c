import Core

// The program: one pure `update` and one pure `view`.
//
// Messages in (keys, resizes, ticks, store news), effects out (perform a command, create or
// open a session, leave, quit). `view` draws the whole screen from the state into a
// `CellBuffer`; the Terminal layer copies that buffer to the real terminal, and tests read
// it as text. Nothing here touches a file, the clock or the terminal.

public func update(_ app: inout AppState, _ msg: Msg) -> [Effect] {
    switch msg {
    case .resize(let w, let h):
        app.width = w
        app.height = h
        return []
    case .tick(let now):
        app.now = now
        return []
    case .joinNeedsProof(let why):
        if case .join(var j) = app.route {
            j.phase = .code
            j.code = TextInput("", limit: 20, multiline: false)
            app.route = .join(j)
        }
        app.notice = Notice(kind: .error, text: why[app.language])
        return []
    case .rejoinCode(let code):
        if case .session(var s) = app.route {
            s.rejoinCode = code
            s.answer = .init(kind: .info, text: ParticipantKeys.yourCode(code), step: s.step.id)
            app.route = .session(s)
        }
        return []
    case .deskOpened(let d):
        app.route = .desk(d)
        return []
    case .reviewStarted(let r):
        app.route = .review(r)
        return []
    case .reviewOpened(var r):
        r.returnsHome = true
        app.route = .review(r)
        app.notice = nil
        return []
    case .listings(let l):
        app.listings = l
        if case .home(var home) = app.route {
            home.selected = min(home.selected, Home.items(app).count - 1)
            app.route = .home(home)
        }
        return []
    case .sessionOpened(let id, let workshop, let state, let readOnly):
        app.route = .session(SessionScreen(id: id, workshop: workshop, state: state, readOnly: readOnly, actor: .facilitator(state.setup.facilitator)))
        app.notice = readOnly.map { Notice(kind: .error, text: S.readOnlySession(app.language, $0)) }
        return []
    case .joined(let id, let workshop, let state, let actor):
        app.route = .session(SessionScreen(id: id, workshop: workshop, state: state, readOnly: nil, actor: actor))
        app.notice = nil
        return []
    case .sessionChanged(let state):
        if case .desk(var d) = app.route {
            DeskUpdate.changed(&d, state)
            app.route = .desk(d)
            return []
        }
        guard case .session(var s) = app.route else { return [] }
        let stepBefore = s.step.id
        SessionUpdate.changed(&s, state)
        app.route = .session(s)
        if !s.isParticipant, let collapse = RoomKeys.stepMoved(&app, from: stepBefore) { return [collapse] }
        return []
    case .reviewLoaded(let records, let remaining):
        let workshops = app.workshops
        changeReview(&app) { r in
            r.add(records, remaining: remaining)
            if r.tab == .matrix && remaining == 0 { r.rebuild(workshops: workshops) }
        }
        return []
    case .reviewRemoved(let ids):
        let workshops = app.workshops
        changeReview(&app) { r in
            r.remove(ids)
            if r.tab == .matrix { r.rebuild(workshops: workshops) }
        }
        return []
    case .summarySaved(let summary):
        changeReview(&app) { r in r.summary = summary }
        return []
    case .groupsChanged(let groups):
        let workshops = app.workshops
        changeReview(&app) { r in
            r.groups = groups
            if r.synthesis != nil || r.tab == .matrix { r.rebuild(workshops: workshops) }
        }
        return []
    case .decisionsChanged(let decisions):
        changeReview(&app) { r in
            r.decisions = decisions
            GroupProposals.refresh(&r)
        }
        return []
    case .replayLoaded(let title, let workshop, let events):
        if case .review(let r) = app.route { app.review = r }
        app.route = .replay(ReplayState(title: title, workshop: workshop, steps: Replay.steps(of: events, workshop: workshop)))
        return []
    case .refused(let refusal):
        if case .session(var s) = app.route, s.isParticipant {
            ParticipantUpdate.refused(&s, refusal.reason)
            app.route = .session(s)
            return []
        }
        let kept = restoreInput(&app)
        app.notice = Notice(kind: .error, text: refusal.reason[app.language] + (kept ? " " + S.textKept[app.language] : ""))
        return []
    case .failed(let message):
        if case .session(var s) = app.route, s.isParticipant {
            ParticipantUpdate.refused(&s, LocalizedText(S.saveFailed(app.language, message)))
            app.route = .session(s)
            return []
        }
        if case .session = app.route {
            app.notice = Notice(kind: .error, text: S.saveFailed(app.language, message))
        } else {
            app.notice = Notice(kind: .error, text: message)
        }
        restoreInput(&app)
        return []
    case .notice(let notice):
        app.notice = notice
        return []
    case .key(let key):
        return keyPressed(&app, key)
    case .room(let info):
        if case .desk(var d) = app.route {
            d.room = info
            app.route = .desk(d)
            return []
        }
        RoomKeys.received(&app, info)
        return []
    case .presence(let names):
        if case .desk(var d) = app.route {
            d.present = names
            app.route = .desk(d)
        }
        return []
    case .sentAway(let reason):
        guard case .session(var s) = app.route, s.isParticipant else { return [] }
        s.sentAway = reason
        app.route = .session(s)
        return [.quit]
    case .roster(let holders):
        if case .desk(var d) = app.route {
            d.roster = holders
            d.personSelected = max(0, min(d.personSelected, holders.count - 1))
            app.route = .desk(d)
        }
        return []
    }
}

/// Returns whether a typed text came back into the input.
@discardableResult
func restoreInput(_ app: inout AppState) -> Bool {
    guard case .session(var s) = app.route else { return false }
    let kept = SessionUpdate.restoreInput(&s)
    app.route = .session(s)
    return kept
}

func keyPressed(_ app: inout AppState, _ key: Key) -> [Effect] {
    app.notice = nil
    if app.help {
        if let offset = Overlays.scrolled(app, key) { app.helpScroll = offset } else { app.help = false; app.helpScroll = 0 }
        return []
    }
    // A participant is asked first: one stray key must not throw them out of the session.
    // The facilitator's Ctrl-C with people connected asks as `q` does: it would end them all.
    if key == .ctrl("c"), !(app.session?.isParticipant ?? false), app.room.confirm == nil {
        guard case .session = app.route, let info = app.room.info, !info.people.isEmpty else { return [.quit] }
        app.room.confirm = .quit
        return []
    }
    if app.isTooSmall { return key == .char("q") ? [.quit] : [] }
    switch app.route {
    case .home(var home):
        if key == .char("?") { app.help = true; return [] }
        let effects = Home.update(&app, &home, key)
        if case .home = app.route { app.route = .home(home) }
        return effects
    case .wizard(var w):
        let effects = Wizard.update(&app, &w, key)
        if case .wizard = app.route { app.route = .wizard(w) }
        return effects
    case .review(var r):
        if key == .char("?") && r.search == nil { app.help = true; return [] }
        let effects = ReviewUpdate.update(&app, &r, key)
        if case .review = app.route { app.route = .review(r) }
        if effects.contains(where: { if case .openReadOnly = $0 { return true } else { return false } }) { app.review = r }
        return effects
    case .replay(var r):
        let effects = ReplayScreen.update(&app, &r, key)
        if case .replay = app.route { app.route = .replay(r) }
        return effects
    case .join(var j):
        if key == .char("?") && j.phase == .pick { app.help = true; return [] }
        let effects = Join.update(&app, &j, key)
        if case .join = app.route { app.route = .join(j) }
        return effects
    case .desk(var d):
        let effects = DeskUpdate.update(&app, &d, key)
        if case .desk = app.route { app.route = .desk(d) }
        return effects
    case .session(var s):
        // The room's keys (o, i, p and the list of who is connected), when not typing; an
        // open question (Ctrl-C while typing too) is answered first.
        let roomKeys = s.input == nil || app.room.confirm != nil
        if !s.isParticipant, roomKeys, !s.card, s.seating == nil, !s.messaging, let effects = RoomKeys.handle(&app, s, key) {
            if effects.contains(.leaveSession) { app.route = app.review.map { .review($0) } ?? .home(HomeState()) }
            return effects
        }
        let effects = s.isParticipant ? ParticipantUpdate.update(&app, &s, key) : SessionUpdate.update(&app, &s, key)
        if case .session = app.route { app.route = .session(s) }
        if effects.contains(.leaveSession) { app.route = app.review.map { .review($0) } ?? .home(HomeState()) }
        return effects
    }
}

public func view(_ app: AppState) -> CellBuffer {
    var b = CellBuffer(width: app.width, height: app.height)
    if app.isTooSmall {
        Overlays.tooSmall(app, into: &b)
        return b
    }
    switch app.route {
    case .home(let home): Home.view(app, home, into: &b)
    case .wizard(let w): Wizard.view(app, w, into: &b)
    case .session(let s):
        if s.isParticipant { ParticipantScreenView.view(app, s, into: &b) } else { SessionView.view(app, s, into: &b) }
        if !s.isParticipant {
            RoomPanel.peopleOverlay(app, into: &b)
            RoomConfirmKeys.draw(app, into: &b)
        }
    case .join(let j): Join.view(app, j, into: &b)
    case .review(let r): ReviewView.view(app, r, into: &b)
    case .replay(let r): ReplayScreen.view(app, r, into: &b)
    case .desk(let d): DeskView.view(app, d, into: &b)
    }
    if app.help {
        b.cursor = nil
        Overlays.help(app, into: &b)
    }
    return b
}

/// The review on screen, or the one waiting behind a session opened from it: what arrives
/// for it while the organiser reads a session must not be lost.
private func changeReview(_ app: inout AppState, _ body: (inout ReviewState) -> Void) {
    if case .review(var r) = app.route {
        body(&r)
        app.route = .review(r)
    } else if var r = app.review {
        body(&r)
        app.review = r
    }
}
