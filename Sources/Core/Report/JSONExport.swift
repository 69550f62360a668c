/// The report as JSON for other tools. The shape is documented and checked by
/// `docs/export-schema.json`; add fields, never rename or remove them (bump `version` if
/// that ever has to happen). Entries are listed once, under their session; the synthesis
/// refers to them by `{"session", "entry"}`. Names are null when a session hides them.
public enum JSONExport {
    public static let format = "perspectief-export"
    public static let version = 1

    public static func render(_ report: Report) -> String { JSONWriter.pretty(value(report)) }

    public static func value(_ report: Report) -> JSONValue {
        let l = report.language
        var o = JSONObject()
        o["format"] = .string(format)
        o["version"] = .number(Double(version))
        o["language"] = .string(l.rawValue)
        o["workshops"] = .array(report.parts.map { workshop($0, l) })
        o["sessions"] = .array(report.sessions.map { session($0, l) })
        o["concept"] = .bool(report.isConcept)
        o["summary"] = summary(report)
        return .object(o)
    }

    /// The organiser's findings, or null while the report is a concept.
    static func summary(_ report: Report) -> JSONValue {
        guard let s = report.options.summary, !s.isEmpty else { return .null }
        var o = JSONObject()
        o["text"] = .string(s.text)
        o["keyMessages"] = strings(s.keyMessages)
        o["version"] = .number(Double(s.version))
        o["updatedAt"] = .string(ISOTime.format(ms: s.updatedAt))
        o["organiser"] = report.options.noNames ? .null : s.organiser.map { .string($0) } ?? .null
        return .object(o)
    }

    static func ref(_ i: SynthesisItem) -> JSONValue {
        .object(JSONObject(["session": .string(i.ref.sessionId), "entry": .string(i.ref.entryId)]))
    }

    static func refs(_ items: [SynthesisItem]) -> JSONValue { .array(items.map(ref)) }

    static func strings(_ s: [String]) -> JSONValue { .array(s.map { .string($0) }) }

    static func reach(_ r: Reach) -> JSONValue {
        .object(JSONObject([
            "perspectives": .number(Double(r.groups)), "ofPerspectives": .number(Double(r.totalGroups)),
            "sessions": .number(Double(r.sessions)), "koersvast": .bool(r.koersvast), "scenarios": strings(r.worlds),
            "votes": .number(Double(r.votes)), "ofVotes": .number(Double(r.totalVotes)),
        ]))
    }

    static func workshop(_ part: Synthesis, _ l: Language) -> JSONValue {
        let w = part.workshop
        var o = JSONObject()
        o["id"] = .string(w.id)
        o["title"] = .string(w.title[l])
        o["sessions"] = strings(part.sessionIds)
        o["scenarios"] = .array(w.scenarios.map { .object(JSONObject(["id": .string($0.id), "title": .string($0.title[l])])) })
        o["directions"] = .array(w.directions.map {
            .object(JSONObject(["id": .string($0.id), "number": .number(Double($0.number)), "title": .string($0.title[l])]))
        })
        o["perspectives"] = .array(part.perspectives.map { p in
            var po = JSONObject()
            po["key"] = .string(p.key.code)
            po["name"] = .string(p.name[l])
            if case .custom = p.key { po["custom"] = true } else { po["custom"] = false }
            po["sessions"] = strings(p.sessionIds)
            po["koersvast"] = refs(p.koersvast)
            po["scenarioSpecific"] = .array(p.specific.map { s in
                var so = JSONObject()
                so["session"] = .string(s.item.ref.sessionId)
                so["entry"] = .string(s.item.ref.entryId)
                so["scenarios"] = strings(s.scenarios)
                return .object(so)
            })
            po["open"] = refs(p.open)
            return .object(po)
        })
        o["byScenario"] = .array(part.scenarios.map { sc in
            .object(JSONObject([
                "scenario": .string(sc.scenarioId),
                "perspectives": .array(sc.byPerspective.map {
                    .object(JSONObject(["perspective": .string($0.key.code), "implications": refs($0.implications)]))
                }),
            ]))
        })
        o["byDirection"] = .array(part.directions.map {
            .object(JSONObject(["direction": .string($0.directionId), "insights": refs($0.insights)]))
        })
        o["shared"] = .array(part.shared.map { s in
            var so = JSONObject()
            switch s.source {
            case .group(let id): so["source"] = "group"; so["group"] = .string(id)
            case .exactMatch: so["source"] = "exactMatch"; so["group"] = .null
            }
            so["label"] = .string(s.label)
            so["perspectives"] = strings(s.perspectives.map(\.code))
            so["insights"] = refs(s.items)
            so["reach"] = reach(s.reach)
            return .object(so)
        })
        o["unreviewed"] = .array(part.unreviewed.map { p in
            .object(JSONObject([
                "id": .string(p.id), "words": strings(p.words), "concepts": strings(p.concepts), "strength": .number(p.strength),
                "perspectives": strings(p.perspectives.map(\.code)), "insights": refs(p.items),
            ]))
        })
        o["messages"] = .array(part.messages.map { m in
            .object(JSONObject([
                "message": .string(m.messageId), "linked": .bool(!m.isEmpty), "insights": refs(m.insights),
                "directions": strings(m.directions.map(\.directionId)), "count": .number(Double(m.allInsights.count)),
                "perspectives": .number(Double(m.groups)),
            ]))
        })
        o["matrix"] = .array(part.matrix.map { row in
            .object(JSONObject([
                "perspective": .string(row.key.code),
                "cells": .array(row.cells.map { c in
                    .object(JSONObject(["scenario": .string(c.scenarioId), "count": .number(Double(c.count)), "top": refs(c.top)]))
                }),
                "koersvast": .number(Double(row.koersvastCount)),
            ]))
        })
        return .object(o)
    }

