/// Text for a place a generator copies into HTML as it is (MkDocs nav titles and site name):
/// `&`, `<`, `>`, `"` and `'` become entities, so it can be neither a tag nor leave an attribute.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
