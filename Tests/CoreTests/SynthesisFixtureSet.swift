import Core

/// A hand-built set of sessions on the mini workshop with known answers, shared by the
/// synthesis and export tests. Times are fixed so golden files stay stable.
enum SynthesisFixtureSet {
    static let t0: Int64 = 1_790_000_000_000  // 2026-09-21T14:13:20Z

    /// Ouderen, named: Bram types, Anna (facilitator) proxies; votes; a removed entry.
    static func ouderen1() -> SynthesisSession {
        var s = SynthesisSession("s-oud1", perspective: .workshop("ouderen"), title: "Ouderen Zwolle", at: t0)
        let bram = s.participant("Bram")
        s.run(.join, by: bram)
        s.go("ronde-a")
        s.add("a1", "Het loket blijft nodig, \"echt\" nodig", by: bram)
        s.add("a2", "=SUM(A1) hulp bij formulieren", author: "Riet")
        s.add("a3", "Weggehaald")
        s.run(.removeEntry(id: "a3"))
        s.go("ronde-b")
        s.add("b1", "De app is te moeilijk\nvoor velen", by: bram)
        s.go("ronde-c")
        s.add("c1", "<script>alert(1)</script> & meer")
        s.go("inzichten")
        s.add("k1", "Persoonlijk contact blijft nodig", by: bram)
        s.add("sp1", "Digitale hulp aan huis")
        s.add("op1", "Nog niet beoordeeld")
        s.go("robuust")
        s.holds("k1", ["a", "b", "c", "d"])
        s.holds("sp1", ["d", "b"])
        s.go("richtingen")
        s.link("k1", "centraal")
        s.link("sp1", "proactief")
        s.link("sp1", "centraal")
        s.go("stemmen")
        s.run(.vote(id: "a2"))
        s.run(.vote(id: "a2"))
        s.run(.vote(id: "a1"), by: bram)
        s.run(.vote(id: "k1"), by: bram)
        return s
    }

    /// Ouderen again, a week later: merges with ouderen1 under one perspective.
    static func ouderen2() -> SynthesisSession {
        var s = SynthesisSession("s-oud2", perspective: .workshop("ouderen"), title: "Ouderen Deventer", at: t0 + 604_800_000, facilitatorName: "Cas",
            place: "Deventer, bibliotheek")
        s.add("n1", "Mevrouw De Vries (84) belt liever dan dat ze mailt")
        s.go("trends")
        s.add("n2", "Vergrijzing raakt hier alles")
        s.run(.link(id: "n2", target: .trend("t1"), linked: true))
        s.go("ronde-a")
        s.add("a1", "Reëel risico op eenzaamheid")
        s.go("ronde-d")
        s.add("d1", "Proactief bericht van de gemeente")
        s.go("inzichten")
        s.add("k2", "Eén loket voor alles")
        s.run(.addEntry(id: "i1", text: "Mantelzorgers vallen overal tussen wal en schip", kind: .implication))
        s.go("robuust")
        s.holds("k2", ["a", "b", "c", "d"])
        s.go("richtingen")
        s.link("k2", "centraal")
        s.go("afsluiting")
        s.add("n3", "Volgende keer, met wijkteams erbij")
        return s
    }

    /// Ondernemers, anonymous: no names anywhere. Shares an exact-match koersvast insight
    /// with ouderen1 and a grouped one with ouderen2.
    static func ondernemers() -> SynthesisSession {
        var s = SynthesisSession("s-ond", perspective: .workshop("ondernemers"), title: "Ondernemers", at: t0 + 3_600_000, anonymous: true)
        let p = s.participant("Dirk")
        s.run(.join, by: p)
        s.go("ronde-a")
        s.add("x1", "+31 bellen kost geld", by: p)
        s.go("inzichten")
        s.add("k3", "  PERSOONLIJK contáct blijft nodig ", by: p)
        s.add("k4", "Eén digitaal loket")
        s.go("robuust")
        s.holds("k3", ["a", "b", "c", "d"])
        s.holds("k4", ["a", "b", "c", "d"])
        s.go("richtingen")
        s.link("k4", "proactief")
        return s
    }

    /// A custom perspective with names hidden by the facilitator after the fact.
    static func mantelzorgers() -> SynthesisSession {
        var s = SynthesisSession("s-man", perspective: .custom("Mantelzorgers"), title: "Mantelzorg", at: t0 + 7_200_000, facilitatorName: "Els")
        let p = s.participant("Fien")
        s.run(.join, by: p)
        s.go("ronde-b")
        s.add("b1", "@home zorg via video", by: p)
        s.go("inzichten")
        s.add("k5", "Respijtzorg", by: p)
        s.go("robuust")
        s.holds("k5", ["a", "b", "c", "d"])
        s.run(.changeSettings(hideNames: true))
        return s
    }

    /// A session of another workshop: synthesis must leave it out.
    static func otherWorkshop() -> SynthesisSession {
        var w = Fixtures.mini
        w.id = "other"
        w.study = "other"
        var s = SynthesisSession("s-other", perspective: .workshop("ouderen"), title: "Elders", at: t0, workshop: w)
        s.go("ronde-a")
        s.add("z1", "Hoort er niet bij")
        return s
    }

    static let groups = [
        InsightGroup(
            id: "g1", label: "Eén loket",
            members: [EntryRef(sessionId: "s-oud2", entryId: "k2"), EntryRef(sessionId: "s-ond", entryId: "k4")])
    ]

    static func all() -> [SynthesisSession] { [ondernemers(), ouderen2(), mantelzorgers(), ouderen1(), otherWorkshop()] }

    static func synthesis() -> Synthesis {
        Synthesis.build(workshop: Fixtures.mini, sessions: all().map(\.input), groups: groups)
    }
}
