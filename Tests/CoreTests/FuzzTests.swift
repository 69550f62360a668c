import Core
import Foundation
import XCTest

/// A seeded, bounded mutation fuzzer over everything that reads bytes from a file: the
/// JSON parser, the event decoder with the fold, and the workshop loader. Every input that
/// ever crashed one of them sits in Tests/Fixtures/fuzz/ and is replayed on every run.
///
/// A crash takes the test process down, which is the failure. To hunt for new ones, run
/// longer with another seed and a trace file that holds the input being tried:
///   PERSPECTIEF_FUZZ_SEED=7 PERSPECTIEF_FUZZ_SECONDS=300 PERSPECTIEF_FUZZ_ITERATIONS=10000000 \
///   PERSPECTIEF_FUZZ_TRACE=/tmp/fuzz-input swift test --filter FuzzTests
/// and copy the trace file into Tests/Fixtures/fuzz/ when it crashes (docs/RELIABILITY.md).
final class FuzzTests: XCTestCase {
    static let corpusFolder = Fixtures.root.appendingPathComponent("Tests/Fixtures/fuzz").path

    func testEveryCorpusInputIsHandled() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpusFolder).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertFalse(names.isEmpty, "the corpus is in the repository")
        for name in names where name != "README.md" {
            let bytes = [UInt8](FileManager.default.contents(atPath: Self.corpusFolder + "/" + name) ?? Data())
            Self.exercise(bytes)
        }
    }

    func testSeededMutations() {
        let env = ProcessInfo.processInfo.environment
        let seed = env["PERSPECTIEF_FUZZ_SEED"].flatMap(UInt64.init) ?? 2035
        let iterations = env["PERSPECTIEF_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 20_000
        let seconds = env["PERSPECTIEF_FUZZ_SECONDS"].flatMap(Double.init) ?? 12
        let trace = env["PERSPECTIEF_FUZZ_TRACE"]
        var random = SplitMix64(seed: seed)
        let seeds = Self.seeds()
        let deadline = Date().addingTimeInterval(seconds)
        var done = 0
        while done < iterations && Date() < deadline {
            var input = seeds[Int(random.next() % UInt64(seeds.count))]
            for _ in 0..<(1 + Int(random.next() % 4)) { Self.mutate(&input, seeds: seeds, random: &random) }
            // In place, not atomically: this runs for every input.
            if let trace { try? Data(input).write(to: URL(fileURLWithPath: trace)) }
            Self.exercise(input)
            done += 1
        }
        XCTAssertGreaterThan(done, 500, "the loop ran (seed \(seed))")
        print("fuzz: \(done) inputs, seed \(seed)")
    }

    // MARK: Targets

    /// Runs one input through every reader and checks what each promises.
    static func exercise(_ bytes: [UInt8]) {
        if let value = try? JSONParser.parse(data: bytes) {
            // What the writer makes of a parsed value parses back to the same value.
            let text = JSONWriter.compact(value)
            let again = try? JSONParser.parse(text)
            XCTAssertNotNil(again, "the writer's output parses: \(text.prefix(200))")
            if isFinite(value) { XCTAssertEqual(again, value) }
            for scalar in JSONWriter.pretty(value).unicodeScalars where !TerminalText.isSafe(scalar) {
                XCTFail("the writer let U+\(String(scalar.value, radix: 16)) through")
            }
        }
        foldJournal(bytes)
        if let workshop = try? WorkshopLoader.load(bytes: bytes, file: "fuzz.json") {
            let engine = Engine(workshop: workshop)
            _ = try? engine.decide(.addEntry(id: "x", text: "x"), by: .facilitator("F"), in: created(workshop: workshop.id))
        }
    }

    /// The input as a journal: every line that decodes is folded after a session start, and
    /// everything the screens compute from the state is computed.
    static func foldJournal(_ bytes: [UInt8]) {
        var events = [Event(id: "c", writer: "c", seq: 1, clock: 1, time: 0, actor: .facilitator("F"), change: .sessionCreated(setup(workshop: "mini")))]
        for line in bytes.split(separator: 0x0A) {
            guard let value = try? JSONParser.parse(data: Array(line)), let event = try? Event(json: value) else { continue }
            // Decoding what we encode gives the same event: the cleaning on load is stable.
            XCTAssertEqual(try? Event(json: event.json), event)
            events.append(event)
        }
        guard events.count > 1, var state = SessionState.fold(events) else { return }
        // Each event again, twice: what a journal that repeats a line under new ids does.
        // Sums (timer extensions, elapsed time, votes) then reach what one event cannot.
        for _ in 0..<2 { for e in events.dropFirst() { state.apply(e) } }
        for (_, timer) in state.timers {
            _ = timer.remainingMs(minutes: 1_000_000, now: Int64(EventLimits.time.upperBound))
            _ = timer.remainingMs(minutes: 0, now: 0)
        }
        for e in state.entries {
            _ = e.votes
            _ = state.votesUsed(by: e.owner)
        }
    }

    static func setup(workshop: String) -> SessionSetup {
        SessionSetup(
            sessionId: "s", workshopId: workshop, workshopTitle: LocalizedText(nl: "W", en: "W"), perspective: .workshop("ouderen"),
            title: "T", facilitator: "F", anonymous: false)
    }

    static func created(workshop: String) -> SessionState {
        let e = Event(id: "c", writer: "c", seq: 1, clock: 1, time: 0, actor: .facilitator("F"), change: .sessionCreated(setup(workshop: workshop)))
        return SessionState.fold([e])!
    }

    static func isFinite(_ v: JSONValue) -> Bool {
        switch v {
        case .number(let n): return n.isFinite
        case .array(let a): return a.allSatisfy(isFinite)
        case .object(let o): return o.pairs.allSatisfy { isFinite($0.value) }
        default: return true
        }
    }

    // MARK: Inputs

    /// Real files: a journal with one event of every kind, a snapshot, a workshop, and the
    /// crash corpus.
    static func seeds() -> [[UInt8]] {
        var h = SessionHarness()
        let p = SessionHarness.participant("Zoë")
        h.run(.join, by: p)
        h.run(.startTimer)
        h.run(.extendTimer(seconds: 300))
        h.go(to: "ronde-a")
        h.add("a", "Eén loket — reëel")
        h.run(.addEntry(id: "b", text: "Van Zoë", author: nil), by: p)
        h.run(.editEntry(id: "a", text: "Eén loket, echt"))
        h.run(.setHolds(id: "a", scenario: "a", holds: true))
        h.run(.pauseTimer)
        h.run(.undo)
        h.run(.removeEntry(id: "b"))
        h.run(.changeSettings(holdForReview: true, hideNames: true, voteBudget: 5))
        h.run(.renameScenario(id: "a", title: "Nieuw"))
        h.go(to: "stemmen")
        h.run(.vote(id: "a"), by: p)
        h.run(.close)
        let journal = h.events.map { JSONWriter.compact($0.json) }.joined(separator: "\n") + "\n"
        var snapshot = JSONObject()
        snapshot["schema"] = 1
        snapshot["session"] = "s1"
        snapshot["events"] = .array(h.events.map(\.json))
        var seeds: [[UInt8]] = [Array(journal.utf8), Array(JSONWriter.pretty(.object(snapshot)).utf8), Fixtures.bytes("Tests/Fixtures/mini.json")]
        for line in journal.split(separator: "\n") { seeds.append(Array(line.utf8)) }
        let corpus = (try? FileManager.default.contentsOfDirectory(atPath: corpusFolder)) ?? []
        for name in corpus.sorted() where name.hasSuffix(".json") || name.hasSuffix(".jsonl") {
            seeds.append([UInt8](FileManager.default.contents(atPath: corpusFolder + "/" + name) ?? Data()))
        }
        return seeds
    }

    static let tokens: [[UInt8]] = [
        "8999999999999999", "-8999999999999999", "9999999999999999999", "1e400", "-9e15", "-0", "0.5", "\"\\u001b[2J\"", "\"\\u009b\"",
        "\"\\ud800\"", "\"\\u202e\"", "{}", "[]", "null", "true", "\"seconds\":", "\"time\":", "\"type\":\"timerPaused\"",
        "\"undoes\":\"e1\"", ",", ":", "\"", "\\", "{", "[", "\n", "\u{9B}", "\u{1B}",
    ].map { Array($0.utf8) }

    static func mutate(_ input: inout [UInt8], seeds: [[UInt8]], random: inout SplitMix64) {
        func pick(_ n: Int) -> Int { n <= 0 ? 0 : Int(random.next() % UInt64(n)) }
        switch random.next() % 8 {
        case 7:
            // A line repeated many times: what a hostile journal does with one event.
            let lines = input.split(separator: 0x0A, omittingEmptySubsequences: false)
            let line = lines[pick(lines.count)]
            let times = 2 + pick(100)
            guard line.count * times < 1 << 18 else { return }
            var repeated: [UInt8] = []
            for _ in 0..<times { repeated += line + [0x0A] }
            input += [0x0A] + repeated
        case 0 where !input.isEmpty:
            input[pick(input.count)] ^= UInt8(1 << pick(8))
        case 1 where !input.isEmpty:
            let interesting: [UInt8] = [0, 0x1B, 0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x2D, 0x39, 0xC2, 0x9B, 0xFF, 0x0A]
            input[pick(input.count)] = interesting[pick(interesting.count)]
        case 2:
            input.insert(contentsOf: tokens[pick(tokens.count)], at: pick(input.count + 1))
        case 3 where input.count > 1:
            let from = pick(input.count)
            input.removeSubrange(from..<min(input.count, from + 1 + pick(64)))
        case 4 where !input.isEmpty && input.count < 1 << 20:
            let from = pick(input.count)
            let chunk = input[from..<min(input.count, from + 1 + pick(256))]
            input.insert(contentsOf: chunk, at: pick(input.count + 1))
        case 5:
            let other = seeds[pick(seeds.count)]
            guard !other.isEmpty else { return }
            let cut = pick(input.count + 1)
            input = Array(input[..<cut]) + Array(other[pick(other.count)...])
        default:
            // A number somewhere becomes an extreme one.
            guard var at = input.indices.filter({ input[$0] >= 0x30 && input[$0] <= 0x39 }).randomElement(using: &random) else { return }
            while at > 0, (input[at - 1] >= 0x30 && input[at - 1] <= 0x39) || input[at - 1] == 0x2D { at -= 1 }
            var end = at
            while end < input.count, input[end] >= 0x30 && input[end] <= 0x39 { end += 1 }
            input.replaceSubrange(at..<end, with: tokens[pick(4)])
        }
    }
}

/// A small, fast generator whose sequence depends only on its seed: a failure is
/// reproduced by running the same seed again.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
