import Foundation
import PortolanModel

/// A product: the documents that describe one subject (a connections page and an included
/// services page of the same service are one product).
public struct Product: Sendable, Hashable {
    public var name: String
    /// File-name-safe identifier from the name ("cx-contact"), unique among the products of a
    /// run and never one of Portolan's own folders (see `Products.reservedSlugs`).
    public var slug: String
    public var documents: [Document]
    /// The components a YAML model declares (kinds, aliases): the same for every product of a run.
    public var declared = DeclaredComponents()

    /// Every document's connections in order (one document's array itself, shared, not copied:
    /// a copy of half a million connections is a retain of every string they hold).
    public var connections: [Connection] { documents.count == 1 ? documents[0].connections : documents.flatMap(\.connections) }
    public var services: [IncludedService] { documents.flatMap(\.services) }
}

public enum Products {
    /// The platform view's folder and page.
    public static let platformSlug = "platform"
    /// Folders Portolan writes at the top of an output folder besides the products'.
    public static let reservedSlugs: Set<String> = [platformSlug, "site", "docs", "unnamed"]

    /// Groups documents by subject, in the order each subject first appears. Documents
    /// without a subject are products of their own, named after their title or their file.
    public static func group(_ model: Model) -> [Product] {
        grouped(model).products
    }

    /// The products, and a note on each document whose subject was written differently from
    /// the product it joined ("CX-Contact" joining "CX Contact"): merging is never silent.
    public static func grouped(_ model: Model) -> (products: [Product], notes: [(path: String, diagnostic: Diagnostic)]) {
        var products: [Product] = []
        var notes: [(path: String, diagnostic: Diagnostic)] = []
        var indexByKey: [String: Int] = [:]
        var slugs: Set<String> = []
        for document in model.documents {
            let name = productName(document.subject ?? document.title ?? fileStem(document.path))
            let key = groupKey(name)
            if let index = indexByKey[key] {
                if name != products[index].name {
                    notes.append((document.path, Diagnostic(.note, "the subject '\(name)' is read as the product '\(products[index].name)' (same name but for case, spaces and hyphens); its connections join that product's")))
                }
                products[index].documents.append(document)
            } else {
                indexByKey[key] = products.count
                let slug = uniqueSlug(name, taken: slugs)
                slugs.insert(slug)
                products.append(Product(name: name, slug: slug, documents: [document]))
            }
        }
        let declared = DeclaredComponents(model.components)
        for index in products.indices { products[index].declared = declared }
        return (products, notes)
    }

    /// "Designer architecture" -> "Designer": a heading (or subject) that names a product's
    /// architecture names the product.
    static func productName(_ title: String) -> String {
        let suffix = " architecture"
        guard title.count > suffix.count, title.lowercased().hasSuffix(suffix) else { return title }
        return String(title.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
    }

    /// What makes two subjects one product: the same text but for case and runs of spaces,
    /// hyphens and underscores ("CX Contact" = "cx-contact"; "C++ Service" is not "C# Service").
    static func groupKey(_ name: String) -> String {
        var key = ""
        var pendingSpace = false
        for character in name.precomposedStringWithCompatibilityMapping.lowercased() {
            if character.isWhitespace || character == "-" || character == "_" {
                pendingSpace = true
            } else {
                if pendingSpace, !key.isEmpty { key.append(" ") }
                key.append(character)
                pendingSpace = false
            }
        }
        return key
    }

    /// The name's slug (transliterated to Latin letters where it can be), with a short stable
    /// hash of the name when that slug is taken, reserved, empty or cut at 64 characters.
    static func uniqueSlug(_ name: String, taken: Set<String>) -> String {
        let latin = name.applyingTransform(.toLatin, reverse: false)
            .flatMap { $0.applyingTransform(StringTransform(rawValue: "Latin-ASCII"), reverse: false) } ?? name
        let full = Slug.make(latin, limit: Int.max)
        let suffix = "-" + hash(name)
        var slug = full
        if full.count > Slug.maximumLength {
            slug = String(full.prefix(Slug.maximumLength - suffix.count)) + suffix
        } else if taken.contains(full) || reservedSlugs.contains(full) {
            slug = String(full.prefix(Slug.maximumLength - suffix.count)) + suffix
        }
        var candidate = slug, counter = 1
        while taken.contains(candidate) || reservedSlugs.contains(candidate) {
            counter += 1
            candidate = "\(slug)-\(counter)"
        }
        return candidate
    }

    /// FNV-1a of the name's UTF-8, six hex digits: the same name always gives the same suffix.
    static func hash(_ name: String) -> String {
        var value: UInt32 = 2_166_136_261
        for byte in name.utf8 {
            value ^= UInt32(byte)
            value = value &* 16_777_619
        }
        let hex = String(value, radix: 16)
        return String((String(repeating: "0", count: max(0, 8 - hex.count)) + hex).prefix(6))
    }

    static func fileStem(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot > file.startIndex else { return file }
        return String(file[..<dot])
    }
}

/// File and URL-safe names: lowercase ASCII letters, digits and single hyphens, never empty,
/// never `.` or `..`, at most 64 characters.
public enum Slug {
    public static let maximumLength = 64

    public static func make(_ name: String) -> String {
        make(name, limit: maximumLength)
    }

    static func make(_ name: String, limit: Int) -> String {
        // Already a slug (a row number, "5a"): itself, without asking Unicode of each letter.
        if !name.isEmpty, name.utf8.count <= limit,
           name.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }) {
            return name
        }
        var out = ""
        var pendingHyphen = false
        var count = 0
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen, !out.isEmpty { out.append("-"); count += 1 }
                out.unicodeScalars.append(scalar)
                count += 1
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
            if count >= limit { break }
        }
        return out.isEmpty ? "unnamed" : out
    }
}
