import SIPASCore
import SIPASStats

extension AnnualReportBuilder {
    /// Perception results ("Kết quả nhận định"): each perception question's answers, their weighted
    /// shares among the respondents who answered and the 95 % CI (``PerceptionResults``). An answer
    /// resting on fewer than the minimum n answering respondents shows no share.
    func perceptionTable() -> ReportTable? {
        let columns = [
            ReportColumn("question", text(.question), .text),
            ReportColumn("answer", text(.answer), .text),
            ReportColumn("share", text(.answerShare), .percent),
            ReportColumn("ci_low", text(.ciLow), .percent),
            ReportColumn("ci_high", text(.ciHigh), .percent),
            ReportColumn("n", text(.respondentsChoosing), .integer),
            ReportColumn("answered", text(.respondentsAnswering), .integer),
        ]
        let title = text(.perceptionTitle)
        let sheet = text(.perceptionSheet)
        guard let perception = input.perception else {
            return input.perceptionUnavailable.map {
                ReportTable(
                    id: "perception", title: title, sheetName: sheet, note: $0.text(input.language), columns: columns,
                    rows: [])
            }
        }
        guard !perception.questions.isEmpty else { return nil }
        let rows = perception.questions.flatMap { question in
            question.answers.map { answer -> [ReportValue] in
                let small = question.answered < input.minimumN
                func shown(_ value: Double?) -> ReportValue { small ? .suppressed : .of(value.map { $0 * 100 }) }
                return [
                    .text(question.label.text(input.language)), .text(answer.label.text(input.language)),
                    shown(answer.share), shown(answer.ciLow), shown(answer.ciHigh),
                    .number(Double(answer.n)), .number(Double(question.answered)),
                ]
            }
        }
        let multiple = perception.questions.filter(\.multiple).map { "“\($0.label.text(input.language))”" }
        var note = text(.perceptionNote(degreesOfFreedom: perception.degreesOfFreedom))
        if !multiple.isEmpty {
            note += " " + text(.multipleChoiceNote(questions: multiple.joined(separator: ", ")))
        }
        return ReportTable(id: "perception", title: title, sheetName: sheet, note: note, columns: columns, rows: rows)
    }
}
