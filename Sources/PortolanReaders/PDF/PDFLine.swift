/// A line of text on a page: words whose middles are at the same height, left to right.
struct PDFLine: Sendable, Hashable {
    var words: [PDFWord]
    var page: Int
    /// 1-based line within the page, counted top to bottom over every line poppler gives.
    var number: Int

    var y0: Double { words.map(\.y0).min() ?? 0 }
    var y1: Double { words.map(\.y1).max() ?? 0 }
    var x0: Double { words.first?.x0 ?? 0 }
    var height: Double { words.map(\.height).max() ?? 0 }
    var text: String { words.map(\.text).joined(separator: " ") }

    /// Runs of words closer than `gap`: what the eye reads as one cell or one phrase.
    func segments(gap: Double) -> [[PDFWord]] {
        var result: [[PDFWord]] = []
        for word in words {
            if let last = result.last?.last, word.x0 - last.x1 <= gap {
                result[result.count - 1].append(word)
            } else {
                result.append([word])
            }
        }
        return result
    }

    /// Groups a page's words into lines, top to bottom. A word joins the line whose first
    /// word's middle is within a third of its height.
    static func lines(of page: PDFPage) -> [PDFLine] {
        let words = page.words.sorted { ($0.midY, $0.x0) < ($1.midY, $1.x0) }
        var groups: [[PDFWord]] = []
        var reference = -Double.infinity
        for word in words {
            if !groups.isEmpty, abs(word.midY - reference) <= max(word.height, 1) / 3 {
                groups[groups.count - 1].append(word)
            } else {
                groups.append([word])
                reference = word.midY
            }
        }
        return groups.enumerated().map { index, group in
            PDFLine(words: group.sorted { $0.x0 < $1.x0 }, page: page.number, number: index + 1)
        }
    }
}
