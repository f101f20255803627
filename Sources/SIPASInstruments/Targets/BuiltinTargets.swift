/// The target plans compiled into sipas (`Instruments/targets/*.yaml`).
public enum BuiltinTargets {
    /// File name and bytes of every built-in plan. A test checks that every file is listed.
    public static let files: [(name: String, bytes: [UInt8])] = [
        ("bac-giang-2025.yaml", PackageResources.bac_giang_2025_yaml),
        ("bac-giang-2021-2030.yaml", PackageResources.bac_giang_2021_2030_yaml),
        ("hung-yen-2023.yaml", PackageResources.hung_yen_2023_yaml),
        ("luc-ngan-2024.yaml", PackageResources.luc_ngan_2024_yaml),
        ("hung-thang-2025.yaml", PackageResources.hung_thang_2025_yaml),
    ]

    public static func all() throws -> [TargetPlan] {
        try files.map { try TargetPlan.load(yaml: String(decoding: $0.bytes, as: UTF8.self), file: $0.name) }
    }

    /// The built-in plan with this id or file name.
    public static func named(_ name: String) throws -> TargetPlan? {
        let wanted = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
        return try all().first { $0.id == wanted }
    }
}
