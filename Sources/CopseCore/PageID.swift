/// A page of the site: its position in ``Site/pages``, as a type of its own, so that a page
/// handle cannot be mixed up with a count, a position in another list or a community's index.
public struct PageID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let index: Int

    public init(_ index: Int) {
        self.index = index
    }

    public static func < (a: PageID, b: PageID) -> Bool { a.index < b.index }

    public var description: String { "page \(index)" }
}

public extension Array where Element == SitePage {
    subscript(id: PageID) -> SitePage {
        // Read and modified in place: a SitePage is large, and a copy retains each of its parts.
        _read { yield self[id.index] }
        _modify { yield &self[id.index] }
    }

    /// Every page's id, in order.
    var ids: [PageID] { indices.map(PageID.init) }
}
