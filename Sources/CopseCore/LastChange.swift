/// The last commit that changed a page's source file, from the git history.
package struct LastChange: Sendable, Hashable {
    /// The commit's author date, in the author's own time zone.
    package var day: Day
    /// The commit author's name as git records it (`.mailmap` applied).
    package var author: String

    package init(day: Day, author: String) {
        self.day = day
        self.author = author
    }
}
