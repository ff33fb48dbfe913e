/// copse's version: the one place it is written. `copse --version` prints it.
package enum CopseVersion {
    package static let current = "0.1.0"
}
