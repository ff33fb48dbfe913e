import CopseTemplate

extension Hasher128 {
    /// Adds a template context, every value with its kind and every map with its names in order:
    /// two contexts hash alike only if a template would see the same values in them.
    mutating func add(_ value: TemplateValue) {
        switch value {
        case .text(let text):
            add(1)
            add(text)
        case .html(let html):
            add(2)
            add(html)
        case .deferredHTML(let deferred):
            if let key = deferred.key {
                // What the HTML is made from: the evidence pack's thousands of pages are then made
                // once, to be written, not twice.
                add(8)
                add(UInt64(key.count))
                for part in key { add(part) }
            } else {
                // Hashed as the HTML it makes, so that it keys a file as the same HTML in hand would.
                add(2)
                add(deferred.html)
            }
        case .number(let number):
            add(3)
            add(UInt64(bitPattern: Int64(number)))
        case .bool(let flag):
            add(flag ? 5 : 4)
        case .list(let items):
            add(6)
            add(UInt64(items.count))
            for item in items { add(item) }
        case .map(let map):
            add(7)
            add(UInt64(map.entries.count))
            for entry in map.entries {
                add(entry.name)
                add(entry.value)
            }
        }
    }
}
