import PortolanModel
import PortolanReaders
import Testing

/// A table of 450 rows (read row by row once past 200) and one of 150 (read whole) made by
/// the same generator: both read in `layout`, and the first 150 rows of the long one are the
/// short one's, field by field.
func longAndShort(_ text: (Int) -> String, ext: String, layout: String) -> (long: Document, short: Document) {
    let long = DocumentReader.read(path: "long.\(ext)", text: SourceText(text: text(450)))
    let short = DocumentReader.read(path: "short.\(ext)", text: SourceText(text: text(150)))
    #expect(long.layout == layout && short.layout == layout)
    #expect(long.connections.count == 450)
    #expect(short.connections.count == 150)
    #expect(Array(long.connections.prefix(150)) == short.connections)
    return (long, short)
}
