/// One page of a PDF as poppler gives it: every word with its box, in points from the top left.
struct PDFPage: Sendable, Hashable {
    var number: Int
    var width: Double
    var height: Double
    var words: [PDFWord]
    /// How many images the page draws (a page of images and no words is a scan).
    var images: Int
}

/// A word and its box: x grows to the right, y downwards.
struct PDFWord: Sendable, Hashable {
    var text: String
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double

    var height: Double { y1 - y0 }
    var midY: Double { (y0 + y1) / 2 }
}
