#!/usr/bin/env python3
"""Writes the importer's fault corpus: one faulty file per case, and expected.tsv.

Run from this folder: `python3 make-faults.py`. Standard library only (xlsx files through
`zipfile`; CP1258 through the `iconv` program, as Excel on Vietnamese Windows writes it).

Every case is imported with the instrument named in the manifest (Tests/Fixtures/import/
<instrument>-instrument.yaml) and the options given; the first problem found must be exactly the
one in expected.tsv: file (as located: "name.xlsx, sheet Data" for a workbook), spreadsheet row,
column header, offending value and rule. The expectations were written by hand from the file's
content, not recorded from sipas.
"""
import os
import subprocess
import zipfile

HEADER = "form_id,year,province_code,province_name,commune_code,weight,sector,s1,s2,s3,s4"
HEADER_X = HEADER + ",used,visits,phone"
G1 = "F1,2024,01,Hà Nội,01001,120.5,dat_dai,5,4,9,"
G2 = "F2,2024,02,Hà Giang,02001,80,tu_phap,1,2,3,4"
G1X = G1 + ",1,3,0912345678"
G2X = G2 + ",2,,"


def csv(*rows):
    return ("\n".join(rows) + "\n").encode("utf-8")


def cp1258(text):
    return subprocess.run(["iconv", "-f", "UTF-8", "-t", "CP1258"], input=text.encode("utf-8"),
                          capture_output=True, check=True).stdout


def utf16le(text, bom=True):
    return (b"\xff\xfe" if bom else b"") + text.encode("utf-16-le")


def xlsx(rows, sheet="Data", shared_override=None, sheet_xml=None):
    """A minimal workbook: rows of strings (numbers written as numbers when they look so)."""
    strings, index = [], {}
    body = []
    for r, row in enumerate(rows, start=1):
        if not row:
            continue
        cells = []
        for c, value in enumerate(row):
            if value == "":
                continue
            ref = col_letter(c) + str(r)
            if value.replace(".", "", 1).isdigit() and not (value.startswith("0") and value != "0" and not value.startswith("0.")):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                if value not in index:
                    index[value] = len(strings)
                    strings.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{index[value]}</v></c>')
        body.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    if shared_override is not None:
        body.append(shared_override)
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml if sheet_xml is not None else f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>' + "".join(body) + "</sheetData></worksheet>",
        "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8"?><sst {ns}>' + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>",
    }
    import io
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))  # fixed, so the bytes do not change
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def col_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def rows(text):
    return [line.split(",") if line else [] for line in text.split("\n")]


