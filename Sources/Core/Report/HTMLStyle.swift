/// The report's stylesheet: readable on screen, and on A4 when printed (by a browser or
/// by `perspectief export --format pdf`): the front page on a page of its own, tables
/// and list items not split across pages.
extension HTMLExport {
    static let css = """
        html { hyphens: auto; -webkit-hyphens: auto; }
        body { overflow-wrap: break-word; font-family: "DejaVu Sans", system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #1a1a1a; line-height: 1.45; }
        h1 { font-size: 1.7em; border-bottom: 2px solid #154273; padding-bottom: .2em; color: #154273; }
        h2 { font-size: 1.35em; margin-top: 1.6em; color: #154273; }
        h3 { font-size: 1.15em; margin-top: 1.2em; }
        h4, h5, h6 { font-size: 1em; margin: .9em 0 .3em; }
        ul { padding-left: 1.3em; }
        li { margin: .2em 0; }
        .lead { font-size: 1.2em; border-left: 4px solid #154273; padding: .3em .8em; background: #f3f6fa; }
        .lead .label { display: block; font-size: .75em; text-transform: uppercase; letter-spacing: .05em; color: #154273; }
        .note { color: #555; font-size: .9em; }
        .note::before { content: "— "; }
        .marks { color: #555; font-size: .9em; }
        .note + .marks::before { content: "· "; }
        .scenario { display: inline-block; border: 1px solid #8aa4c4; border-radius: .25em; padding: 0 .35em; margin: .1em .15em; background: #eef3f9; color: #1a1a1a; }
        .remark { font-style: italic; color: #555; }
        hr.page-break { border: 0; border-top: 1px dashed #bbb; margin: 2em 0; }
        table { border-collapse: collapse; width: 100%; margin: .5em 0; font-size: .92em; }
        th, td { border: 1px solid #999; padding: .35em .5em; vertical-align: top; text-align: left; }
        thead th { background: #e8eef5; }
        table.matrix .count { font-weight: bold; font-size: 1.1em; }
        table.matrix ol { margin: .3em 0 0; padding-left: 1.2em; font-size: .9em; }
        table.matrix .more { display: block; color: #555; font-size: .85em; font-style: italic; }
        table.grid { table-layout: fixed; }
        table.grid thead th { width: 8.5em; hyphens: auto; overflow-wrap: break-word; }
        table.grid th, table.grid td { vertical-align: middle; }
        table.grid thead th:first-child { width: auto; }
        table.grid thead th:last-child { width: 8em; }
        table.grid tbody th { font-weight: normal; }
        table.grid td.mark { text-align: center; font-size: 1.2em; color: #154273; }
        table.grid thead th:not(:first-child) { text-align: center; font-size: .85em; }
        table.grid td.robustness { font-size: .85em; color: #555; hyphens: auto; overflow-wrap: normal; }
        table.grid tr.koersvast th, table.grid tr.koersvast td { background: #e3f1e3; }
        table.grid tr.koersvast th { font-weight: bold; }
        table.grid tr.koersvast td.robustness { color: #1d5e1d; font-weight: bold; }
        .subtitle { color: #555; font-style: italic; }
        .concept { border: 2px solid #b00020; color: #b00020; padding: .4em .8em; font-weight: bold; }
        nav.contents ol { columns: 1; padding-left: 1.6em; }
        nav.contents a { display: flex; color: inherit; text-decoration: none; }
        nav.contents a .title { flex: 1; }
        nav.contents a .page { padding-left: 1em; font-variant-numeric: tabular-nums; }
        table.small { font-size: .78em; }
        table.small th, table.small td { padding: .2em .4em; }
        figure { margin: 1em 0; break-inside: avoid; }
        figure svg { max-width: 42em; display: block; }
        figcaption { font-size: .9em; color: #555; font-style: italic; }
        table.plain td:nth-child(3) { white-space: nowrap; }
        table.plain tbody th { min-width: 7em; }
        @page { size: A4; margin: 20mm 16mm 18mm; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
          hr.page-break { break-after: page; border: 0; margin: 0; }
          thead { display: table-header-group; }
          tr, li, .lead { break-inside: avoid; }
          h1, h2, h3, h4 { break-after: avoid; break-inside: avoid; }
          h2 + *, h3 + *, h4 + * { break-before: avoid; }
          p, li { orphans: 3; widows: 3; }
          h2 { break-before: auto; }
          th, td, .scenario { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
