import Foundation
import Testing
@testable import PortolanEmitters

/// The one-pass `InlineSVG.sanitise` against the regular expressions it replaced (kept here as
/// the reference): the same text for every diagram Portolan draws and for hostile fragments.
@Suite struct InlineSVGTests {
    /// The sanitiser as it was written first, with NSRegularExpression.
    enum Reference {
        static func sanitise(_ svg: String) -> String {
            var text = svg
            if let start = text.range(of: "<svg") { text = String(text[start.lowerBound...]) }
            text = replace(#"<!--[\s\S]*?-->"#, in: text, with: "")
            text = replace(#"<\s*(script|foreignObject)\b[\s\S]*?<\s*/\s*\1\s*>"#, in: text, with: "", caseInsensitive: true)
            text = replace(#"<\s*/?\s*(script|foreignObject|iframe|object|embed)\b[^>]*>"#, in: text, with: "", caseInsensitive: true)
            let tag = try! NSRegularExpression(pattern: #"<[A-Za-z][^>]*>"#)
            let attribute = try! NSRegularExpression(
                pattern: #"\s+(?:on[A-Za-z0-9_:-]*|(?:xlink:)?href|formaction)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)"#,
                options: [.caseInsensitive])
            let source = text as NSString
            var out = ""
            var last = 0
            for match in tag.matches(in: text, range: NSRange(location: 0, length: source.length)) {
                out += source.substring(with: NSRange(location: last, length: match.range.location - last))
                let original = source.substring(with: match.range)
                out += attribute.stringByReplacingMatches(in: original, range: NSRange(location: 0, length: (original as NSString).length),
                                                          withTemplate: "")
                last = match.range.location + match.range.length
            }
            out += source.substring(from: last)
            return out.replacingOccurrences(of: "&#45;", with: "-").trimmingCharacters(in: .whitespacesAndNewlines)
        }

        static func replace(_ pattern: String, in text: String, with template: String, caseInsensitive: Bool = false) -> String {
            let regex = try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
            return regex.stringByReplacingMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length),
                                                  withTemplate: template)
        }
    }

    @Test func sameAsTheRegularExpressionsOnEveryCommittedDiagram() throws {
        let output = TableSeeds.repository.appendingPathComponent("Output")
        let svgs = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted().compactMap { folder -> String? in
            let path = output.appendingPathComponent(folder).appendingPathComponent("connections.svg").path
            return FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(svgs.count == 5)
        for svg in svgs {
            let clean = InlineSVG.sanitise(svg)
            #expect(clean == Reference.sanitise(svg))
            #expect(clean.hasPrefix("<svg") && clean.hasSuffix("</svg>") && !clean.contains("&#45;"))
        }
    }

    @Test(arguments: [
        #"<?xml?><!-- a --><svg onload="x()" width="1"><g ONCLICK='y()' id="a&#45;b"><a xlink:href="javascript:z" xlink:title="t">t</a></g></svg>"#,
        #"<svg><script type="text/javascript">alert(1)</script><SCRIPT>b()</ScRiPt ></svg>"#,
        #"<svg><foreignObject width="1"><div onclick="x">h</div></foreignObject><iframe src="x"></iframe><embed src=y><object data=z></object></svg>"#,
        #"<svg><a href=javascript:y>t</a><a  formaction = "u" onmouseover=q title='onx=1'>v</a><p onx-y:z="1">w</p></svg>"#,
        #"<svg>< script>alert(1)< / script ><script-x>k</script-x><scripts>m</scripts></svg>"#,
        #"<svg><text>a &lt; b &#45;&#45; c</text><g title="x onclick=y z"></g><1 onclick=x></svg>"#,
        "<svg>\n<g\tonclick=\"x\"\n\thref='y'>\u{00A0}é</g>\n</svg>\n\n",
    ])
    func sameAsTheRegularExpressionsOnHostileFragments(_ svg: String) {
        #expect(InlineSVG.sanitise(svg) == Reference.sanitise(svg))
    }

    /// Where the two part ways on purpose: the regular expressions left an unterminated comment
    /// or tag in the page as text, where a browser would read the rest of the page into it.
    @Test func anUnterminatedCommentOrTagEndsTheDrawing() {
        #expect(InlineSVG.sanitise("<svg><g>a</g><!-- open") == "<svg><g>a</g>")
        #expect(InlineSVG.sanitise(#"<svg><g>a</g><a href="x" "#) == "<svg><g>a</g>")
        #expect(InlineSVG.sanitise("<svg><g>a</g><script src=x") == "<svg><g>a</g>")
        // A script element never closed loses its tag, as before; what follows is plain text.
        #expect(InlineSVG.sanitise("<svg><script>never closed") == "<svg>never closed")
    }
}
