import Foundation
import Mustache
import SIPASCore

/// Renders the Markdown and HTML reports through swift-mustache templates: the defaults compiled
/// in from `Templates/`, or a user's `report.md.mustache` / `report.html.mustache` from a folder
/// (edited without recompiling).
public struct ReportTemplates: Sendable {
    public var markdown: MustacheTemplate
    public var html: MustacheTemplate

    /// Escapes data strings for Markdown (selected by `{{% CONTENT_TYPE: MARKDOWN}}`).
    struct MarkdownContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { CellSafety.markdown(text) }
    }

    static let registered: Bool = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        return true
    }()

    public enum TemplateError: Error, CustomStringConvertible {
        case invalid(file: String, reason: String)
        public var description: String {
            switch self {
            case .invalid(let file, let reason): return "\(file): not a valid Mustache template (\(reason))"
            }
        }
    }

    /// The built-in templates, replaced by any found in `directory`.
    public init(directory: URL? = nil) throws {
        _ = Self.registered
        func load(_ name: String, _ builtin: [UInt8]) throws -> MustacheTemplate {
            var text = String(decoding: builtin, as: UTF8.self)
            var file = name
            if let directory,
                let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
            {
                text = String(decoding: data, as: UTF8.self)
                file = directory.appendingPathComponent(name).path
            }
            do { return try MustacheTemplate(string: text) } catch {
                throw TemplateError.invalid(file: file, reason: "\(error)")
            }
        }
        markdown = try load("report.md.mustache", PackageResources.report_md_mustache)
        html = try load("report.html.mustache", PackageResources.report_html_mustache)
    }

    public func renderMarkdown(_ report: AnnualReport) -> String {
        markdown.render(Self.context(report, charts: false))
    }

    public func renderHTML(_ report: AnnualReport) -> String {
        html.render(Self.context(report, charts: true))
    }

    /// Text columns holding codes, which need no minimum width in the HTML tables.
    static let codeColumns: Set<String> = ["code", "id", "level", "year", "file"]

    /// The values templates see (see `Templates/README.md`).
    static func context(_ report: AnnualReport, charts: Bool) -> [String: Any] {
        func text(_ message: ReportMessage) -> String { message.text(report.language) }
        func table(_ whole: ReportTable) -> [String: Any] {
            let t = whole.humanColumns
            var object: [String: Any] = [
                "id": t.id, "title": t.title,
                "columns": t.columns.map {
                    ["title": $0.title, "numeric": $0.kind.isNumeric, "align": $0.kind.isNumeric ? "---:" : "---"]
                        as [String: Any]
                },
                "rows": t.rows.map { row in
                    [
                        "cells": zip(t.columns, row).map { column, value in
                            [
                                "text": value.humanText(
                                    column.kind, language: report.language, minimumN: report.minimumN),
                                "numeric": column.kind.isNumeric, "suppressed": value == .suppressed,
                                "name": column.kind == .text && !Self.codeColumns.contains(column.id),
                            ] as [String: Any]
                        }
                    ]
                },
            ]
            if let note = t.note { object["note"] = note }
            return object
        }
        var context: [String: Any] = [
            "title": report.title, "subtitle": report.subtitle, "lang": report.language.rawValue,
            "generator": "sipas \(SIPASVersion.string)", "highlights": report.highlights,
            "banner": report.banner ?? false,
            "bodyTables": report.tables.filter { $0.section == .body }.map(table),
            "annexTables": report.tables.filter { $0.section == .annex }.map(table),
        ]
        if charts {
            let svg = SVGCharts(report.charts, language: report.language)
            let slopes = svg.slopes(before: report.previousYear ?? "", after: report.year)
            context["charts"] =
                [
                    "provinces": svg.provinces(), "hasProvinces": !report.charts.provinces.isEmpty,
                    "provincesTitle": text(.provincesChartTitle),
                    "elements": svg.elements(), "hasElements": !report.charts.elements.isEmpty,
                    "elementsTitle": text(.elementsChartTitle),
                    "slopes": slopes, "hasSlopes": !report.charts.slopes.isEmpty,
                    "slopesTitle": text(.changeSince(year: report.previousYear ?? "")),
                ] as [String: Any]
        }
        return context
    }
}
