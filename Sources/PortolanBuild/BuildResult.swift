import Foundation
import PortolanAnalysis
import PortolanModel

/// What a build made: files by path relative to the output folder ("cx-contact/firewall.csv",
/// "site/index.html"), every diagnostic of every source, and the facts commands summarise.
public struct BuildResult: Sendable {
    public struct ViewSummary: Sendable, Hashable {
        public var scope: Scope
        public var name: String
        public var slug: String
        public var connections: Int
        public var services: Int
    }

    public var files: [String: Data] = [:]
    /// In this order: what gathering the workspace met, the configuration files', the documents',
    /// then the build's own (product merges, inventory entries, look-alikes, drawings, silences).
    public var diagnostics: [Located] = []
    /// Each view made, in order (products, then the platform).
    public var views: [ViewSummary] = []
    public var findings: [LintFinding] = []
    public var silenced: Int = 0
    /// The firewall sheet of the platform view, when one was asked for without pages (`firewall`,
    /// `netpol`; a build keeps none).
    public var platformSheet: FirewallSheet?
    public var diff: ModelDiff?
    public var timings: [(step: String, seconds: Double)] = []

    /// The worst severity of every diagnostic: the exit code follows it, the same for every command.
    public var worst: Severity? { diagnostics.map(\.severity).max() }

    /// The files under `folder` ("site"), by path relative to it.
    public func files(under folder: String) -> [String: Data] {
        let prefix = folder + "/"
        return Dictionary(uniqueKeysWithValues: files.compactMap { path, data in
            path.hasPrefix(prefix) ? (String(path.dropFirst(prefix.count)), data) : nil
        })
    }
}
