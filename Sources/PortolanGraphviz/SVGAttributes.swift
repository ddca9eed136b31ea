import Foundation

/// Graphviz writes every `-` in an SVG attribute as `&#45;` (it must, inside XML comments).
/// In `id` and `class` values that hides the names the site and tests look for
/// (`id="conn-5"`), so there it is written back as `-`, which XML allows unescaped.
enum SVGAttributes {
    static func plainHyphens(_ svg: Data) -> Data {
        // One pass over the bytes: inside the value of an ` id="` or ` class="` attribute,
        // "&#45;" becomes "-"; everything else is copied as it is.
        let bytes = [UInt8](svg)
        let markers: [[UInt8]] = [Array(" id=\"".utf8), Array(" class=\"".utf8)]
        let entity = Array("&#45;".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var inValue = false
        func matches(_ pattern: [UInt8], at index: Int) -> Bool {
            index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
        }
        while i < bytes.count {
            if inValue {
                if bytes[i] == UInt8(ascii: "\"") {
                    inValue = false
                } else if matches(entity, at: i) {
                    out.append(UInt8(ascii: "-"))
                    i += entity.count
                    continue
                }
            } else if bytes[i] == UInt8(ascii: " "), let marker = markers.first(where: { matches($0, at: i) }) {
                out += marker
                i += marker.count
                inValue = true
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return Data(out)
    }
}
