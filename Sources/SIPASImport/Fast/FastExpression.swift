import Foundation

/// A `relevant` or `constraint` expression evaluated on a row's raw cell bytes, with the semantics
/// of ``FormExpression/isTrue(current:lookup:)`` (XPath values, numeric comparison when both sides
/// read as numbers, string comparison otherwise). Expressions using functions other than `true()`
/// and `false()`, or non-ASCII string literals, are evaluated by ``FormExpression`` itself on
/// strings made for that one check.
struct FastExpression: @unchecked Sendable {
    /// Gives a question's cell in the current row ("" when the question has no column).
    typealias Cells = (Int) -> ByteText.Bytes

    indirect enum Node {
        case current
        case reference(Int?)
        case number(Double, text: Literal)
        case string(Literal)
        case not(Node)
        case and(Node, Node)
        case or(Node, Node)
        case binary(String, Node, Node)
        case constant(Bool)
    }

    /// A literal's bytes, kept for the life of the process's rules (a few bytes per expression).
    final class Literal {
        let bytes: UnsafeMutableBufferPointer<UInt8>
        let number: Double
        init(_ text: String) {
            let utf8 = Array(text.utf8)
            bytes = .allocate(capacity: max(utf8.count, 1))
            _ = bytes.initialize(from: utf8)
            number = Double(text) ?? .nan
            count = utf8.count
        }
        let count: Int
        var view: ByteText.Bytes { ByteText.Bytes(start: bytes.baseAddress, count: count) }
        deinit { bytes.deallocate() }
    }

    private let node: Node?
    private let generic: FormExpression
    private let indexOfName: [String: Int]

    init(_ expression: FormExpression, indexOfName: [String: Int]) {
        generic = expression
        self.indexOfName = indexOfName
        node = Self.compile(expression, indexOfName)
    }

    private static func compile(_ e: FormExpression, _ index: [String: Int]) -> Node? {
        switch e {
        case .current: return .current
        case .reference(let name): return .reference(index[name])
        case .number(let n):
            let text = n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
            return .number(n, text: Literal(text))
        case .string(let s): return s.utf8.allSatisfy({ $0 < 0x80 }) ? .string(Literal(s)) : nil
        case .not(let a): return compile(a, index).map { .not($0) }
        case .and(let a, let b):
            guard let x = compile(a, index), let y = compile(b, index) else { return nil }
            return .and(x, y)
        case .or(let a, let b):
            guard let x = compile(a, index), let y = compile(b, index) else { return nil }
            return .or(x, y)
        case .binary(let op, let a, let b):
            guard ["=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "div", "mod"].contains(op),
                  let x = compile(a, index), let y = compile(b, index) else { return nil }
            return .binary(op, x, y)
        case .call(let name, let arguments):
            guard arguments.isEmpty, name == "true" || name == "false" else { return nil }
            return .constant(name == "true")
        }
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
        guard let node else {
            func text(_ b: ByteText.Bytes) -> String { String(decoding: b, as: UTF8.self) }
            return generic.isTrue(current: text(cells(q))) { name in indexOfName[name].map { text(cells($0)) } ?? "" }
        }
        return evaluate(node, q, cells).bool
    }

    private func evaluate(_ node: Node, _ q: Int, _ cells: Cells) -> Value {
        switch node {
        case .current: return .bytes(cells(q), number: nil)
        case .reference(let r): return .bytes(r.map(cells) ?? ByteText.Bytes(start: nil, count: 0), number: nil)
        case .number(let n, _): return .number(n)
        case .string(let literal): return .bytes(literal.view, number: literal.number)
        case .constant(let b): return .bool(b)
        case .not(let a): return .bool(!evaluate(a, q, cells).bool)
        case .and(let a, let b): return .bool(evaluate(a, q, cells).bool && evaluate(b, q, cells).bool)
        case .or(let a, let b): return .bool(evaluate(a, q, cells).bool || evaluate(b, q, cells).bool)
        case .binary(let op, let a, let b):
            let x = evaluate(a, q, cells), y = evaluate(b, q, cells)
            switch op {
            case "+": return .number(x.number + y.number)
            case "-": return .number(x.number - y.number)
            case "*": return .number(x.number * y.number)
            case "div": return .number(x.number / y.number)
            case "mod": return .number(x.number.truncatingRemainder(dividingBy: y.number))
            default: break
            }
            let u = x.number, v = y.number
            let numeric = !u.isNaN && !v.isNaN
            switch op {
            case "=", "!=":
                let equal = numeric ? u == v : x.withText { s in y.withText { t in s.elementsEqual(t) } }
                return .bool(op == "=" ? equal : !equal)
            case "<": return .bool(numeric && u < v)
            case "<=": return .bool(numeric && u <= v)
            case ">": return .bool(numeric && u > v)
            case ">=": return .bool(numeric && u >= v)
            default: return .bool(false)
            }
        }
    }
}
