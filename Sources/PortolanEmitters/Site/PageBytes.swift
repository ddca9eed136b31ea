import Foundation

/// A page's bytes as they are made: kept whole, or handed on in pieces as they fill up (a million
/// rows' site page is 940 MB; handed on, it is never held whole).
final class PageBytes {
    /// About how much is held before it is handed on.
    static let pieceSize = 4 << 20
    /// The bytes not yet handed on: an array (appending a few bytes to it costs less than to `Data`).
    private var bytes: [UInt8] = []
    private let hand: ((Data) throws -> Void)?
    private var failure: Error?

    /// `hand`: where the pieces go; nil keeps the bytes whole (`finish` returns them).
    init(handingPiecesTo hand: ((Data) throws -> Void)? = nil) {
        self.hand = hand
        if hand != nil { bytes.reserveCapacity(Self.pieceSize + (64 << 10)) }
    }

    /// The bytes held (kept whole: all of them).
    var data: Data { Data(bytes) }

    func append(_ text: String) {
        write { $0.appendText(text) }
    }

    func append<Bytes: Sequence<UInt8>>(contentsOf bytes: Bytes) {
        write { $0.append(contentsOf: bytes) }
    }

    /// Appends what `body` appends to the bytes (a row at a time: `PageText`'s appends).
    func write(_ body: (inout [UInt8]) -> Void) {
        guard failure == nil else { return }
        body(&bytes)
        if hand != nil, bytes.count >= Self.pieceSize { handOn() }
    }

    private func handOn() {
        guard let hand, !bytes.isEmpty, failure == nil else { return }
        do { try hand(Data(bytes)) } catch { failure = error }
        bytes.removeAll(keepingCapacity: true)
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
