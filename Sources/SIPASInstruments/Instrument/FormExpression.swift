import Foundation

/// The subset of XLSForm / XPath expressions sipas evaluates in `constraint` and `relevant`:
/// `.`, `${name}`, numbers, quoted strings, `= != < <= > >=`, `+ - * div mod`, `and`, `or`,
/// `not(…)`, parentheses, `regex(x, 'pattern')`, `string-length(x)`, `selected(x, 'choice')`,
/// `count-selected(x)`, `true()`, `false()`.
///
/// Written by hand: no package here evaluates XPath, and this subset is a small recursive-descent
/// parser. An expression outside the subset is rejected when the instrument is loaded, not per row.
public indirect enum FormExpression: Hashable, Sendable {
    case current
    case reference(String)
    case number(Double)
    case string(String)
    case not(FormExpression)
    case and(FormExpression, FormExpression)
    case or(FormExpression, FormExpression)
    case binary(String, FormExpression, FormExpression)
    case call(String, [FormExpression])

    /// The names referenced as `${name}`.
    public var references: Set<String> { Set(orderedReferences) }

    /// The names referenced as `${name}`, in the order they are written, each once.
    public var orderedReferences: [String] {
        var names: [String] = []
        func visit(_ e: FormExpression) {
            switch e {
            case .reference(let name): if !names.contains(name) { names.append(name) }
            case .not(let e): visit(e)
            case .and(let a, let b), .or(let a, let b), .binary(_, let a, let b):
                visit(a)
                visit(b)
            case .call(_, let arguments): arguments.forEach(visit)
            default: break
            }
        }
        visit(self)
        return names
    }

    /// Literal `regex(…, 'pattern')` patterns that do not compile (checked when an instrument is
    /// loaded, so that a typo is not a rejection of every row).
    public var invalidPatterns: [String] {
        switch self {
        case .not(let e): return e.invalidPatterns
        case .and(let a, let b), .or(let a, let b), .binary(_, let a, let b):
            return a.invalidPatterns + b.invalidPatterns
        case .call(let name, let arguments):
            var bad = arguments.flatMap(\.invalidPatterns)
            if name == "regex", arguments.count == 2, case .string(let pattern) = arguments[1],
                (try? NSRegularExpression(pattern: pattern)) == nil
            {
                bad.append(pattern)
            }
            return bad
        default: return []
        }
    }

    public init(parsing text: String) throws(ParseError) {
        var parser = Parser(tokens: try Self.tokenize(text))
        self = try parser.parseOr()
        guard parser.atEnd else { throw .unexpectedToken(parser.peek ?? "") }
    }

    // MARK: - Evaluation

    /// A value during evaluation: XPath's strings, numbers and booleans.
    enum Value {
        case string(String)
        case number(Double)
        case bool(Bool)

        var bool: Bool {
            switch self {
            case .bool(let b): return b
            case .number(let n): return n != 0 && !n.isNaN
            case .string(let s): return !s.isEmpty
            }
        }
        var number: Double {
            switch self {
            case .number(let n): return n
            case .bool(let b): return b ? 1 : 0
            case .string(let s): return Double(s) ?? .nan  // cells arrive trimmed
            }
        }
        var string: String {
            switch self {
            case .string(let s): return s
            case .bool(let b): return b ? "true" : "false"
            case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
            }
        }
    }

    /// Evaluates to a truth value. `current` is the answer being checked; `lookup` gives other answers.
    public func isTrue(current: String, lookup: (String) -> String) -> Bool {
        evaluate(current: current, lookup: lookup).bool
    }

    func evaluate(current: String, lookup: (String) -> String) -> Value {
        switch self {
        case .current: return .string(current)
        case .reference(let name): return .string(lookup(name))
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .not(let e): return .bool(!e.evaluate(current: current, lookup: lookup).bool)
        case .and(let a, let b):
            return .bool(
                a.evaluate(current: current, lookup: lookup).bool && b.evaluate(current: current, lookup: lookup).bool)
        case .or(let a, let b):
            return .bool(
                a.evaluate(current: current, lookup: lookup).bool || b.evaluate(current: current, lookup: lookup).bool)
        case .binary(let op, let a, let b):
            let x = a.evaluate(current: current, lookup: lookup)
            let y = b.evaluate(current: current, lookup: lookup)
            return Self.apply(op, x, y)
        case .call(let name, let arguments):
            let values = arguments.map { $0.evaluate(current: current, lookup: lookup) }
            switch name {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "string-length": return .number(Double(values.first?.string.count ?? 0))
            case "regex":
                let text = values[0].string
                let pattern = values[1].string
                return .bool(text.range(of: pattern, options: .regularExpression) != nil)
            case "selected":
                return .bool(values[0].string.split(separator: " ").contains { String($0) == values[1].string })
            case "count-selected":
                return .number(Double(values[0].string.split(separator: " ").count))
            default: return .bool(false)
            }
        }
    }

    static func apply(_ op: String, _ x: Value, _ y: Value) -> Value {
        switch op {
        case "+": return .number(x.number + y.number)
        case "-": return .number(x.number - y.number)
        case "*": return .number(x.number * y.number)
        case "div": return .number(x.number / y.number)
        case "mod": return .number(x.number.truncatingRemainder(dividingBy: y.number))
        default: break
        }
        // Comparisons: numeric when both sides read as numbers, else as strings (XPath 1.0 for = and !=).
        let a = x.number
        let b = y.number
        let numeric = !a.isNaN && !b.isNaN
        switch op {
        case "=": return .bool(numeric ? a == b : x.string == y.string)
        case "!=": return .bool(numeric ? a != b : x.string != y.string)
        case "<": return .bool(numeric && a < b)
        case "<=": return .bool(numeric && a <= b)
        case ">": return .bool(numeric && a > b)
        case ">=": return .bool(numeric && a >= b)
        default: return .bool(false)
        }
    }

    // MARK: - Parsing

    static func tokenize(_ text: String) throws(ParseError) -> [String] {
        var tokens: [String] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
                continue
            }
            if c == "$", i + 1 < chars.count, chars[i + 1] == "{" {
                guard let end = chars[i...].firstIndex(of: "}") else { throw .unclosedReference }
                tokens.append(String(chars[i...end]))
                i = end + 1
            } else if c == "'" || c == "\"" {
                guard let end = chars[(i + 1)...].firstIndex(of: c) else { throw .unclosedString }
                tokens.append(String(chars[i...end]))
                i = end + 1
            } else if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                var j = i
                while j < chars.count, chars[j].isNumber || chars[j] == "." { j += 1 }
                tokens.append(String(chars[i..<j]))
                i = j
            } else if c.isLetter || c == "_" {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "-" || chars[j] == "_" {
                    j += 1
                }
                tokens.append(String(chars[i..<j]))
                i = j
            } else if ["!", "<", ">"].contains(c), i + 1 < chars.count, chars[i + 1] == "=" {
                tokens.append(String(chars[i...i + 1]))
                i += 2
            } else if "=<>+-*(),.".contains(c) {
                tokens.append(String(c))
                i += 1
            } else {
                throw .unexpectedCharacter(c)
            }
        }
        return tokens
    }

    struct Parser {
        var tokens: [String]
        var index = 0
        var atEnd: Bool { index >= tokens.count }
        var peek: String? { atEnd ? nil : tokens[index] }

        mutating func take() -> String? {
            defer { index += 1 }
            return peek
        }

        mutating func expect(_ token: String) throws(ParseError) {
            guard take() == token else { throw .expected(token) }
        }

        mutating func parseOr() throws(ParseError) -> FormExpression {
            var left = try parseAnd()
            while peek == "or" {
                index += 1
                left = .or(left, try parseAnd())
            }
            return left
        }

        mutating func parseAnd() throws(ParseError) -> FormExpression {
            var left = try parseComparison()
            while peek == "and" {
                index += 1
                left = .and(left, try parseComparison())
            }
            return left
        }

        mutating func parseComparison() throws(ParseError) -> FormExpression {
            var left = try parseSum()
            while let op = peek, ["=", "!=", "<", "<=", ">", ">="].contains(op) {
                index += 1
                left = .binary(op, left, try parseSum())
            }
            return left
        }

        mutating func parseSum() throws(ParseError) -> FormExpression {
            var left = try parseProduct()
            while let op = peek, op == "+" || op == "-" {
                index += 1
                left = .binary(op, left, try parseProduct())
            }
            return left
        }

        mutating func parseProduct() throws(ParseError) -> FormExpression {
            var left = try parsePrimary()
            while let op = peek, ["*", "div", "mod"].contains(op) {
                index += 1
                left = .binary(op, left, try parsePrimary())
            }
            return left
        }

        static let functions: [String: ClosedRange<Int>] = [
            "not": 1...1, "regex": 2...2, "string-length": 1...1, "selected": 2...2, "count-selected": 1...1,
            "true": 0...0, "false": 0...0,
        ]

        mutating func parsePrimary() throws(ParseError) -> FormExpression {
            guard let token = take() else { throw .unexpectedEnd }
            if token == "." { return .current }
            if token == "(" {
                let inner = try parseOr()
                try expect(")")
                return inner
            }
            if token == "-" { return .binary("-", .number(0), try parsePrimary()) }
            if token.hasPrefix("${") {
                return .reference(token.dropFirst(2).dropLast().trimmingCharacters(in: .whitespaces))
            }
            if token.hasPrefix("'") || token.hasPrefix("\"") { return .string(String(token.dropFirst().dropLast())) }
            if let number = Double(token) { return .number(number) }
            if let arity = Self.functions[token] {
                try expect("(")
                var arguments: [FormExpression] = []
                if peek != ")" {
                    arguments.append(try parseOr())
                    while peek == "," {
                        index += 1
                        arguments.append(try parseOr())
                    }
                }
                try expect(")")
                guard arity.contains(arguments.count) else {
                    throw .arity(function: token, arguments: arity)
                }
                return token == "not" ? .not(arguments[0]) : .call(token, arguments)
            }
            throw .unknownName(token)
        }
    }
}
