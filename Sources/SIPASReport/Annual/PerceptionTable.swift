import SIPASCore
import SIPASStats

extension AnnualReportBuilder {
    /// Perception results ("Kết quả nhận định"): each perception question's answers, their weighted
    /// shares among the respondents who answered and the 95 % CI (``PerceptionResults``). An answer
    /// resting on fewer than the minimum n answering respondents shows no share.
    func perceptionTable() -> ReportTable? {
        let columns = [
            ReportColumn("question", t("Câu hỏi", "Question"), .text),
            ReportColumn("answer", t("Trả lời", "Answer"), .text),
            ReportColumn("share", t("Tỷ lệ (%)", "Share (%)"), .percent),
            ReportColumn("ci_low", t("KTC 95% dưới", "95% CI low"), .percent),
            ReportColumn("ci_high", t("KTC 95% trên", "95% CI high"), .percent),
            ReportColumn("n", t("Số người chọn", "Respondents choosing"), .integer),
            ReportColumn("answered", t("Số người trả lời câu hỏi", "Respondents answering"), .integer),
        ]
        let title = t("Kết quả nhận định của người dân, tổ chức", "Perception results")
        let sheet = t("Nhận định", "Perception")
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
        var note = t(
            "Tỷ lệ có trọng số trên số người trả lời câu hỏi (không tính ô để trống); KTC 95% logit theo thiết kế mẫu, \(perception.degreesOfFreedom) bậc tự do.",
            "Weighted shares of the respondents who answered the question (blank cells left out); design-based 95% logit CI, \(perception.degreesOfFreedom) degrees of freedom."
        )
        if !multiple.isEmpty {
            note +=
                " "
                + t(
                    "Câu nhiều lựa chọn (\(multiple.joined(separator: ", "))): tổng các tỷ lệ có thể vượt 100%.",
                    "Multiple-choice questions (\(multiple.joined(separator: ", "))): the shares may add up to more than 100%."
                )
        }
        return ReportTable(id: "perception", title: title, sheetName: sheet, note: note, columns: columns, rows: rows)
    }
}
