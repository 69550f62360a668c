import Foundation
import Synchronization

/// A limit on how long one database call may take. A network that goes silent (Wi-Fi roaming,
/// a dead switch) sends no reset: without a deadline a query waits for ever and the room keeps
/// saying "up to date". The caller is answered at the deadline whatever the stuck call does;
/// `onTimeout` (closing the connection) then makes that call end too.
enum Deadline {
    struct Expired: Error {}

    private final class Race<T: Sendable>: Sendable {
        let continuation = Mutex<CheckedContinuation<T, any Error>?>(nil)
        let timer = Mutex<Task<Void, Never>?>(nil)

        /// The first to finish answers; returns false when someone else did already.
        func finish(_ result: Result<T, any Error>) -> Bool {
            guard
                let c = continuation.withLock({ c -> CheckedContinuation<T, any Error>? in
                    defer { c = nil }
                    return c
                })
            else { return false }
            c.resume(with: result)
            return true
        }
    }

    static func run<T: Sendable>(
        seconds: Double, onTimeout: @escaping @Sendable () async -> Void,
        _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let race = Race<T>()
        return try await withCheckedThrowingContinuation { (c: CheckedContinuation<T, any Error>) in
            race.continuation.withLock { $0 = c }
            let timer = Task {
                try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                guard !Task.isCancelled else { return }
                if race.finish(.failure(Expired())) { await onTimeout() }
            }
            race.timer.withLock { $0 = timer }
            Task {
                let result: Result<T, any Error>
                do { result = .success(try await body()) } catch { result = .failure(error) }
                if race.finish(result) { race.timer.withLock { $0?.cancel() } }
            }
        }
    }
}
