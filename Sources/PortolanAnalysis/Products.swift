import PortolanModel

/// A product: the documents that describe one subject (a connections page and an included
/// services page of the same service are one product).
public struct Product: Sendable, Hashable {
    public var name: String
    /// File-name-safe identifier from the name ("cx-contact").
    public var slug: String
    public var documents: [Document]
    /// The components a YAML model declares (kinds, aliases): the same for every product of a run.
    public var declared = DeclaredComponents()

    public var connections: [Connection] { documents.flatMap(\.connections) }
    public var services: [IncludedService] { documents.flatMap(\.services) }
}

public enum Products {
    /// Groups documents by subject, in the order each subject first appears. Documents
    /// without a subject are products of their own, named after their file.
    public static func group(_ model: Model) -> [Product] {
        var products: [Product] = []
        var indexByKey: [String: Int] = [:]
        for document in model.documents {
            let name = document.subject ?? document.title ?? fileStem(document.path)
            let key = Slug.make(name)
            if let index = indexByKey[key] {
                products[index].documents.append(document)
            } else {
                indexByKey[key] = products.count
                products.append(Product(name: name, slug: key, documents: [document]))
            }
        }
        let declared = DeclaredComponents(model.components)
        for index in products.indices { products[index].declared = declared }
        return products
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
    public static func make(_ name: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
            if out.count >= 64 { break }
        }
        return out.isEmpty ? "unnamed" : out
    }
}
