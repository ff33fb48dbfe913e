/// Which changes under a hub are worth a rebuild: `copse.yml`, and anything under `content/`
/// and `themes/` but hidden files and folders (`.git`, the build's own `.copse-cache`) and the
/// files editors write beside the one being saved (swap, backup and lock files, vim's `4913`).
struct WatchFilter: Sendable {
    /// What the watchers watch, relative to the hub's folder.
    static let configFile = "copse.yml"
    static let folders = ["content", "themes"]

    /// A path relative to the hub's folder: true when a change there needs a rebuild.
    func matters(_ path: String) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        guard let top = parts.first else { return false }
        if parts.count == 1, top == Self.configFile { return true }
        return Self.folders.contains(top) && !parts.contains(where: Self.ignored)
    }

    /// A file or folder name whose changes never matter (nor those of anything inside it).
    static func ignored(_ name: String) -> Bool {
        name.hasPrefix(".")                                     // hidden; .#x (emacs lock), .x.swp (vim)
            || name.hasSuffix("~")                              // backups
            || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo")
            || name == "4913"                                   // vim's test of whether it can write the folder
            || (name.hasPrefix("#") && name.hasSuffix("#"))     // emacs auto-save
            || name.hasSuffix("___jb_tmp___") || name.hasSuffix("___jb_old___")  // JetBrains safe write
    }
}
