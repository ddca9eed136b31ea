import Foundation
import Mustache
import PortolanModel

/// The templates and assets in the target's resources, loaded once.
enum SiteResources {
    struct Missing: Error, CustomStringConvertible {
        var name: String
        var description: String { "the site resource \(name) is missing from the PortolanEmitters bundle" }
    }

    /// Every `*.mustache` in `folder`, registered by file name without the extension; read and
    /// parsed once per process (a build renders a dozen pages from the same templates).
    static func library(folder: String, names: [String]) throws -> MustacheLibrary {
        let key = folder + "\u{0}" + names.joined(separator: "\u{0}")
        libraries.lock.lock()
        defer { libraries.lock.unlock() }
        if let known = libraries.loaded[key] { return known }
        var library = MustacheLibrary()
        for name in names {
            try library.register(try text(folder: folder, name: name, extension: "mustache"), named: name)
        }
        libraries.loaded[key] = library
        return library
    }

    private final class Libraries: @unchecked Sendable {
        let lock = NSLock()
        var loaded: [String: MustacheLibrary] = [:]
    }

    private static let libraries = Libraries()

    static func text(folder: String, name: String, extension ext: String) throws -> String {
        String(decoding: try data(folder: folder, name: name, extension: ext), as: UTF8.self)
    }

    static func data(folder: String, name: String, extension ext: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: folder),
              let data = FileManager.default.contents(atPath: url.path)
        else { throw Missing(name: "\(folder)/\(name).\(ext)") }
        return data
    }
}

extension MustacheLibrary {
    /// Renders a registered template; a missing one is a programming error reported as thrown.
    func page(_ name: String, _ context: [String: Any]) throws -> String {
        guard let text = render(TemplateText.visible(context), withTemplate: name) else { throw SiteResources.Missing(name: name) }
        return text
    }

    /// The same bytes as `page`, but the `large` values (a large view's hundreds of megabytes of
    /// rows) are not copied through the template: it renders a marker for each, and their bytes
    /// go where the marker is. A `Splice` writes its bytes there one row at a time (already
    /// visible and escaped, as its writer promises); a String is made visible as the template
    /// would. A marker is an element no text can produce (texts are escaped); should one not
    /// appear exactly once (or, its section off, not at all), the page renders whole.
    func pageSplicing(_ name: String, _ context: [String: Any], large keys: [String],
                      pieces: ((Data) throws -> Void)? = nil) throws -> Data {
        var small = context
        var splices: [(key: String, marker: String, value: Any)] = []
        for key in keys {
            guard let value = context[key], value is String || value is Splice else { continue }
            let marker = "<portolan-splice-\(key)/>"
            small[key] = marker
            splices.append((key, marker, value))
        }
        // Searched as bytes (a String search goes through Foundation's NSString, a page at a time).
        let rendered = Array(try page(name, small).utf8)
        // Every marker found exactly once, in order, before anything is written; one not found
        // at all, even escaped, is not shown (its section is off: a page without findings).
        var places: [(value: Any, range: Range<Int>)] = []
        var from = 0
        for splice in splices {
            let marker = Array(splice.marker.utf8)
            let found = rendered.places(of: marker, from: from)
            if found.isEmpty, rendered.places(of: Array("portolan-splice-\(splice.key)".utf8), from: 0).isEmpty { continue }
            guard found.count == 1, let start = found.first else {
                let whole = try pageWhole(name, context)
                guard let pieces else { return whole }
                try pieces(whole)
                return Data()
            }
            places.append((splice.value, start..<start + marker.count))
            from = start + marker.count
        }
        let out = PageBytes(handingPiecesTo: pieces)
        var start = 0
        for (value, range) in places {
            out.append(contentsOf: rendered[start..<range.lowerBound])
            if let splice = value as? Splice {
                splice.write(out)
            } else if let text = value as? String {
                out.append(ControlCharacters.visible(text))
            }
            start = range.upperBound
        }
        out.append(contentsOf: rendered[start...])
        return try out.finish()
    }

    /// The page rendered in one piece, each `Splice` made a String first.
    func pageWhole(_ name: String, _ context: [String: Any]) throws -> Data {
        let whole = context.mapValues { value -> Any in
            guard let splice = value as? Splice else { return value }
            let bytes = PageBytes()
            splice.write(bytes)
            return String(decoding: bytes.data, as: UTF8.self)
        }
        return Data(try page(name, whole).utf8)
    }
}

/// A large value of a page's context, written straight into the page's bytes where the template
/// puts it (`pageSplicing`); what it writes must already be visible and escaped for the page.
struct Splice {
    let write: (PageBytes) -> Void
}
