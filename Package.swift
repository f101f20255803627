// swift-tools-version:6.1
// sipas — design-based satisfaction indices (SIPAS and sector surveys) for Vietnam.
// SPDX-License-Identifier: GPL-3.0-or-later (the statistics core links GSL, which is GPL-3).
import PackageDescription

let package = Package(
    name: "sipas",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sipas", targets: ["sipas"]),
        .library(name: "SIPASCore", targets: ["SIPASCore"]),
        .library(name: "SIPASInstruments", targets: ["SIPASInstruments"]),
        .library(name: "SIPASImport", targets: ["SIPASImport"]),
        .library(name: "SIPASStats", targets: ["SIPASStats"]),
        .library(name: "SIPASReport", targets: ["SIPASReport"]),
        .library(name: "SIPASReportJobs", targets: ["SIPASReportJobs"]),
        .library(name: "SIPASStore", targets: ["SIPASStore"]),
        .library(name: "SIPASStorePostgres", targets: ["SIPASStorePostgres"]),
        .library(name: "SIPASWeb", targets: ["SIPASWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/ordo-one/TextTable", from: "0.0.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // `sipas serve`: HTTP server, bcrypt (hummingbird-auth's HummingbirdBcrypt), multipart/form-data uploads. The server's
        // configuration comes from flags and environment, so swift-configuration (a default trait) is left out.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // GSL through pkg-config (Debian: libgsl-dev). Only SIPASStats imports it.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]
        ),
        // Value types shared by every module, and the 2025 province crosswalk.
        .target(
            name: "SIPASCore",
            resources: [.embedInCode("Resources/vn-provinces-2025.csv")]
        ),
        // Instrument definitions (YAML). `Builtin` is a link to the top-level Instruments/ folder,
        // compiled into the binary so that `sipas` works from any directory.
        .target(
            name: "SIPASInstruments",
            dependencies: ["SIPASCore", .product(name: "Yams", package: "Yams")],
            exclude: ["Builtin/README.md"],
            resources: [.embedInCode("Builtin")]
        ),
        // The fast path's byte blocks and batches, and the growable buffers they live in: the unsafe
        // memory code in one place, shared by the reader (SIPASImport), the stores and the
        // accumulators (SIPASStats). Package access only: not a product, not public API.
        .target(name: "SIPASBlocks", dependencies: ["SIPASCore"]),
        .target(
            name: "SIPASImport",
            dependencies: [
                "SIPASCore", "SIPASInstruments", "SIPASBlocks",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "SIPASStats", dependencies: ["SIPASCore", "SIPASInstruments", "SIPASBlocks", "CGSL"]),
        // Report tables and their writers. Templates/ holds the default Markdown and HTML templates
        // (swift-mustache), compiled in; `sipas report --templates DIR` overrides them.
        .target(
            name: "SIPASReport",
            dependencies: [
                "SIPASCore", "SIPASInstruments", "SIPASStats", .product(name: "TextTable", package: "TextTable"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Templates/README.md"],
            resources: [.embedInCode("Templates")]
        ),
        // The survey store: batches, accepted responses and rejections in SQLite (GRDB).
        .target(
            name: "SIPASStore",
            dependencies: [
                "SIPASCore", "SIPASInstruments", "SIPASBlocks", "SIPASImport",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The same store on a PostgreSQL server (postgres-nio), in its own target so the rest builds fast.
        .target(
            name: "SIPASStorePostgres",
            dependencies: [
                "SIPASCore", "SIPASInstruments", "SIPASBlocks", "SIPASStore",
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The analyses, comparisons and annual reports of files or a store's years, as `sipas analyze`,
        // `compare` and `report` and the web's office pages run them: above the report and the stores.
        .target(
            name: "SIPASReportJobs",
            dependencies: [
                "SIPASCore", "SIPASInstruments", "SIPASImport", "SIPASStats", "SIPASReport", "SIPASStore",
                "SIPASStorePostgres",
            ]
        ),
        // `sipas serve`: the web front door (pages, JSON API, accounts, sessions) over the survey store.
        // Templates/ holds its Mustache pages, compiled in. It calls the importer, store, analysis and
        // report code; it holds no statistics and no parsing of survey files.
        .target(
            name: "SIPASWeb",
            dependencies: [
                "SIPASCore", "SIPASInstruments", "SIPASImport", "SIPASStats", "SIPASReport", "SIPASReportJobs",
                "SIPASStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Templates/README.md"],
            resources: [.embedInCode("Templates")]
        ),
        .executableTarget(
            name: "sipas",
            dependencies: [
                "SIPASCore", "SIPASInstruments", "SIPASImport", "SIPASStats", "SIPASReport", "SIPASReportJobs",
                "SIPASStore",
                "SIPASStorePostgres", "SIPASWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "SIPASTestSupport",
            dependencies: ["SIPASCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/SIPASTestSupport"
        ),
        .testTarget(name: "SIPASCoreTests", dependencies: ["SIPASCore", "SIPASTestSupport"]),
        .testTarget(name: "SIPASBlocksTests", dependencies: ["SIPASBlocks", "SIPASCore"]),
        .testTarget(name: "SIPASInstrumentsTests", dependencies: ["SIPASInstruments", "SIPASTestSupport"]),
        .testTarget(name: "SIPASImportTests", dependencies: ["SIPASImport", "SIPASBlocks", "SIPASTestSupport"]),
        .testTarget(
            name: "SIPASStatsTests", dependencies: ["SIPASStats", "SIPASBlocks", "SIPASImport", "SIPASTestSupport"]),
        .testTarget(
            name: "SIPASReportTests",
            dependencies: [
                "SIPASReport", "SIPASImport", "SIPASTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(
            name: "SIPASReportJobsTests",
            dependencies: [
                "SIPASReportJobs", "SIPASReport", "SIPASStats", "SIPASImport", "SIPASCore", "SIPASTestSupport",
            ]),
        .testTarget(
            name: "SIPASStoreTests",
            dependencies: ["SIPASStore", "SIPASBlocks", "SIPASImport", "SIPASInstruments", "SIPASTestSupport"]),
        .testTarget(
            name: "SIPASStorePostgresTests",
            dependencies: [
                "SIPASStorePostgres", "SIPASStore", "SIPASInstruments", "SIPASImport", "SIPASStats", "SIPASTestSupport",
            ]),
        .testTarget(
            name: "SIPASWebTests",
            dependencies: [
                "SIPASWeb", "SIPASStore", "SIPASStorePostgres", "SIPASImport", "SIPASInstruments", "SIPASStats",
                "SIPASReport", "SIPASReportJobs", "SIPASTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(name: "sipasTests", dependencies: ["sipas", "SIPASTestSupport"]),
    ]
)
