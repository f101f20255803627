import SIPASCore
import SIPASImport

/// The pages' labels in Vietnamese and English, handed to the templates as `t`.
enum WebText {
    static let labels: [String: (vi: String, en: String)] = [
        "app": ("SIPAS — kho phiếu khảo sát", "SIPAS — survey store"),
        "login": ("Đăng nhập", "Sign in"),
        "logout": ("Đăng xuất", "Sign out"),
        "user": ("Tài khoản", "Account"),
        "password": ("Mật khẩu", "Password"),
        "home": ("Lô của tôi", "My batches"),
        "batches": ("Các lô", "Batches"),
        "upload": ("Nộp tệp", "Upload a file"),
        "uploadHelp": ("Tệp CSV, Excel (.xlsx) hoặc bản xuất ODK/Kobo. Tệp được kiểm tra trước; chưa ghi gì vào kho.",
                       "A CSV, Excel (.xlsx) or ODK/Kobo export. The file is checked first; nothing is stored yet."),
        "file": ("Tệp", "File"),
        "check": ("Kiểm tra", "Check"),
        "report": ("Kết quả kiểm tra", "Validation report"),
        "rowsRead": ("Số dòng đọc", "Rows read"),
        "accepted": ("Hợp lệ", "Accepted"),
        "rejected": ("Không hợp lệ", "Rejected"),
        "encoding": ("Bảng mã", "Encoding"),
        "instrument": ("Bộ công cụ", "Instrument"),
        "byRule": ("Lỗi theo quy tắc", "Rejections by rule"),
        "byColumn": ("Lỗi theo cột", "Rejections by column"),
        "firstRejections": ("Các dòng lỗi đầu tiên", "First rejected rows"),
        "row": ("Dòng", "Row"),
        "column": ("Cột", "Column"),
        "value": ("Giá trị", "Value"),
        "rule": ("Quy tắc", "Rule"),
        "reason": ("Lý do", "Reason"),
        "more": ("lỗi khác (xem tệp dòng lỗi)", "more (see the rejects file)"),
        "acceptBatch": ("Nhận thành lô", "Accept as a batch"),
        "replace": ("Thay lô cùng tên đã nộp (tệp đã sửa)", "Replace the batch of the same name (a fixed file)"),
        "downloadRejects": ("Tải các dòng lỗi (CSV) để sửa", "Download the rejected rows (CSV) to fix"),
        "batch": ("Lô", "Batch"),
        "team": ("Nhóm", "Team"),
        "loadedAt": ("Thời điểm nạp", "Loaded"),
        "status": ("Trạng thái", "Status"),
        "inForce": ("đang dùng", "in force"),
        "replacedBy": ("đã thay bằng lô", "replaced by batch"),
        "noBatches": ("Chưa có lô nào.", "No batches yet."),
        "progress": ("Tiến độ thực địa", "Fieldwork progress"),
        "byTeam": ("Theo nhóm", "By team"),
        "byDay": ("Theo ngày", "By day"),
        "day": ("Ngày", "Day"),
        "byProvince": ("Theo tỉnh", "By province"),
        "byCommune": ("Theo xã, phường", "By commune"),
        "province": ("Mã tỉnh", "Province code"),
        "commune": ("Mã xã, phường", "Commune code"),
        "forms": ("Phiếu hợp lệ", "Accepted forms"),
        "alreadyLoaded": ("Tệp này đã có trong kho; không ghi thêm gì.", "This file is already in the store; nothing written."),
        "fileError": ("Không đọc được tệp", "The file cannot be read"),
        "badLogin": ("Sai tài khoản hoặc mật khẩu.", "Wrong account or password."),
        "language": ("English", "Tiếng Việt"),
        "file_name": ("Tên tệp", "File name"),
        "analysisLink": ("Phân tích", "Analysis"),
        "analysis": ("Chỉ số hài lòng (khoảng tin cậy 95 %)", "Satisfaction indices (95 % CIs)"),
        "compare": ("So sánh hai năm", "Year comparison"),
        "targets": ("Chỉ tiêu", "Targets"),
        "annualReport": ("Báo cáo năm", "Annual report"),
        "fromYear": ("Năm trước", "Earlier year"),
        "toYear": ("Năm sau", "Later year"),
        "year": ("Năm khảo sát", "Survey year"),
        "previousYear": ("So với năm", "Compared with"),
        "plan": ("Kế hoạch chỉ tiêu", "Target plan"),
        "show": ("Xem", "Show"),
        "annualHelp": ("Báo cáo như lệnh sipas report trên các lô đang dùng của năm: HTML, Excel, CSV, SPSS.",
                       "The report of sipas report on the year's batches in force: HTML, Excel, CSV, SPSS."),
        "writeReport": ("Lập báo cáo", "Write the report"),
        "openReport": ("Mở báo cáo (HTML)", "Open the report (HTML)"),
        "downloads": ("Tải về", "Downloads"),
        "anotherReport": ("Lập báo cáo khác", "Write another report"),
    ]

    static func strings(_ language: Language) -> [String: String] {
        labels.mapValues { language == .vi ? $0.vi : $0.en }
    }

    /// A rule's name in `language`, from the catalog (``RuleName``): the key of a row's rule
    /// (``Rejection/Rule/key``) or a file's (``ImportError/key``); the key itself when unknown.
    static func ruleName(_ key: String, _ language: Language) -> String {
        RuleName.text(forKey: key, language)
    }
}
