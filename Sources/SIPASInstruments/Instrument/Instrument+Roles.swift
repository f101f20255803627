import SIPASCore

extension Instrument {
    /// The question named `name`, if any.
    public func question(named name: String) -> Question? {
        questions.first { $0.name == name }
    }

    /// The scale of a select question whose list is declared under `scales`.
    public func scale(of question: Question) -> Scale? {
        question.type.listName.flatMap { scales[$0] }
    }

    /// The question's role: as declared, else `item` for a question on a declared scale,
    /// `info` for notes and calculations, `attribute` otherwise.
    public func role(of question: Question) -> QuestionRole {
        if let role = question.role { return role }
        if scale(of: question) != nil { return .item }
        switch question.type {
        case .note, .calculate: return .info
        default: return .attribute
        }
    }

    /// Questions that enter an index (roles `item`, `element_overall`, `overall`), in form order.
    public var scoredQuestions: [Question] {
        questions.filter { [.item, .elementOverall, .overall].contains(role(of: $0)) && scale(of: $0) != nil }
    }

    /// Questions kept as attributes for breakdowns and design (roles `attribute` and `perception`),
    /// in form order.
    public var attributeQuestions: [Question] {
        questions.filter { [.attribute, .perception].contains(role(of: $0)) }
    }

    /// Questions whose answers' shares the perception table reports (role `perception`), in form order.
    public var perceptionQuestions: [Question] {
        questions.filter { role(of: $0) == .perception }
    }

    /// The record layout the importer fills and the statistics core reads.
    public var recordLayout: RecordLayout {
        RecordLayout(items: scoredQuestions.map(\.name), attributeNames: attributeQuestions.map(\.name))
    }

    /// Every element, with the area it belongs to, in reporting order.
    public var elementsWithAreas: [(area: Area, element: Element)] {
        areas.flatMap { area in area.elements.map { (area, $0) } }
    }
}