# (file name, bytes, instrument, options, located file, row, column, value, rule)
CASES = [
    ("01-code-out-of-range.csv", csv(HEADER, G1, G2, "F3,2024,04,Cao Bằng,04001,50,dat_dai,4,7,4,4"), "mini", "", None, 4, "s2", "7", "out of range"),
    ("02-code-zero.csv", csv(HEADER, G1, G2, "F3,2024,04,Cao Bằng,04001,50,dat_dai,4,4,0,4"), "mini", "", None, 4, "s3", "0", "out of range"),
    ("03-label-not-in-list.csv", csv(HEADER, G1, G2, "F3,2024,04,Cao Bằng,04001,50,Nông nghiệp,4,4,4,4"), "mini", "", None, 4, "sector", "Nông nghiệp", "not in list"),
    ("04-weight-zero.csv", csv(HEADER, G1, G2, "F3,2024,04,Cao Bằng,04001,0,dat_dai,4,4,4,4"), "mini", "", None, 4, "weight", "0", "weight"),
    ("05-weight-not-a-number.csv", csv(HEADER, G1, G2, "F3,2024,04,Cao Bằng,04001,abc,dat_dai,4,4,4,4"), "mini", "", None, 4, "weight", "abc", "not a number"),
    ("06-weight-negative.csv", csv(HEADER, G1, "F3,2024,04,Cao Bằng,04001,-2,dat_dai,4,4,4,4", G2), "mini", "", None, 3, "weight", "-2", "weight"),
    ("07-required-id-blank.csv", csv(HEADER, G1, G2, ",2024,04,Cao Bằng,04001,50,dat_dai,4,4,4,4"), "mini", "", None, 4, "form_id", "", "required"),
    ("08-required-commune-blank.csv", csv(HEADER, G1, G2, "F3,2024,04,Cao Bằng,,50,dat_dai,4,4,4,4"), "mini", "", None, 4, "commune_code", "", "required"),
    ("09-unknown-province.csv", csv(HEADER, G1, G2, "F3,2024,99,X,99001,50,dat_dai,4,4,4,4"), "mini", "", None, 4, "province_code", "99", "unknown province"),
    ("10-province-merged-in-2025.csv", csv(HEADER, "F1,2025,01,Hà Nội,01001,10,dat_dai,4,4,4,4", "F2,2025,06,X,06001,10,dat_dai,4,4,4,4"), "mini", "", None, 3, "province_code", "06", "unknown province"),
    ("11-short-row.csv", csv(HEADER, G1, G2, "F3,2024,04,Cao Bằng,04001,50,dat_dai,4,4,4"), "mini", "", None, 4, "", "", "field count"),
    ("12-long-row.csv", csv(HEADER, G1, G2, "F3,2024,04,Cao Bằng,04001,50,dat_dai,4,4,4,4,5,6"), "mini", "", None, 4, "", "", "field count"),
    ("13-duplicate-id.csv", csv(HEADER, G1, G2, "F1,2024,04,Cao Bằng,04001,50,dat_dai,4,4,4,4"), "mini", "", None, 4, "form_id", "F1", "duplicate id"),
    ("14-answer-where-skipped.csv", csv(HEADER_X, G1X, G2X, "F3,2024,04,Cao Bằng,04001,50,dat_dai,4,4,4,4,2,3,"), "mini", "", None, 4, "visits", "3", "relevant"),
    ("15-constraint-range.csv", csv(HEADER_X, G1X, G2X, "F3,2024,04,Cao Bằng,04001,50,dat_dai,4,4,4,4,1,99,"), "mini", "", None, 4, "visits", "99", "constraint"),
    ("16-constraint-regex.csv", csv(HEADER_X, G1X, G2X, "F3,2024,04,Cao Bằng,04001,50,dat_dai,4,4,4,4,2,,12345"), "mini", "", None, 4, "phone", "12345", "constraint"),
    ("17-integer-not-a-number.csv", csv(HEADER_X, G1X, G2X, "F3,2024,04,Cao Bằng,04001,50,dat_dai,4,4,4,4,1,ba,"), "mini", "", None, 4, "visits", "ba", "not a number"),
    ("18-decimal-malformed.csv", csv(HEADER, G1, G2, "F3,2024,04,Cao Bằng,04001,1.2.3,dat_dai,4,4,4,4"), "mini", "", None, 4, "weight", "1.2.3", "not a number"),
    ("19-cp1258-row-in-utf8-file.csv", csv(HEADER, G1, G2) + cp1258("F3,2024,01,Hà Nội,01001,10,dat_dai,4,4,4,4\n"), "mini", "", None, 4, "province_name", "E0 20 4E", "not UTF-8"),
    ("20-utf16-without-bom.csv", utf16le(HEADER + "\n" + G1 + "\n", bom=False), "mini", "", None, 1, "", "", "UTF-16 without BOM"),
    ("21-utf16-odd-final-byte.csv", utf16le(HEADER + "\n" + G1 + "\n") + b"\x41", "mini", "", None, None, "", "", "broken UTF-16"),
    ("22-unterminated-quote.csv", csv(HEADER, G1, 'F2,2024,02,"Hà Giang,02001,80,tu_phap,1,2,3,4'), "mini", "", None, 3, "province_name", "", "unterminated quote"),
    ("23-missing-column.csv", csv(HEADER.replace(",s3", ""), "F1,2024,01,Hà Nội,01001,120.5,dat_dai,5,4,"), "mini", "", None, 1, "", "s3", "missing columns"),
    ("24-wrong-delimiter.csv", csv(HEADER.replace(",", "|"), G1.replace(",", "|")), "mini", "", None, 1, "form_id|year|province_code|province_name|commune_code|weight|sector|s1|s2|s3|s4", "|", "wrong delimiter"),
    ("25-empty-file.csv", b"", "mini", "", None, None, "", "", "empty file"),
    ("26-two-columns-one-question.csv", csv(HEADER + ",S1", G1 + ",4"), "mini", "", None, 1, "S1", "s1 S1", "ambiguous columns"),
    ("27-cp1258-label-not-in-list.csv", cp1258("\n".join([HEADER, G1, G2, "F3,2024,04,Cao Bằng,04001,50,Nông nghiệp,4,4,4,4"]) + "\n"), "mini", "", None, 4, "sector", "Nông nghiệp", "not in list"),
    ("28-semicolon-out-of-range.csv", csv(*(line.replace(",", ";") for line in [HEADER, G1, G2, "F3;2024;04;Cao Bằng;04001;50;dat_dai;4;4;4;6"])), "mini", "", None, 4, "s4", "6", "out of range"),
    ("29-utf16-out-of-range.csv", utf16le("\r\n".join([HEADER, G1, G2, "F3\t2024\t04\tCao Bằng\t04001\t50\tdat_dai\t8\t4\t4\t4".replace("\t", ",")]) + "\r\n"), "mini", "", None, 4, "s1", "8", "out of range"),
    ("30-bom-required-blank.csv", b"\xef\xbb\xbf" + csv(HEADER, G1, G2, "F3,2024,04,Cao Bằng,,50,dat_dai,4,4,4,4"), "mini", "", None, 4, "commune_code", "", "required"),
    ("31-quoted-newline-then-error.csv", csv(HEADER, 'F1,2024,01,"Hà\nNội",01001,120.5,dat_dai,5,4,9,', G2, "", "F3,2024,04,Cao Bằng,04001,50,dat_dai,4,4,4,0"), "mini", "", None, 5, "s4", "0", "out of range"),
    ("32-tcvn3-undecodable.csv", csv(HEADER, G1.replace("Hà Nội", "Ha Noi"), "F2,2024,02,Ha\x80,02001,80,tu_phap,1,2,3,4").replace(b"\xc2\x80", b"\x80"), "mini", "encoding=tcvn3", None, 3, "province_name", "80", "undecodable byte"),
    ("33-vni-mark-after-consonant.csv", csv(HEADER, G1.replace("Hà Nội", "Ha Noi"), "F2,2024,02,Hb\xf9,02001,80,tu_phap,1,2,3,4").replace(b"\xc3\xb9", b"\xf9"), "mini", "encoding=vni", None, 3, "province_name", "F9", "undecodable byte"),
    ("34-xlsx-out-of-range.xlsx", xlsx(rows("\n".join([HEADER, G1, G2, "F3,2024,04,Cao Bằng,04001,50,dat_dai,4,4,4,7"]))), "mini", "", "34-xlsx-out-of-range.xlsx, sheet Data", 4, "s4", "7", "out of range"),
    ("35-xlsx-empty-row-then-error.xlsx", xlsx(rows("\n".join([HEADER, G1, "", G2, "F3,2024,04,Cao Bằng,04001,50,dat_dai,4,9,4,x"]))), "mini", "", "35-xlsx-empty-row-then-error.xlsx, sheet Data", 5, "s4", "x", "out of range"),
    ("36-xlsx-not-a-zip.xlsx", csv(HEADER, G1), "mini", "", None, None, "", "", "bad workbook"),
    ("37-xlsx-no-such-sheet.xlsx", xlsx(rows("\n".join([HEADER, G1]))), "mini", "sheet=Phiếu", None, None, "", "Phiếu", "no such sheet"),
    ("38-xlsx-bad-shared-string.xlsx", xlsx(rows("\n".join([HEADER, G1])), shared_override='<row r="3"><c r="A3" t="s"><v>999</v></c></row>'), "mini", "", "38-xlsx-bad-shared-string.xlsx, sheet Data", 3, "form_id", "", "bad workbook"),
    ("39-xlsx-malformed-xml.xlsx", xlsx([], sheet_xml='<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>form_id & year</t></is></c></row></sheetData></worksheet>'), "mini", "", None, None, "", "", "bad workbook"),
    ("40-xlsx-missing-column.xlsx", xlsx(rows("\n".join([HEADER.replace(",weight", ""), G1.replace(",120.5", "")]))), "mini", "", "40-xlsx-missing-column.xlsx, sheet Data", 1, "", "weight", "missing columns"),
    ("41-kobo-split-not-0-1.csv", csv("form_id,year,province_code,province_name,commune_code,weight,sector,s1,s2,s3,s4,channels/web,channels/office,_uuid",
                                       "F1,2024,01,Hà Nội,01001,10,dat_dai,4,4,4,4,1,0,u1", "F2,2024,01,Hà Nội,01001,10,dat_dai,4,4,4,4,yes,0,u2"), "odk", "", None, 3, "channels/web", "yes", "not in list"),
    ("42-kobo-answer-where-skipped.csv", csv("form_id,year,province_code,province_name,commune_code,weight,sector,s1,s2,s3,s4,channels/web,channels/office,office_wait,_uuid",
                                             "F1,2024,01,Hà Nội,01001,10,dat_dai,4,4,4,4,0,1,15,u1", "F2,2024,01,Hà Nội,01001,10,dat_dai,4,4,4,4,1,0,20,u2"), "odk", "", None, 3, "office_wait", "20", "relevant"),
    ("43-odk-group-path-out-of-range.csv", csv("SubmissionDate,form_id,year,province_code,province_name,commune_code,weight,sector,svc-s1,svc-s2,svc-s3,svc-s4,meta-instanceID,KEY",
                                               "2024-05-17,F1,2024,01,Hà Nội,01001,10,dat_dai,4,4,4,4,uuid:1,uuid:1", "2024-05-17,F2,2024,01,Hà Nội,01001,10,dat_dai,4,10,4,4,uuid:2,uuid:2"), "odk", "", None, 3, "svc-s2", "10", "out of range"),
    # The entry workbook's drop-down entries: "4 – Hài lòng" (en dash) and "9 - …" (hyphen) are
    # their codes; row 4 pairs code 4 with code 5's label.
    ("44-code-label-mismatch.csv", csv(HEADER, "F1,2024,01,Hà Nội,01001,120.5,Đất đai,4 – Hài lòng,9 - Không biết / không trả lời,5,4", G2,
                                       "F3,2024,04,Cao Bằng,04001,50,dat_dai – Đất đai,4,4 – Rất hài lòng,4,4"), "mini", "", None, 4, "s2", "4 – Rất hài lòng", "label mismatch"),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    lines = ["file\tinstrument\toptions\tlocated\trow\tcolumn\tvalue\trule"]
    for name, data, instrument, options, located, row, column, value, rule in CASES:
        with open(os.path.join(here, name), "wb") as f:
            f.write(data)
        lines.append("\t".join([name, instrument, options, located or name, "" if row is None else str(row), column, value, rule]))
    with open(os.path.join(here, "expected.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(CASES)} faulty files")


if __name__ == "__main__":
    main()
