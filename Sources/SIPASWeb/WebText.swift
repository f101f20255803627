import SIPASCore
import SIPASImport

/// The pages' labels, handed to the templates as `t`: each case's raw value is the name a template
/// reads (`{{t.login}}`), and its text in Vietnamese and English comes from ``text(_:)``.
enum WebLabel: String, CaseIterable, Sendable, LocalizedMessage {
    case app, login, logout, user, password, home, batches, upload, uploadHelp, file, check, report, rowsRead, accepted
    case rejected, encoding, instrument, byRule, byColumn, firstRejections, row, column, value, rule, reason, more,
        acceptBatch
    case replace, downloadRejects, batch, team, loadedAt, status, inForce, replacedBy, noBatches, progress, byTeam,
        byDay, day
    case byProvince, byCommune, province, commune, forms, alreadyLoaded, fileError, badLogin, language
    case fileName = "file_name"
    case analysisLink, analysis, compare, targets, annualReport, fromYear, toYear, year, previousYear, plan, show,
        annualHelp
    case writeReport, openReport, downloads, anotherReport

    var key: String { rawValue }

    func text(_ language: Language) -> String {
        switch self {
        case .app: return language.pick(vi: "SIPAS — kho phiếu khảo sát", en: "SIPAS — survey store")
        case .login: return language.pick(vi: "Đăng nhập", en: "Sign in")
        case .logout: return language.pick(vi: "Đăng xuất", en: "Sign out")
        case .user: return language.pick(vi: "Tài khoản", en: "Account")
        case .password: return language.pick(vi: "Mật khẩu", en: "Password")
        case .home: return language.pick(vi: "Lô của tôi", en: "My batches")
        case .batches: return language.pick(vi: "Các lô", en: "Batches")
        case .upload: return language.pick(vi: "Nộp tệp", en: "Upload a file")
        case .uploadHelp:
            return language.pick(
                vi: "Tệp CSV, Excel (.xlsx) hoặc bản xuất ODK/Kobo. Tệp được kiểm tra trước; chưa ghi gì vào kho.",
                en: "A CSV, Excel (.xlsx) or ODK/Kobo export. The file is checked first; nothing is stored yet.")
        case .file: return language.pick(vi: "Tệp", en: "File")
        case .check: return language.pick(vi: "Kiểm tra", en: "Check")
        case .report: return language.pick(vi: "Kết quả kiểm tra", en: "Validation report")
        case .rowsRead: return language.pick(vi: "Số dòng đọc", en: "Rows read")
        case .accepted: return language.pick(vi: "Hợp lệ", en: "Accepted")
        case .rejected: return language.pick(vi: "Không hợp lệ", en: "Rejected")
        case .encoding: return language.pick(vi: "Bảng mã", en: "Encoding")
        case .instrument: return language.pick(vi: "Bộ công cụ", en: "Instrument")
        case .byRule: return language.pick(vi: "Lỗi theo quy tắc", en: "Rejections by rule")
        case .byColumn: return language.pick(vi: "Lỗi theo cột", en: "Rejections by column")
        case .firstRejections: return language.pick(vi: "Các dòng lỗi đầu tiên", en: "First rejected rows")
        case .row: return language.pick(vi: "Dòng", en: "Row")
        case .column: return language.pick(vi: "Cột", en: "Column")
        case .value: return language.pick(vi: "Giá trị", en: "Value")
        case .rule: return language.pick(vi: "Quy tắc", en: "Rule")
        case .reason: return language.pick(vi: "Lý do", en: "Reason")
        case .more: return language.pick(vi: "lỗi khác (xem tệp dòng lỗi)", en: "more (see the rejects file)")
        case .acceptBatch: return language.pick(vi: "Nhận thành lô", en: "Accept as a batch")
        case .replace:
            return language.pick(
                vi: "Thay lô cùng tên đã nộp (tệp đã sửa)", en: "Replace the batch of the same name (a fixed file)")
        case .downloadRejects:
            return language.pick(vi: "Tải các dòng lỗi (CSV) để sửa", en: "Download the rejected rows (CSV) to fix")
        case .batch: return language.pick(vi: "Lô", en: "Batch")
        case .team: return language.pick(vi: "Nhóm", en: "Team")
        case .loadedAt: return language.pick(vi: "Thời điểm nạp", en: "Loaded")
        case .status: return language.pick(vi: "Trạng thái", en: "Status")
        case .inForce: return language.pick(vi: "đang dùng", en: "in force")
        case .replacedBy: return language.pick(vi: "đã thay bằng lô", en: "replaced by batch")
        case .noBatches: return language.pick(vi: "Chưa có lô nào.", en: "No batches yet.")
        case .progress: return language.pick(vi: "Tiến độ thực địa", en: "Fieldwork progress")
        case .byTeam: return language.pick(vi: "Theo nhóm", en: "By team")
        case .byDay: return language.pick(vi: "Theo ngày", en: "By day")
        case .day: return language.pick(vi: "Ngày", en: "Day")
        case .byProvince: return language.pick(vi: "Theo tỉnh", en: "By province")
        case .byCommune: return language.pick(vi: "Theo xã, phường", en: "By commune")
        case .province: return language.pick(vi: "Mã tỉnh", en: "Province code")
        case .commune: return language.pick(vi: "Mã xã, phường", en: "Commune code")
        case .forms: return language.pick(vi: "Phiếu hợp lệ", en: "Accepted forms")
        case .alreadyLoaded:
            return language.pick(
                vi: "Tệp này đã có trong kho; không ghi thêm gì.",
                en: "This file is already in the store; nothing written.")
        case .fileError: return language.pick(vi: "Không đọc được tệp", en: "The file cannot be read")
        case .badLogin: return language.pick(vi: "Sai tài khoản hoặc mật khẩu.", en: "Wrong account or password.")
        case .language: return language.pick(vi: "English", en: "Tiếng Việt")
        case .fileName: return language.pick(vi: "Tên tệp", en: "File name")
        case .analysisLink: return language.pick(vi: "Phân tích", en: "Analysis")
        case .analysis:
            return language.pick(vi: "Chỉ số hài lòng (khoảng tin cậy 95 %)", en: "Satisfaction indices (95 % CIs)")
        case .compare: return language.pick(vi: "So sánh hai năm", en: "Year comparison")
        case .targets: return language.pick(vi: "Chỉ tiêu", en: "Targets")
        case .annualReport: return language.pick(vi: "Báo cáo năm", en: "Annual report")
        case .fromYear: return language.pick(vi: "Năm trước", en: "Earlier year")
        case .toYear: return language.pick(vi: "Năm sau", en: "Later year")
        case .year: return language.pick(vi: "Năm khảo sát", en: "Survey year")
        case .previousYear: return language.pick(vi: "So với năm", en: "Compared with")
        case .plan: return language.pick(vi: "Kế hoạch chỉ tiêu", en: "Target plan")
        case .show: return language.pick(vi: "Xem", en: "Show")
        case .annualHelp:
            return language.pick(
                vi: "Báo cáo như lệnh sipas report trên các lô đang dùng của năm: HTML, Excel, CSV, SPSS.",
                en: "The report of sipas report on the year's batches in force: HTML, Excel, CSV, SPSS.")
        case .writeReport: return language.pick(vi: "Lập báo cáo", en: "Write the report")
        case .openReport: return language.pick(vi: "Mở báo cáo (HTML)", en: "Open the report (HTML)")
        case .downloads: return language.pick(vi: "Tải về", en: "Downloads")
        case .anotherReport: return language.pick(vi: "Lập báo cáo khác", en: "Write another report")
        }
    }

