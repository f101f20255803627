import SIPASCore

/// The catalog of the command line's own texts: the error prefix, the import and validation
/// summaries, and `sipas instrument show`, each with its Vietnamese and English text. Leading
/// indentation stays with the caller.
enum CLIMessage: Sendable, Hashable, LocalizedMessage {
    /// Before every error message on standard error.
    case errorPrefix
    // The import summary (``ImportSummaryPrinter``).
    case importSummary(file: String, rowsRead: Int, accepted: Int, rejected: Int)
    /// Rejected rows beyond those shown.
    case moreRows(Int)
    case encodingDetected(encoding: String, percent: Int, evidence: String)
    case encodingLabel, metadataColumnsKept, normalisedLabel, unusedColumnsLabel
    // `sipas validate` (``ValidationReport``).
    case validationSummary(file: String, rowsRead: Int, valid: Int, invalid: Int)
    case validateEncoding, byRule, byColumn, wholeRow
    /// Problems beyond those shown.
    case moreProblems(Int)
    case validateNormalised, validateMetadataColumns, validateUnusedColumns
    case secondEntryNeedsOneFile
    // `sipas instrument check` and `show`.
    case instrumentProblems(file: String, count: Int)
    case family, method, years, officialSources, reconstructed, scales, satisfied, excludedFromDenominator
    case design, rollup, defaultBreakdowns, area, element, overallItems, attributes, otherQuestions
    /// The column titles of `sipas instrument list`.
    case idColumn, familyColumn, methodColumn, yearsColumn, titleColumn
    /// `sipas instrument check`'s line for a valid instrument.
    case instrumentSummary(questions: Int, scored: Int, areas: Int, elements: Int, choiceLists: Int)
    /// `--format` `format` of `sipas instrument export` writes a file.
    case formatNeedsOutput(format: String)
    // `sipas sample` and `sipas report`.
    case noFolder(String)
    /// Before the reason key drivers are not in the report.
    case keyDriversPrefix
    case wroteFiles(count: Int, directory: String, seconds: String)
    // `sipas serve` and its accounts.
    case storeRequired, roleTeamNeedsTeam, teamNeedsRoleTeam, accountNameLength
    case postgresTeamRole(team: String)
    case accountExists(String)
    case accountAdded(name: String, role: String, team: String)
    case accountColumns
    case accountDisabled, accountActive
    case noAccount(String)
    case accountDisabledNow(String)
    // `sipas design`: table column titles, then the notes and summaries.
    case stratum, population, standardDeviation, exactAllocation, sampleSize, marginPoints
    case groupColumn, planned, received, acceptedColumn, ratePercent, behind
    case srsSize, afterDesignEffect, afterFPC, completes, forms, total
    case allocationNote(rule: String, n: Int, minimum: Int)
    case progressNote(levels: String, late: Int, threshold: String)
    case marginWithForms(n: Int, margin: String, confidence: String)
    case sizeNote(z: String, margin: String, share: String, deff: String, responseRate: String)
    case drawSummary(
        output: String, units: Int, frameRows: Int, strata: Int, certainty: Int, reserves: Int, rows: Int,
        method: String, seed: UInt)
    case zeroSizeUnits(Int)
    case weightsSummary(output: String, respondents: Int, sampled: Int, rate: String, cells: Int)
    case rakingSweeps(Int, converged: Bool)
    /// A weighting step's name: `base`, `nonresponse`, `calibrated` or `trimmed`.
    case weightStep(String)
    case weightStepSummary(step: String, total: String, kish: String, effectiveN: String)
    // `sipas store`: the batch list and a batch, then `store setup`.
    /// The tab-separated column titles of `sipas store batches`.
    case batchColumns
    case inForce, teamLabel, fileLabel, instrumentLabel, loadedLabel, statusLabel
    /// A batch's status in the list: replaced by batch `id`.
    case replacedBy(Int64)
    /// A batch's status in `sipas store show`: replaced by batch `id`.
    case replacedByBatch(Int64)
    case batchHeading(id: Int64, name: String)
    case batchCounts(rowsRead: Int, accepted: Int, rejected: Int)
    case rejectedRow(row: Int, reasons: String)
    case storeReady(location: String)
    case teamProvinces(team: String, provinces: [String])
    case analystRole(String)
    case webServerRole(String)
    // `sipas import --store` and `design weights --store`.
    case writingToStore(file: String, store: String)
    case alreadyLoaded(file: String, sha256: String, batch: String, id: Int64, loadedAt: String)
    case batchLoaded(
        file: String, batch: String, id: Int64, team: String, accepted: Int, rejected: Int, seconds: String,
        rowsPerSecond: Int)
    case replacesBatch(id: Int64, file: String, loadedAt: String)
    case duplicateIDs(Int)
    case duplicateID(id: String, row: Int, otherBatch: String, otherRow: Int)
    case moreDuplicateIDs(Int)
    case reweighted(store: String, batch: String, id: Int64, newID: Int64, file: String, responses: Int)
    // `sipas sample`.
    case sampleSummary(
        output: String, rows: Int, provinces: Int, clusters: Int, seed: UInt, index: String, target: String,
        source: String, share: String)

