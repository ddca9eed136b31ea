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

    /// The same bytes as `page`, but the `large` values (HTML made in Swift, a large view's
    /// hundreds of megabytes of rows) are not copied through the template: it renders a marker
    /// for each, and their bytes go where the marker is. A marker is an element no text can
    /// produce (texts are escaped); should one not appear exactly once, the page renders whole.
    func pageSplicing(_ name: String, _ context: [String: Any], large keys: [String]) throws -> Data {
        var small = context
        var pieces: [(marker: String, value: String)] = []
        for key in keys {
            guard let value = context[key] as? String else { continue }
            let marker = "<portolan-splice-\(key)/>"
            small[key] = marker
            pieces.append((marker, ControlCharacters.visible(value)))
        }
        let rendered = try page(name, small)
        var out = Data()
        var rest = Substring(rendered)
        for piece in pieces {
            let found = rest.ranges(of: piece.marker)
            guard found.count == 1, let range = found.first else { return Data(try page(name, context).utf8) }
            out.append(contentsOf: rest[..<range.lowerBound].utf8)
            out.append(contentsOf: piece.value.utf8)
            rest = rest[range.upperBound...]
        }
        out.append(contentsOf: rest.utf8)
        return out
    }
}
