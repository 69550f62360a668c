import Store

extension StoreOptions {
    /// A session opened only to add entries (`add`, `import`): its cost does not grow with it.
    func sessionForAdding(_ id: String) throws -> SessionHandle {
        do { return try open(forWriting: true).openForAdding(id) } catch let e as StoreError { throw CLIError(e) }
    }
}
