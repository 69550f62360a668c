/// Who sat where in a tables session: per table round, each table with its scenario and the
/// people at it; with names left out, how many sat there.
extension PartBuilder {
    mutating func seatingTables(_ sessions: [SessionInput]) {
        for s in sessions where !s.state.seats.isEmpty {
            heading(2, t.seating + " — " + s.state.setup.title)
            var rows: [ReportDocument.Row] = []
            for step in w.steps where step.kind == .tableRound {
                let sitting = s.state.sitting(in: step.id)
                guard !sitting.isEmpty else { continue }
                for table in w.tables(of: step) {
                    let keys = sitting[table.id] ?? []
                    let who = s.hidesNames
                        ? t.peopleCount(keys.count)
                        : keys.map { s.state.participants[$0]?.name ?? "—" }.joined(separator: ", ")
                    rows.append(.init(cells: [
                        .init(text: step.title[l]), .init(text: String(table.number)),
                        .init(text: scenarioTitle(table.scenario)), .init(text: keys.isEmpty ? "—" : who),
                    ]))
                }
            }
            let header = [t.round, t.table, t.scenarioWord, t.atTable]
            add(.table(.init(kind: .plain, header: header, rows: rows, small: true)))
        }
    }
}
