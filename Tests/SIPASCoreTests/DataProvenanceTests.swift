import SIPASCore
import Testing

struct DataProvenanceTests {
    @Test func surveyDataCarryNoMarker() {
        let survey = DataProvenance(syntheticRows: 0, rows: 1200)
        #expect(!survey.isSynthetic && survey.value == "survey")
        #expect(survey.banner(.vi) == nil && survey.banner(.en) == nil)
    }

    @Test func syntheticDataSaySoInBothLanguages() {
        let synthetic = DataProvenance(syntheticRows: 12_000, rows: 12_000)
        #expect(synthetic.value == "synthetic" && !synthetic.isMixed)
        #expect(synthetic.banner(.vi) == "Dữ liệu mô phỏng — không phải kết quả chính thức")
        #expect(synthetic.banner(.en) == "Synthetic data — not official results")
    }

    @Test func mixedInputsAreMarkedWithTheCountOfSyntheticRows() {
        // A survey file analysed with a synthetic one: every output is marked, with the count.
        let mixed = DataProvenance(syntheticRows: 0, rows: 800).adding(DataProvenance(syntheticRows: 200, rows: 200))
        #expect(mixed.rows == 1000 && mixed.syntheticRows == 200)
        #expect(mixed.isMixed && mixed.value == "mixed")
        #expect(
            mixed.banner(.vi) == "Dữ liệu mô phỏng — không phải kết quả chính thức (200/1000 dòng là dữ liệu mô phỏng)")
        #expect(mixed.banner(.en) == "Synthetic data — not official results (200/1000 rows are synthetic)")
    }
}
