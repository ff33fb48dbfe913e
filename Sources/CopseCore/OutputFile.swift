import Foundation

/// One file of the built site.
package struct OutputFile: Sendable, Equatable {
    package enum Contents: Sendable, Equatable {
        case text(String)
        /// Copied byte for byte from a source file.
        case copy(URL)
        /// Bytes held in memory (an asset of the theme built into copse).
        case bytes([UInt8])
    }

    /// Relative to the output folder.
    package var path: String
    package var contents: Contents

    package init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }
}
