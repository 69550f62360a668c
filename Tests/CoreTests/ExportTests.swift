import Core
import Foundation
import XCTest

final class ExportTests: XCTestCase {
    func testGoldenFilesEveryFormatBothLanguages() {
        for language in Language.allCases {
            let report = ExportFixture.report(language)
            for format in ExportFormat.allCases {
                ExportFixture.assertGolden(format.render(report), "report-\(language.rawValue).\(format.fileExtension)")
            }
        }
    }

    func testRenderingIsDeterministicWhateverTheSessionOrder() {
        let a = ExportFixture.report(.nl)
        let b = Report(
            sessions: SynthesisFixtureSet.all().filter { $0.workshop.id == "mini" }.reversed().map(\.input),
            groups: SynthesisFixtureSet.groups, language: .nl)
        for format in ExportFormat.allCases { XCTAssertEqual(format.render(a), format.render(b), "\(format)") }
    }

    func testAnonymityRespectedInEveryFormat() {
        for language in Language.allCases {
            let report = ExportFixture.report(language)
            for format in ExportFormat.allCases {
                let text = format.render(report)
                for name in ExportFixture.hiddenNames {
                    XCTAssertFalse(text.contains(name), "\(name) appears in the \(language) \(format) export")
                }
                // The facilitator of an anonymous session works in the open: the printable
                // report names them (only --no-names leaves them out); the data files keep
                // their rule that a session hiding names holds none.
                switch format {
                case .md, .html: XCTAssertTrue(text.contains(ExportFixture.anonymousFacilitator), "\(language) \(format)")
                case .csv, .json: XCTAssertFalse(text.contains(ExportFixture.anonymousFacilitator), "\(language) \(format)")
                }
                for name in ExportFixture.shownNames {
                    XCTAssertTrue(text.contains(name), "\(name) missing from the \(language) \(format) export")
                }
            }
        }
    }

    func testSeveralWorkshopsEachGetTheirOwnSynthesis() {
        let report = Report(sessions: SynthesisFixtureSet.all().map(\.input), language: .en)
        XCTAssertEqual(report.parts.map(\.workshop.id), ["mini", "other"])
        XCTAssertEqual(report.parts[1].sessionIds, ["s-other"])
        let md = MarkdownExport.render(report)
        XCTAssertTrue(md.hasPrefix("# Report of the perspective sessions\n"))
        XCTAssertTrue(md.contains("\n## Mini workshop\n"))
        XCTAssertTrue(CSVExport.render(report).contains("Hoort er niet bij"))
    }

    func testEmptyReport() {
        let report = Report(sessions: [], language: .nl)
        XCTAssertTrue(MarkdownExport.render(report).contains("_Geen sessies._"))
        XCTAssertEqual(CSVExport.render(report).components(separatedBy: "\r\n").count, 2, "header only")
        XCTAssertTrue(MarkdownExport.render(report).contains("Concept"), "an empty report is a concept")
        XCTAssertTrue(JSONExport.render(report).contains("\"workshops\": []"))
    }

    // MARK: Markdown

    func testMarkdownEscapesUserText() {
        XCTAssertEqual(MarkdownExport.inline("<script>alert(1)</script> & *x* [a](b)"), "\\<script\\>alert\\(1\\)\\</script\\> \\& \\*x\\* \\[a\\]\\(b\\)")
        XCTAssertEqual(MarkdownExport.inline("- geen lijst"), "\\- geen lijst")
        XCTAssertEqual(MarkdownExport.inline("# kop"), "\\# kop")
        XCTAssertEqual(MarkdownExport.inline("12. geen lijst"), "12\\. geen lijst")
        XCTAssertEqual(MarkdownExport.inline("    code"), "code")
        XCTAssertEqual(MarkdownExport.inline("a | b"), "a \\| b")
        let md = MarkdownExport.render(ExportFixture.report(.nl))
        XCTAssertFalse(md.contains("<script>"))
        XCTAssertTrue(md.contains("- De app is te moeilijk\\\n  voor velen — _Bram_\n"), "newline kept as a hard break inside the item")
    }

