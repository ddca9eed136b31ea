import PortolanModel
@testable import PortolanReaders
import Testing

/// A landscape page stored the way some printers write it: a portrait page turned by `/Rotate 90`
/// whose text is drawn turned the other way, so it reads upright. poppler gives the words as the
/// page is shown; the table reads as on any page.
@Suite struct PDFRotatedPageTests {
    /// A one-page PDF with Helvetica text (written here: no engine writes this shape on demand).
    static func pdf(content: String, rotate: Int) -> [UInt8] {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate \(rotate) /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }

    @Test func tableOnAPageTurnedByRotateReadsUpright() throws {
        let rows = [["No.", "Source", "Port", "Purpose"], ["1", "Agent", "443", "Sends data"], ["2", "Hub", "8443", "Replies"]]
        let columns = [40, 140, 260, 340]
        // Drawn through a quarter turn (landscape x, y -> portrait), as the /Rotate 90 page is shown upright.
        var content = "q 0 1 -1 0 595 0 cm\n"
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() {
                content += "BT /F1 10 Tf 1 0 0 1 \(columns[c]) \(595 - 60 - r * 14) Tm (\(cell)) Tj ET\n"
            }
        }
        content += "Q\n"
        let read = PDFGrids.read(Self.pdf(content: content, rotate: 90))
        let grid = try #require(read.grids.first)
        #expect(grid.header.map(\.texts) == [rows[0]])
        #expect(grid.rows.map(\.texts) == Array(rows.dropFirst()))
    }
}
