/// "1 item", "3 items", "2 communities": counts in words, for pages and the terminal.
package enum Plural {
    package static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
