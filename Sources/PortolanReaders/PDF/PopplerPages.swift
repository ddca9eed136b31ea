@preconcurrency internal import CPoppler
import Foundation

/// A PDF as pages of words with their boxes. This is the only file that touches poppler-glib:
/// it opens the bytes in memory (no file I/O), and for every page asks for the text and one box
/// per character, which it groups into words. Coordinates are PDF points, origin top left.
/// On demand it also finds a page's ruled lines (`RuledLines`), by drawing the page.
/// Documents are read side by side; poppler, cairo and fontconfig are asked one call at a time
/// (`lock`), whichever document asks.
enum PopplerPages {
    /// Held around every use of poppler and cairo.
    static let lock = NSLock()

    /// Why the bytes give no pages to read.
    enum Problem: Error, Equatable, Sendable {
        case encrypted
        case damaged(String)
    }

    static func read(_ bytes: [UInt8]) -> Result<(pages: [PDFPage], ruled: RuledLines), Problem> {
        lock.withLock { readPages(bytes) }
    }

    private static func readPages(_ bytes: [UInt8]) -> Result<(pages: [PDFPage], ruled: RuledLines), Problem> {
        guard !bytes.isEmpty else { return .failure(.damaged("the file is empty")) }
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_bytes(data, nil, &error) else {
            defer { if let error { g_error_free(error) } }
            if let error, error.pointee.domain == poppler_error_quark(),
               error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                return .failure(.encrypted)
            }
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "poppler could not open it"
            return .failure(.damaged(message))
        }
        let ruled = RuledLines(document: document)
        let count = Int(poppler_document_get_n_pages(document))
        var pages: [PDFPage] = []
        pages.reserveCapacity(count)
        for index in 0..<count {
            guard let page = poppler_document_get_page(document, Int32(index)) else {
                pages.append(PDFPage(number: index + 1, width: 0, height: 0, words: [], images: 0))
                continue
            }
            pages.append(read(page, number: index + 1))
            g_object_unref(UnsafeMutableRawPointer(page))
        }
        return .success((pages, ruled))
    }

    private static func read(_ page: OpaquePointer, number: Int) -> PDFPage {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        let mapping = poppler_page_get_image_mapping(page)
        let images = Int(g_list_length(mapping))
        poppler_page_free_image_mapping(mapping)
        var words: [PDFWord] = []
        guard let text = poppler_page_get_text(page) else {
            return PDFPage(number: number, width: width, height: height, words: [], images: images)
        }
        defer { g_free(text) }
        var boxes: UnsafeMutablePointer<PopplerRectangle>?
        var boxCount: guint = 0
        guard poppler_page_get_text_layout(page, &boxes, &boxCount) != 0, let boxes else {
            return PDFPage(number: number, width: width, height: height, words: [], images: images)
        }
        defer { g_free(boxes) }
        // One box per character of the page's text, in the same order.
        var current = ""
        var box = (x0: 0.0, y0: 0.0, x1: 0.0, y1: 0.0)
        func flush() {
            if !current.isEmpty { words.append(PDFWord(text: current, x0: box.x0, y0: box.y0, x1: box.x1, y1: box.y1)) }
            current = ""
        }
        var index = 0
        for scalar in String(cString: text).unicodeScalars {
            guard index < Int(boxCount) else { break }
            let r = boxes[index]
            index += 1
            if scalar.properties.isWhitespace || scalar.value < 0x20 {
                flush()
                continue
            }
            let x0 = min(r.x1, r.x2), x1 = max(r.x1, r.x2), y0 = min(r.y1, r.y2), y1 = max(r.y1, r.y2)
            if current.isEmpty {
                box = (x0, y0, x1, y1)
            } else if x0 > box.x1 + (y1 - y0) * 0.2 || abs((y0 + y1) - (box.y0 + box.y1)) > (y1 - y0) {
                // Characters poppler keeps together but the page shows apart are two words.
                flush()
                box = (x0, y0, x1, y1)
            } else {
                box = (min(box.x0, x0), min(box.y0, y0), max(box.x1, x1), max(box.y1, y1))
            }
            current.unicodeScalars.append(scalar)
        }
        flush()
        return PDFPage(number: number, width: width, height: height, words: words, images: images)
    }
}

/// The lines a PDF draws in its tables (cell borders), found by drawing the page with poppler
/// into memory at twice its size and looking for long runs of dark pixels. Asked only for pages
/// whose columns the gaps between words leave in doubt (vertical lines), and for tables whose rows
/// the gaps between lines do not part (horizontal lines), so most pages are never drawn. The last
/// drawing is kept while the next questions are about the same page.
final class RuledLines {
    private let document: OpaquePointer
    /// The last page drawn: its number and scale, the pixels (premultiplied ARGB, row after row)
    /// and their size.
    private var drawn: (page: Int, scale: Double, image: Image)?

