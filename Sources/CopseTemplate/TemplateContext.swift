/// A value a template is rendered with: a Swift type that lists, once, in ``fields``, each name
/// a template can use and how to read it from the value. The same list gives the value the
/// renderer reads (``templateValue``) and the schema a theme is checked against when it loads
/// (``schema``), and docs/theme-context.md is generated from it: adding a name to a context is
/// one line in its `fields`.
package protocol TemplateContext: Sendable {
    static var fields: [TemplateField<Self>] { get }
}

package extension TemplateContext {
    /// The value a template reads: a map of every name in ``fields``. Inlinable, so that each
    /// context's is specialized where it is built rather than looked up generically per page.
    @inlinable
    var templateValue: TemplateValue { .map(templateMap) }

    @inlinable
    var templateMap: TemplateMap {
        let fields = Self.fields
        var map = TemplateMap()
        // Exactly the names the fields can add: a list page makes a map for each of thousands of
        // items, and a spare eight entries each was megabytes at the peak of a large build.
        // Read in place: a loop over the fields copies each, retaining its closure and its list
        // of names, for each of the hundreds of thousands of contexts of a large build.
        fields.withUnsafeBufferPointer { fields in
            var names = 0
            for index in fields.indices { names += fields[index].nameCount }
            map.reserveCapacity(names)
            for index in fields.indices { fields[index].emit(self, &map) }
        }
        return map
    }

    /// The names this context offers, what each holds, and whether it can be missing.
    static var schema: TemplateSchema {
        // The type's name from its metadata: `String(describing:)` first looks through every
        // protocol conformance of the program for a description, and schemas are made over and
        // over (each map's and list's, for each context that holds one).
        TemplateSchema(name: _typeName(Self.self, qualified: false), entries: fields.flatMap(\.entries))
    }
}
