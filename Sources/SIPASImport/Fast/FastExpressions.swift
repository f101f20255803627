import Foundation
import SIPASInstruments

/// The `relevant` and `constraint` expressions of an instrument, evaluated on a row's raw cell
/// bytes with the semantics of ``FormExpression/isTrue(current:lookup:)`` (XPath values, numeric
/// comparison when both sides read as numbers, string comparison otherwise). Expressions using functions other than `true()`
/// and `false()`, or non-ASCII string literals, are evaluated by ``FormExpression`` itself on
/// strings made for that one check.
///
/// Each tree is compiled into one flat array of plain nodes (children by index, operators as small
/// integers, literals in one byte buffer), so evaluating it per row allocates nothing and touches
/// no reference counts.
struct FastExpressions: @unchecked Sendable {
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
        /// The checked cell compared with a number: `a` is the comparison's `Op`, `number` the number.
        case compareCurrent

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

    private var nodes: [Node] = []
    /// String literals' bytes, kept for the life of the rules.
    private var literals: [UInt8] = []
    /// Per expression: its root node, or -1 when it is evaluated by ``FormExpression``.
    private var roots: [Int32] = []
    /// Per expression: whether it reads the checked cell (`.`).
    private var usesCurrent: [Bool] = []
    private var generic: [FormExpression] = []
    private let indexOfName: [String: Int]

    init(indexOfName: [String: Int]) { self.indexOfName = indexOfName }

    /// Compiles `expression`; its index for ``Evaluator/isTrue(_:current:)``.
    mutating func add(_ expression: FormExpression) -> Int {
        let mark = (nodes.count, literals.count)
        var root = Self.compile(expression, indexOfName, &nodes, &literals) ?? -1
        if root < 0 {
            nodes.removeSubrange(mark.0...)
            literals.removeSubrange(mark.1...)
            root = -1
        }
        roots.append(root)
        usesCurrent.append(root >= 0 && nodes[mark.0...].contains { $0.op == .current || $0.op == .compareCurrent })
        generic.append(expression)
        return roots.count - 1
    }

    /// Runs `body` with an evaluator of these expressions on one row's cells (one call per row:
    /// the evaluator reads the program through pointers, with no reference counting per check).
    func withEvaluator<R>(_ cells: Cells, _ body: (Evaluator) -> R) -> R {
        nodes.withUnsafeBufferPointer { n in
            literals.withUnsafeBufferPointer { l in
                roots.withUnsafeBufferPointer { r in
                    usesCurrent.withUnsafeBufferPointer { u in
                        body(Evaluator(nodes: n, literals: l, roots: r, usesCurrent: u, cells: cells, program: self))
                    }
                }
            }
        }
    }

    /// Evaluates an expression `FastExpressions` could not compile, on strings made for this check.
    fileprivate func genericIsTrue(_ e: Int, current q: Int, cells: Cells) -> Bool {
        func text(_ b: ByteText.Bytes) -> String { String(decoding: b, as: UTF8.self) }
        return generic[e].isTrue(current: text(cells(q))) { name in indexOfName[name].map { text(cells($0)) } ?? "" }
    }

    /// Appends `e`'s nodes (children first); the index of its root, or nil when not compilable.
    private static func compile(
        _ e: FormExpression, _ index: [String: Int], _ nodes: inout [Node], _ literals: inout [UInt8]
    ) -> Int32? {
        var node: Node
        switch e {
        case .current: node = Node(op: .current)
        case .reference(let name): node = Node(op: .reference, a: index[name].map(Int32.init) ?? -1)
        case .number(let n): node = Node(op: .number, number: n)
        case .string(let s):
            guard s.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            node = Node(
                op: .string, a: Int32(literals.count), b: Int32(literals.count + s.utf8.count),
                number: Double(s) ?? .nan)
            literals.append(contentsOf: s.utf8)
        case .not(let a):
            guard let x = compile(a, index, &nodes, &literals) else { return nil }
            node = Node(op: .not, a: x)
        case .and(let a, let b), .or(let a, let b):
            guard let x = compile(a, index, &nodes, &literals), let y = compile(b, index, &nodes, &literals) else {
                return nil
            }
            if case .and = e { node = Node(op: .and, a: x, b: y) } else { node = Node(op: .or, a: x, b: y) }
        case .binary(let symbol, .current, .number(let n))
        where [Op.less, .lessOrEqual, .greater, .greaterOrEqual].contains(Op(symbol)):
            // `. >= 18`: one node instead of three (the common range constraint).
            node = Node(op: .compareCurrent, a: Int32(Op(symbol)!.rawValue), number: n)
        case .binary(let symbol, let a, let b):
            guard let op = Op(symbol), let x = compile(a, index, &nodes, &literals),
                let y = compile(b, index, &nodes, &literals)
            else { return nil }
            node = Node(op: op, a: x, b: y)
        case .call(let name, let arguments):
            guard arguments.isEmpty, name == "true" || name == "false" else { return nil }
            node = Node(op: .constant, number: name == "true" ? 1 : 0)
        }
        nodes.append(node)
        return Int32(nodes.count - 1)
    }

