import Foundation
import Hummingbird
import Mustache
import NIOCore
import NIOFoundationCompat
import SIPASCore

/// Server-rendered pages: a Mustache page template rendered inside `layout.mustache`. Every value
/// goes through `{{…}}`, which escapes `<>&"'`, so text from uploads (cells, file names) is inert.
struct Pages: Sendable {
    private let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        let templates: [(String, [UInt8])] = [
            ("layout", PackageResources.layout_mustache), ("login", PackageResources.login_mustache),
            ("home", PackageResources.home_mustache), ("report", PackageResources.report_mustache),
            ("batch", PackageResources.batch_mustache), ("progress", PackageResources.progress_mustache),
            ("message", PackageResources.message_mustache), ("analysis", PackageResources.analysis_mustache),
            ("compare", PackageResources.compare_mustache), ("targets", PackageResources.targets_mustache),
            ("annual", PackageResources.annual_mustache),
        ]
        for (name, bytes) in templates { try library.register(String(decoding: bytes, as: UTF8.self), named: name) }
        self.library = library
    }

    static let styleSheet = String(decoding: PackageResources.style_css, as: UTF8.self)
    static let openAPI = PackageResources.openapi_json

    /// `page` with `data`, in the layout, for the request's language and account.
    func render(
        _ page: String, title: String, data: [String: Any] = [:], context: WebContext, status: HTTPResponse.Status = .ok
    ) -> Response {
        let t = WebLabel.strings(context.language)
        var values = data
        values["t"] = t
        let content = library.render(values, withTemplate: page) ?? ""
        var layout: [String: Any] = [
            "t": t, "title": t[title] ?? title, "content": content, "lang": context.language.rawValue,
            "otherLang": context.language.pick(vi: Language.en.rawValue, en: Language.vi.rawValue),
        ]
        if let account = context.account {
            layout["account"] =
                [
                    "name": account.name, "role": account.role.rawValue, "team": account.team,
                    "office": account.seesAllTeams,
                ] as [String: Any]
            layout["csrf"] = context.session?.csrf ?? ""
        }
        let html = library.render(layout, withTemplate: "layout") ?? ""
        var response = Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
        response.headers[.contentLanguage] = context.language.rawValue
        return response
    }
}
