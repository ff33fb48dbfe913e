/// One line of a ``TemplateContext``'s `fields`: the name (or names, for a list with its `hasX`
/// and count) it gives templates, and how to read each from the context.
package struct TemplateField<Context>: Sendable {
    package let entries: [TemplateSchema.Entry]
    @usableFromInline let emit: @Sendable (Context, inout TemplateMap) -> Void
    /// The most names `emit` adds (`entries.count`), so that a map is made at its size.
    @usableFromInline let nameCount: Int

    package init(entries: [TemplateSchema.Entry], emit: @escaping @Sendable (Context, inout TemplateMap) -> Void) {
        self.entries = entries
        self.emit = emit
        nameCount = entries.count
    }
}

package extension TemplateField {
    typealias Missing = TemplateSchema.Missing
    typealias Entry = TemplateSchema.Entry

    static func text(_ name: String, _ doc: String, _ value: @escaping @Sendable (Context) -> String) -> Self {
        Self(entries: [Entry(name, .text, doc: doc)]) { context, map in map.append(name, .text(value(context))) }
    }

    /// Text that some contexts do not have: absent or false then (`ifNone`), with `has`, when
    /// given, a flag that says whether it is there.
    static func text(_ name: String, _ doc: String, ifNone missing: Missing, has: String? = nil,
                     _ value: @escaping @Sendable (Context) -> String?) -> Self {
        optional(name, .text, doc, missing: missing, has: has) { value($0).map(TemplateValue.text) }
    }

    static func html(_ name: String, _ doc: String, ifNone missing: Missing, _ value: @escaping @Sendable (Context) -> String?) -> Self {
        optional(name, .html, doc, missing: missing, has: nil) { value($0).map(TemplateValue.html) }
    }

    /// HTML made when a template reads it (see ``DeferredHTML``).
    static func deferredHTML(_ name: String, _ doc: String, _ value: @escaping @Sendable (Context) -> DeferredHTML) -> Self {
        Self(entries: [Entry(name, .html, doc: doc)]) { context, map in map.append(name, .deferredHTML(value(context))) }
    }

    static func number(_ name: String, _ doc: String, _ value: @escaping @Sendable (Context) -> Int) -> Self {
        Self(entries: [Entry(name, .number, doc: doc)]) { context, map in map.append(name, .number(value(context))) }
    }

    static func number(_ name: String, _ doc: String, ifNone missing: Missing, _ value: @escaping @Sendable (Context) -> Int?) -> Self {
        optional(name, .number, doc, missing: missing, has: nil) { value($0).map(TemplateValue.number) }
    }

    static func flag(_ name: String, _ doc: String, _ value: @escaping @Sendable (Context) -> Bool) -> Self {
        Self(entries: [Entry(name, .flag, doc: doc)]) { context, map in map.append(name, .bool(value(context))) }
    }

    static func map<Inner: TemplateContext>(_ name: String, _ doc: String, _ value: @escaping @Sendable (Context) -> Inner) -> Self {
        Self(entries: [Entry(name, .map(Inner.schema), doc: doc)]) { context, map in map.append(name, value(context).templateValue) }
    }

    static func map<Inner: TemplateContext>(_ name: String, _ doc: String, ifNone missing: Missing,
                                            _ value: @escaping @Sendable (Context) -> Inner?) -> Self {
        optional(name, .map(Inner.schema), doc, missing: missing, has: nil) { value($0)?.templateValue }
    }

    /// A list, with `has` (not empty) and `count` (how many) when named.
    static func list<Item: TemplateContext>(_ name: String, _ doc: String, has: String? = nil, count: String? = nil,
                                            _ value: @escaping @Sendable (Context) -> [Item]) -> Self {
        list(name, doc, ifNone: .never, has: has, count: count) { Optional(value($0)) }
    }

    /// A list some contexts do not have (absent then, with `has` false and `count` 0).
    static func list<Item: TemplateContext>(_ name: String, _ doc: String, ifNone missing: Missing, has: String? = nil,
                                            count: String? = nil, _ value: @escaping @Sendable (Context) -> [Item]?) -> Self {
        var entries = [Entry(name, .list(.map(Item.schema)), missing: missing, doc: doc)]
        if let has { entries.append(Entry(has, .flag, doc: "`\(name)` is not empty")) }
        if let count { entries.append(Entry(count, .number, doc: "how many `\(name)` there are")) }
        return Self(entries: entries) { context, map in
            let items = value(context)
            switch items {
            case let items?: map.append(name, .list(Self.values(of: items)))
            case nil: if missing == .asFalse { map.append(name, .bool(false)) }
            }
            if let has { map.append(has, .bool(!(items?.isEmpty ?? true))) }
            if let count { map.append(count, .number(items?.count ?? 0)) }
        }
    }

    /// A map made once and shown on many pages (``Prebuilt``): the same names as `map` gives.
    static func map<Inner: TemplateContext>(_ name: String, _ doc: String, _ value: @escaping @Sendable (Context) -> Prebuilt<Inner>) -> Self {
        Self(entries: [Entry(name, .map(Inner.schema), doc: doc)]) { context, map in map.append(name, value(context).value) }
    }

    /// A list made once and shown on many pages (``PrebuiltList``): the same name as `list` gives.
    static func list<Item: TemplateContext>(_ name: String, _ doc: String, _ value: @escaping @Sendable (Context) -> PrebuiltList<Item>) -> Self {
        Self(entries: [Entry(name, .list(.map(Item.schema)), missing: .never, doc: doc)]) { context, map in
            map.append(name, value(context).value)
        }
    }

    /// Every name of `Inner`, as if this context had them itself.
    static func including<Inner: TemplateContext>(_ value: @escaping @Sendable (Context) -> Inner) -> Self {
        Self(entries: Inner.schema.entries) { context, map in
            let inner = value(context)
            // Read in place, as `templateMap` reads them.
            Inner.fields.withUnsafeBufferPointer { fields in
                for index in fields.indices { fields[index].emit(inner, &map) }
            }
        }
    }

    /// A value of any shape (the front matter a page passes through).
    static func value(_ name: String, _ shape: TemplateShape, _ doc: String, ifNone missing: Missing,
                      _ value: @escaping @Sendable (Context) -> TemplateValue?) -> Self {
        optional(name, shape, doc, missing: missing, has: nil, value)
    }
}

