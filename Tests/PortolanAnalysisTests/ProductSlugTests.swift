import PortolanAnalysis
import PortolanModel
import Testing

/// Product folders (`Products.swift`): unique per product, never Portolan's own, merges said.
@Suite struct ProductSlugTests {
    static func products(_ subjects: [String]) -> (products: [Product], notes: [(path: String, diagnostic: Diagnostic)]) {
        Products.grouped(Model(documents: subjects.enumerated().map { Document(path: "in/\($0.offset).txt", subject: $0.element) }))
    }

    @Test func symbolsKeepProductsApart() {
        let (products, notes) = Self.products(["C++ Service", "C# Service", "C Service"])
        // "C# Service" hashes (FNV-1a, 32-bit) to 0x32c1ac..; "C Service" to another suffix.
        #expect(products.map(\.name) == ["C++ Service", "C# Service", "C Service"])
        #expect(products[0].slug == "c-service")
        #expect(products[1].slug == "c-service-32c1ac")
        #expect(products[2].slug.hasPrefix("c-service-") && products[2].slug.count == "c-service-".count + 6)
        #expect(Set(products.map(\.slug)).count == 3)
        #expect(notes.isEmpty)
    }

    @Test func portolansOwnFoldersAreNeverAProducts() {
        let slugs = Self.products(["Platform", "Site", "Docs"]).products.map(\.slug)
        #expect(slugs == ["platform-7bf2ee", "site-ba38a3", "docs-8fcacb"])
    }

    @Test func otherScriptsAreTransliterated() {
        let slugs = Self.products(["日本語サービス", "Ελληνικά", "Служба"]).products.map(\.slug)
        #expect(slugs == ["ri-ben-yusabisu", "ellenika", "sluzba"])
    }

    @Test func namesCutAt64CharactersKeepApart() {
        let base = "Contact Center Routing Orchestration Reporting Service Region "
        let products = Self.products([base + "Alpha", base + "Bravo"]).products
        #expect(products.map(\.slug) == ["contact-center-routing-orchestration-reporting-service-re-4f83c9",
                                         "contact-center-routing-orchestration-reporting-service-re-3cfdb0"])
        #expect(products.allSatisfy { $0.slug.count == 64 })
    }

    @Test func aMergeIsSaid() {
        let (products, notes) = Self.products(["CX Contact", "cx-contact", "CX  contact"])
        #expect(products.count == 1)
        #expect(products[0].documents.count == 3)
        #expect(notes.map(\.path) == ["in/1.txt", "in/2.txt"])
        #expect(notes.first?.diagnostic.message == "the subject 'cx-contact' is read as the product 'CX Contact' (same name but for case, spaces and hyphens); its connections join that product's")
    }

    @Test func anArchitectureHeadingNamesTheProduct() {
        let products = Products.group(Model(documents: [Document(path: "a.md", title: "Designer architecture")]))
        #expect(products.map(\.name) == ["Designer"])
        #expect(products.map(\.slug) == ["designer"])
    }
}
