import Foundation
import SIPASCore

/// Built-in instruments kept as JSON between runs, so that a command decodes them instead of
/// parsing their YAML, which is most of the start of a command that picks the instrument from a
/// file's header.
///
/// The cache belongs to one build of the running executable: its directory is named after the
/// executable's path, size and modification time, so a rebuilt `sipas` (a changed instrument or
/// model) never reads another build's files, and its first run removes those of earlier builds
/// at the same path. Each file is named
/// after a hash of the YAML bytes it stands for. A file is written only when its JSON decodes back
/// to the very instrument decoded from the YAML, after ``Instrument/checkInvariants()``; a file
/// that cannot be read or decoded is ignored and the YAML decoded instead. Nothing in a result
/// depends on the cache. Beside them it keeps the instrument detection chose for each header it
/// saw (``HeaderChoice``), so that a rerun on the same file decodes only that one. `SIPAS_NO_CACHE=1` turns it off; `SIPAS_CACHE_DIR` moves it (default
/// `$XDG_CACHE_HOME/sipas`, else `~/.cache/sipas`).
struct InstrumentCache: Sendable {
    let directory: URL

    /// The cache of the running executable, nil when turned off or when the executable's file
    /// cannot be found.
    static let shared: InstrumentCache? = {
        let environment = ProcessInfo.processInfo.environment
        guard environment["SIPAS_NO_CACHE"] != "1", let executable = executablePath(),
            let attributes = try? FileManager.default.attributesOfItem(atPath: executable),
            let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        let base: URL
        if let path = environment["SIPAS_CACHE_DIR"], !path.isEmpty {
            base = URL(fileURLWithPath: path)
        } else if let path = environment["XDG_CACHE_HOME"], !path.isEmpty {
            base = URL(fileURLWithPath: path).appendingPathComponent("sipas")
        } else {
            base = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/sipas")
        }
        let program = Self.hash(Array(executable.utf8))
        let build = Self.hash(Array("\(size)|\(modified.timeIntervalSince1970)".utf8))
        return InstrumentCache(directory: base.appendingPathComponent("instruments-\(program)-\(build)"))
    }()

    /// The running executable's file. Not through `Bundle.main`, which on Linux lists the
    /// executable's directory first (a quarter of a small analysis when that is /tmp).
    private static func executablePath() -> String? {
        #if os(Linux)
            return try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        #else
            return Bundle.main.executableURL?.resolvingSymlinksInPath().path
        #endif
    }

    /// The instrument cached for `file`, nil when there is none or it cannot be decoded.
    func instrument(for file: (name: String, bytes: [UInt8])) -> Instrument? {
        guard let data = try? Data(contentsOf: url(for: file)) else { return nil }
        return try? JSONDecoder().decode(Instrument.self, from: data)
    }

    /// Keeps `instrument`, decoded from `file`, when its JSON decodes back to it. Failures are
    /// ignored: the cache only saves time.
    func keep(_ instrument: Instrument, for file: (name: String, bytes: [UInt8])) {
        write(instrument, to: url(for: file))
    }

    /// The built-in instrument chosen before for a file with this header (``keepChoice(_:forHeader:)``),
    /// nil when there is none, it cannot be decoded or it was kept for another header.
    func choice(forHeader header: [String]) -> HeaderChoice? {
        guard let data = try? Data(contentsOf: url(forHeader: header)),
            let choice = try? JSONDecoder().decode(HeaderChoice.self, from: data), choice.header == header
        else { return nil }
        return choice
    }

    /// Keeps the instrument detection chose for a header (what it depends on: the header and the
    /// built-in instruments, fixed for the build the directory belongs to). Failures are ignored.
    func keepChoice(_ choice: HeaderChoice, forHeader header: [String]) {
        guard choice.header == header else { return }
        write(choice, to: url(forHeader: header))
    }

    /// Writes `value`'s JSON to `url` when it decodes back to `value`, making the directory (and
    /// removing other builds' caches) the first time. Failures are ignored.
    private func write<T: Codable & Equatable>(_ value: T, to url: URL) {
        guard let data = try? JSONEncoder().encode(value), (try? JSONDecoder().decode(T.self, from: data)) == value
        else { return }
        let manager = FileManager.default
        if !manager.fileExists(atPath: directory.path) {
            guard (try? manager.createDirectory(at: directory, withIntermediateDirectories: true)) != nil else {
                return
            }
            removeOtherBuilds()
        }
        try? data.write(to: url, options: .atomic)
    }

    func url(forHeader header: [String]) -> URL {
        directory.appendingPathComponent("header-\(Self.hash(Array(header.joined(separator: "\u{1F}").utf8))).json")
    }

    func url(for file: (name: String, bytes: [UInt8])) -> URL {
        let stem = file.name.hasSuffix(".yaml") ? String(file.name.dropLast(5)) : file.name
        return directory.appendingPathComponent("\(stem)-\(Self.hash(file.bytes)).json")
    }

    /// Removes the caches of other builds of the same executable path beside this one (named
    /// `instruments-<path hash>-<build hash>`; other programs' caches are theirs).
    private func removeOtherBuilds() {
        let parent = directory.deletingLastPathComponent()
        let name = directory.lastPathComponent
        guard let cut = name.lastIndex(of: "-") else { return }
        let program = name[...cut]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(program) && name != directory.lastPathComponent {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// 64-bit FNV-1a of `bytes` in hex, to name files (Foundation has no digest). Within one
    /// build's directory the bytes of each instrument are fixed, so the hash only has to tell
    /// apart the few versions of a file one build could embed.
    static func hash(_ bytes: [UInt8]) -> String {
        String(FNV1a.hash(bytes), radix: 16)
    }
}

/// The built-in instrument detection chose for a header, and its score (the share of its items
/// the header holds).
public struct HeaderChoice: Codable, Equatable, Sendable {
    public var header: [String]
    public var id: String
    public var score: Double

    public init(header: [String], id: String, score: Double) {
        self.header = header
        self.id = id
        self.score = score
    }
}
