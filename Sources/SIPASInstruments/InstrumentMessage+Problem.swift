import SIPASCore

extension InstrumentMessage {
    /// A semantic problem of an instrument that decodes (`sipas instrument check`): a name that
    /// refers to nothing, a scale that does not fit its list, a rollup that cannot be built.
    public enum Problem: Sendable, Hashable, LocalizedMessage {
        // Top-level fields and text.
        /// `minimum_n` below 1.
        case minimumN(Int)
        /// `years.to` before `years.from`.
        case yearsOrder(to: Int, from: Int)
        /// A line of the file that is not in Unicode NFC.
        case nonNFCLine
        /// A text of a programmatically built instrument, at `place` (e.g. `question q1`), not in NFC.
        case nonNFCText(place: String, text: String)
        // Choices and scales.
        /// A choice code given twice in its list.
        case choiceCodeTwice(list: String, code: String)
        /// A choice code that is empty or contains spaces.
        case choiceCodeSpaces(list: String, code: String)
        /// A scale whose list is not declared under `choices`; `declared` are the lists that are.
        case scaleWithoutList(list: String, declared: [String])
        /// A code under a scale's `key` (`satisfied` or `excluded`) that is not a code of its list.
        case scaleCodeNotInList(list: String, key: String, code: Int)
        /// A scale code both satisfied and excluded.
        case scaleCodeBoth(list: String, code: Int)
        /// A scale without satisfied codes.
        case scaleWithoutSatisfied(list: String)
        // Questions.
        /// A question name used again; `first` is the 1-based number of the question that has it.
        case questionNameTwice(name: String, first: Int)
        /// A question name that breaks the XLSForm name rule.
        case questionNameRule(name: String)
        /// A select on a list not declared under `choices`.
        case undeclaredList(question: String, list: String)
        /// A `select_…` type without a list name.
        case typeWithoutList(question: String, type: String)
        /// A lookup other than `province`.
        case unknownLookup(question: String, lookup: String)
        /// A `relevant` or `constraint` (`key`) expression that does not parse; `reason` is the
        /// parser's (English).
        case expressionParse(question: String, key: String, expression: String, reason: FormExpression.ParseError)
        /// A literal `regex` pattern that does not compile.
        case invalidPattern(question: String, key: String, pattern: String)
        /// An expression that refers to `${name}`, which is not a question.
        case unknownReference(question: String, key: String, name: String)
        /// A perception question that is not a select.
        case perceptionNotSelect(question: String)
        /// A scored question (of `role`) that is not a select on a list with a scale.
        case scoredWithoutScale(question: String, role: String)
        /// A scored question without an area.
        case noArea(question: String)
        /// A question's area not declared under `areas`.
        case undeclaredArea(question: String, area: String)
        /// A scored question without an element.
        case noElement(question: String)
        /// A question's element not declared in its area.
        case undeclaredElement(question: String, element: String, area: String)
        // Areas, elements and rollup.
        /// An area declared twice.
        case areaTwice(String)
        /// An area without elements.
        case areaWithoutElements(String)
        /// An element name declared twice (names are unique across areas).
        case elementTwice(String)
        /// An element without scored items under `rollup.element: mean_of_items`.
        case elementWithoutItems(element: String, area: String)
        /// An element without an element_overall question under `rollup.element: overall_item`.
        case elementWithoutOverall(element: String, area: String)
        /// `rollup.overall: overall_item` with `found` overall questions instead of one.
        case overallItemCount(found: Int)
        /// No areas declared.
        case noAreas
        /// `rollup.national: mean_of_units` without `rollup.unit`.
        case unitMissing
        // Columns named by the design, breakdowns and drivers.
        /// A `design.<key>` column that is not a question.
        case designColumn(key: String, column: String)
        /// A replicate weight column that is not a question.
        case replicateColumn(String)
        /// A `respondent_id` that is not a question.
        case respondentID(String)
        /// A `drivers.outcome` that is not a question.
        case outcomeMissing(String)
        /// A `drivers.outcome` of another role than overall or element_overall, or without a scale.
        case outcomeRole(outcome: String, role: String, hasScale: Bool)
        /// A breakdown or `rollup.unit` (`what`) that is not a question.
        case attributeMissing(what: String, name: String)
        /// A breakdown or `rollup.unit` (`what`) whose question is not an attribute.
        case attributeRole(what: String, name: String, role: String)

