/// copse's version: the one place it is written. `copse --version` prints it.
public enum CopseVersion {
    public static let current = "0.1.0"
}
