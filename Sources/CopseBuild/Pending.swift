import Foundation

/// A value worked out on another thread while the build goes on (the last build's manifest while
/// the content folder is scanned, copse.yml and the theme while the inputs are hashed): one of
/// the two cores would otherwise wait for stages that use only one.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written by the working thread before it leaves `done`; read only after `done` is waited for.
    private var value: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async {
            self.value = work()
            self.done.leave()
        }
    }

    /// The value, once worked out.
    func wait() -> Value {
        done.wait()
        return value!
    }
}
