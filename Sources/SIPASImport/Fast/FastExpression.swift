import Foundation

/// A `relevant` or `constraint` expression evaluated on a row's raw cell bytes, with the semantics
/// of ``FormExpression/isTrue(current:lookup:)`` (XPath values, numeric comparison when both sides
/// read as numbers, string comparison otherwise). Expressions using functions other than `true()`
/// and `false()`, or non-ASCII string literals, are evaluated by ``FormExpression`` itself on
/// strings made for that one check.
///
/// The tree is compiled into a flat array of plain nodes (children by index, operators as small
/// integers, literals in one byte buffer), so evaluating it per row allocates nothing and touches
/// no reference counts.
struct FastExpression: @unchecked Sendable {
    /// A row's cells: question `q`'s bytes are `base[starts[c]..<ends[c]]` for its column `c`.
    struct Cells {
        let base: UnsafePointer<UInt8>
        let starts: UnsafePointer<Int32>, ends: UnsafePointer<Int32>
        /// Column of each question, -1 when it has none ("").
        let columnOf: UnsafePointer<Int32>

        @inline(__always)
        func callAsFunction(_ q: Int) -> ByteText.Bytes {
            let c = Int(columnOf[q])
            guard c >= 0 else { return ByteText.Bytes(start: nil, count: 0) }
            return ByteText.Bytes(start: base + Int(starts[c]), count: Int(ends[c] - starts[c]))
        }
    }

    enum Op: UInt8 {
        case current, reference, number, string, constant, not, and, or
        case add, subtract, multiply, divide, modulo, equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

        init?(_ symbol: String) {
            switch symbol {
            case "+": self = .add
            case "-": self = .subtract
            case "*": self = .multiply
            case "div": self = .divide
            case "mod": self = .modulo
            case "=": self = .equal
            case "!=": self = .notEqual
            case "<": self = .less
            case "<=": self = .lessOrEqual
            case ">": self = .greater
            case ">=": self = .greaterOrEqual
            default: return nil
            }
        }
    }

    /// One node: `a` and `b` are child nodes (or, for a reference, `a` is the question, -1 for an
    /// unknown name; for a string, `a..<b` are its bytes in ``literals``); `number` is a number
    /// literal's value, a string literal's value as a number, or a constant's truth (1/0).
    struct Node {
        var op: Op
        var a: Int32 = -1, b: Int32 = -1
        var number: Double = .nan
    }

    private let nodes: [Node]
    /// String literals' bytes, kept for the life of the rules.
    private let literals: [UInt8]
    private let generic: FormExpression
    private let indexOfName: [String: Int]

    init(_ expression: FormExpression, indexOfName: [String: Int]) {
        generic = expression
        self.indexOfName = indexOfName
        var nodes: [Node] = [], literals: [UInt8] = []
        if Self.compile(expression, indexOfName, &nodes, &literals) == nil { nodes = [] }
        self.nodes = nodes
        self.literals = literals
    }

    /// Appends `e`'s nodes (children first); the index of its root, or nil when not compilable.
    private static func compile(_ e: FormExpression, _ index: [String: Int], _ nodes: inout [Node], _ literals: inout [UInt8]) -> Int32? {
        var node: Node
        switch e {
        case .current: node = Node(op: .current)
        case .reference(let name): node = Node(op: .reference, a: index[name].map(Int32.init) ?? -1)
        case .number(let n): node = Node(op: .number, number: n)
        case .string(let s):
            guard s.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            node = Node(op: .string, a: Int32(literals.count), b: Int32(literals.count + s.utf8.count), number: Double(s) ?? .nan)
            literals.append(contentsOf: s.utf8)
        case .not(let a):
            guard let x = compile(a, index, &nodes, &literals) else { return nil }
            node = Node(op: .not, a: x)
        case .and(let a, let b), .or(let a, let b):
            guard let x = compile(a, index, &nodes, &literals), let y = compile(b, index, &nodes, &literals) else { return nil }
            if case .and = e { node = Node(op: .and, a: x, b: y) } else { node = Node(op: .or, a: x, b: y) }
        case .binary(let symbol, let a, let b):
            guard let op = Op(symbol), let x = compile(a, index, &nodes, &literals),
                  let y = compile(b, index, &nodes, &literals) else { return nil }
            node = Node(op: op, a: x, b: y)
        case .call(let name, let arguments):
            guard arguments.isEmpty, name == "true" || name == "false" else { return nil }
            node = Node(op: .constant, number: name == "true" ? 1 : 0)
        }
        nodes.append(node)
        return Int32(nodes.count - 1)
    }

