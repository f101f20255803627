import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Forwards Foundation `XMLParser`'s SAX callbacks to closures, with namespace prefixes dropped
/// (`x:row` → `row`), so the workbook parts are read as a stream, never as a document tree.
///
/// A closure that throws stops the parse; the error is rethrown by ``parse(_:)``.
final class XMLEvents: NSObject, XMLParserDelegate {
    var onStart: (String, [String: String]) throws -> Void = { _, _ in }
    var onEnd: (String) throws -> Void = { _ in }
    var onText: (String) -> Void = { _ in }
    private var failure: (any Error)?

    /// Drops the closures (and whatever they captured).
    func reset() {
        onStart = { _, _ in }
        onEnd = { _ in }
        onText = { _ in }
    }

    /// "column 57: malformed XML (libxml2 error 68)": Foundation's own description says nothing more.
    static func reason(_ error: any Error, _ parser: XMLParser) -> String {
        "column \(parser.columnNumber): malformed XML (libxml2 error \((error as NSError).code))"
    }

    static func localName(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    /// Parses `parser` to the end. Throws what a closure threw, or `XMLProblem` for malformed XML.
    func parse(_ parser: XMLParser) throws {
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        if let failure { throw failure }
        if !ok {
            throw XMLProblem(
                line: parser.lineNumber, reason: parser.parserError.map { Self.reason($0, parser) } ?? "malformed XML")
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        do { try onStart(Self.localName(elementName), attributeDict) } catch {
            failure = error
            parser.abortParsing()
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard failure == nil else { return }
        do { try onEnd(Self.localName(elementName)) } catch {
            failure = error
            parser.abortParsing()
        }
    }

    /// libxml2 recovers from some errors and would go on reporting elements: stop at the first.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard failure == nil else { return }
        failure = XMLProblem(line: parser.lineNumber, reason: Self.reason(parseError, parser))
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if failure == nil { onText(string) }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if failure == nil { onText(String(decoding: block, as: UTF8.self)) }
    }
}

/// Malformed XML in a workbook part, at this line of the part.
struct XMLProblem: Error {
    var line: Int
    var reason: String
}
