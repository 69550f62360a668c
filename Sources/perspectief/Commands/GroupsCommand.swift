import Application
import ArgumentParser
import Core
import Store

/// The organiser's decisions on proposed groups (`Application/Findings/GroupDecisions`):
/// what is proposed, accept, reject, and what stands. Wiring only.
struct GroupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groups",
        abstract: "Proposed groups of similar insights: suggest, accept, reject, list (kept in the store).",
        subcommands: [Suggest.self, Accept.self, Reject.self, List.self])

    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the proposals not yet accepted or rejected, with why each was proposed.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var workshopOptions: WorkshopOptions
        @Flag(help: "Print JSON: an array of {id, members: [{session, entry, perspective, text}], reasons}.") var json =
            false

        func run() throws {
            let proposals: [SimilarInsights.Proposal]
            do {
                proposals = try GroupDecisions.suggest(
                    store: try storeOptions.open(), workshops: workshopOptions.catalog().workshops)
            } catch let f as FindingsFailure { throw CLIError(f.reason) }
            if json { return Output.json(GroupDecisions.json(proposals)) }
            let l = Output.language()
            if proposals.isEmpty { print(FindingsMessages.noProposals[l]) }
            for p in proposals {
                print(p.id + "  " + FindingsMessages.why(p)[l])
                for i in p.items {
                    print(
                        "  - " + i.ref.sessionId + "/" + i.ref.entryId + "  "
                            + TerminalText.safe(i.entry.text, keepLineBreaks: false))
                }
            }
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Accept a proposal: it becomes a group (rename or edit it in review).")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var workshopOptions: WorkshopOptions
        @Argument(help: "The proposal's id (from groups suggest).") var id: String

        func run() throws {
            let group: String
            do {
                group = try GroupDecisions.accept(
                    id, store: try storeOptions.open(forWriting: true), workshops: workshopOptions.catalog().workshops,
                    now: Clock.nowMs())
            } catch let f as FindingsFailure { throw CLIError(f.reason) }
            print(FindingsMessages.accepted(id, group: group)[Output.language()])
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reject a proposal: it, or any part of it, is never proposed again.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var workshopOptions: WorkshopOptions
        @Argument(help: "The proposal's id (from groups suggest).") var id: String

        func run() throws {
            do {
                try GroupDecisions.reject(
                    id, store: try storeOptions.open(forWriting: true), workshops: workshopOptions.catalog().workshops,
                    now: Clock.nowMs())
            } catch let f as FindingsFailure { throw CLIError(f.reason) }
            print(FindingsMessages.rejected(id)[Output.language()])
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the organiser's groups and the rejected proposals.")
        @OptionGroup var storeOptions: StoreOptions
        @Flag(help: "Print JSON: {groups: [{id, label, proposal, members}], rejected: [{proposal, members}]}.")
        var json = false

        func run() throws {
            let found: (groups: [InsightGroup], decisions: OrganiserDecisions)
            do { found = try GroupDecisions.list(store: try storeOptions.open()) } catch let f as FindingsFailure {
                throw CLIError(f.reason)
            }
            if json { return Output.json(GroupDecisions.json(groups: found.groups, decisions: found.decisions)) }
            let l = Output.language()
            for g in found.groups {
                print(
                    g.id + "  " + TerminalText.safe(g.label, keepLineBreaks: false) + "  "
                        + FindingsMessages.members(g.members.count)[l])
            }
            for r in found.decisions.rejected {
                print(r.proposal + "  " + FindingsMessages.rejectedLine(r.members.count)[l])
            }
        }
    }
}

/// The organiser's evidence for the study's main messages (`Application/Findings/MessageLinks`).
struct MessagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "messages",
        abstract: "Link insights or directions to the study's main messages as their evidence.",
        subcommands: [Link.self, Unlink.self, List.self])

    struct Target: ParsableArguments {
        @Argument(help: "The message's id (see messages list).") var message: String
        @Option(help: ArgumentHelp("An insight: SESSION/ENTRY.", valueName: "session/entry")) var insight: String?
        @Option(help: ArgumentHelp("A development direction's id.", valueName: "id")) var direction: String?
    }

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Link an insight or a direction to a message.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var workshopOptions: WorkshopOptions
        @OptionGroup var target: Target

        func run() throws { try MessagesCommand.change(target, linked: true, storeOptions, workshopOptions) }
    }

    struct Unlink: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take an insight or a direction off a message.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var workshopOptions: WorkshopOptions
        @OptionGroup var target: Target

        func run() throws { try MessagesCommand.change(target, linked: false, storeOptions, workshopOptions) }
    }

    static func change(_ t: Target, linked: Bool, _ storeOptions: StoreOptions, _ workshopOptions: WorkshopOptions)
        throws
    {
        do {
            let evidence = try MessageLinks.evidence(insight: t.insight, direction: t.direction)
            try MessageLinks.link(
                message: t.message, evidence, linked: linked, store: try storeOptions.open(forWriting: true),
                workshops: workshopOptions.catalog().workshops, now: Clock.nowMs())
        } catch let f as FindingsFailure { throw CLIError(f.reason) }
        print(FindingsMessages.linked(linked)[Output.language()])
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every main message with the evidence linked to it.")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var workshopOptions: WorkshopOptions
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let list: [(workshop: Workshop, messages: [MessageEvidence])]
            do {
                list = try MessageLinks.list(
                    store: try storeOptions.open(), workshops: workshopOptions.catalog().workshops)
            } catch let f as FindingsFailure { throw CLIError(f.reason) }
            if json { return Output.json(MessageLinks.json(list)) }
            let l = Output.language()
            for part in list {
                for m in part.messages {
                    let title = part.workshop.messages.first { $0.id == m.messageId }?.title[l] ?? m.messageId
                    print(
                        m.messageId + "  " + TerminalText.safe(title, keepLineBreaks: false) + "  "
                            + FindingsMessages.evidence(m)[l])
                    for i in m.insights {
                        print(
                            "  - " + i.ref.sessionId + "/" + i.ref.entryId + "  "
                                + TerminalText.safe(i.entry.text, keepLineBreaks: false))
                    }
                    for d in m.directions { print("  - " + FindingsMessages.direction(d.directionId)[l]) }
                }
            }
        }
    }
}
