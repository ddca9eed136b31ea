import PortolanModel

/// What every template (site pages, MkDocs pages) is given: each text of the context with its
/// control and bidirectional characters shown as code points (`<U+202E>`), before the
/// template's own escaping, so no page carries an ESC, a BEL or a right-to-left override.
enum TemplateText {
    static func visible(_ context: [String: Any]) -> [String: Any] {
        context.mapValues(visible)
    }

    static func visible(_ value: Any) -> Any {
        switch value {
        case let text as String: ControlCharacters.visible(text)
        case let texts as [String]: texts.map { ControlCharacters.visible($0) }
        case let context as [String: Any]: visible(context)
        case let list as [[String: Any]]: list.map(visible)
        case let list as [Any]: list.map(visible)
        default: value
        }
    }
}