    /// Every label in `language`, by template name.
    static func strings(_ language: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.text(language)) })
    }
}

/// The pages' and the server's messages that carry values, in Vietnamese and English.
enum WebMessage: Sendable, Hashable, LocalizedMessage {
    /// Sign-in refused for `minutes` after too many failures.
    case tooManySignIns(minutes: Int)
    /// A password of `bytes` UTF-8 bytes, over bcrypt's `maxBytes`.
    case passwordTooLong(bytes: Int, maxBytes: Int)
    /// A password shorter than `minCharacters`.
    case passwordTooShort(minCharacters: Int)
    /// A `--listen` value that is not HOST:PORT.
    case badListen(String)
    /// The column of a rejection that concerns the whole row.
    case wholeRow

    var key: String {
        switch self {
        case .tooManySignIns: return "web.tooManySignIns"
        case .passwordTooLong: return "web.passwordTooLong"
        case .passwordTooShort: return "web.passwordTooShort"
        case .badListen: return "web.badListen"
        case .wholeRow: return "web.wholeRow"
        }
    }

    func text(_ language: Language) -> String {
        switch self {
        case .tooManySignIns(let minutes):
            return language.pick(
                vi: "Đăng nhập sai quá nhiều lần; thử lại sau \(minutes) phút.",
                en: "Too many failed sign-ins; try again in \(minutes) min.")
        case .passwordTooLong(let bytes, let maxBytes):
            return language.pick(
                vi: "mật khẩu dài \(bytes) byte (UTF-8); tối đa \(maxBytes) byte (chữ có dấu chiếm 2–4 byte)",
                en:
                    "the password is \(bytes) bytes long (UTF-8); at most \(maxBytes) bytes (accented letters take 2 to 4)"
            )
        case .passwordTooShort(let minCharacters):
            return language.pick(
                vi: "mật khẩu cần ít nhất \(minCharacters) ký tự",
                en: "the password needs at least \(minCharacters) characters")
        case .badListen(let text):
            return language.pick(
                vi: "--listen '\(text)': cần dạng HOST:CỔNG, ví dụ 127.0.0.1:8080",
                en: "--listen '\(text)': expected HOST:PORT, e.g. 127.0.0.1:8080")
        case .wholeRow:
            return language.pick(vi: "(cả dòng)", en: "(whole row)")
        }
    }
}

/// The pages' rule names.
enum WebText {
    /// A rule's name in `language`, from the catalog (``RuleName``): the key of a row's rule
    /// (``Rejection/Rule/key``) or a file's (``ImportError/key``); the key itself when unknown.
    static func ruleName(_ key: String, _ language: Language) -> String {
        RuleName.text(forKey: key, language)
    }
}
