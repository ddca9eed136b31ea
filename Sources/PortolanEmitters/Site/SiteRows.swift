import Foundation
import PortolanAnalysis
import PortolanModel

/// A page's connection rows and findings as HTML, made here rather than by page.mustache: a large
/// view has hundreds of thousands of rows, which the template engine renders ten times slower.
/// Byte for byte what the template's sections gave: each value shown visible
/// (`ControlCharacters.visible`), then escaped as the template escapes (`< > & " '`, per character).
enum SiteRows {
    static func escape(_ text: String) -> String {
        HTMLText.escape(ControlCharacters.visible(text))
    }

    /// The rows of the listening ports table, one a line (no line break after the last): a
    /// connection's number links to its row when `edge` finds one.
    static func listening(_ entries: [(product: String, ports: ConnectionTables.Listening)], isPlatform: Bool,
                          edge: (String, String) -> String?) -> String {
        var html = ""
        for (index, entry) in entries.enumerated() {
            if index > 0 { html += "\n" }
            html += "<tr>"
            if isPlatform { html += "<td>\(escape(entry.product))</td>" }
            html += "<th scope=\"row\">\(escape(entry.ports.destination))</th><td>"
            for port in entry.ports.ports { html += "<span class=\"port\">\(escape(port))</span> " }
            html += "</td><td>"
            for number in entry.ports.connections {
                if let edge = edge(entry.product, number) {
                    html += "<a href=\"#\(escape(edge))\">\(escape(number))</a> "
                } else {
                    html += "\(escape(number)) "
                }
            }
            html += "</td></tr>"
        }
        return html
    }

    /// The rows of the connections table, each ending in a line break.
    static func rows(_ graph: ComponentGraph, isPlatform: Bool, focusHref: (String) -> String) -> String {
        let bytes = PageBytes()
        rows(graph, isPlatform: isPlatform, focusHref: focusHref, into: bytes)
        return String(decoding: bytes.data, as: UTF8.self)
    }

    /// The same, written into a page's bytes one row at a time.
    static func rows(_ graph: ComponentGraph, isPlatform: Bool, focusHref: (String) -> String, into data: PageBytes) {
        for edge in graph.edges {
            var html = ""
            let connection = edge.connection
            let edgeID = escape(edge.id), number = escape(connection.number)
            html += "<tr id=\"row-\(edgeID)\" data-edge=\"\(edgeID)\">\n"
            html += "<td data-label=\"#\"><a class=\"conn-link\" href=\"#\(edgeID)\" aria-label=\"Connection \(number): show on the diagram\">\(number)</a></td>"
            if isPlatform { html += "<td data-label=\"Product\">\(escape(edge.product))</td>" }
            html += "\n<td data-label=\"Source\">\(end(connection.source, href: focusHref(edge.from)))</td>\n"
            html += "<td data-label=\"Destination\">\(end(connection.destination, href: focusHref(edge.to)))</td>\n"
            html += "<td data-label=\"Protocol\">\(escape(connection.protocol ?? ""))</td>\n"
            html += "<td data-label=\"Port\">\(escape(SiteContexts.portText(connection)))</td>\n"
            html += "<td data-label=\"Classification\"><span class=\"tag\">\(escape(connection.classification ?? ""))</span></td>\n"
            html += "<td data-label=\"Data\">\(escape(connection.description))</td>\n"
            html += "</tr>\n"
            data.append(contentsOf: html.utf8)
        }
    }

    private static func end(_ name: String, href: String) -> String {
        href.isEmpty ? escape(name)
            : "<a class=\"focus-link\" href=\"\(escape(href))\" title=\"Every connection of this component\">\(escape(name))</a>"
    }

    /// The items of the findings list, each ending in a line break.
    static func findings(_ findings: [SiteFinding]) -> String {
        let bytes = PageBytes()
        self.findings(findings, into: bytes)
        return String(decoding: bytes.data, as: UTF8.self)
    }

    /// The same, written into a page's bytes one item at a time.
    static func findings(_ findings: [SiteFinding], into data: PageBytes) {
        for finding in findings {
            var html = ""
            let severity = escape(finding.severity.rawValue)
            html += "<li class=\"finding severity-\(severity)\"><span class=\"severity\">\(severity)</span> <code class=\"location\">\(escape(finding.location))</code> \(escape(finding.message))"
            if let rule = finding.rule { html += " <span class=\"rule\">[\(escape(rule))]</span>" }
            if let edge = finding.edge { html += " <a href=\"#\(escape(edge))\">show the connection</a>" }
            html += "</li>\n"
            data.append(contentsOf: html.utf8)
        }
    }
}
