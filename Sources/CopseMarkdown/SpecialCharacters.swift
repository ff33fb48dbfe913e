import CCmarkGFM
import Foundation
import Synchronization

/// Lets cmark-gfm finish documents on many threads at once.
///
/// cmark-gfm 0.29 keeps the characters its inline extensions react to (`~` for strikethrough,
/// `:` and `w` for autolinks...) in one table for the whole process. Each `cmark_parser_finish`
/// switches them on through `cmark_manage_extensions_special_characters(parser, true)`, parses
/// the inlines, and switches them off again with `false`; one document finishing while another
/// parses its inlines turns the characters off under it, and `~~struck~~` stays text.
///
/// copse attaches the same extensions to every parser, so the table can simply stay switched
/// on. This file defines a function of that name: the dynamic linker binds the library's own
/// calls (which go through its procedure linkage table) to it, and it switches the characters
/// on once, through the library's function, and never off. Whether the library really calls it
/// is checked on the first document (see ``MarkdownRenderer``): until it has, and should it
/// never, documents finish one at a time as before.
enum SpecialCharacters {
    /// True once the library has called the function below: documents may finish in parallel.
    static var ownTableInUse: Bool { called.load(ordering: .acquiring) }

    fileprivate static let called = Atomic<Bool>(false)
    fileprivate static let switchedOn = Mutex<Bool>(false)

    /// The library's own function, found past this one.
    fileprivate typealias Manage = @convention(c) (OpaquePointer?, Bool) -> Void
    fileprivate static let libraryManage: Manage? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: -1), "cmark_manage_extensions_special_characters") else { return nil }
        return unsafeBitCast(symbol, to: Manage.self)
    }()
}

@_cdecl("cmark_manage_extensions_special_characters")
package func copseManageExtensionsSpecialCharacters(_ parser: OpaquePointer?, _ add: Bool) {
    SpecialCharacters.switchedOn.withLock { on in
        if !on, add, let manage = SpecialCharacters.libraryManage {
            manage(parser, true)
            on = true
        }
    }
    SpecialCharacters.called.store(true, ordering: .releasing)
}
