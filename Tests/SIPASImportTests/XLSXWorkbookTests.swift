import Foundation
import SIPASTestSupport
import Testing

@testable import SIPASImport

struct XLSXWorkbookTests {
    @Test func dateFormatsAreTold() {
        for code in ["dd/mm/yyyy", "d-mmm-yy", "yyyy-mm-dd hh:mm", "[$-42A]dd/mm/yyyy", "h:mm:ss"] {
            #expect(XLSXWorkbook.isDateFormat(code), "\(code)")
        }
        for code in ["General", "0.00", "#,##0", "0%", "\"ngày\" 0", "[Red]0.0"] {
            #expect(!XLSXWorkbook.isDateFormat(code), "\(code)")
        }
        #expect(
            XLSXWorkbook.isBuiltinDate(14) && XLSXWorkbook.isBuiltinDate(22) && !XLSXWorkbook.isBuiltinDate(0)
                && !XLSXWorkbook.isBuiltinDate(49))
    }

    @Test func sheetsSharedStringsAndStylesAreRead() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("w.xlsx")
        try XLSXWriter.write([("Một", [[.text("a"), .text("b")]]), ("Hai", [[.text("a")]])], to: url)
        let workbook = try XLSXWorkbook(url: url)
        #expect(workbook.sheets.map(\.name) == ["Một", "Hai"])
        #expect(workbook.sheets.map(\.path) == ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
        #expect(workbook.sharedStrings == ["a", "b"])
        #expect(workbook.dateStyles == [false, true])
        #expect(!workbook.date1904)
    }

    @Test func serialDatesFollowExcel() {
        #expect(ExcelDate.text(serial: 1, date1904: false) == "1900-01-01")
        #expect(ExcelDate.text(serial: 59, date1904: false) == "1900-02-28")
        #expect(ExcelDate.text(serial: 60, date1904: false) == "1900-02-29")  // Lotus's leap day
        #expect(ExcelDate.text(serial: 25_569, date1904: false) == "1970-01-01")
        #expect(ExcelDate.text(serial: 0.75, date1904: false) == "18:00:00")
        #expect(
            ExcelDate.excelNumber(0.1 + 0.2) == "0.3" && ExcelDate.excelNumber(-3) == "-3"
                && ExcelDate.excelNumber(1e20) == "1e+20")
    }
}
