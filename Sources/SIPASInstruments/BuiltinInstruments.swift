import Foundation
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
        try map { $0 }
    }

    /// `body` of every built-in instrument, in listing order. The instruments are decoded in
    /// parallel, each handed to `body` on the thread that decoded it: decoding is most of the
    /// start-up of a command that picks the instrument from a file's header, and what is done with
    /// each (scoring it against the header) overlaps the decoding of the others.
    public static func map<T: Sendable>(_ body: @escaping @Sendable (Instrument) throws -> T) throws -> [T] {
        try ParallelMap.map(files.count, threads: ProcessInfo.processInfo.activeProcessorCount) {
            try body(try load(files[$0]))
        }
    }

    /// The built-in instrument with this id (`sipas-2023`) or file name (`sipas-2023.yaml`).
    /// Only its file is decoded (a test checks that every file is named after its instrument's id).
    public static func named(_ name: String) throws -> Instrument? {
        let wanted = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
        return try files.first { $0.name == wanted + ".yaml" }.map(load)
    }

    /// The choice detection made before for a file with `header`, kept between runs beside the
    /// decoded instruments (``InstrumentCache``; nil when there is none or the cache is off), so
    /// that a rerun on the same file decodes only the instrument chosen.
    public static func rememberedChoice(forHeader header: [String]) -> HeaderChoice? {
        InstrumentCache.shared?.choice(forHeader: header)
    }

    /// Keeps `choice` for ``rememberedChoice(forHeader:)`` (nothing when the cache is off).
    public static func remember(_ choice: HeaderChoice) {
        InstrumentCache.shared?.keepChoice(choice, forHeader: choice.header)
    }

    /// The instrument of `file`: from the cache of earlier runs (``InstrumentCache``) when there,
    /// else decoded from its YAML, checked, and cached.
    private static func load(_ file: (name: String, bytes: [UInt8])) throws -> Instrument {
        if let cached = InstrumentCache.shared?.instrument(for: file) { return cached }
        let instrument = try InstrumentLoader.load(yaml: String(decoding: file.bytes, as: UTF8.self), file: file.name)
        try instrument.checkInvariants()
        InstrumentCache.shared?.keep(instrument, for: file)
        return instrument
    }
}
