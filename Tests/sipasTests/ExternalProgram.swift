import Foundation
import Testing

/// Programs some end-to-end tests run (Chromium, Python with openpyxl, PSPP). A missing one is a
/// recorded test failure naming the Debian package, never a silent pass.
enum ExternalProgram {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packages = [
        "chromium": "chromium", "pspp": "pspp", "sqlite3": "sqlite3", "python3": "python3-openpyxl",
        "soffice": "libreoffice-calc-nogui",
    ]

    /// True when `name` is an executable on PATH (or in /usr/bin), for tests that are skipped without it.
    static func exists(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return (path.split(separator: ":").map(String.init) + ["/usr/bin"]).contains {
            FileManager.default.isExecutableFile(atPath: URL(fileURLWithPath: $0).appendingPathComponent(name).path)
        }
    }

    /// The program's path on PATH (or /usr/bin), or nil after recording an issue.
    static func find(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":").map(String.init) + ["/usr/bin"] {
            let candidate = URL(fileURLWithPath: directory).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        Issue.record(
            "\(name) is not installed: run scripts/install-deps (Debian package \(packages[name] ?? name))",
            sourceLocation: sourceLocation)
        return nil
    }

    /// A Python that can import `module`: Debian's /usr/bin/python3 first (where python3-openpyxl
    /// installs), then python3 on PATH.
    static func python(with module: String, sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        var candidates = [URL(fileURLWithPath: "/usr/bin/python3")]
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append(URL(fileURLWithPath: String(directory)).appendingPathComponent("python3"))
        }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            if let run = try? Self.run(candidate, ["-c", "import \(module)"]), run.status == 0 { return candidate }
        }
        Issue.record(
            "no python3 with \(module): run scripts/install-deps (\(module == "pyxform" ? "PyPI package pyxform" : "Debian package python3-\(module)"))",
            sourceLocation: sourceLocation)
        return nil
    }

    /// Runs `program` (standard input empty; `environment` added to this process's); with
    /// `timeout`, under coreutils' timeout, which ends the program's whole process group
    /// (LibreOffice starts helpers) after that many seconds, and kills it 10 s later.
    static func run(
        _ program: URL, _ arguments: [String], in directory: URL? = nil, timeout: Int? = nil,
        environment: [String: String] = [:]
    ) throws -> Run {
        let process = Process()
        if let timeout {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
            process.arguments = ["-k", "10", String(timeout), program.path] + arguments
        } else {
            process.executableURL = program
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardInput = FileHandle.nullDevice
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Prints every sheet of the workbook given as argv[1] as JSON: name, frozen cell, number
    /// formats used, and the cell values row by row (formula cells reported as {"f": …}).
    static let openpyxlDump = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = []
        for ws in wb.worksheets:
            rows, formats = [], set()
            for row in ws.iter_rows():
                values = []
                for c in row:
                    if c.data_type == "f":
                        values.append({"f": c.value})
                    else:
                        values.append(c.value)
                    if isinstance(c.value, (int, float)):
                        formats.add(c.number_format)
                rows.append(values)
            out.append({"name": ws.title, "freeze": ws.freeze_panes, "formats": sorted(formats), "rows": rows})
        print(json.dumps(out, ensure_ascii=False))
        """
}
