import Core

/// New session: workshop → perspective (or type one) → title → facilitator → place → anonymity →
/// vote budget → start. Esc goes back one question; every answer can be changed.
public struct WizardState: Equatable, Sendable {
    public enum Question: Int, Sendable, CaseIterable { case workshop, perspective, customPerspective, customDescription, customPersona, title, facilitator, place, anonymity, budget }

    public var question: Question
    public var workshopIndex = 0
    public var perspectiveIndex = 0
    public var input = TextInput("", limit: 80, multiline: false)
    public var customPerspective = ""
    /// Who a group of the facilitator's own is, and the persona the room steps into: the
    /// workshop's own groups bring theirs (both may stay empty).
    public var customDescription = ""
    public var customPersona = ""
    public var title = ""
    public var facilitator = ""
    public var place = ""
    public var anonymous = false
    public var budget = 3
    /// Who sits in the room (`k` cycles): the report's method says it; nil: not said.
    public var roomKind: RoomKind?
    /// Open the room (join with ssh from own laptops) as soon as the session starts (key `o`).
    public var openRoom = false

    init(app: AppState) {
        question = app.workshops.count > 1 ? .workshop : .perspective
    }
}

enum Wizard {
    static func update(_ app: inout AppState, _ w: inout WizardState, _ key: Key) -> [Effect] {
        let workshop = app.workshops[min(w.workshopIndex, app.workshops.count - 1)]
        let perspectiveCount = workshop.perspectives.count + 1  // + "another"
        if key == .escape { return back(&app, &w) }
        switch w.question {
        case .workshop:
            switch key {
            case .up: w.workshopIndex = max(0, w.workshopIndex - 1)
            case .down: w.workshopIndex = min(app.workshops.count - 1, w.workshopIndex + 1)
            case .enter, .right: w.question = .perspective; w.perspectiveIndex = 0
            default: break
            }
        case .perspective:
            switch key {
            case .up: w.perspectiveIndex = max(0, w.perspectiveIndex - 1)
            case .down: w.perspectiveIndex = min(perspectiveCount - 1, w.perspectiveIndex + 1)
            case .char(let c) where c.isNumber:
                if let n = Int(String(c)), n >= 1, n <= perspectiveCount { w.perspectiveIndex = n - 1 }
            case .enter, .right:
                if w.perspectiveIndex == workshop.perspectives.count {
                    w.question = .customPerspective
                    w.input = TextInput(w.customPerspective, limit: 60, multiline: false)
                } else {
                    startTitle(app, &w, workshop)
                }
            default: break
            }
        case .customPerspective:
            if key == .enter {
                let name = TextPolicy.cleanLine(w.input.text)
                guard !name.isEmpty else { return [] }
                w.customPerspective = name
                w.question = .customDescription
                w.input = TextInput(w.customDescription, limit: 400, multiline: false)
            } else {
                _ = w.input.handle(key)
            }
        case .customDescription:
            if key == .enter {
                w.customDescription = TextPolicy.cleanLine(w.input.text)
                w.question = .customPersona
                w.input = TextInput(w.customPersona, limit: 600, multiline: false)
            } else {
                _ = w.input.handle(key)
            }
        case .customPersona:
            if key == .enter {
                w.customPersona = TextPolicy.cleanLine(w.input.text)
                startTitle(app, &w, workshop)
            } else {
                _ = w.input.handle(key)
            }
        case .title:
            if key == .enter {
                let t = TextPolicy.cleanLine(w.input.text)
                guard !t.isEmpty else { return [] }
                w.title = t
                w.question = .facilitator
                w.input = TextInput(w.facilitator, limit: 60, multiline: false)
            } else {
                _ = w.input.handle(key)
            }
        case .facilitator:
            if key == .enter {
                w.facilitator = TextPolicy.cleanLine(w.input.text)
                w.question = .place
                w.input = TextInput(w.place, limit: 60, multiline: false)
            } else {
                _ = w.input.handle(key)
            }
        case .place:
            if key == .enter {
                w.place = TextPolicy.cleanLine(w.input.text)
                w.question = .anonymity
            } else {
                _ = w.input.handle(key)
            }
        case .anonymity:
            switch key {
            case .char(" "), .left, .right, .up, .down, .char("j"), .char("n"), .char("y"):
                if key == .char("j") || key == .char("y") { w.anonymous = true } else if key == .char("n") { w.anonymous = false } else { w.anonymous.toggle() }
            case .enter: w.question = .budget
            default: break
            }
        case .budget:
            switch key {
            case .left, .down, .char("-"): w.budget = max(0, w.budget - 1)
            case .right, .up, .char("+"): w.budget = min(20, w.budget + 1)
            case .char(let c) where c.isNumber: w.budget = Int(String(c)) ?? w.budget
            case .char("o"): w.openRoom.toggle()
            case .char("k"):
                let kinds: [RoomKind?] = [nil] + RoomKind.allCases.map(Optional.some)
                w.roomKind = kinds[((kinds.firstIndex(of: w.roomKind) ?? 0) + 1) % kinds.count]
            case .enter:
                return [.create(NewSession(
                    workshopId: workshop.id, perspective: perspective(w, workshop), title: w.title,
                    facilitator: w.facilitator.isEmpty ? nil : w.facilitator, place: w.place.isEmpty ? nil : w.place,
                    anonymous: w.anonymous, voteBudget: w.budget, customDescription: custom(w, workshop, w.customDescription),
                    customPersona: custom(w, workshop, w.customPersona), roomKind: w.roomKind))]
                    + (w.openRoom ? [.openRoom] : [])
            default: break
            }
        }
        return []
    }

