import PortolanAnalysis
import PortolanModel
import Testing

/// Merges on the seeds, as established by reading them: 000 writes "CX Contact List Builder",
/// "CX Contact Job Scheduler" and "CX Contact UI" for services 001 lists as "List Builder",
/// "Job Scheduler" and "User Interface (UI)"; 003 writes "Redis 6.x" and "Kafka 2.x" beside
/// "Redis" and "Kafka"; 004 writes both "MCP pool multi-AZ" and "MCP pool multi A-Z".
struct ComponentNamesTests {
    func merges() throws -> [String: NameMerge] {
        let names = ComponentNames(products: try ComponentSeeds.products(), aliases: try ComponentSeeds.aliases())
        return Dictionary(names.merges.map { ($0.written, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func subjectPrefixAndIncludedService() throws {
        let merges = try merges()
        #expect(merges["CX Contact List Builder"]?.canonical == "List Builder")
        #expect(merges["CX Contact List Builder"]?.rule == .subjectPrefix)
        #expect(merges["CX Contact Job Scheduler"]?.canonical == "Job Scheduler")
        #expect(merges["CX Contact UI"]?.canonical == "User Interface (UI)")
        #expect(merges["CX Contact Backend"] == nil)
    }

    @Test func versionsAndSpellings() throws {
        let merges = try merges()
        #expect(merges["Redis 6.x"]?.canonical == "Redis")
        #expect(merges["Redis 6.x"]?.rule == .version)
        #expect(merges["Kafka 2.x"]?.canonical == "Kafka")
        #expect(merges["MCP pool multi A-Z"]?.canonical == "MCP pool multi-AZ")
        #expect(merges["MCP pool multi A-Z"]?.rule == .spelling)
    }

    @Test func aliasFile() throws {
        let merges = try merges()
        #expect(merges["GWS"]?.canonical == "Genesys Web Services and Applications")
        #expect(merges["GWS"]?.rule == .aliasFile)
        #expect(merges["Tenant Service (Voice Config Service)"]?.canonical == "Tenant Service")
        #expect(merges["SBC"]?.canonical == "Session Border Controller")
    }

    @Test func nothingElseMergesWithoutTheAliasFile() throws {
        let names = ComponentNames(products: try ComponentSeeds.products(), aliases: AliasTable())
        let written = Set(names.merges.map(\.written))
        #expect(!written.contains("GWS"))
        #expect(!written.contains("Tenant Service (Voice Config Service)"))
        #expect(!written.contains("Interaction Server (VQ)"))
        #expect(!written.contains("Config server"))
    }

    @Test func versionNeedsTheBareNameWritten() {
        let document = Document(path: "p.md", subject: "P", connections: [
            Connection(number: "1", source: "P", destination: "Widget 2.x", protocol: "TCP", ports: .absent,
                       classification: "Egress", description: "", line: 1),
        ])
        let product = Products.group(Model(documents: [document]))[0]
        let names = ComponentNames(products: [product], aliases: AliasTable())
        #expect(names.canonical("Widget 2.x", in: product) == "Widget 2.x")
    }

    @Test func lookAlikesReportWhatMightDeserveAnAlias() {
        let pairs = LookAlikes.find(["Interaction Server", "Interaction Server (VQ)", "DAS", "Designer Application Server",
                                     "Config server", "Config Service", "ORS", "RS", "DCU StatefulSet", "LDS StatefulSet"])
        let found = Set(pairs.map { "\($0.first) | \($0.second)" })
        #expect(found.contains("Interaction Server | Interaction Server (VQ)"))
        #expect(found.contains("DAS | Designer Application Server"))
        #expect(found.contains("Config server | Config Service"))
        #expect(!found.contains("ORS | RS"))
        #expect(!found.contains("DCU StatefulSet | LDS StatefulSet"))
    }
}
