import PortolanModel

/// What the rules look at: the products of a run, their rows in source order, and which
/// components each subject owns.
public struct LintContext: Sendable {
    public let products: [Product]
    public let rows: [LintRow]
    let memberships: [SubjectMembership]

    public init(products: [Product]) {
        self.products = products
        rows = products.flatMap { product in
            product.documents.flatMap { document in
                document.connections.map { LintRow(product: product, document: document, connection: $0) }
            }
        }
        let identities = products.map { SubjectMembership($0).identities }
        memberships = products.enumerated().map { index, product in
            var membership = SubjectMembership(product)
            let others = identities.enumerated().filter { $0.offset != index }.reduce(into: Set<String>()) { $0.formUnion($1.element) }
            membership.gatherEvidence(otherProducts: others)
            return membership
        }
    }

    func membership(of product: Product) -> SubjectMembership? {
        memberships.first { $0.product.slug == product.slug }
    }

    /// Why a component is outside a product's subject, or nil when nothing says so: a datastore,
    /// broker or external party by its name, another product, or a component another product owns.
    func outsideReason(_ name: String, of product: Product) -> String? {
        if let kind = ComponentKnowledge.kind(of: name) { return "'\(name)' is \(kind.phrase)" }
        guard let own = membership(of: product), own.nameClaim(name) == nil else { return nil }
        for other in memberships where other.product.slug != product.slug {
            switch other.claim(name) {
            case .identity?: return "'\(name)' is \(other.product.name), another product"
            case .name?: return "'\(name)' belongs to \(other.product.name) by its name"
            case .evidence?: return "'\(name)' belongs to \(other.product.name), whose own Egress or Ingress rows place it there"
            case nil: continue
            }
        }
        return nil
    }

    /// True when the subject owns the component by name, or by its other rows.
    func isMember(_ name: String, of product: Product) -> Bool {
        membership(of: product)?.claim(name) != nil
    }
}