    static func perspective(_ w: WizardState, _ workshop: Workshop) -> PerspectiveRef {
        w.perspectiveIndex < workshop.perspectives.count ? .workshop(workshop.perspectives[w.perspectiveIndex].id) : .custom(w.customPerspective)
    }

    /// A custom group's own text, only for a custom group and only when given.
    static func custom(_ w: WizardState, _ workshop: Workshop, _ text: String) -> String? {
        guard case .custom = perspective(w, workshop), !text.isEmpty else { return nil }
        return text
    }

    static func perspectiveName(_ w: WizardState, _ workshop: Workshop, _ l: Language) -> String {
        switch perspective(w, workshop) {
        case .workshop(let id): return workshop.perspective(id)?.name[l] ?? id
        case .custom(let name): return name
        }
    }

    static func startTitle(_ app: AppState, _ w: inout WizardState, _ workshop: Workshop) {
        w.question = .title
        let date = Clock.dayMonth(app.now + app.utcOffsetMs)
        w.input = TextInput(w.title.isEmpty ? "\(perspectiveName(w, workshop, app.language)) — \(date)" : w.title, limit: 80, multiline: false)
    }

    static func back(_ app: inout AppState, _ w: inout WizardState) -> [Effect] {
        switch w.question {
        case .workshop: app.route = .home(HomeState())
        case .perspective: if app.workshops.count > 1 { w.question = .workshop } else { app.route = .home(HomeState()) }
        case .customPerspective: w.question = .perspective
        case .customDescription: w.question = .customPerspective; w.input = TextInput(w.customPerspective, limit: 60, multiline: false)
        case .customPersona: w.question = .customDescription; w.input = TextInput(w.customDescription, limit: 400, multiline: false)
        case .title:
            if case .custom = perspective(w, app.workshops[min(w.workshopIndex, app.workshops.count - 1)]) {
                w.question = .customPersona
                w.input = TextInput(w.customPersona, limit: 600, multiline: false)
            } else {
                w.question = .perspective
            }
        case .facilitator: w.question = .title; w.input = TextInput(w.title, limit: 80, multiline: false)
        case .place: w.question = .facilitator; w.input = TextInput(w.facilitator, limit: 60, multiline: false)
        case .anonymity: w.question = .place; w.input = TextInput(w.place, limit: 60, multiline: false)
        case .budget: w.question = .anonymity
        }
        return []
    }