private extension TemplateField {
    /// Each item's template value. Read in place: this runs unspecialised (generic over the item's
    /// type), where a loop or `map` copies each item out through its type's metadata, retaining
    /// each of its parts, and releases it again.
    static func values<Item: TemplateContext>(of items: [Item]) -> [TemplateValue] {
        items.withUnsafeBufferPointer { buffer in
            var values: [TemplateValue] = []
            values.reserveCapacity(buffer.count)
            for index in buffer.indices { values.append(buffer[index].templateValue) }
            return values
        }
    }

    static func optional(_ name: String, _ shape: TemplateShape, _ doc: String, missing: Missing, has: String?,
                         _ value: @escaping @Sendable (Context) -> TemplateValue?) -> Self {
        var entries = [Entry(name, shape, missing: missing, doc: doc)]
        if let has { entries.append(Entry(has, .flag, doc: "`\(name)` is there")) }
        return Self(entries: entries) { context, map in
            let found = value(context)
            switch found {
            case let found?: map.append(name, found)
            case nil: if missing == .asFalse { map.append(name, .bool(false)) }
            }
            if let has { map.append(has, .bool(found != nil)) }
        }
    }
}

/// A context and its template value, made once: for a part that many pages show alike (the hub's
/// `site`, which differs only with the way back to the site root), so that each page does not
/// make the same map again.
package struct Prebuilt<Inner: TemplateContext>: Sendable {
    package let context: Inner
    package let value: TemplateValue

    package init(_ context: Inner) {
        self.context = context
        value = context.templateValue
    }
}

/// A list of contexts and its template value, made once (see ``Prebuilt``): the primary
/// navigation, the same on every page at one depth.
package struct PrebuiltList<Item: TemplateContext>: Sendable {
    package let value: TemplateValue

    package init(_ items: [Item]) {
        value = .list(items.map { $0.templateValue })
    }
}
