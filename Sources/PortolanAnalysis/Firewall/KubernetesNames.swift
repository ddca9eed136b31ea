/// The name rules Kubernetes enforces on namespaces and labels.
enum KubernetesNames {
    private static func isAlphanumeric(_ c: Character) -> Bool {
        c.isASCII && (c.isLowercase || c.isNumber)
    }

    /// RFC 1123 label: lowercase alphanumerics and '-', starts and ends alphanumeric, 1...63.
    static func isLabel(_ s: String) -> Bool {
        guard (1...63).contains(s.count), let first = s.first, let last = s.last,
              isAlphanumeric(first), isAlphanumeric(last) else { return false }
        return s.allSatisfy { isAlphanumeric($0) || $0 == "-" }
    }

    /// `[prefix/]name`: the prefix a DNS subdomain, the name 1...63 of alphanumerics, '-', '_', '.'.
    static func isLabelKey(_ s: String) -> Bool {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, let name = parts.last, !name.isEmpty, isLabelValue(name) else { return false }
        if parts.count == 2 {
            let prefix = parts[0]
            guard (1...253).contains(prefix.count) else { return false }
            return prefix.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isLabel(String($0)) }
        }
        return true
    }

    /// Empty, or 1...63 of alphanumerics, '-', '_', '.', starting and ending alphanumeric.
    static func isLabelValue(_ s: String) -> Bool {
        if s.isEmpty { return true }
        guard s.count <= 63, let first = s.first, let last = s.last,
              first.isASCII && (first.isLetter || first.isNumber), last.isASCII && (last.isLetter || last.isNumber)
        else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }
}