    static func view(_ app: AppState, _ w: WizardState, into b: inout CellBuffer) {
        let l = app.language
        let workshop = app.workshops[min(w.workshopIndex, app.workshops.count - 1)]
        let term = workshop.perspectiveTerm.singular[l]
        b.put(" " + S.newSession[l] + " — " + workshop.title[l], x: 0, y: 0, style: Style(.accent, bold: true))
        b.hline(x: 0, y: 1, width: b.width)
        let x = 4
        let width = b.width - 8
        var y = 3
        func heading(_ text: String) { b.put(text, x: x, y: y, style: Style(.text, bold: true)); y += 2 }
        func option(_ text: String, selected: Bool, detail: String? = nil) {
            let style = selected ? Style(.highlight, bold: true, reverse: true) : Style(.text)
            b.fill(x: x, y: y, width: width, height: 1, style: style)
            b.put(Wrap.clip(" " + text, width: width), x: x, y: y, style: style)
            y += 1
            if let detail, selected { y += b.paragraph(detail, x: x + 3, y: y, width: width - 3, maxRows: 3, style: Style(.dim)) }
        }
        func field(_ input: TextInput, rows: Int = 1) {
            // Longer answers (a persona) wrap in a taller box rather than scrolling sideways.
            let layout = input.layout(width: width - 4)
            let shown = Array(layout.lines.suffix(rows))
            b.box(x: x, y: y, width: width, height: rows + 2)
            for (i, line) in shown.enumerated() { b.put(line, x: x + 2, y: y + 1 + i, maxWidth: width - 4) }
            let row = min(rows - 1, max(0, layout.cursorRow - (layout.lines.count - shown.count)))
            b.cursor = (x + 2 + min(layout.cursorColumn, width - 5), y + 1 + row)
            y += rows + 3
        }
        switch w.question {
        case .workshop:
            heading(S.chooseWorkshop[l])
            for (i, ws) in app.workshops.enumerated() { option(ws.title[l], selected: i == w.workshopIndex, detail: ws.question[l]) }
        case .perspective:
            heading(S.choosePerspective(l, term))
            for (i, p) in workshop.perspectives.enumerated() where y < b.height - 6 {
                option("\(i + 1)  " + p.name[l], selected: i == w.perspectiveIndex, detail: p.description[l])
            }
            option("\(workshop.perspectives.count + 1)  " + S.otherPerspective(l, term), selected: w.perspectiveIndex == workshop.perspectives.count)
        case .customPerspective:
            heading(S.typePerspective(l, term))
            field(w.input)
        case .customDescription:
            heading(S.typeDescription(l, w.customPerspective))
            field(w.input, rows: 3)
            b.paragraph(S.optionalEnterSkips[l], x: x, y: y, width: width, maxRows: 2, style: Style(.dim))
        case .customPersona:
            heading(S.typePersona(l, w.customPerspective))
            field(w.input, rows: 4)
            b.paragraph(S.personaExample[l], x: x, y: y, width: width, maxRows: 3, style: Style(.dim))
        case .title:
            heading(S.sessionTitle[l])
            field(w.input)
        case .facilitator:
            heading(S.facilitatorName[l])
            field(w.input)
        case .place:
            heading(S.sessionPlace[l])
            field(w.input)
        case .anonymity:
            heading(S.anonymity[l])
            option(S.yes[l], selected: w.anonymous)
            option(S.no[l], selected: !w.anonymous)
        case .budget:
            heading(S.voteBudget[l])
            b.put("◀  \(w.budget)  ▶", x: x + 2, y: y, style: Style(.highlight, bold: true))
            y += 2
            b.put(Wrap.clip(S.wizardRoom(l, w.openRoom), width: width), x: x, y: y, style: w.openRoom ? Style(.highlight, bold: true) : Style(.dim))
            y += 1
            b.put(Wrap.clip(S.roomKind(w.roomKind)[l], width: width), x: x, y: y, style: w.roomKind == nil ? Style(.dim) : Style(.highlight, bold: true))
            y += 2
            b.put(S.startSession[l], x: x, y: y, style: Style(.good, bold: true))
        }
        // What has been chosen so far, so nobody has to remember.
        var summary = [workshop.title[l]]
        if w.question.rawValue > WizardState.Question.perspective.rawValue { summary.append(perspectiveName(w, workshop, l)) }
        if w.question.rawValue > WizardState.Question.title.rawValue { summary.append(w.title) }
        b.put(Wrap.clip(summary.joined(separator: " · "), width: b.width - 8), x: x, y: b.height - 3, style: Style(.dim))
        Footer.draw(app, hint: S.wizardHint[l], into: &b)
    }
}
