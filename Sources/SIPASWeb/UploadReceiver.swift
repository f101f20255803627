import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit
import NIOCore
import NIOFoundationCompat

/// Streams an upload to a file the server names, counting bytes as they come (413 past the limit),
/// then checks what the bytes are, whatever the browser called them: an .xlsx starts with
/// `PK\x03\x04`; anything else must be text without NUL bytes (UTF-16 only with its byte-order mark).
///
/// Two forms: `multipart/form-data` from the page's plain form (its `_csrf` field must come before
/// the file and match the session's token, else 403 before any byte is stored), or the raw file
/// as the body (`/api/uploads?name=…`, the token in the `X-CSRF-Token` header).
enum UploadReceiver {
    enum Kind: String, Codable, Sendable { case csv, xlsx }

    struct Received: Sendable {
        var url: URL
        var originalName: String
        var kind: Kind
    }

    /// Receives `request`'s file into `directory` (which the caller made and owns).
    /// - Parameter csrf: the session's token, checked against the form's `_csrf` field (multipart only).
    static func receive(_ request: Request, into directory: URL, limit: Int, csrf: String?) async throws -> Received {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw HTTPError(.contentTooLarge, message: "upload larger than \(limit) bytes")
        }
        let part = directory.appendingPathComponent("upload.part")
        guard FileManager.default.createFile(atPath: part.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = try? FileHandle(forWritingTo: part)
        else {
            throw HTTPError(.internalServerError, message: "cannot write the upload")
        }
        var name = request.uri.queryParameters["name"].map(String.init) ?? ""
        do {
            defer { try? handle.close() }
            let contentType = request.headers[.contentType] ?? ""
            if contentType.lowercased().hasPrefix("multipart/form-data") {
                guard let boundary = boundary(contentType) else {
                    throw HTTPError(.badRequest, message: "multipart without boundary")
                }
                name = try await receiveMultipart(
                    request.body, boundary: boundary, into: handle, limit: limit, csrf: csrf)
            } else {
                var count = 0
                for try await chunk in request.body {
                    count += chunk.readableBytes
                    guard count <= limit else {
                        throw HTTPError(.contentTooLarge, message: "upload larger than \(limit) bytes")
                    }
                    try handle.write(contentsOf: chunk.readableBytesView)
                }
            }
        } catch {
            try? FileManager.default.removeItem(at: part)
            throw error
        }
        let kind = try sniff(part)
        let final = directory.appendingPathComponent(safeName(name, kind: kind))
        try FileManager.default.moveItem(at: part, to: final)
        let shown = displayName(name)
        return Received(url: final, originalName: shown.isEmpty ? final.lastPathComponent : shown, kind: kind)
    }

    private static func receiveMultipart(
        _ body: RequestBody, boundary: String, into handle: FileHandle, limit: Int, csrf: String?
    ) async throws -> String {
        final class State {
            var field = "", fileName = "", token = "", sawFile = false, failure: HTTPError?
            var written = 0
        }
        let state = State()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { header, value in
            guard header.lowercased() == "content-disposition" else { return }
            state.field = parameter("name", in: value) ?? ""
            if state.field == "file" {
                state.fileName = parameter("filename", in: value) ?? ""
                state.sawFile = true
                if let csrf, !WebSecurity.sameSecret(state.token, csrf) {
                    state.failure = HTTPError(.forbidden, message: "missing or bad CSRF token")
                }
            }
        }
        parser.onBody = { buffer in
            guard state.failure == nil else { return }
            if state.field == "_csrf" {
                if state.token.utf8.count < 200 { state.token += String(buffer: buffer) }
            } else if state.field == "file" {
                state.written += buffer.readableBytes
                do { try handle.write(contentsOf: buffer.readableBytesView) } catch {
                    state.failure = HTTPError(.internalServerError, message: "cannot write the upload")
                }
            }
        }
        parser.onPartComplete = { state.field = "" }
        var count = 0
        for try await chunk in body {
            count += chunk.readableBytes
            guard count <= limit else {
                throw HTTPError(.contentTooLarge, message: "upload larger than \(limit) bytes")
            }
            do { try parser.execute(chunk) } catch { throw HTTPError(.badRequest, message: "malformed multipart body") }
            if let failure = state.failure { throw failure }
        }
        guard state.sawFile else { throw HTTPError(.badRequest, message: "no file in the form") }
        return state.fileName
    }

    /// The kind of file `url` holds. - Throws: 415 for anything but an .xlsx or text.
    static func sniff(_ url: URL) throws -> Kind {
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw HTTPError(.internalServerError) }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        if head.isEmpty { throw HTTPError(.badRequest, message: "empty file") }
        if head == Data([0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return .csv }
        try handle.seek(toOffset: 0)
        while let block = try handle.read(upToCount: 1 << 16), !block.isEmpty {
            if block.contains(0) {
                throw HTTPError(.unsupportedMediaType, message: "neither an .xlsx workbook nor a text (CSV) file")
            }
        }
        return .csv
    }

    /// A file name made from the browser's: its last path component, letters, digits, `-`, `_` and
    /// `.` only, no leading dot, at most 80 characters, with the extension of what the bytes are.
    static func safeName(_ name: String, kind: Kind) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var stem = (last as NSString).deletingPathExtension
        stem = String(
            stem.unicodeScalars.map {
                CharacterSet.alphanumerics.contains($0) || "-_".unicodeScalars.contains($0) ? Character($0) : "_"
            })
        stem = String(stem.drop(while: { $0 == "." || $0 == "_" }).prefix(80))
        return (stem.isEmpty ? "upload" : stem) + "." + kind.rawValue
    }

    /// The browser's name for display and as the batch name: its last path component, without
    /// control characters, at most 120 characters (NFC).
    static func displayName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) })
        return String(clean.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces).prefix(120))
    }

    static func boundary(_ contentType: String) -> String? {
        parameter("boundary", in: contentType).flatMap { $0.isEmpty || $0.count > 200 ? nil : $0 }
    }

    /// The value of `name=` (quoted or not) in a header value such as `form-data; name="file"; filename="a.csv"`.
    static func parameter(_ name: String, in value: String) -> String? {
        for piece in value.split(separator: ";") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix(name + "=") else { continue }
            var v = String(trimmed.dropFirst(name.count + 1))
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }
}