    private struct Image {
        var pixels: [UInt32]
        var wide: Int
        var high: Int
    }

    fileprivate init(document: OpaquePointer) { self.document = document }

    deinit { PopplerPages.lock.withLock { g_object_unref(UnsafeMutableRawPointer(document)) } }

    /// The y (points from the top) of each line ruled across at least half of `x0...x1` on a page.
    func horizontal(page number: Int, from x0: Double, to x1: Double) -> [Double] {
        let scale = 2.0
        guard let image = draw(number, scale: scale) else { return [] }
        let from = max(0, Int(x0 * scale)), to = min(image.wide - 1, Int(x1 * scale))
        guard to > from else { return [] }
        let needed = (to - from) / 2
        var rules: [Double] = []
        var blockStart: Int?
        func endBlock(at y: Int) {
            // A rule is at most 3 points thick; a taller dark block is a shaded cell, not a line.
            if let start = blockStart, Double(y - start) <= 3 * scale { rules.append((Double(start + y) / 2) / scale) }
            blockStart = nil
        }
        for y in 0..<image.high {
            var longest = 0, run = 0
            for x in from...to {
                if Self.isDark(image.pixels[y * image.wide + x]) { run += 1; longest = max(longest, run) } else { run = 0 }
            }
            if longest >= needed {
                if blockStart == nil { blockStart = y }
            } else {
                endBlock(at: y)
            }
        }
        endBlock(at: image.high)
        return rules
    }

    /// Every vertical line on a page at least `minimum` points long, at most 3 points thick.
    func vertical(page number: Int, minimum: Double) -> [VerticalRule] {
        let scale = 2.0
        guard let image = draw(number, scale: scale) else { return [] }
        let needed = max(Int(minimum * scale), 1), wide = image.wide
        // Runs of dark pixels down each column of pixels.
        var start = [Int](repeating: -1, count: wide)
        var runs: [(x: Int, y0: Int, y1: Int)] = []
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in 0...image.high {
                for x in 0..<wide {
                    if y < image.high && Self.isDark(pixels[y * wide + x]) {
                        if start[x] < 0 { start[x] = y }
                    } else if start[x] >= 0 {
                        if y - start[x] >= needed { runs.append((x, start[x], y)) }
                        start[x] = -1
                    }
                }
            }
        }
        // Side by side columns of pixels (a rule more than a pixel thick) are one rule.
        var rules: [VerticalRule] = []
        var group: [(x: Int, y0: Int, y1: Int)] = []
        func endGroup() {
            defer { group = [] }
            guard let first = group.first, let last = group.last, Double(last.x - first.x + 1) <= 3 * scale else { return }
            rules.append(VerticalRule(x: Double(first.x + last.x + 1) / 2 / scale, y0: Double(group.map(\.y0).min()!) / scale,
                                      y1: Double(group.map(\.y1).max()!) / scale))
        }
        for run in runs.sorted(by: { ($0.x, $0.y0) < ($1.x, $1.y0) }) {
            if let last = group.last, run.x - last.x > 1 || !group.contains(where: { run.y0 < $0.y1 && $0.y0 < run.y1 }) {
                endGroup()
            }
            group.append(run)
        }
        endGroup()
        return rules.sorted { ($0.x, $0.y0) < ($1.x, $1.y0) }
    }

    private static func isDark(_ pixel: UInt32) -> Bool {
        let alpha = pixel >> 24, red = (pixel >> 16) & 0xFF, green = (pixel >> 8) & 0xFF, blue = pixel & 0xFF
        return alpha >= 96 && max(red, green, blue) < 176
    }

    private func draw(_ number: Int, scale: Double) -> Image? {
        PopplerPages.lock.withLock { drawPage(number, scale: scale) }
    }

    private func drawPage(_ number: Int, scale: Double) -> Image? {
        if let drawn, drawn.page == number, drawn.scale == scale { return drawn.image }
        guard let page = poppler_document_get_page(document, Int32(number - 1)) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        let wide = Int(width * scale), high = Int(height * scale)
        // Up to an A0 page (32 million pixels at twice its size); a larger page is not drawn.
        guard wide > 0, high > 0, wide <= 20_000, high <= 20_000, wide * high <= 40_000_000 else { return nil }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(wide), Int32(high)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else { return nil }
        cairo_scale(context, scale, scale)
        poppler_page_render(page, context)
        cairo_destroy(context)
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        var pixels = [UInt32](repeating: 0, count: wide * high)
        pixels.withUnsafeMutableBytes { target in
            for y in 0..<high {
                target.baseAddress!.advanced(by: y * wide * 4).copyMemory(from: data + y * stride, byteCount: wide * 4)
            }
        }
        let image = Image(pixels: pixels, wide: wide, high: high)
        drawn = (number, scale, image)
        return image
    }
}
