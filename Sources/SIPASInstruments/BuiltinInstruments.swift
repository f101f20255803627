import SIPASCore

/// The instruments compiled into sipas (the files under the top-level `Instruments/` folder).
public enum BuiltinInstruments {
    /// File name and bytes of every built-in instrument, in listing order.
    /// A test checks that every `Instruments/*.yaml` file is listed here.
    public static let files: [(name: String, bytes: [UInt8])] = [
        ("sipas-2023.yaml", PackageResources.sipas_2023_yaml),
        ("sipas-2017.yaml", PackageResources.sipas_2017_yaml),
        ("health-inpatient.yaml", PackageResources.health_inpatient_yaml),
        ("health-outpatient.yaml", PackageResources.health_outpatient_yaml),
        ("education.yaml", PackageResources.education_yaml),
        ("land-construction.yaml", PackageResources.land_construction_yaml),
    ]

    /// Every built-in instrument, decoded and checked (``Instrument/checkInvariants()``). A built-in
    /// file that fails either is a build defect caught by the tests; here it is reported as an error
    /// rather than trapping.
    public static func all() throws -> [Instrument] {
        try files.map {
            let instrument = try InstrumentLoader.load(yaml: String(decoding: $0.bytes, as: UTF8.self), file: $0.name)
            try instrument.checkInvariants()
            return instrument
        }
    }

    /// The built-in instrument with this id (`sipas-2023`) or file name (`sipas-2023.yaml`).
    public static func named(_ name: String) throws -> Instrument? {
        let wanted = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
        return try all().first { $0.id == wanted }
    }
}
