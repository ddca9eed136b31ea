import Foundation
import PortolanModel
import PortolanReaders

/// `make bench`: reading a 50-page PDF (a connections table over every page, header repeated,
/// running header and footer, descriptions wrapped over two lines). The PDF is written here in
/// memory with the standard Helvetica font, so the bench needs no PDF engine besides poppler.
enum PDFBench {
    static let pages = 50
    static let rowsPerPage = 30

    static func run() {
        let bytes = document()
        var best = Double.infinity
        var connections = 0
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            let read = DocumentReader.read(path: "bench.pdf", bytes: bytes, format: .pdf)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            connections = read.connections.count
        }
        precondition(connections == pages * rowsPerPage, "bench.pdf: read \(connections) connections")
        // Of which: poppler and the tables' geometry, up to the grids.
        var grids = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = PDFGrids.read(bytes)
            grids = min(grids, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print(String(format: "PDF: %d pages, %d rows, %.2f MB: read in %.3f s (best of 3; %.0f pages/s), "
                     + "of which %.3f s words and geometry to grids", pages, connections, Double(bytes.count) / 1e6,
                     best, Double(pages) / best, grids))
    }

    /// A PDF string literal.
    private static func literal(_ text: String) -> String {
        "(" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
            .replacingOccurrences(of: ")", with: "\\)") + ")"
    }

    private static func page(_ index: Int) -> String {
        let columns: [Double] = [40, 85, 175, 265, 315, 365, 430]
        var ops = ""
        func text(_ s: String, _ x: Double, _ top: Double, size: Double = 8) {
            ops += "BT /F1 \(size) Tf 1 0 0 1 \(x) \(842 - top) Tm \(literal(s)) Tj ET\n"
        }
        text("Bench Platform Private Edition Guide", 40, 30, size: 7)
        text("Page \(index + 1) of \(pages)", 500, 820, size: 7)
        let header = ["Connection", "Source", "Destination", "Protocol", "Port", "Classification", "Data that travels on"]
        for (column, word) in header.enumerated() { text(word, columns[column], 60) }
        text("this connection", columns[6], 70)
        var top = 90.0
        for r in 0..<rowsPerPage {
            let n = index * rowsPerPage + r + 1
            let cells = ["\(n)", "Service \(n % 17)", "Store \(n % 13)", n % 3 == 0 ? "HTTPS" : "TCP",
                         "\(8000 + n % 900)", n % 2 == 0 ? "Egress" : "Intra-cluster", "Service \(n % 17) writes records"]
            for (column, cell) in cells.enumerated() { text(cell, columns[column], top) }
            text("to store \(n % 13) over this connection.", columns[6], top + 10)
            top += 24
        }
        return ops
    }

    static func document() -> [UInt8] {
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        func object(_ body: String) {
            offsets.append(out.utf8.count)
            out += "\(offsets.count) 0 obj\n\(body)\nendobj\n"
        }
        let kids = (0..<pages).map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        object("<< /Type /Catalog /Pages 2 0 R >>")
        object("<< /Type /Pages /Kids [\(kids)] /Count \(pages) >>")
        object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        for index in 0..<pages {
            let content = page(index)
            object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(offsets.count + 2) 0 R >>")
            object("<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream")
        }
        let xref = out.utf8.count
        out += "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(format: "%010d 00000 n \n", offset) }
        out += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }
}
