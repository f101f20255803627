import Testing

@testable import SIPASReport

struct CellSafetyTests {
    @Test func htmlEscapesEveryMarkupCharacter() {
        #expect(
            CellSafety.html("<script>alert('x')</script> & \"q\"")
                == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
        #expect(CellSafety.html("Hà Nội") == "Hà Nội")
    }

    @Test func xmlDropsControlCharacters() {
        #expect(CellSafety.xml("a\u{01}b<") == "ab&lt;")
    }

    @Test func spreadsheetFormulasAreNeutralised() {
        for text in ["=HYPERLINK(\"x\")", "+1", "-2+3", "-5", "@SUM(A1)", "\t=1", "\r=1", "\u{0}=1"] {
            #expect(CellSafety.spreadsheet(text) == "'" + text)
        }
        for text in ["Hà Nội", "84,5", "", "a=b"] {
            #expect(CellSafety.spreadsheet(text) == text)
        }
    }

    @Test func markdownCannotBreakTablesOrOpenTags() {
        #expect(CellSafety.markdown("a|b") == "a\\|b")
        #expect(CellSafety.markdown("<script>") == "&lt;script&gt;")
        #expect(CellSafety.markdown("[x](y) *b* _i_") == "\\[x\\](y) \\*b\\* \\_i\\_")
        #expect(CellSafety.markdown("1\n2") == "1 2")
    }
}