        public var key: String {
            switch self {
            case .minimumN: return "instrument.check.minimumN"
            case .yearsOrder: return "instrument.check.yearsOrder"
            case .nonNFCLine: return "instrument.check.nonNFCLine"
            case .nonNFCText: return "instrument.check.nonNFCText"
            case .choiceCodeTwice: return "instrument.check.choiceCodeTwice"
            case .choiceCodeSpaces: return "instrument.check.choiceCodeSpaces"
            case .scaleWithoutList: return "instrument.check.scaleWithoutList"
            case .scaleCodeNotInList: return "instrument.check.scaleCodeNotInList"
            case .scaleCodeBoth: return "instrument.check.scaleCodeBoth"
            case .scaleWithoutSatisfied: return "instrument.check.scaleWithoutSatisfied"
            case .questionNameTwice: return "instrument.check.questionNameTwice"
            case .questionNameRule: return "instrument.check.questionNameRule"
            case .undeclaredList: return "instrument.check.undeclaredList"
            case .typeWithoutList: return "instrument.check.typeWithoutList"
            case .unknownLookup: return "instrument.check.unknownLookup"
            case .expressionParse: return "instrument.check.expressionParse"
            case .invalidPattern: return "instrument.check.invalidPattern"
            case .unknownReference: return "instrument.check.unknownReference"
            case .perceptionNotSelect: return "instrument.check.perceptionNotSelect"
            case .scoredWithoutScale: return "instrument.check.scoredWithoutScale"
            case .noArea: return "instrument.check.noArea"
            case .undeclaredArea: return "instrument.check.undeclaredArea"
            case .noElement: return "instrument.check.noElement"
            case .undeclaredElement: return "instrument.check.undeclaredElement"
            case .areaTwice: return "instrument.check.areaTwice"
            case .areaWithoutElements: return "instrument.check.areaWithoutElements"
            case .elementTwice: return "instrument.check.elementTwice"
            case .elementWithoutItems: return "instrument.check.elementWithoutItems"
            case .elementWithoutOverall: return "instrument.check.elementWithoutOverall"
            case .overallItemCount: return "instrument.check.overallItemCount"
            case .noAreas: return "instrument.check.noAreas"
            case .unitMissing: return "instrument.check.unitMissing"
            case .designColumn: return "instrument.check.designColumn"
            case .replicateColumn: return "instrument.check.replicateColumn"
            case .respondentID: return "instrument.check.respondentID"
            case .outcomeMissing: return "instrument.check.outcomeMissing"
            case .outcomeRole: return "instrument.check.outcomeRole"
            case .attributeMissing: return "instrument.check.attributeMissing"
            case .attributeRole: return "instrument.check.attributeRole"
            }
        }

