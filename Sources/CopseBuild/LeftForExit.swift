/// Values a build made that the process ends without freeing (see ``BuildOptions/endsProcess``):
/// freeing ten thousand pages' strings and arrays one by one costs a one-shot build tens of
/// milliseconds that the system's reclaiming of the whole process at exit does not.
enum LeftForExit {
    private final class Held<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Keeps `value` alive until the process exits, when `options` say it ends after this build.
    static func keep<Value>(_ value: Value, if options: BuildOptions) {
        guard options.endsProcess else { return }
        _ = Unmanaged.passRetained(Held(value))
    }
}
