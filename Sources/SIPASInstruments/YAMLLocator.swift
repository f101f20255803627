import Yams

/// Finds the line of a key path in YAML text, so that problems in an instrument file can be
/// reported with their line (Codable errors carry only a coding path).
public struct YAMLLocator {
    public enum Step: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    private let root: Node?

    public init(yaml: String) {
        root = try? Yams.compose(yaml: yaml)
    }

    /// The 1-based line of the deepest node of `path` that exists.
    public func line(of path: [Step]) -> Int? {
        guard var node = root else { return nil }
        var line = node.mark?.line
        for step in path {
            switch (step, node) {
            case (.key(let key), .mapping(let mapping)):
                guard let pair = mapping.first(where: { $0.key.string == key }) else { return line }
                line = pair.key.mark?.line ?? line
                node = pair.value
            case (.index(let i), .sequence(let sequence)):
                guard i < sequence.count else { return line }
                node = sequence[i]
                line = node.mark?.line ?? line
            default:
                return line
            }
        }
        return line
    }
}