    /// Who sat where, per table round: the names as the session shows them, only counts when
    /// names are hidden (the same rule as authors and participants).
    static func seating(_ s: SessionInput, hide: Bool) -> JSONValue {
        let rounds = s.workshop.steps.filter { $0.kind == .tableRound }
        return .array(rounds.map { step in
            let sitting = s.state.sitting(in: step.id)
            return .object(JSONObject([
                "step": .string(step.id),
                "tables": .array(s.workshop.tables(of: step).map { t in
                    let keys = sitting[t.id] ?? []
                    return .object(JSONObject([
                        "id": .string(t.id), "number": .number(Double(t.number)), "scenario": .string(t.scenario),
                        "seated": .number(Double(keys.count)),
                        "people": hide ? .array([]) : strings(keys.compactMap { s.state.participants[$0]?.name }),
                    ]))
                }),
            ]))
        })
    }

    static func session(_ s: SessionInput, _ l: Language) -> JSONValue {
        let tables = TableNumbers(s.workshop)
        let st = s.state
        let hide = s.hidesNames
        let scenarios = s.workshop.scenarios.map(\.id)
        var o = JSONObject()
        o["id"] = .string(s.sessionId)
        o["title"] = .string(st.setup.title)
        o["workshop"] = .string(st.setup.workshopId)
        o["perspective"] = .string(PerspectiveKey(st.setup.perspective).code)
        o["anonymous"] = .bool(st.setup.anonymous)
        o["namesHidden"] = .bool(hide)
        o["facilitator"] = hide ? .null : st.setup.facilitator.map { .string($0) } ?? .null
        o["place"] = st.setup.place.map { .string($0) } ?? .null
        o["people"] = st.setup.people.map { .number(Double($0)) } ?? .null
        o["groupDescription"] = st.setup.customDescription.map { .string($0) } ?? .null
        o["groupPersona"] = st.setup.customPersona.map { .string($0) } ?? .null
        o["date"] = st.setup.date.map { .string($0) } ?? .null
        o["roomKind"] = st.setup.roomKind.map { .string($0.rawValue) } ?? .null
        o["participants"] = hide
            ? .array([])
            : strings(st.participants.values.sorted { ($0.joinedAt, $0.key) < ($1.joinedAt, $1.key) }.compactMap(\.name))
        o["closed"] = .bool(st.closed)
        o["createdAt"] = .string(ISOTime.format(ms: st.createdAt))
        o["updatedAt"] = .string(ISOTime.format(ms: st.updatedAt))
        o["entries"] = .array(st.entries.filter(\.isLive).map { e in
            var eo = JSONObject()
            eo["id"] = .string(e.id)
            eo["kind"] = .string(e.kind.rawValue)
            eo["step"] = .string(e.step)
            eo["scenario"] = e.scenario.map { .string($0) } ?? .null
            eo["text"] = .string(e.text)
            eo["author"] = hide ? .null : e.author.map { .string($0) } ?? .null
            eo["proxy"] = .bool(e.proxy)
            eo["holdsIn"] = strings(scenarios.filter { e.holdsIn.contains($0) })
            switch e.kind == .insight ? Robustness.of(e, scenarios: scenarios) : .open {
            case .open: eo["robustness"] = e.kind == .insight ? "open" : .null
            case .koersvast: eo["robustness"] = "koersvast"
            case .scenarioSpecific: eo["robustness"] = "scenarioSpecific"
            }
            eo["directions"] = strings(s.workshop.directions.map(\.id).filter { e.directions.contains($0) })
            eo["trends"] = strings(s.workshop.trends.map(\.id).filter { e.trends.contains($0) })
            eo["votes"] = .number(Double(e.votes))
            eo["createdAt"] = .string(ISOTime.format(ms: e.createdAt))
            eo["editedAt"] = e.editedAt.map { .string(ISOTime.format(ms: $0)) } ?? .null
            eo["table"] = tables.of(e).map { .number(Double($0)) } ?? .null
            return .object(eo)
        })
        o["tables"] = seating(s, hide: hide)
        return .object(o)
    }
}
