import Foundation

/// A directory of folders named by UUIDs the server makes, one per upload or per written report.
/// A folder is found only by its id, so no path can be smuggled in; the directory is never served.
struct SlotDirectory: Sendable {
    let directory: URL

    /// `create`: make the directory now, else with its first folder.
    init(directory: URL, create: Bool = true) throws {
        self.directory = directory
        if create { try makeDirectory() }
    }

    private func makeDirectory() throws {
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// A new, empty folder and its id.
    func makeSlot() throws -> (id: String, url: URL) {
        try makeDirectory()
        let id = UUID().uuidString.lowercased()
        let url = directory.appendingPathComponent(id, isDirectory: true)
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return (id, url)
    }

    func discard(_ id: String) {
        guard let url = slot(id) else { return }
        try? FileManager.default.removeItem(at: url)
    }

    /// The folder of `id`, or nil for anything that is not a UUID.
    func slot(_ id: String) -> URL? {
        guard UUID(uuidString: id) != nil, id.count == 36 else { return nil }
        return directory.appendingPathComponent(id.lowercased(), isDirectory: true)
    }

    /// Removes the folders last written more than `age` seconds before `now` (a folder's time is
    /// its directory's modification time: the last file added or removed); names that are not
    /// slots are left alone. Returns the ids removed.
    @discardableResult
    func removeOlder(than age: TimeInterval, now: Date = Date()) -> [String] {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().filter { name in
            guard let url = slot(name), url.lastPathComponent == name,
                let modified = (try? manager.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date,
                now.timeIntervalSince(modified) > age
            else { return false }
            return (try? manager.removeItem(at: url)) != nil
        }
    }
}
