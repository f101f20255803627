import Foundation

/// Opens a file a user names for output, in place.
///
/// Foundation's `FileManager.createFile(atPath:contents:)` writes a temporary file and renames it
/// over the path: given `/dev/null` (or a named pipe) it replaces the device with a regular file.
/// This opens the path itself with `open(2)` (`O_CREAT | O_TRUNC`), so a device stays a device
/// and a regular file is truncated and written where it is.
public enum OutputFile {
    /// A handle writing `path` from its start (created with mode 0644 when absent), or nil when the
    /// path cannot be opened for writing.
    public static func open(_ path: String) -> FileHandle? {
        let descriptor = Foundation.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return nil }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