    private enum Value {
        case bytes(ByteText.Bytes, number: Double?)
        case number(Double)
        case bool(Bool)

        var bool: Bool {
            switch self {
            case .bool(let b): return b
            case .number(let n): return n != 0 && !n.isNaN
            case .bytes(let b, _): return !b.isEmpty
            }
        }
        var number: Double {
            switch self {
            case .number(let n): return n
            case .bool(let b): return b ? 1 : 0
            case .bytes(let b, let known): return known ?? ByteText.number(b)
            }
        }
        /// The value as text, compared with `body`.
        func withText<R>(_ body: (ByteText.Bytes) -> R) -> R {
            switch self {
            case .bytes(let b, _): return body(b)
            case .bool(let b): return Array((b ? "true" : "false").utf8).withUnsafeBufferPointer(body)
            case .number(let n):
                let text = n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
                return Array(text.utf8).withUnsafeBufferPointer(body)
            }
        }
    }

    /// Whether the expression holds for `current` (the checked question's index) in a row.
    func isTrue(current q: Int, cells: Cells) -> Bool {
        guard !nodes.isEmpty else {
            func text(_ b: ByteText.Bytes) -> String { String(decoding: b, as: UTF8.self) }
            return generic.isTrue(current: text(cells(q))) { name in indexOfName[name].map { text(cells($0)) } ?? "" }
        }
        return nodes.withUnsafeBufferPointer { n in
            literals.withUnsafeBufferPointer { l in Self.evaluate(n.count - 1, q, cells, n, l).bool }
        }
    }

    private static func evaluate(_ i: Int, _ q: Int, _ cells: Cells, _ nodes: UnsafeBufferPointer<Node>,
                                 _ literals: UnsafeBufferPointer<UInt8>) -> Value {
        let node = nodes[i]
        func child(_ k: Int32) -> Value { evaluate(Int(k), q, cells, nodes, literals) }
        switch node.op {
        case .current: return .bytes(cells(q), number: nil)
        case .reference: return .bytes(node.a >= 0 ? cells(Int(node.a)) : ByteText.Bytes(start: nil, count: 0), number: nil)
        case .number: return .number(node.number)
        case .string:
            let text = ByteText.Bytes(rebasing: literals[Int(node.a)..<Int(node.b)])
            return .bytes(text, number: node.number)
        case .constant: return .bool(node.number != 0)
        case .not: return .bool(!child(node.a).bool)
        case .and: return .bool(child(node.a).bool && child(node.b).bool)
        case .or: return .bool(child(node.a).bool || child(node.b).bool)
        default: break
        }
        let x = child(node.a), y = child(node.b)
        switch node.op {
        case .add: return .number(x.number + y.number)
        case .subtract: return .number(x.number - y.number)
        case .multiply: return .number(x.number * y.number)
        case .divide: return .number(x.number / y.number)
        case .modulo: return .number(x.number.truncatingRemainder(dividingBy: y.number))
        default: break
        }
        let u = x.number, v = y.number
        let numeric = !u.isNaN && !v.isNaN
        switch node.op {
        case .equal, .notEqual:
            let equal = numeric ? u == v : x.withText { s in y.withText { t in s.elementsEqual(t) } }
            return .bool(node.op == .equal ? equal : !equal)
        case .less: return .bool(numeric && u < v)
        case .lessOrEqual: return .bool(numeric && u <= v)
        case .greater: return .bool(numeric && u > v)
        case .greaterOrEqual: return .bool(numeric && u >= v)
        default: return .bool(false)
        }
    }
}