    /// "cli." and the case name, without the values it carries.
    var key: String {
        "cli." + (Mirror(reflecting: self).children.first?.label ?? String(describing: self))
    }

    func text(_ language: Language) -> String {
        switch self {
        case .errorPrefix: return language.pick(vi: "Lỗi: ", en: "error: ")
        case .importSummary(let file, let rowsRead, let accepted, let rejected):
            return language.pick(
                vi: "\(file): đọc \(rowsRead) dòng: nhận \(accepted), loại \(rejected)",
                en: "\(file): \(rowsRead) rows read: \(accepted) accepted, \(rejected) rejected")
        case .moreRows(let count): return language.pick(vi: "… và \(count) dòng khác", en: "… and \(count) more")
        case .encodingDetected(let encoding, let percent, let evidence):
            return language.pick(
                vi: "Bảng mã: \(encoding), tự nhận biết, độ tin cậy \(percent) % (\(evidence)); đổi bằng --encoding",
                en:
                    "Encoding: \(encoding), detected with \(percent) % confidence (\(evidence)); override with --encoding"
            )
        case .encodingLabel: return language.pick(vi: "Bảng mã: ", en: "Encoding: ")
        case .metadataColumnsKept:
            return language.pick(vi: "Cột siêu dữ liệu (để riêng): ", en: "Metadata columns (kept aside): ")
        case .normalisedLabel: return language.pick(vi: "Chuẩn hoá: ", en: "Normalised: ")
        case .unusedColumnsLabel: return language.pick(vi: "Cột không dùng: ", en: "Unused columns: ")
        case .validationSummary(let file, let rowsRead, let valid, let invalid):
            return language.pick(
                vi: "\(file): đọc \(rowsRead) dòng: hợp lệ \(valid), không hợp lệ \(invalid)",
                en: "\(file): \(rowsRead) rows read: \(valid) valid, \(invalid) invalid")
        case .validateEncoding: return language.pick(vi: "bảng mã: ", en: "encoding: ")
        case .byRule: return language.pick(vi: "theo quy tắc:", en: "by rule:")
        case .byColumn: return language.pick(vi: "theo cột:", en: "by column:")
        case .wholeRow: return language.pick(vi: "(cả dòng)", en: "(whole row)")
        case .moreProblems(let count): return language.pick(vi: "… và \(count) lỗi khác", en: "… and \(count) more")
        case .validateNormalised: return language.pick(vi: "chuẩn hoá: ", en: "normalised: ")
        case .validateMetadataColumns: return language.pick(vi: "cột siêu dữ liệu: ", en: "metadata columns: ")
        case .validateUnusedColumns: return language.pick(vi: "cột không dùng: ", en: "unused columns: ")
        case .secondEntryNeedsOneFile:
            return language.pick(
                vi: "--second-entry so với đúng một tệp", en: "--second-entry compares with exactly one FILE")
        case .instrumentProblems(let file, let count):
            return language.pick(vi: "\(file): \(count) lỗi", en: "\(file): \(count) problem\(count == 1 ? "" : "s")")
        case .family: return language.pick(vi: "nhóm", en: "family")
        case .method: return language.pick(vi: "phương pháp", en: "method")
        case .years: return language.pick(vi: "năm", en: "years")
        case .officialSources: return language.pick(vi: "Nguồn chính thức:", en: "Official sources:")
        case .reconstructed: return language.pick(vi: "Phần tái dựng [I]:", en: "Reconstructed [I]:")
        case .scales: return language.pick(vi: "Thang đo:", en: "Scales:")
        case .satisfied: return language.pick(vi: "hài lòng", en: "satisfied")
        case .excludedFromDenominator: return language.pick(vi: "loại khỏi mẫu số", en: "excluded")
        case .design: return language.pick(vi: "Thiết kế mẫu:", en: "Design:")
        case .rollup: return language.pick(vi: "Cách tổng hợp (rollup):", en: "Rollup:")
        case .defaultBreakdowns: return language.pick(vi: "Phân tổ mặc định", en: "Default breakdowns")
        case .area: return language.pick(vi: "Lĩnh vực", en: "Area")
        case .element: return language.pick(vi: "Yếu tố", en: "Element")
        case .overallItems: return language.pick(vi: "Câu hỏi hài lòng chung:", en: "Overall items:")
        case .attributes: return language.pick(vi: "Cột thông tin (attribute):", en: "Attributes:")
        case .otherQuestions:
            return language.pick(
                vi: "Câu hỏi khác (info, không tính chỉ số):", en: "Other questions (info, not scored):")
        case .idColumn: return language.pick(vi: "Mã", en: "Id")
        case .familyColumn: return language.pick(vi: "Nhóm", en: "Family")
        case .methodColumn: return language.pick(vi: "Phương pháp", en: "Method")
        case .yearsColumn: return language.pick(vi: "Năm", en: "Years")
        case .titleColumn: return language.pick(vi: "Tên", en: "Title")
        case .instrumentSummary(let questions, let scored, let areas, let elements, let choiceLists):
            return language.pick(
                vi:
                    "OK: \(questions) câu hỏi, \(scored) câu tính chỉ số (\(areas) lĩnh vực, \(elements) yếu tố), \(choiceLists) danh sách lựa chọn",
                en:
                    "OK: \(questions) questions, \(scored) scored (\(areas) area\(areas == 1 ? "" : "s"), \(elements) elements), \(choiceLists) choice lists"
            )
        case .formatNeedsOutput(let format):
            return language.pick(
                vi: "--format \(format) cần --output TỆP", en: "--format \(format) needs --output FILE")
        case .noFolder(let folder): return language.pick(vi: "không có thư mục \(folder)", en: "no folder \(folder)")
        case .keyDriversPrefix: return language.pick(vi: "Yếu tố tác động: ", en: "Key drivers: ")
        case .wroteFiles(let count, let directory, let seconds):
            return language.pick(
                vi: "Đã ghi \(count) tệp vào \(directory) (\(seconds) s)",
                en: "Wrote \(count) files to \(directory) (\(seconds) s)")
        case .storeRequired:
            return language.pick(
                vi: "cần --store (hoặc biến môi trường SIPAS_STORE)", en: "--store (or SIPAS_STORE) is required")
        case .roleTeamNeedsTeam: return language.pick(vi: "--role team cần --team", en: "--role team needs --team")
        case .teamNeedsRoleTeam:
            return language.pick(vi: "--team chỉ dùng với --role team", en: "--team goes with --role team only")
        case .accountNameLength:
            return language.pick(vi: "tên tài khoản: 1 đến 64 ký tự", en: "account name: 1 to 64 characters")
        case .postgresTeamRole(let team):
            return language.pick(
                vi: "trên kho PostgreSQL, --team là tên vai trò của nhóm (chữ thường, số, _): '\(team)'",
                en: "on a PostgreSQL store --team names the team's role (lowercase letters, digits, _): '\(team)'")
        case .accountExists(let name):
            return language.pick(vi: "đã có tài khoản '\(name)'", en: "account '\(name)' already exists")
        case .accountAdded(let name, let role, let team):
            return language.pick(
                vi: "đã thêm tài khoản '\(name)' (\(role)\(team.isEmpty ? "" : ", nhóm \(team)"))",
                en: "added account '\(name)' (\(role)\(team.isEmpty ? "" : ", team \(team)"))")
        case .accountColumns:
            return language.pick(
                vi: "tài khoản\tvai trò\tnhóm\ttỉnh\ttrạng thái\ttạo lúc",
                en: "account\trole\tteam\tprovinces\tstatus\tcreated")
        case .accountDisabled: return language.pick(vi: "đã khoá", en: "disabled")
        case .accountActive: return language.pick(vi: "hoạt động", en: "active")
        case .noAccount(let name): return language.pick(vi: "không có tài khoản '\(name)'", en: "no account '\(name)'")
        case .stratum: return language.pick(vi: "Tầng", en: "Stratum")
        case .population: return language.pick(vi: "Tổng thể", en: "Population")
        case .standardDeviation: return language.pick(vi: "Độ lệch chuẩn", en: "SD")
        case .exactAllocation: return language.pick(vi: "Phân bổ chính xác", en: "Exact")
        case .sampleSize: return language.pick(vi: "Cỡ mẫu", en: "Sample")
        case .marginPoints: return language.pick(vi: "Sai số (điểm %)", en: "Margin (pp)")
        case .groupColumn: return language.pick(vi: "Nhóm", en: "Group")
        case .planned: return language.pick(vi: "Kế hoạch", en: "Planned")
        case .received: return language.pick(vi: "Đã nhận", en: "Received")
        case .acceptedColumn: return language.pick(vi: "Hợp lệ", en: "Accepted")
        case .ratePercent: return language.pick(vi: "Tỷ lệ (%)", en: "Rate (%)")
        case .behind: return language.pick(vi: "chậm", en: "behind")
        case .srsSize: return language.pick(vi: "n (NNĐG)", en: "n (SRS)")
        case .afterDesignEffect: return "× deff"
        case .afterFPC: return language.pick(vi: "sau HCTT", en: "after fpc")
        case .completes: return language.pick(vi: "Phiếu hợp lệ", en: "Completes")
        case .forms: return language.pick(vi: "Phiếu phát", en: "Forms")
        case .total: return language.pick(vi: "Tổng", en: "Total")
        case .allocationNote(let rule, let n, let minimum):
            return language.pick(
                vi:
                    "Phân bổ \(rule), n = \(n), tối thiểu \(minimum) mỗi tầng; * = tầng bị giữ ở mức tối thiểu hoặc bằng N_h",
                en:
                    "\(rule) allocation, n = \(n), minimum \(minimum) per stratum; * = stratum held at the minimum or at N_h"
            )
        case .progressNote(let levels, let late, let threshold):
            return language.pick(
                vi: "Tiến độ thu phiếu theo \(levels); \(late) nhóm dưới \(threshold) %",
                en: "Field work by \(levels); \(late) groups below \(threshold) %")
        case .marginWithForms(let n, let margin, let confidence):
            return language.pick(
                vi: "Sai số với \(n) phiếu: ±\(margin) điểm % (độ tin cậy \(confidence) %)",
                en: "Margin of error with \(n) forms: ±\(margin) percentage points (\(confidence) % confidence)")
        case .sizeNote(let z, let margin, let share, let deff, let responseRate):
            return language.pick(
                vi:
                    "z = \(z), sai số ±\(margin) điểm %, tỷ lệ \(share) %, deff \(deff), tỷ lệ phản hồi \(responseRate)",
                en: "z = \(z), margin ±\(margin) pp, share \(share) %, deff \(deff), response rate \(responseRate)")
        case .drawSummary(
            let output, let units, let frameRows, let strata, let certainty, let reserves, let rows, let method,
            let seed):
            return language.pick(
                vi:
                    "\(output): \(units) đơn vị từ \(frameRows) (\(strata) tầng, \(certainty) đơn vị chắc chắn, \(reserves) đơn vị dự phòng), \(rows) dòng; \(method), hạt giống \(seed)",
                en:
                    "\(output): \(units) units of \(frameRows) (\(strata) strata, \(certainty) certainty units, \(reserves) reserve units), \(rows) rows; \(method), seed \(seed)"
            )
        case .zeroSizeUnits(let count):
            return language.pick(
                vi: "Cảnh báo: \(count) đơn vị có quy mô 0, không thể được chọn",
                en: "warning: \(count) units have size 0 and cannot be selected")
        case .weightsSummary(let output, let respondents, let sampled, let rate, let cells):
            return language.pick(
                vi:
                    "\(output): \(respondents) người trả lời / \(sampled) đơn vị mẫu (\(rate) %), \(cells) ô điều chỉnh",
                en:
                    "\(output): \(respondents) respondents of \(sampled) sampled units (\(rate) %), \(cells) adjustment cells"
            )
        case .rakingSweeps(let sweeps, let converged):
            return language.pick(
                vi: "Cào số: \(sweeps) vòng, \(converged ? "hội tụ" : "CHƯA hội tụ (tăng --max-iterations)")",
                en: "Raking: \(sweeps) sweeps, \(converged ? "converged" : "NOT converged (raise --max-iterations)")")
        case .weightStep(let step):
            switch step {
            case "base": return language.pick(vi: "gốc", en: "base")
            case "nonresponse": return language.pick(vi: "sau điều chỉnh không trả lời", en: "after non-response")
            case "calibrated": return language.pick(vi: "sau hiệu chỉnh", en: "calibrated")
            case "trimmed": return language.pick(vi: "sau cắt", en: "trimmed")
            default: return step
            }
        case .weightStepSummary(let step, let total, let kish, let effectiveN):
            return language.pick(
                vi: "Trọng số \(step): tổng \(total), deff Kish \(kish), n hiệu dụng \(effectiveN)",
                en: "Weights \(step): total \(total), Kish deff \(kish), effective n \(effectiveN)")
        case .accountDisabledNow(let name):
            return language.pick(
                vi: "đã khoá tài khoản '\(name)'; các phiên của nó đã kết thúc",
                en: "disabled account '\(name)'; its sessions ended")
        case .batchColumns:
            return language.pick(
                vi: "#\tlô\tnhóm\ttệp\tSHA-256\tbộ công cụ\tđọc\tnhận\tloại\tlúc\ttrạng thái",
                en: "#\tbatch\tteam\tfile\tSHA-256\tinstrument\tread\taccepted\trejected\tloaded\tstatus")
        case .inForce: return language.pick(vi: "hiệu lực", en: "in force")
        case .teamLabel: return language.pick(vi: "Nhóm", en: "Team")
        case .fileLabel: return language.pick(vi: "Tệp", en: "File")
        case .instrumentLabel: return language.pick(vi: "Bộ công cụ", en: "Instrument")
        case .loadedLabel: return language.pick(vi: "Nạp lúc", en: "Loaded")
        case .statusLabel: return language.pick(vi: "Trạng thái", en: "Status")
        case .replacedBy(let id): return language.pick(vi: "đã thay bằng #\(id)", en: "replaced by #\(id)")
        case .replacedByBatch(let id):
            return language.pick(vi: "đã thay bằng lô #\(id)", en: "replaced by batch #\(id)")
        case .batchHeading(let id, let name):
            return language.pick(vi: "Lô #\(id) '\(name)'", en: "Batch #\(id) '\(name)'")
        case .batchCounts(let rowsRead, let accepted, let rejected):
            return language.pick(
                vi: "Dòng đọc: \(rowsRead); nhận \(accepted); loại \(rejected)",
                en: "Rows read: \(rowsRead); accepted \(accepted); rejected \(rejected)")
        case .rejectedRow(let row, let reasons):
            return language.pick(vi: "dòng \(row): \(reasons)", en: "row \(row): \(reasons)")
        case .storeReady(let location):
            return language.pick(
                vi: "\(location): bảng và quyền đã sẵn sàng", en: "\(location): tables and policies are up to date")
        case .teamProvinces(let team, let provinces):
            let list = provinces.joined(separator: ", ")
            return language.pick(vi: "nhóm \(team): tỉnh \(list)", en: "team \(team): provinces \(list)")
        case .analystRole(let name):
            return language.pick(vi: "người phân tích \(name): đọc mọi lô", en: "analyst \(name): reads every batch")
        case .webServerRole(let name):
            return language.pick(
                vi: "máy chủ web \(name): tài khoản web, và đọc, nạp thay mỗi nhóm",
                en: "web server \(name): web accounts, and reads and loads as each team")
        case .writingToStore(let file, let store):
            return language.pick(vi: "\(file): đang ghi vào kho \(store)…", en: "\(file): writing to \(store)…")
        case .alreadyLoaded(let file, let sha256, let batch, let id, let loadedAt):
            return language.pick(
                vi: "\(file): tệp này (SHA-256 \(sha256.prefix(12))…) đã có trong kho là lô '\(batch)' "
                    + "(#\(id), \(loadedAt)); không ghi gì thêm",
                en: "\(file): this file (SHA-256 \(sha256.prefix(12))…) is already in the store as batch '\(batch)' "
                    + "(#\(id), \(loadedAt)); nothing written")
        case .batchLoaded(
            let file, let batch, let id, let team, let accepted, let rejected, let seconds, let rate):
            return language.pick(
                vi: "\(file) → lô '\(batch)' (#\(id)\(team.isEmpty ? "" : ", nhóm \(team)")): ghi \(accepted) phiếu "
                    + "và \(rejected) dòng loại trong \(seconds) giây (\(rate) dòng/giây)",
                en: "\(file) → batch '\(batch)' (#\(id)\(team.isEmpty ? "" : ", team \(team)")): \(accepted) responses "
                    + "and \(rejected) rejected rows written in \(seconds) s (\(rate) rows/s)")
        case .replacesBatch(let id, let file, let loadedAt):
            return language.pick(
                vi: "thay lô #\(id) (\(file), \(loadedAt)); lô cũ vẫn giữ trong kho, đánh dấu đã thay",
                en: "replaces batch #\(id) (\(file), \(loadedAt)); the old batch stays in the store, marked replaced")
        case .duplicateIDs(let count):
            return language.pick(
                vi: "\(count) mã phiếu đã có trong lô khác:",
                en: "\(count) respondent ids are already in other batches:")
        case .duplicateID(let id, let row, let otherBatch, let otherRow):
            return language.pick(
                vi: "\(id): dòng \(row) ↔ lô '\(otherBatch)' dòng \(otherRow)",
                en: "\(id): row \(row) ↔ batch '\(otherBatch)' row \(otherRow)")
        case .moreDuplicateIDs(let count):
            return language.pick(vi: "… và \(count) mã khác", en: "… and \(count) more")
        case .reweighted(let store, let batch, let id, let newID, let file, let responses):
            return language.pick(
                vi:
                    "\(store): lô '\(batch)' (#\(id)) thay bằng lô #\(newID) với trọng số của \(file) (\(responses) phiếu)",
                en: "\(store): batch '\(batch)' (#\(id)) replaced by batch #\(newID) with the weights of \(file) "
                    + "(\(responses) responses)")
        case .sampleSummary(
            let output, let rows, let provinces, let clusters, let seed, let index, let target, let source, let share):
            return language.pick(
                vi: "\(output): \(rows) dòng, \(provinces) tỉnh, \(clusters) cụm, hạt giống \(seed); "
                    + "chỉ số chung trung bình các tỉnh \(index) % (mục tiêu \(target) %, \(source)), "
                    + "tỷ lệ câu trả lời hài lòng \(share) %; dữ liệu tổng hợp",
                en: "\(output): \(rows) rows, \(provinces) provinces, \(clusters) clusters, seed \(seed); "
                    + "mean provincial overall index \(index) % (target \(target) %, \(source)), "
                    + "share of satisfied answers \(share) %; synthetic data")
        }
    }
}
