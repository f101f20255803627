import SIPASCore

extension FormExpression {
    /// Why a `relevant` or `constraint` expression does not parse, or cannot be used.
    public enum ParseError: Error, Hashable, Sendable, LocalizedMessage {
        /// A token after a whole expression.
        case unexpectedToken(String)
        /// `${` without its `}`.
        case unclosedReference
        /// A quote without its closing quote.
        case unclosedString
        /// A character that starts no token.
        case unexpectedCharacter(Character)
        /// A token other than the one the grammar needs here (`(`, `)`).
        case expected(String)
        /// The text ends where an operand is needed.
        case unexpectedEnd
        /// A function called with a number of arguments it does not take.
        case arity(function: String, arguments: ClosedRange<Int>)
        /// A name that is neither a function nor a literal.
        case unknownName(String)
        /// A literal `regex(…, 'pattern')` pattern that does not compile.
        case invalidPattern(String)

        public var key: String {
            switch self {
            case .unexpectedToken: return "expression.unexpectedToken"
            case .unclosedReference: return "expression.unclosedReference"
            case .unclosedString: return "expression.unclosedString"
            case .unexpectedCharacter: return "expression.unexpectedCharacter"
            case .expected: return "expression.expected"
            case .unexpectedEnd: return "expression.unexpectedEnd"
            case .arity: return "expression.arity"
            case .unknownName: return "expression.unknownName"
            case .invalidPattern: return "expression.invalidPattern"
            }
        }

        public func text(_ language: Language) -> String {
            switch self {
            case .unexpectedToken(let token):
                return language.pick(vi: "thừa '\(token)' sau biểu thức", en: "unexpected '\(token)'")
            case .unclosedReference: return language.pick(vi: "thiếu '}' đóng '${'", en: "unclosed ${")
            case .unclosedString: return language.pick(vi: "chuỗi thiếu dấu nháy đóng", en: "unclosed string")
            case .unexpectedCharacter(let character):
                return language.pick(vi: "ký tự không hợp lệ '\(character)'", en: "unexpected character '\(character)'")
            case .expected(let token): return language.pick(vi: "cần '\(token)'", en: "expected '\(token)'")
            case .unexpectedEnd: return language.pick(vi: "biểu thức kết thúc giữa chừng", en: "unexpected end")
            case .arity(let function, let arguments):
                let count =
                    arguments.count == 1 ? "\(arguments.lowerBound)" : "\(arguments.lowerBound)–\(arguments.upperBound)"
                return language.pick(
                    vi: "\(function)() nhận \(count) đối số", en: "\(function)() takes \(count) argument(s)")
            case .unknownName(let name):
                return language.pick(vi: "không biết tên '\(name)'", en: "unknown name '\(name)'")
            case .invalidPattern(let pattern):
                return language.pick(
                    vi: "biểu thức chính quy không hợp lệ '\(pattern)'", en: "invalid regular expression '\(pattern)'")
            }
        }
    }
}