    fileprivate enum Value {
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

    struct Evaluator {
        fileprivate let nodes: UnsafeBufferPointer<Node>
        fileprivate let literals: UnsafeBufferPointer<UInt8>
        fileprivate let roots: UnsafeBufferPointer<Int32>
        fileprivate let usesCurrent: UnsafeBufferPointer<Bool>
        fileprivate let cells: Cells
        fileprivate let program: FastExpressions

        /// Whether expression `e` holds for `current` (the checked question's index) in the row.
        func isTrue(_ e: Int, current q: Int) -> Bool {
            let root = Int(roots[e])
            guard root >= 0 else { return program.genericIsTrue(e, current: q, cells: cells) }
            // The checked cell as a number, read once (`. >= 18 and . <= 100` reads it twice).
            let current = Value.bytes(cells(q), number: usesCurrent[e] ? ByteText.number(cells(q)) : nil)
            return evaluate(root, current).bool
        }

        private func evaluate(_ i: Int, _ current: Value) -> Value {
            let node = nodes[i]
            switch node.op {
            case .current: return current
            case .reference:
                return .bytes(node.a >= 0 ? cells(Int(node.a)) : ByteText.Bytes(start: nil, count: 0), number: nil)
            case .number: return .number(node.number)
            case .string:
                let text = ByteText.Bytes(rebasing: literals[Int(node.a)..<Int(node.b)])
                return .bytes(text, number: node.number)
            case .constant: return .bool(node.number != 0)
            case .compareCurrent:
                let u = current.number
                let v = node.number
                guard !u.isNaN, !v.isNaN else { return .bool(false) }
                switch Op(rawValue: UInt8(node.a)) {
                case .less: return .bool(u < v)
                case .lessOrEqual: return .bool(u <= v)
                case .greater: return .bool(u > v)
                default: return .bool(u >= v)
                }
            case .not: return .bool(!evaluate(Int(node.a), current).bool)
            case .and: return .bool(evaluate(Int(node.a), current).bool && evaluate(Int(node.b), current).bool)
            case .or: return .bool(evaluate(Int(node.a), current).bool || evaluate(Int(node.b), current).bool)
            default: break
            }
            let x = evaluate(Int(node.a), current)
            let y = evaluate(Int(node.b), current)
            switch node.op {
            case .add: return .number(x.number + y.number)
            case .subtract: return .number(x.number - y.number)
            case .multiply: return .number(x.number * y.number)
            case .divide: return .number(x.number / y.number)
            case .modulo: return .number(x.number.truncatingRemainder(dividingBy: y.number))
            default: break
            }
            // A string literal that is no number (`'truc_tiep'`) makes the comparison textual:
            // the other side is then not read as a number.
            let v = y.number
            let u = v.isNaN ? .nan : x.number
            let numeric = !u.isNaN && !v.isNaN
            switch node.op {
            case .equal, .notEqual:
                let equal = numeric ? u == v : x.withText { s in y.withText { t in Self.same(s, t) } }
                return .bool(node.op == .equal ? equal : !equal)
            case .less: return .bool(numeric && u < v)
            case .lessOrEqual: return .bool(numeric && u <= v)
            case .greater: return .bool(numeric && u > v)
            case .greaterOrEqual: return .bool(numeric && u >= v)
            default: return .bool(false)
            }
        }

        @inline(__always)
        private static func same(_ s: ByteText.Bytes, _ t: ByteText.Bytes) -> Bool {
            s.count == t.count && (s.isEmpty || memcmp(s.baseAddress!, t.baseAddress!, s.count) == 0)
        }
    }

    /// The bounds `e` puts on the checked cell when it is nothing but comparisons of `.` with
    /// numbers joined by `and` (`. >= 18 and . <= 100`, `. > 0`): the caller then checks the number
    /// it has already read from the cell instead of evaluating `e`. nil for any other expression.
    static func range(of e: FormExpression) -> NumericRange? {
        var range = NumericRange()
        func collect(_ e: FormExpression) -> Bool {
            switch e {
            case .and(let a, let b): return collect(a) && collect(b)
            case .binary(let symbol, .current, .number(let n)) where !n.isNaN:
                switch Op(symbol) {
                case .greater?: range.raise(n, inclusive: false)
                case .greaterOrEqual?: range.raise(n, inclusive: true)
                case .less?: range.lower(n, inclusive: false)
                case .lessOrEqual?: range.lower(n, inclusive: true)
                default: return false
                }
                return true
            default: return false
            }
        }
        return collect(e) ? range : nil
    }
}

/// The numbers a cell may hold under comparisons with numbers (``FastExpressions/range(of:)``),
/// with the comparisons' semantics: no number (NaN) is in no range.
struct NumericRange: Sendable, Equatable {
    var low = -Double.infinity, lowInclusive = true
    var high = Double.infinity, highInclusive = true

    /// Adds `. > n` (or `. >= n` when `inclusive`).
    mutating func raise(_ n: Double, inclusive: Bool) {
        if n > low {
            (low, lowInclusive) = (n, inclusive)
        } else if n == low {
            lowInclusive = lowInclusive && inclusive
        }
    }

    /// Adds `. < n` (or `. <= n` when `inclusive`).
    mutating func lower(_ n: Double, inclusive: Bool) {
        if n < high {
            (high, highInclusive) = (n, inclusive)
        } else if n == high {
            highInclusive = highInclusive && inclusive
        }
    }

    @inline(__always)
    func contains(_ u: Double) -> Bool {
        (u > low || lowInclusive && u == low) && (u < high || highInclusive && u == high)
    }
}
