import Foundation

/// A page's bytes as they are made: kept whole, or handed on in pieces as they fill up (a million
/// rows' site page is 940 MB; handed on, it is never held whole).
final class PageBytes {
    /// About how much is held before it is handed on.
    static let pieceSize = 4 << 20
    private(set) var data = Data()
    private let hand: ((Data) throws -> Void)?
    private var failure: Error?

    /// `hand`: where the pieces go; nil keeps the bytes whole (`finish` returns them).
    init(handingPiecesTo hand: ((Data) throws -> Void)? = nil) {
        self.hand = hand
    }

    func append(_ text: String) {
        append(contentsOf: text.utf8)
    }

    func append<Bytes: Sequence<UInt8>>(contentsOf bytes: Bytes) {
        guard failure == nil else { return }
        data.append(contentsOf: bytes)
        if hand != nil, data.count >= Self.pieceSize { handOn() }
    }

    private func handOn() {
        guard let hand, !data.isEmpty, failure == nil else { return }
        do { try hand(data) } catch { failure = error }
        data = Data()
    }

    /// Kept whole: the bytes. Handed on: hands on the rest and returns nothing. Throws what
    /// handing a piece on threw (nothing more is written after it).
    func finish() throws -> Data {
        guard hand != nil else { return data }
        handOn()
        if let failure { throw failure }
        return Data()
    }
}