        public func text(_ language: Language) -> String {
            switch self {
            case .minimumN(let n):
                return language.pick(
                    vi: "minimum_n phải ít nhất là 1, nhận \(n)", en: "minimum_n must be at least 1, got \(n)")
            case .yearsOrder(let to, let from):
                return language.pick(
                    vi: "years: 'to' (\(to)) sớm hơn 'from' (\(from))",
                    en: "years: 'to' (\(to)) is before 'from' (\(from))")
            case .nonNFCLine:
                return language.pick(
                    vi: "văn bản không ở dạng Unicode NFC (dựng sẵn); hãy lưu tệp với chữ tiếng Việt dựng sẵn",
                    en: "text is not in Unicode NFC (composed form); save the file with composed Vietnamese letters")
            case .nonNFCText(let place, let text):
                return language.pick(
                    vi: "\(place): văn bản '\(text)' không ở dạng Unicode NFC (dựng sẵn)",
                    en: "\(place): text '\(text)' is not in Unicode NFC (composed form)")
            case .choiceCodeTwice(let list, let code):
                return language.pick(
                    vi: "danh sách lựa chọn '\(list)' có mã '\(code)' hai lần",
                    en: "choice list '\(list)' has the code '\(code)' twice")
            case .choiceCodeSpaces(let list, let code):
                return language.pick(
                    vi: "mã lựa chọn '\(code)' trong danh sách '\(list)' không được rỗng hay chứa dấu cách "
                        + "(các câu trả lời select_multiple cách nhau bằng dấu cách)",
                    en: "choice code '\(code)' in list '\(list)' must be non-empty and without spaces "
                        + "(select_multiple answers are separated by spaces)")
            case .scaleWithoutList(let list, let declared):
                let names = declared.joined(separator: ", ")
                return language.pick(
                    vi: "thang đo '\(list)' không ứng với danh sách lựa chọn nào (các danh sách đã khai báo: \(names))",
                    en: "scale '\(list)' names no choice list (declared lists: \(names))")
            case .scaleCodeNotInList(let list, let key, let code):
                return language.pick(
                    vi: "thang đo '\(list)': mã \(key) \(code) không phải mã của danh sách",
                    en: "scale '\(list)': \(key) code \(code) is not a code of the list")
            case .scaleCodeBoth(let list, let code):
                return language.pick(
                    vi: "thang đo '\(list)': mã \(code) vừa là satisfied vừa là excluded",
                    en: "scale '\(list)': code \(code) is both satisfied and excluded")
            case .scaleWithoutSatisfied(let list):
                return language.pick(
                    vi: "thang đo '\(list)' không có mã satisfied (hài lòng) nào",
                    en: "scale '\(list)' has no satisfied codes")
            case .questionNameTwice(let name, let first):
                return language.pick(
                    vi: "tên câu hỏi '\(name)' được dùng hai lần (lần đầu ở câu hỏi thứ \(first))",
                    en: "question name '\(name)' is used twice (first by question \(first))")
            case .questionNameRule(let name):
                return language.pick(
                    vi: "tên câu hỏi '\(name)' không theo quy tắc của XLSForm: bắt đầu bằng chữ cái hoặc '_', "
                        + "sau đó là chữ cái, chữ số, '-', '_', '.'",
                    en: "question name '\(name)' breaks the XLSForm rule: a letter or '_' first, "
                        + "then letters, digits, '-', '_', '.'")
            case .undeclaredList(let question, let list):
                return language.pick(
                    vi: "câu hỏi '\(question)': danh sách lựa chọn '\(list)' chưa được khai báo trong choices",
                    en: "question '\(question)': choice list '\(list)' is not declared under choices")
            case .typeWithoutList(let question, let type):
                return language.pick(
                    vi: "câu hỏi '\(question)': kiểu '\(type)' không nêu danh sách lựa chọn",
                    en: "question '\(question)': type '\(type)' names no choice list")
            case .unknownLookup(let question, let lookup):
                return language.pick(
                    vi: "câu hỏi '\(question)': không có lookup '\(lookup)' (có: province)",
                    en: "question '\(question)': unknown lookup '\(lookup)' (known: province)")
            case .expressionParse(let question, let key, let expression, let reason):
                return language.pick(
                    vi:
                        "câu hỏi '\(question)': không phân tích được biểu thức \(key) \"\(expression)\": \(reason.text(.vi))",
                    en: "question '\(question)': \(key) \"\(expression)\" does not parse: \(reason.text(.en))")
            case .invalidPattern(let question, let key, let pattern):
                return language.pick(
                    vi: "câu hỏi '\(question)': \(key) có biểu thức chính quy không hợp lệ '\(pattern)'",
                    en: "question '\(question)': \(key) has an invalid regular expression '\(pattern)'")
            case .unknownReference(let question, let key, let name):
                return language.pick(
                    vi: "câu hỏi '\(question)': \(key) tham chiếu tới ${\(name)}, không phải là câu hỏi",
                    en: "question '\(question)': \(key) refers to ${\(name)}, which is not a question")
            case .perceptionNotSelect(let question):
                return language.pick(
                    vi: "câu hỏi '\(question)' có vai trò perception nhưng không phải select_one hay select_multiple "
                        + "(bảng cảm nhận báo cáo tỷ lệ của từng câu trả lời)",
                    en: "question '\(question)' has role perception but is not a select_one or select_multiple "
                        + "(the perception table reports the share of each answer)")
            case .scoredWithoutScale(let question, let role):
                return language.pick(
                    vi: "câu hỏi '\(question)' có vai trò \(role) nhưng không phải câu chọn trên danh sách "
                        + "được khai báo trong scales",
                    en: "question '\(question)' has role \(role) but is not a select on a list declared under scales")
            case .noArea(let question):
                return language.pick(
                    vi: "câu hỏi tính điểm '\(question)' không có lĩnh vực (area)",
                    en: "scored question '\(question)' has no area")
            case .undeclaredArea(let question, let area):
                return language.pick(
                    vi: "câu hỏi '\(question)': lĩnh vực '\(area)' chưa được khai báo trong areas",
                    en: "question '\(question)': area '\(area)' is not declared under areas")
            case .noElement(let question):
                return language.pick(
                    vi: "câu hỏi tính điểm '\(question)' không có yếu tố (element)",
                    en: "scored question '\(question)' has no element")
            case .undeclaredElement(let question, let element, let area):
                return language.pick(
                    vi: "câu hỏi '\(question)': yếu tố '\(element)' chưa được khai báo trong lĩnh vực '\(area)'",
                    en: "question '\(question)': element '\(element)' is not declared in area '\(area)'")
            case .areaTwice(let area):
                return language.pick(
                    vi: "lĩnh vực '\(area)' được khai báo hai lần", en: "area '\(area)' is declared twice")
            case .areaWithoutElements(let area):
                return language.pick(
                    vi: "lĩnh vực '\(area)' không có yếu tố nào", en: "area '\(area)' has no elements")
            case .elementTwice(let element):
                return language.pick(
                    vi: "yếu tố '\(element)' được khai báo hai lần (tên yếu tố không được trùng giữa các lĩnh vực)",
                    en: "element '\(element)' is declared twice (element names are unique across areas)")
            case .elementWithoutItems(let element, let area):
                return language.pick(
                    vi: "yếu tố '\(element)' của lĩnh vực '\(area)' không có câu hỏi tính điểm nào "
                        + "(rollup.element là mean_of_items)",
                    en: "element '\(element)' of area '\(area)' has no scored items (rollup.element is mean_of_items)")
            case .elementWithoutOverall(let element, let area):
                return language.pick(
                    vi: "yếu tố '\(element)' của lĩnh vực '\(area)' không có câu hỏi element_overall "
                        + "(rollup.element là overall_item)",
                    en: "element '\(element)' of area '\(area)' has no element_overall question "
                        + "(rollup.element is overall_item)")
            case .overallItemCount(let found):
                return language.pick(
                    vi: "rollup.overall là overall_item nhưng có \(found) câu hỏi vai trò overall (cần đúng 1)",
                    en: "rollup.overall is overall_item but \(found) questions have role overall (need exactly 1)")
            case .noAreas:
                return language.pick(
                    vi: "không khai báo lĩnh vực nào: không có gì để tổng hợp",
                    en: "no areas are declared: nothing to roll up")
            case .unitMissing:
                return language.pick(
                    vi: "rollup.national là mean_of_units nhưng thiếu rollup.unit",
                    en: "rollup.national is mean_of_units but rollup.unit is missing")
            case .designColumn(let key, let column):
                return language.pick(
                    vi: "design.\(key) '\(column)' không phải là câu hỏi",
                    en: "design.\(key) '\(column)' is not a question")
            case .replicateColumn(let column):
                return language.pick(
                    vi: "cột design.replicate_weights '\(column)' không phải là câu hỏi",
                    en: "design.replicate_weights column '\(column)' is not a question")
            case .respondentID(let column):
                return language.pick(
                    vi: "respondent_id '\(column)' không phải là câu hỏi",
                    en: "respondent_id '\(column)' is not a question")
            case .outcomeMissing(let outcome):
                return language.pick(
                    vi: "drivers.outcome '\(outcome)' không phải là câu hỏi",
                    en: "drivers.outcome '\(outcome)' is not a question")
            case .outcomeRole(let outcome, let role, let hasScale):
                return language.pick(
                    vi: "drivers.outcome '\(outcome)' có vai trò \(role)\(hasScale ? "" : " và không có thang đo"); "
                        + "phải là câu hỏi tính điểm có vai trò overall hoặc element_overall "
                        + "(điểm các yếu tố là biến giải thích)",
                    en: "drivers.outcome '\(outcome)' has role \(role)\(hasScale ? "" : " and no scale"); "
                        + "it must be a scored question of role overall or element_overall "
                        + "(the element scores are the predictors)")
            case .attributeMissing(let what, let name):
                return language.pick(
                    vi: "\(what) '\(name)' không phải là câu hỏi", en: "\(what) '\(name)' is not a question")
            case .attributeRole(let what, let name, let role):
                return language.pick(
                    vi: "\(what) '\(name)' có vai trò \(role); phải là attribute (cột thông tin)",
                    en: "\(what) '\(name)' has role \(role); it must be an attribute")
            }
        }
    }
}
