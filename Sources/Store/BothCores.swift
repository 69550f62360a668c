import Dispatch
import Synchronization

/// Work over many session folders, split over two threads: the machines this runs on have two
/// cores or more, and beyond two the disk, not the CPU, is what waits. Results come back in no
/// particular order; callers sort.
enum BothCores {
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (StrideTo<Int>) -> [T]) -> [T] {
        let threads = count < 64 ? 1 : 2
        let results = Mutex<[T]>([])
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            let mine = body(stride(from: t, to: count, by: threads))
            results.withLock { $0 += mine }
        }
        return results.withLock { $0 }
    }
}