    func testMarkdownReportStructure() {
        let md = MarkdownExport.render(ExportFixture.report(.nl))
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("## ") }
        // Findings first, then the analysis across groups, the overviews, method and context,
        // the annexes and the colophon.
        XCTAssertEqual(headings, [
            "## Sterkste bevindingen", "## Sessies in dit verslag \\(4\\)", "## Samenvatting",
            "## De hoofdboodschap van de studie en wat de sessies eronder legden",
            "## Gedeelde bevindingen over de doelgroepen heen", "## Ontwikkelrichtingen", "## Per wereld: wat alleen daar nodig is",
            "## Stemmen: wat woog het zwaarst, per sessie", "## Overzichten", "## Matrix: implicaties per scenario", "## Inzichten × scenario's",
            "## Werkwijze en beperkingen", "## Achtergrond", "## Voorstellen, nog niet beoordeeld", "## Bijlage: alle implicaties per scenario",
            "## Bijlage: inzichten per doelgroep",
            "## Bijlage: overige bijdragen", "## Colofon",
        ])
        XCTAssertTrue(md.hasPrefix("# Verslag van de perspectiefsessies — Miniworkshop\n"), "our own title, not the study's")
        XCTAssertTrue(md.contains("**Inhoud**\n\n1. Sterkste bevindingen\n2. Sessies in dit verslag \\(4\\)\n3. Samenvatting\n"), "a table of contents")
        XCTAssertTrue(md.contains("_Datum: 28 september 2026 · versie 0 \\(concept\\)_"), "the date in words, version and concept")
        XCTAssertTrue(md.contains("**Centrale vraag:** Wat hebben mensen in 2035 nodig?"), "the central question on the front page")
        XCTAssertTrue(md.contains("| Ouderen Deventer | Ouderen | 28 september 2026 | Deventer, bibliotheek | Cas | onbekend \\(0 met eigen scherm\\) | 0 |"), "each session on the front page, with its place")
        XCTAssertTrue(md.contains("| Mantelzorg | Mantelzorgers | 21 september 2026 | — | Els | onbekend \\(1 met eigen scherm\\) | 1 |"), "the facilitator of an anonymous session is shown")
        XCTAssertTrue(md.contains("| Ouderen | 3 | 1 | 1 | 1 | 2 |"))
        XCTAssertTrue(md.contains("- Digitale hulp aan huis — _houdt stand in_ ■ Zuinig en digitaal ■ Ruim en slim"), "one mark per scenario")
        XCTAssertTrue(md.contains(
            "### Eén loket\n\n_gegroepeerd door de organisator · 2 van 3 doelgroepen, 2 sessies · koersvast_\n\n"
                + "_2 doelgroepen: Ouderen, Ondernemers_"))
        XCTAssertTrue(md.contains(
            "### Persoonlijk contact blijft nodig\n\n_zelfde tekst · 2 van 3 doelgroepen, 2 sessies · koersvast · 100 % van de stemmen_"),
            "the finding with votes ranks first at equal reach")
        XCTAssertTrue(md.contains("### Koersvast voor één doelgroep\n\n- Respijtzorg — _1 doelgroep: Mantelzorgers_"))
        // Per direction: koersvast apart from scenario-specific, and what fits none.
        XCTAssertTrue(md.contains("### 1\\. Zet burgers centraal\n\n_Vanuit de burger denken._\n\n#### Koersvast \\(2\\)"))
        XCTAssertTrue(md.contains("#### Scenariospecifiek \\(1\\)\n\n- Digitale hulp aan huis — _Ouderen_ · _houdt stand in_ ■ Zuinig en digitaal ■ Ruim en slim"))
        // Not judged apart from judged-but-fits-none: an undiscussed insight is no new direction.
        XCTAssertTrue(md.contains("### Past bij geen richting\n\n- PERSOONLIJK contáct blijft nodig — _Ondernemers · koersvast_"))
        XCTAssertTrue(md.contains("### Niet beoordeeld \\(niet besproken op de vier werelden\\) \\(1\\)\n\n- Nog niet beoordeeld — _Ouderen_\n"))
        // Votes as shares within the session, room and participants apart.
        XCTAssertTrue(md.contains("- Persoonlijk contact blijft nodig — _● 100% van de deelnemersstemmen \\(1 van 1\\)_"))
        // Method, anonymity, context and colophon.
        XCTAssertTrue(md.contains("### Anonimiteit\n\nEén van de vier sessies was anoniem; daarin zijn geen namen van deelnemers bewaard."), "in words, per case")
        XCTAssertFalse(md.contains("--no-names"), "no shell command in a report")
        XCTAssertTrue(md.contains("**Persona \\(fictief\\):** Riet \\(81\\) woont alleen in Zwolle."))
        XCTAssertTrue(md.contains("Een eigen doelgroep van de facilitator"), "the custom group is said to be one")
        XCTAssertTrue(md.contains("### Genoemde trends\n\n- 1\\. Vergrijzing — _Meer ouderen._"))
        XCTAssertTrue(md.contains("| Facilitatoren | Anna, Els, Cas |"))
        // The grid: ■ where an insight holds, koersvast rows in bold.
        XCTAssertTrue(md.contains("| **Persoonlijk contact blijft nodig** | ■ | ■ | ■ | ■ | koersvast |"))
        XCTAssertTrue(md.contains("| Digitale hulp aan huis |  | ■ |  | ■ | scenariospecifiek |"))
        // Whose votes: the room's (facilitator) and participants' are told apart.
        XCTAssertTrue(md.contains("\\=SUM\\(A1\\) hulp bij formulieren — _2 stemmen \\(○○ zaal\\) · Riet_"))
        XCTAssertTrue(md.contains("Het loket blijft nodig, \"echt\" nodig — _1 stem \\(● deelnemer\\) · Bram_"))
        // Per scenario: the poles for readers who were not there; everything typed elsewhere.
        XCTAssertTrue(md.contains("### Zuinig en digitaal\n\n_Middelen: schaars · Technologie: omarmd_"))
        XCTAssertTrue(md.contains("#### Trends\n\n- Vergrijzing raakt hier alles — _aantekening · trend 1_"))
        XCTAssertTrue(md.contains("#### Inzichten\n\n- Mantelzorgers vallen overal tussen wal en schip — _implicatie_"))
        XCTAssertTrue(md.contains("#### Afsluiting\n\n- Volgende keer, met wijkteams erbij — _aantekening_"))
    }

    func testWorkingTitleNoteInEveryReport() {
        for language in Language.allCases {
            let note = Fixtures.mini.scenarioNote![language]
            let report = ExportFixture.report(language)
            for format in [ExportFormat.md, .html] {
                let shown = format == .html ? HTMLExport.escape(note) : MarkdownExport.inline(note)
                XCTAssertTrue(format.render(report).contains(shown), "\(language) \(format)")
            }
        }
    }

    func testAMatrixCellSaysHowManyMoreThanItShows() {
        let report = Report(
            sessions: SynthesisFixtureSet.all().filter { $0.workshop.id == "mini" }.map(\.input),
            groups: SynthesisFixtureSet.groups, language: .en, top: 1)
        let html = HTMLExport.render(report)
        XCTAssertTrue(html.contains("<span class=\"more\">+2 more</span>"), "Older people in the first scenario: 3 implications, 1 shown")
        XCTAssertFalse(html.contains("+0 more"), "a cell that shows all says nothing more")
        XCTAssertTrue(html.contains("<li>Reëel risico op eenzaamheid</li>"), "the full lists hold what the cell leaves out")
    }

    // MARK: CSV

    func testCSVShape() {
        let csv = CSVExport.render(ExportFixture.report(.nl))
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}sessie;sessie-id;workshop;doelgroep;stap;scenario;soort;tekst;auteur;"), "; for a Dutch spreadsheet")
        XCTAssertTrue(CSVExport.render(ExportFixture.report(.en)).hasPrefix("\u{FEFF}session,session id,"), ", in English")
        let tabbed = CSVExport.render(Report(sessions: ExportFixture.report(.nl).sessions, language: .nl, options: .init(separator: "\t")))
        XCTAssertTrue(tabbed.hasPrefix("\u{FEFF}sessie\tsessie-id\t"), "or as chosen")
        XCTAssertEqual(CSVExport.field("a;b"), "\"a;b\"", "quoted for any separator")
        XCTAssertTrue(csv.hasSuffix("\r\n"))
        XCTAssertEqual(CSVExport.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVExport.field("zeg \"ja\""), "\"zeg \"\"ja\"\"\"")
        XCTAssertEqual(CSVExport.field("=1+1"), "'=1+1")
        XCTAssertEqual(CSVExport.field("-2"), "'-2")
        XCTAssertEqual(CSVExport.field("@a"), "'@a")
        XCTAssertEqual(CSVExport.field("+a"), "'+a")
        XCTAssertEqual(CSVExport.field("\tx"), "\"'\tx\"", "quoted: a tab may be the separator")
        XCTAssertEqual(CSVExport.field("\rx"), "\"'\rx\"")
        XCTAssertEqual(CSVExport.field("a=b"), "a=b")
        XCTAssertEqual(CSVExport.field("=a,\"b\""), "\"'=a,\"\"b\"\"\"")
    }

    /// What every CSV row should hold, built straight from the sessions, not from the export.
    func expectedRows() -> [[String]] {
        let w = Fixtures.mini
        var rows: [[String]] = [["sessie", "sessie-id", "workshop", "doelgroep", "stap", "scenario", "soort", "tekst", "auteur", "houdt stand in", "ontwikkelrichtingen", "stemmen", "tijd (UTC)", "koersvast", "stemmen van de zaal", "datum", "plaats", "facilitator", "top 3", "groep", "tafel", "beschrijving doelgroep", "persona"]]
        // The matrix's top 3 per cell are every implication of the fixture (at most three
        // per cell); the groups are the organiser's and the same-text one.
        let top = Set(ExportFixture.report(.nl).sessions.flatMap { $0.state.entries.filter { $0.kind == .implication && $0.scenario != nil && $0.isLive }.map(\.text) })
        let groups = ["Eén loket voor alles": "Eén loket", "Eén digitaal loket": "Eén loket", "Persoonlijk contact blijft nodig": "Persoonlijk contact blijft nodig",
                      "PERSOONLIJK contáct blijft nodig": "Persoonlijk contact blijft nodig"]
        for s in ExportFixture.report(.nl).sessions {
            for e in s.state.entries where e.isLive {
                let persp: String
                switch s.state.setup.perspective {
                case .workshop(let id): persp = w.perspective(id)!.name.nl
                case .custom(let n): persp = n
                }
                func guarded(_ t: String) -> String { ["=", "+", "-", "@", "\t", "\r"].contains { t.hasPrefix($0) } ? "'" + t : t }
                rows.append([
                    s.state.setup.title, s.sessionId, "Miniworkshop", persp, w.step(e.step)!.title.nl,
                    e.scenario.map { w.scenario($0)!.title.nl } ?? "",
                    ["implication": "implicatie", "insight": "inzicht", "note": "aantekening"][e.kind.rawValue]!,
                    guarded(e.text), s.hidesNames ? "" : e.author ?? "",
                    w.scenarios.filter { e.holdsIn.contains($0.id) }.map(\.title.nl).joined(separator: "; "),
                    w.directions.filter { e.directions.contains($0.id) }.map(\.title.nl).joined(separator: "; "),
                    String(e.votes), ISOTime.format(ms: e.createdAt),
                    e.kind == .insight ? (w.scenarios.allSatisfy { e.holdsIn.contains($0.id) } ? "ja" : "nee") : "",
                    String(e.votesBy["facilitator"] ?? 0),
                    ISOTime.date(ms: s.state.createdAt), s.state.setup.place ?? "", s.hidesNames ? "" : s.state.setup.facilitator ?? "",
                    top.contains(e.text) ? "ja" : "", groups[e.text] ?? "", "",
                    s.state.setup.customDescription ?? "", s.state.setup.customPersona ?? "",
                ])
            }
        }
        return rows
    }

    func testCSVReadBackByPythonWithIdenticalFields() throws {
        let csv = CSVExport.render(ExportFixture.report(.nl))
        let script = """
            import csv, io, json, sys
            data = sys.stdin.buffer.read()
            assert data.startswith(b'\\xef\\xbb\\xbf'), 'no UTF-8 byte-order mark'
            text = data.decode('utf-8-sig')
            rows = list(csv.reader(io.StringIO(text, newline=''), delimiter=';', strict=True))
            print(json.dumps(rows))
            """
        let rows = try XCTUnwrap(try ExportPython.json(ExportPython.run(script, input: csv)) as? [[String]])
        let expected = expectedRows()
        XCTAssertEqual(rows.count, expected.count)
        for (r, e) in zip(rows, expected) { XCTAssertEqual(r, e) }
        XCTAssertTrue(rows.contains { $0[7] == "'=SUM(A1) hulp bij formulieren" })
        XCTAssertTrue(rows.contains { $0[7] == "'+31 bellen kost geld" })
        XCTAssertTrue(rows.contains { $0[7] == "'@home zorg via video" })
        XCTAssertTrue(rows.contains { $0[7] == "De app is te moeilijk\nvoor velen" })
        XCTAssertTrue(rows.contains { $0[7] == "Het loket blijft nodig, \"echt\" nodig" && $0[8] == "Bram" && $0[11] == "1" })
        XCTAssertFalse(rows.contains { $0[7] == "Weggehaald" }, "removed entries are not exported")
    }

    // MARK: JSON

    static let validate = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            sys.exit('the jsonschema package is missing: pip install jsonschema')
        schema = json.load(open(sys.argv[1], encoding='utf-8'))
        jsonschema.Draft202012Validator.check_schema(schema)
        errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.load(sys.stdin)), key=lambda e: list(e.path))
        print(json.dumps([list(map(str, e.path)) + [e.message] for e in errors]))
        """
    static let schemaPath = Fixtures.root.appendingPathComponent("docs/export-schema.json").path

    func testJSONValidatesAgainstTheSchema() throws {
        for language in Language.allCases {
            let json = JSONExport.render(ExportFixture.report(language))
            let errors = try ExportPython.json(ExportPython.run(Self.validate, input: json, args: [Self.schemaPath])) as? [Any]
            XCTAssertEqual(errors?.count, 0, "\(language): \(String(describing: errors))")
        }
    }

    func testTheSchemaRejectsANameInAHiddenSession() throws {
        var json = JSONExport.render(ExportFixture.report(.en))
        // The anonymous session's first author, put back in by hand.
        let marker = "\"text\": \"+31 bellen kost geld\",\n          \"author\": null"
        XCTAssertTrue(json.contains(marker))
        json = json.replacingOccurrences(of: marker, with: "\"text\": \"+31 bellen kost geld\",\n          \"author\": \"Dirk\"")
        let errors = try ExportPython.json(ExportPython.run(Self.validate, input: json, args: [Self.schemaPath])) as? [Any]
        XCTAssertEqual(errors?.count, 1)
    }

    func testJSONReferencesResolve() throws {
        let value = try XCTUnwrap(ExportPython.json(JSONExport.render(ExportFixture.report(.nl))) as? [String: Any])
        var known = Set<String>()
        for s in value["sessions"] as! [[String: Any]] {
            for e in s["entries"] as! [[String: Any]] { known.insert("\(s["id"]!)/\(e["id"]!)") }
        }
        XCTAssertEqual(known.count, 19, "15 entries in the synthesis, and 4 typed outside it (notes, an implication without a scenario)")
        var refs = 0
        func walk(_ v: Any) {
            if let o = v as? [String: Any] {
                if let s = o["session"] as? String, let e = o["entry"] as? String {
                    refs += 1
                    XCTAssertTrue(known.contains("\(s)/\(e)"), "dangling \(s)/\(e)")
                }
                o.values.forEach(walk)
            } else if let a = v as? [Any] { a.forEach(walk) }
        }
        walk(value["workshops"]!)
        XCTAssertGreaterThan(refs, 20)
    }

    // MARK: HTML

    func testHTMLWellFormedSelfContainedAndEscaped() throws {
        let script = """
            import json, sys
            from html.parser import HTMLParser
            VOID = {'meta', 'br', 'hr', 'img', 'input', 'link', 'col', 'wbr'}
            class P(HTMLParser):
                def __init__(self):
                    super().__init__(convert_charrefs=True)
                    self.stack, self.problems, self.text, self.tags = [], [], [], set()
                def handle_starttag(self, tag, attrs):
                    self.tags.add(tag)
                    for k, v in attrs:
                        # Links inside the document (the contents) are fine; nothing leaves it.
                        if (k == 'src' or k.startswith('on') or (k == 'href' and not (v or '').startswith('#'))):
                            self.problems.append('attribute ' + k)
                    if tag not in VOID:
                        self.stack.append(tag)
                def handle_endtag(self, tag):
                    if not self.stack or self.stack[-1] != tag:
                        self.problems.append('unexpected </%s> with open %s' % (tag, self.stack))
                    else:
                        self.stack.pop()
                def handle_data(self, data):
                    self.text.append(data)
            p = P()
            p.feed(sys.stdin.read())
            p.close()
            if p.stack:
                p.problems.append('unclosed %s' % p.stack)
            print(json.dumps({'problems': p.problems, 'tags': sorted(p.tags), 'text': ''.join(p.text)}))
            """
        for language in Language.allCases {
            let html = HTMLExport.render(ExportFixture.report(language))
            let result = try XCTUnwrap(try ExportPython.json(ExportPython.run(script, input: html)) as? [String: Any])
            XCTAssertEqual(result["problems"] as? [String], [], "\(language)")
            let tags = result["tags"] as? [String] ?? []
            XCTAssertFalse(tags.contains("script"))
            XCTAssertFalse(tags.contains("link"))
            XCTAssertTrue(tags.contains("table") && tags.contains("style"))
            let text = result["text"] as? String ?? ""
            XCTAssertTrue(text.contains("<script>alert(1)</script> & meer"), "typed markup is shown as text")
            XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer"))
            XCTAssertFalse(html.contains("http://") || html.contains("https://"), "no external assets")
        }
    }

    // MARK: Time

    func testISOTime() {
        XCTAssertEqual(ISOTime.format(ms: 0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(ISOTime.format(ms: 1_790_000_000_000), "2026-09-21T14:13:20Z")
        XCTAssertEqual(ISOTime.format(ms: 1_709_208_000_999), "2024-02-29T12:00:00Z")
        XCTAssertEqual(ISOTime.format(ms: 951_825_600_000), "2000-02-29T12:00:00Z")
        XCTAssertEqual(ISOTime.format(ms: 4_102_444_799_000), "2099-12-31T23:59:59Z")
        XCTAssertEqual(ISOTime.format(ms: -1), "1969-12-31T23:59:59Z")
        XCTAssertEqual(ISOTime.date(ms: 1_790_000_000_000), "2026-09-21")
    }
}
