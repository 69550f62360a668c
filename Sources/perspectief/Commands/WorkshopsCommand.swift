import ArgumentParser
import Core
import Store

struct WorkshopsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshops", abstract: "List the workshops found (shipped ones and --workshops folders).")

    @OptionGroup var workshopOptions: WorkshopOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let found = workshopOptions.catalog()
        let language = Output.language()
        if json {
            Output.json(.array(found.workshops.map { w in
                ["id": .string(w.id), "title": w.title.json, "perspectives": .array(w.perspectives.map { .string($0.id) }),
                 "steps": .number(Double(w.steps.count))]
            }))
        } else {
            for w in found.workshops {
                let groups = w.perspectives.map(\.id).joined(separator: ", ")
                print("\(w.id)\t\(w.title[language])\t\(w.perspectiveTerm.plural[language]): \(groups)")
            }
        }
        for p in found.problems { FileHandleErr.print(Messages.warning[language] + p.description) }
    }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a workshop file; print every problem with its JSON path.")

    @Argument(help: "The workshop file.") var file: String

    func run() throws {
        switch WorkshopCatalog.loadFile(file) {
        case .success(let w):
            if let problem = WorkshopCatalog.programmeProblem(file: file, workshop: w) {
                FileHandleErr.print(problem.description)
                throw ExitCode(1)
            }
            print("\(file): OK — \(w.id), \(w.scenarios.count) scenarios, \(w.perspectives.count) perspectives, \(w.steps.count) steps")
        case .failure(let e):
            FileHandleErr.print(e.description)
            throw ExitCode(1)
        }
    }
}
