import Foundation
import PortolanAnalysis
import PortolanModel

/// A page's connection rows and findings as HTML, made here rather than by page.mustache: a large
/// view has hundreds of thousands of rows, which the template engine renders ten times slower.
/// Byte for byte what the template's sections gave: each value shown visible
/// (`ControlCharacters.visible`), then escaped as the template escapes (`< > & " '`, per character).
/// Written as bytes (`PageText`), a row at a time: no String is made per row or cell.
enum SiteRows {
    static func escape(_ text: String) -> String {
        HTMLText.escape(ControlCharacters.visible(text))
    }

    /// The rows of the listening ports table, one a line (no line break after the last): a
    /// connection's number links to its row when `edge` finds one.
    static func listening(_ entries: [(product: String, ports: ConnectionTables.Listening)], isPlatform: Bool,
                          edge: (String, String) -> String?) -> String {
        let bytes = PageBytes()
        listening(entries, isPlatform: isPlatform, edge: edge, into: bytes)
        return String(decoding: bytes.data, as: UTF8.self)
    }

    /// The same, written into a page's bytes one entry at a time.
    static func listening(_ entries: [(product: String, ports: ConnectionTables.Listening)], isPlatform: Bool,
                          edge: (String, String) -> String?, into data: PageBytes) {
        for (index, entry) in entries.enumerated() {
            data.write { html in
                if index > 0 { html.appendMarkup("\n") }
                html.appendMarkup("<tr>")
                if isPlatform { html.cell("<td>", entry.product, "</td>") }
                html.cell("<th scope=\"row\">", entry.ports.destination, "</th><td>")
                for port in entry.ports.ports { html.cell("<span class=\"port\">", port, "</span> ") }
                html.appendMarkup("</td><td>")
                for number in entry.ports.connections {
                    if let edge = edge(entry.product, number) {
                        html.cell("<a href=\"#", edge, "\">")
                        html.cell("", number, "</a> ")
                    } else {
                        html.cell("", number, " ")
                    }
                }
                html.appendMarkup("</td></tr>")
            }
        }
    }

    /// The rows of the connections table, each ending in a line break.
    static func rows(_ graph: ComponentGraph, isPlatform: Bool, focusHref: (String) -> String) -> String {
        let bytes = PageBytes()
        rows(graph, isPlatform: isPlatform, focusHref: focusHref, into: bytes)
        return String(decoding: bytes.data, as: UTF8.self)
    }

    /// The same, written into a page's bytes one row at a time.
    static func rows(_ graph: ComponentGraph, isPlatform: Bool, focusHref: (String) -> String, into data: PageBytes) {
        // Each component's link escaped once (a view has a few hundred components, a million rows).
        var hrefs: [String: String] = [:]
        func href(_ id: String) -> String {
            if let href = hrefs[id] { return href }
            let href = escape(focusHref(id))
            hrefs[id] = href
            return href
        }
        // Read in place: an edge taken from the array is copied, each of its texts counted up and down.
        graph.edges.withUnsafeBufferPointer { edges in
            for index in edges.indices {
                let connection = edges[index].connection
                let from = href(edges[index].from), to = href(edges[index].to)
                data.write { html in
                    html.cell("<tr id=\"row-", edges[index].id, "\" data-edge=\"")
                    html.cell("", edges[index].id, "\">\n<td data-label=\"#\"><a class=\"conn-link\" href=\"#")
                    html.cell("", edges[index].id, "\" aria-label=\"Connection ")
                    html.cell("", connection.number, ": show on the diagram\">")
                    html.cell("", connection.number, "</a></td>")
                    if isPlatform { html.cell("<td data-label=\"Product\">", edges[index].product, "</td>") }
                    html.appendMarkup("\n<td data-label=\"Source\">")
                    html.end(connection.source, href: from)
                    html.appendMarkup("</td>\n<td data-label=\"Destination\">")
                    html.end(connection.destination, href: to)
                    html.appendMarkup("</td>\n")
                    html.cell("<td data-label=\"Protocol\">", connection.protocol ?? "", "</td>\n")
                    html.cell("<td data-label=\"Port\">", SiteContexts.portText(connection), "</td>\n")
                    html.cell("<td data-label=\"Classification\"><span class=\"tag\">", connection.classification ?? "", "</span></td>\n")
                    html.cell("<td data-label=\"Data\">", connection.description, "</td>\n")
                    html.appendMarkup("</tr>\n")
                }
            }
        }
    }

    /// The items of the findings list, each ending in a line break.
    static func findings(_ findings: [SiteFinding]) -> String {
        let bytes = PageBytes()
        self.findings(findings, into: bytes)
        return String(decoding: bytes.data, as: UTF8.self)
    }

    /// The same, written into a page's bytes one item at a time.
    static func findings(_ findings: [SiteFinding], into data: PageBytes) {
        findings.withUnsafeBufferPointer { findings in
            for finding in findings.indices {
                data.write { html in
                    let severity = findings[finding].severity.rawValue
                    html.cell("<li class=\"finding severity-", severity, "\"><span class=\"severity\">")
                    html.cell("", severity, "</span> <code class=\"location\">")
                    html.cell("", findings[finding].location, "</code> ")
                    html.appendHTML(findings[finding].message)
                    if let rule = findings[finding].rule { html.cell(" <span class=\"rule\">[", rule, "]</span>") }
                    if let edge = findings[finding].edge { html.cell(" <a href=\"#", edge, "\">show the connection</a>") }
                    html.appendMarkup("</li>\n")
                }
            }
        }
    }
}

private extension [UInt8] {
    /// Markup, the text shown (`appendHTML`), markup.
    mutating func cell(_ before: StaticString, _ text: String, _ after: StaticString) {
        appendMarkup(before)
        appendHTML(text)
        appendMarkup(after)
    }

    /// A row's source or destination: a link to the component's focus page when it has one
    /// (`href`, already escaped; empty when none).
    mutating func end(_ name: String, href: String) {
        if href.isEmpty { return appendHTML(name) }
        appendMarkup("<a class=\"focus-link\" href=\"")
        appendText(href)
        cell("\" title=\"Every connection of this component\">", name, "</a>")
    }
}
