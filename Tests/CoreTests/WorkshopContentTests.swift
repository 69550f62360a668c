import Core
import Foundation
import XCTest

/// The shipped workshops, checked against the study they come from.
final class WorkshopContentTests: XCTestCase {
    static let folder = Fixtures.root.appendingPathComponent("Workshops")

    func load(_ name: String) throws -> Workshop {
        try WorkshopLoader.load(bytes: Fixtures.bytes("Workshops/\(name)"), file: name)
    }

    func testEveryWorkshopFileLoads() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".json") }
        XCTAssertGreaterThanOrEqual(files.count, 2)
        for file in files { XCTAssertNoThrow(try load(file), file) }
    }

    /// The 31 trends of the study, numbered 0 to 30, with the study's own titles.
    static let studyTrends = [
        "Complexiteit wet- en regelgeving groeit", "Vergrijzing verandert structuur samenleving",
        "Globalisering wordt beïnvloed door geopolitieke spanningen", "Migratie zorgt voor bevolkingsgroei",
        "Krapte arbeidsmarkt beperkt sectoren en transities",
        "Bestaansonzekerheid neemt toe en is meer dan een financieel probleem",
        "Groeiende groep mensen minder zelfredzaam", "Toenemende polarisatie heeft veel impact",
        "Regionale ongelijkheid krijgt meer aandacht", "Afnemend vertrouwen raakt legitimiteit overheid",
        "Politieke slagvaardigheid neemt af", "De economie: gematigd groeipad richting 2035", "Overheidsfinanciën onder druk",
        "Marktdenken staat voor een mogelijk kantelpunt", "Verschuivende verhoudingen centraal-decentraal",
        "Groeiende kwantitatieve én kwalitatieve woningopgave", "Groei en aard zorgvraag zet zorgstelsel onder druk",
        "Biodiversiteitsverlies wereldvraagstuk, maar nu al zichtbaar in onze leefomgeving",
        "Waterkwaliteit vraagt om verbetering", "Stikstofreductie blijft richting 2035 op de agenda",
        "Energietransitie krijgt vaart & leidt tot netcongestie",
        "Hogere defensie-uitgaven door toenemende geopolitieke spanningen", "Bulldozereffect: stapeling van opgaven",
        "Technologie ontwikkelt zich exponentieel", "Grenzen tussen reëel en virtueel vervagen",
        "Big Tech en overheden strijden om de macht", "Adoptie nieuwe technologieën steeds sneller",
        "Service gap wordt gapende kloof",
        "Bedrijven en overheden werken aan cyberveiligheid, maar zijn er nog niet",
        "Privacy als belemmering voor gegevensdeling", "Generatieve AI: kans en uitdaging voor arbeidsmarkt",
    ]

    func testThe2035WorkshopMatchesTheStudy() throws {
        let w = try load("publieke-dienstverlening-2035.json")
        XCTAssertEqual(w.trends.map(\.number), Array(0...30))
        XCTAssertEqual(w.trends.map(\.title.nl), Self.studyTrends)
        XCTAssertNil(w.trends[0].category, "trend 0 stands above the three categories")
        XCTAssertEqual(w.trends[1...10].map(\.category), Array(repeating: "mensen", count: 10))
        XCTAssertEqual(w.trends[11...22].map(\.category), Array(repeating: "middelen", count: 12))
        XCTAssertEqual(w.trends[23...30].map(\.category), Array(repeating: "technologie", count: 8))
        XCTAssertEqual(w.scenarios.count, 4)
        let quadrants = Set(w.scenarios.compactMap { w.quadrant(of: $0) }.map { "\($0.column)\($0.row)" })
        XCTAssertEqual(quadrants, ["00", "01", "10", "11"])
        XCTAssertEqual(
            w.perspectives.map(\.name.nl),
            ["Ondernemers", "De gemiddelde burger", "Ouderen", "Nieuwkomers", "Mensen met multiproblematiek"])
        XCTAssertEqual(w.perspectiveTerm.singular.nl, "doelgroep")
        XCTAssertEqual(w.directions.count, 9)
        XCTAssertEqual(w.directions[0].title.nl, "Zet burgers en ondernemers echt centraal")
        XCTAssertEqual(w.directions[7].title.nl, "Zet in op proactieve dienstverlening en eenmalige uitvraag van gegevens")
        XCTAssertEqual(w.messages.map(\.title.nl), [
            "Vernieuw de publieke dienstverlening vanuit een gezamenlijke visie",
            "Zet de schaarse mensen in waar ze het hardst nodig zijn",
            "Versnel digitalisering voor betere dienstverlening met minder mensen",
        ])
        XCTAssertTrue(w.question.nl.hasPrefix("Welke mix van mensen, middelen en technologie"))
        for p in w.perspectives {
            XCTAssertNotNil(p.persona, p.id)
            XCTAssertTrue((2...3).contains(p.lifeEvents.count), p.id)
        }
        let kinds = w.steps.map(\.kind)
        XCTAssertEqual(kinds, [.opening, .trends, .scenarioRound, .scenarioRound, .scenarioRound, .scenarioRound,
                               .pause, .harvest, .insights, .voting, .pause, .robustness, .directions, .close])
        XCTAssertTrue(w.steps[1].optional, "the trend warm-up is optional")
        XCTAssertEqual(Set(w.steps.compactMap(\.scenario)), Set(w.scenarios.map(\.id)), "one round per scenario")
    }

    /// A seasoned facilitator's agenda: three hours with a buffer (the 2035 scripts plan at
    /// most 175 minutes without the optional trends; the life-events script three hours with
    /// them), two breaks, prioritising (voting) before the analysis of the top insights, and
    /// at least 20 minutes for "Hoe verder", the part the ministry needs most.
    func testTheScriptFitsThreeHoursWithTwoBreaksAndVotingBeforeLinking() throws {
        for file in Self.files + Self.files2035 {
            let w = try load(file)
            let minutes = w.steps.reduce(0) { $0 + $1.minutes }
            let planned = w.steps.filter { !$0.optional }.reduce(0) { $0 + $1.minutes }
            if Self.files2035.contains(file) {
                XCTAssertLessThanOrEqual(planned, 175, "\(file): a buffer in three hours, not \(planned) minutes planned")
                XCTAssertEqual(w.steps.filter(\.optional).map(\.kind), [.trends], "\(file): only the trends may be skipped")
            } else {
                XCTAssertLessThanOrEqual(minutes, 180, "\(file): three hours, not \(minutes) minutes")
            }
            XCTAssertGreaterThanOrEqual(planned, 150, file)
            let kinds = w.steps.map(\.kind)
            XCTAssertEqual(kinds.filter { $0 == .pause }.count, 2, "\(file): two breaks")
            let voting = try XCTUnwrap(kinds.firstIndex(of: .voting), file)
            XCTAssertLessThan(voting, try XCTUnwrap(kinds.firstIndex(of: .directions)), "\(file): vote before linking")
            XCTAssertLessThan(voting, try XCTUnwrap(kinds.firstIndex(of: .robustness)), "\(file): vote before judging")
            XCTAssertGreaterThan(voting, try XCTUnwrap(kinds.firstIndex(of: .insights)), file)
            let close = try XCTUnwrap(w.steps.first { $0.kind == .close }, file)
            XCTAssertGreaterThanOrEqual(close.minutes, 20, "\(file): Hoe verder")
            // No three analytic 15+ minute steps in a row without a break.
            var run = 0
            for s in w.steps {
                run = [.insights, .robustness, .directions, .harvest].contains(s.kind) ? run + 1 : 0
                XCTAssertLessThan(run, 3, "\(file): three analytic steps in a row at \(s.id)")
            }
        }
    }

    /// One register (je) in every Dutch prompt, and one definition of scenario-specific.
    func testThePromptsSayJeAndDefineScenarioSpecificOnce() throws {
        for file in Self.files {
            let w = try load(file)
            let texts = w.steps.flatMap { $0.prompts.map(\.nl) }
            for t in texts {
                let words = Set(t.lowercased().split { !$0.isLetter }.map(String.init))
                XCTAssertTrue(words.isDisjoint(with: ["u", "uw"]), "\(file): 'u' in \(t)")
            }
            let definitions = texts.filter { $0.contains("scenariospecifiek") }
            XCTAssertFalse(definitions.isEmpty, file)
            for d in definitions {
                XCTAssertTrue(d.contains("één, twee of drie"), "\(file): \(d)")
                XCTAssertFalse(d.contains("één of twee") || d.contains("een deel"), "\(file): \(d)")
            }
        }
    }

    func testTheLifeEventsWorkshopUsesTheSameMatrix() throws {
        let main = try load("publieke-dienstverlening-2035.json")
        let life = try load("levensgebeurtenissen-2035.json")
        XCTAssertEqual(life.axes, main.axes)
        XCTAssertEqual(life.scenarios, main.scenarios)
        XCTAssertEqual(life.perspectiveTerm.singular.nl, "levensgebeurtenis")
        let names = Set(life.perspectives.map(\.name.nl))
        for required in ["18 worden", "Overlijden van een naaste", "Verhuizen", "Een bedrijf starten"] {
            XCTAssertTrue(names.contains(required), required)
        }
        XCTAssertTrue(life.steps.contains { $0.prompts.contains { $0.nl.contains("niet digitaal kan of wil") } }, "never digital only")
        XCTAssertTrue(life.steps.contains { $0.prompts.contains { $0.nl.contains("als één geheel") } }, "one government, in seed 003's words")
        XCTAssertTrue(life.source?.nl.contains("Inspiratie uit de toekomst") == true, "cites seed 003's publication")
    }

    static let files = ["publieke-dienstverlening-2035.json", "levensgebeurtenissen-2035.json"]
    /// The default 2035 script and the same workshop "met tafels": one study, one set of texts.
    static let files2035 = ["publieke-dienstverlening-2035.json", "publieke-dienstverlening-2035-tafels.json"]

    /// The study never names its scenarios: every file says ours are working titles.
    func testTheScenarioNamesAreSaidToBeWorkingTitles() throws {
        for file in Self.files {
            let note = try XCTUnwrap(try load(file).scenarioNote, file)
            XCTAssertTrue(note.nl.contains("werktitels") && note.nl.contains("geeft de vier scenario's geen naam"), file)
            XCTAssertTrue(note.en.contains("working titles"), file)
        }
    }

    /// The study wants both kinds: koersvast ("geen-spijt-beleid") and scenario-specific
    /// insights that ask for agility; the rounds ask for implications in its terms.
    func testThePromptsAskForBothKindsOfInsightAndForImplications() throws {
        for file in Self.files {
            let w = try load(file)
            let insights = try XCTUnwrap(w.steps.first { $0.kind == .insights }).prompts.map(\.nl).joined(separator: " ")
            XCTAssertTrue(insights.contains("koersvast"), file)
            XCTAssertTrue(insights.contains("scenariospecifiek") && insights.contains("wendbaarheid"), file)
            let robustness = try XCTUnwrap(w.steps.first { $0.kind == .robustness }).prompts.map(\.nl).joined(separator: " ")
            XCTAssertTrue(robustness.contains("koersvast") && robustness.contains("scenariospecifiek"), "\(file): both outcomes named")
            for round in w.steps where round.kind == .scenarioRound {
                XCTAssertTrue(round.prompts.contains { $0.nl.contains("implicaties") }, "\(file) \(round.id)")
                XCTAssertLessThanOrEqual(round.prompts.count, 3, "the round screen shows three prompts")
            }
            let close = try XCTUnwrap(w.steps.first { $0.kind == .close }).prompts.map(\.nl).joined(separator: " ")
            XCTAssertTrue(close.contains("jouw organisatie") && close.contains("samenwerken"), "\(file): the study's 'Hoe verder'")
        }
    }

    /// Three hours with 15–20 people: a break, and a harvest of the top 3 before insights.
    func testTheScriptHasABreakAndAHarvestBeforeTheInsights() throws {
        for file in Self.files {
            let w = try load(file)
            let kinds = w.steps.map(\.kind)
            let pause = try XCTUnwrap(kinds.firstIndex(of: .pause), file)
            let harvest = try XCTUnwrap(kinds.firstIndex(of: .harvest), file)
            let insights = try XCTUnwrap(kinds.firstIndex(of: .insights), file)
            XCTAssertTrue((10...15).contains(w.steps[pause].minutes), file)
            XCTAssertGreaterThan(pause, try XCTUnwrap(kinds.lastIndex(of: .scenarioRound)), "\(file): after the four worlds")
            XCTAssertLessThan(harvest, insights, file)
            XCTAssertTrue(w.steps[harvest].prompts[0].nl.contains("drie belangrijkste implicaties"), file)
        }
    }

    /// The review's word fixes: the study's "voldoende" and "omarmd of niet", one English
    /// word for "middelen" and for "ondernemers".
    func testTheAxesUseTheStudysWords() throws {
        let w = try load("publieke-dienstverlening-2035.json")
        XCTAssertEqual(w.axes[0].poles.map(\.label.nl), ["schaars", "voldoende"])
        XCTAssertEqual(w.axes[1].poles.map(\.label.nl), ["niet omarmd", "omarmd"])
        XCTAssertTrue(w.question.en.contains("people, resources and technology"))
        XCTAssertEqual(w.trendCategories.map(\.title.en), ["People", "Resources", "Technology"])
        XCTAssertEqual(w.perspectives[0].name.en, "Businesses")
        let slim = try XCTUnwrap(w.scenario("slimme-samenleving"))
        XCTAssertTrue(slim.narrative.nl.contains("Ook hier blijft personeel schaars."), "the labour shortage holds in every world")
        XCTAssertFalse(w.perspectives[2].description.nl.contains("75"), "not in the study")
        XCTAssertFalse(w.trends[12].explanation.nl.contains("rente"), "not in the study")
    }

    func testTextsAreCompleteShortWhereShownBigAndNoPlaceholders() throws {
        for file in ["publieke-dienstverlening-2035.json", "levensgebeurtenissen-2035.json"] {
            let w = try load(file)
            var texts: [LocalizedText] = [w.title, w.question, w.intro]
            texts += w.scenarios.flatMap { [$0.title, $0.narrative] + $0.features + ($0.tagline.map { [$0] } ?? []) }
            texts += w.perspectives.flatMap { [$0.name, $0.description] + ($0.persona.map { [$0] } ?? []) + $0.lifeEvents }
            texts += w.trends.flatMap { [$0.title, $0.explanation] }
            texts += (w.directions + w.messages).flatMap { [$0.title, $0.gist] }
            texts += w.steps.flatMap { [$0.title] + $0.prompts }
            for text in texts {
                for s in [text.nl, text.en] {
                    XCTAssertFalse(s.trimmingCharacters(in: .whitespaces).isEmpty, "\(file): empty text")
                    for bad in ["TODO", "lorem", "xxx", "TBD", "???"] {
                        XCTAssertFalse(s.localizedCaseInsensitiveContains(bad), "\(file): placeholder in \(s)")
                    }
                }
            }
            for s in w.scenarios {
                XCTAssertLessThanOrEqual(s.title.nl.count, 24, s.title.nl)
                XCTAssertLessThanOrEqual(s.title.en.count, 24, s.title.en)
                XCTAssertNotEqual(s.narrative.nl, s.narrative.en)
                for n in [s.narrative.nl, s.narrative.en] {
                    XCTAssertTrue((110...200).contains(n.split(separator: " ").count), "\(s.id): narrative of about 150 words")
                }
                XCTAssertTrue((4...6).contains(s.features.count), s.id)
            }
            for step in w.steps {
                XCTAssertLessThanOrEqual(step.title.nl.count, 28, step.title.nl)
                XCTAssertLessThanOrEqual(step.title.en.count, 28, step.title.en)
                XCTAssertFalse(step.prompts.isEmpty, step.id)
            }
        }
    }
}
