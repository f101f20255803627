import SIPASCore

/// Plausible agencies (cơ quan, đơn vị) for synthetic rows: the provincial department (Sở) that
/// handles the row's procedure domain, or the district or commune People's Committee (UBND) of the
/// row's commune. Codes are unique nationally: the province code, a dash, then the department's
/// short name (`24-STP`) or `H`/`X` and the commune code (`24-X24112`). The data are synthetic;
/// so are these agencies.
///
/// The choice uses no random numbers (so the other columns of a sample do not change with it):
/// the row's `agency_level` answer when the instrument asks it (`tinh` a department, `huyen` the
/// district committee, `xa` the commune committee); without it, every third respondent is served by
/// the commune committee and the others by the department.
enum SyntheticAgencies {
    /// Departments per procedure domain (`sector` codes of the SIPAS and land instruments). Provincial
    /// departments were merged in 2025 [I: the reorganisation of 2025, decree not checked here]: land and
    /// environment into agriculture and environment, planning and investment into finance, transport
    /// into construction, labour into home affairs; data of 2025 on use the merged ones.
    static func department(sector: String, year: Int) -> (code: String, name: String) {
        let merged = year >= 2025
        switch sector {
        case "dat_dai":
            return merged ? ("SNNMT", "Sở Nông nghiệp và Môi trường") : ("STNMT", "Sở Tài nguyên và Môi trường")
        case "xay_dung": return ("SXD", "Sở Xây dựng")
        case "dau_tu": return merged ? ("STC", "Sở Tài chính") : ("SKHDT", "Sở Kế hoạch và Đầu tư")
        case "tu_phap": return ("STP", "Sở Tư pháp")
        case "ldtbxh": return merged ? ("SNV", "Sở Nội vụ") : ("SLDTBXH", "Sở Lao động - Thương binh và Xã hội")
        case "gtvt": return merged ? ("SXD", "Sở Xây dựng") : ("SGTVT", "Sở Giao thông vận tải")
        default: return ("VPUBND", "Văn phòng UBND tỉnh")
        }
    }

    /// The agency of one row: its code and name.
    static func agency(province: String, commune: String, year: Int, serial: Int, level: String?, sector: String)
        -> (code: String, name: String)
    {
        let tier = level ?? (serial % 3 == 0 ? "xa" : "tinh")
        switch tier {
        // Names without a comma: a quoted field in every block sends the fast path's blocks
        // record by record (docs/fast-path.md), which a synthetic file should not cost.
        case "xa": return ("\(province)-X\(commune)", "UBND xã/phường \(commune)")
        case "huyen": return ("\(province)-H\(commune)", "UBND huyện/khu vực \(commune)")
        default:
            let department = department(sector: sector, year: year)
            return ("\(province)-\(department.code)", department.name)
        }
    }
}
