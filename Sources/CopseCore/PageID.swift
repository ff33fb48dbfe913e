/// A page of the site: its position in ``Site/pages``, as a type of its own, so that a page
/// handle cannot be mixed up with a count, a position in another list or a community's index.
@usableFromInline package struct PageID: Hashable, Comparable, Sendable, CustomStringConvertible {
    @usableFromInline package let index: Int

    package init(_ index: Int) {
        self.index = index
    }

    @usableFromInline package static func < (a: PageID, b: PageID) -> Bool { a.index < b.index }

    @usableFromInline package var description: String { "page \(index)" }
}

/// A page of one of the site's stages (``PlacedPage``, ``SitePage``): a list of them is indexed by ``PageID``.
package protocol PageOfSite {}
extension PlacedPage: PageOfSite {}
extension SitePage: PageOfSite {}

package extension Array where Element: PageOfSite {
    // Inlinable: unspecialised in another module, it copies the page it reads.
    @inlinable subscript(id: PageID) -> Element {
        // Read and modified in place: a SitePage is large, and a copy retains each of its parts.
        _read { yield self[id.index] }
        _modify { yield &self[id.index] }
    }

    /// Every page's id, in order.
    var ids: [PageID] { indices.map(PageID.init) }
}
