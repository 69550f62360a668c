import Core

extension ParticipantView {
    /// The view as the phone page receives it: every text in both languages (the page picks),
    /// nothing the terminal participant does not also see.
    public var json: JSONValue {
        var out = JSONObject()
        out["type"] = "state"
        out["title"] = .string(title)
        out["closed"] = .bool(closed)
        out["name"] = name.map(JSONValue.string) ?? .null
        out["roomVisible"] = .bool(roomVisible)
        var s = JSONObject()
        s["id"] = .string(step.id)
        s["index"] = .number(Double(step.number))
        s["count"] = .number(Double(step.count))
        s["kind"] = .string(step.kind.rawValue)
        s["title"] = step.title.json
        s["prompts"] = .array(step.prompts.map(\.json))
        s["collects"] = .bool(input.isOpen)
        switch input {
        case .open(let kind): s["input"] = ["state": "open", "kind": .string(kind.rawValue)]
        case .closed(let why): s["input"] = ["state": "closed", "reason": why.json]
        case .none(let why): s["input"] = ["state": "none", "reason": why.json]
        }
        if let timer {
            s["remainingMs"] = .number(Double(timer.remainingMs))
            s["running"] = .bool(timer.running)
        }
        out["step"] = .object(s)
        if let sc = scenario {
            var card = JSONObject()
            card["id"] = .string(sc.id)
            card["title"] = sc.title.json
            card["tagline"] = sc.tagline?.json ?? .null
            card["narrative"] = sc.narrative.json
            card["features"] = .array(sc.features.map(\.json))
            out["scenario"] = .object(card)
        }
        if let persona { out["persona"] = ["group": persona.group.json, "text": persona.text.json] }
        if let votes {
            out["budget"] = .number(Double(votes.budget))
            out["used"] = .number(Double(votes.used))
        }
        out["list"] = .string(list.heading.rawValue)
        out["entries"] = .array(list.items.map { e in
            var o = JSONObject()
            o["id"] = .string(e.id)
            o["kind"] = .string(e.kind.rawValue)
            o["text"] = .string(e.text)
            o["mine"] = .bool(e.mine)
            o["pending"] = .bool(e.pending)
            o["myVotes"] = .number(Double(e.myVotes))
            if let sc = e.scenarioTitle { o["scenario"] = sc.json }
            if !e.holdsIn.isEmpty { o["holdsIn"] = .array(e.holdsIn.map { .number(Double($0)) }) }
            if e.koersvast { o["koersvast"] = true }
            if !e.directions.isEmpty { o["directions"] = .array(e.directions.map { .number(Double($0)) }) }
            if e.top { o["top"] = true }
            if let t = e.table { o["table"] = .number(Double(t)) }
            return .object(o)
        })
        if !harvest.isEmpty {
            out["harvest"] = .array(harvest.map { w in
                ["number": .number(Double(w.number)), "title": w.title.json, "top": .array(w.top.map { .string($0) })]
            })
        }
        if !trends.isEmpty {
            out["trends"] = .array(trends.map { ["number": .number(Double($0.number)), "title": $0.title.json] })
        }
        if !directions.isEmpty {
            out["directions"] = .array(directions.map { d in
                ["number": .number(Double(d.number)), "title": d.title.json, "insights": .array(d.insights.map(JSONValue.string))]
            })
        }
        if let message { out["message"] = .string(message) }
        if let tables {
            func choice(_ t: TableChoice) -> JSONValue {
                ["id": .string(t.id), "number": .number(Double(t.number)), "scenario": t.scenarioTitle.json,
                 "seated": .number(Double(t.seated)), "full": .bool(t.full)]
            }
            var o = JSONObject()
            o["choices"] = .array(tables.choices.map(choice))
            o["seat"] = tables.seat.map(choice) ?? .null
            o["cap"] = tables.cap.map { .number(Double($0)) } ?? .null
            o["choose"] = ParticipantText.chooseTablePhone.json
            o["full"] = ParticipantText.full.json
            o["seatedAt"] = ParticipantText.seatedAt.json
            out["tables"] = .object(o)
        }
        if let notice { out["notice"] = ["kind": .string(notice.kind.rawValue), "text": notice.text.json] }
        return .object(out)
    }
}
