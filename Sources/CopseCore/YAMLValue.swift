import Foundation
import Yams

/// A front-matter value copse does not know, kept as it was written and handed to templates.
package indirect enum YAMLValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([YAMLValue])
    case map([MapEntry])

    package struct MapEntry: Sendable, Hashable {
        package var key: String
        package var value: YAMLValue

        package init(key: String, value: YAMLValue) {
            self.key = key
            self.value = value
        }
    }

    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            if scalar.style != .plain {
                self = .string(scalar.string)
            } else if let value = Bool.construct(from: scalar) {
                self = .bool(value)
            } else if let value = Int.construct(from: scalar) {
                self = .int(value)
            } else if let value = Double.construct(from: scalar) {
                self = .double(value)
            } else if NSNull.construct(from: scalar) != nil {
                self = .null
            } else {
                self = .string(scalar.string)
            }
        case .sequence(let sequence):
            self = .list(sequence.map(YAMLValue.init))
        case .mapping(let mapping):
            self = .map(mapping.map { MapEntry(key: $0.key.string ?? "", value: YAMLValue($0.value)) })
        case .alias:
            self = .null
        }
    }
}
