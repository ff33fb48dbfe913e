import CopseCore
import CopseDefaultTheme
import Foundation

package extension Scaffold {
    /// `copse theme eject [NAME]`: writes the default theme built into copse to `themes/NAME`,
    /// for the hub to edit.
    func ejectTheme(as name: String = DefaultTheme.name, force: Bool = false) -> Result<ScaffoldReport, ScaffoldError> {
        if let problem = requireHub() { return .failure(problem) }
        if let problem = Self.checkSlug(name, of: "theme") { return .failure(problem) }
        let files = DefaultTheme.paths.map { ScaffoldFile(path: "themes/\(name)/\($0)", bytes: DefaultTheme.files[$0]!) }
        let next = name == DefaultTheme.name
            ? "edit the files in \(shown("themes/default/")): copse now uses them instead of its built-in theme. "
                + "To change only a few files, delete the others and add themes/default/theme.yml holding 'extends: default'."
            : "set 'theme: \(name)' in copse.yml, then edit the files in \(shown("themes/\(name)/")). "
                + "To change only a few files, delete the others and add themes/\(name)/theme.yml holding 'extends: default'."
        return write(files, force: force, next: next,
                     forceHint: "run again with --force to overwrite them, or eject under another name: copse theme eject NAME")
    }
}
