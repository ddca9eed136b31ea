import Foundation
import ZIPFoundation

/// The main part of a Word document: `word/document.xml` from inside the ZIP, read from memory.
enum WordArchive {
    enum Problem: Error, Equatable, Sendable {
        /// An OLE compound file: how Word stores a password-protected .docx (or an old .doc).
        case compoundFile
        case notZIP
        case noDocumentPart
        case tooLarge
        case unreadable(String)
    }

    /// More than any real document's text; keeps a ZIP bomb from filling the memory.
    static let maximumPartSize = 256 << 20

    static func documentPart(_ bytes: [UInt8]) -> Result<[UInt8], Problem> {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .failure(.compoundFile) }
        guard bytes.starts(with: [0x50, 0x4B]) else { return .failure(.notZIP) }
        switch ZIPBounds.check(bytes) {
        case .inside: break
        case .noEndRecord: return .failure(.notZIP)
        case .outside: return .failure(.unreadable("its ZIP directory points outside the file"))
        }
        guard let archive = try? Archive(data: Data(bytes), accessMode: .read) else { return .failure(.notZIP) }
        guard let entry = archive["word/document.xml"] else { return .failure(.noDocumentPart) }
        if entry.uncompressedSize > UInt64(maximumPartSize) { return .failure(.tooLarge) }
        var part: [UInt8] = []
        do {
            _ = try archive.extract(entry) { chunk in
                part += chunk
                if part.count > maximumPartSize { throw Problem.tooLarge }
            }
        } catch let problem as Problem {
            return .failure(problem)
        } catch {
            return .failure(.unreadable(String(describing: error)))
        }
        return .success(part)
    }
}
