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
    /// appear exactly once, the page renders whole.
    func pageSplicing(_ name: String, _ context: [String: Any], large keys: [String]) throws -> Data {
        var small = context
        var pieces: [(marker: String, value: Any)] = []
        for key in keys {
            guard let value = context[key], value is String || value is Splice else { continue }
            let marker = "<portolan-splice-\(key)/>"
            small[key] = marker
            pieces.append((marker, value))
        }
        let rendered = try page(name, small)
        var out = Data()
        var rest = Substring(rendered)
        for piece in pieces {
            let found = rest.ranges(of: piece.marker)
            guard found.count == 1, let range = found.first else { return try pageWhole(name, context) }
            out.append(contentsOf: rest[..<range.lowerBound].utf8)
            if let splice = piece.value as? Splice {
                splice.write(&out)
            } else if let text = piece.value as? String {
                out.append(contentsOf: ControlCharacters.visible(text).utf8)
            }
            rest = rest[range.upperBound...]
        }
        out.append(contentsOf: rest.utf8)
        return out
    }

    /// The page rendered in one piece, each `Splice` made a String first.
    private func pageWhole(_ name: String, _ context: [String: Any]) throws -> Data {
        let whole = context.mapValues { value -> Any in
            guard let splice = value as? Splice else { return value }
            var data = Data()
            splice.write(&data)
            return String(decoding: data, as: UTF8.self)
        }
        return Data(try page(name, whole).utf8)
    }
}

/// A large value of a page's context, written straight into the page's bytes where the template
/// puts it (`pageSplicing`); what it writes must already be visible and escaped for the page.
struct Splice {
    let write: (inout Data) -> Void
}
