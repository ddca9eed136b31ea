import Foundation
import PortolanAnalysis
import PortolanEmitters
import PortolanGraphviz
import PortolanModel

/// The one entry point: a workspace in, named files and every diagnostic out, no file I/O.
///
/// libgvc is not thread-safe, so one thread does all the Graphviz work. It starts when the
/// builder is made (loading Graphviz's plugins and fonts on a warm-up diagram while the caller
/// reads the documents), then draws each view while the calling thread makes everything else.
public final class Builder: @unchecked Sendable {
    public let request: Request
    private let job = Handover<Job>()
    private let drawings: Produced<Drawing>?

    private struct Job: Sendable {
        var views: [View]
        var formats: [String]
        var previous: @Sendable (String) -> Data?
    }

    public init(_ request: Request) {
        self.request = request
        guard request.drawsDiagrams else {
            drawings = nil
            return
        }
        let job = self.job
        drawings = Produced { add in
            Graphviz.prepare(dot: DiagramDrawing.warmUpDOT)
            let work = job.wait()
            for view in work.views {
                let reuse = work.formats.contains("png")
                    ? DiagramDrawing.reuse(previousDOT: work.previous("\(view.slug)/connections.dot"),
                                           previousPNG: work.previous("\(view.slug)/connections.png"))
                    : { _, _ in nil }
                add(Result { try DiagramDrawing.draw(Drawable.graph(view.graph), formats: work.formats, reusePNG: reuse) })
            }
        }
    }

    deinit {
        job.give(Job(views: [], formats: [], previous: { _ in nil }))
    }

    /// Builds what the request asks for. Throws only when an emitter fails (a template that
    /// does not render) or `deliver` throws; everything about the input is a diagnostic in the
    /// result. `deliver` is handed the files in groups as they are made (the lint files, each
    /// view's tables, drawings and pages as Graphviz finishes them, platform first, then the
    /// indexes), one call at a time but not always from the calling thread: a view's page is made
    /// on a thread of its own while the next view's tables are made. `stream`, with `deliver`,
    /// takes the files too large to hold whole (a million rows' site page is 940 MB) piece by
    /// piece, possibly while `deliver` is called from another thread. Without `deliver` the
    /// result holds every file; with it, the result keeps none.
    public func run(_ workspace: Workspace, deliver: (([String: Data]) throws -> Void)? = nil,
                    stream: Streaming? = nil) throws -> BuildResult {
        let outbox = Outbox(deliver: deliver, stream: stream)
        var result = BuildResult()
        var clock = Clock()
        let steps = Steps(workspace: workspace)
        let (products, merges) = Products.grouped(workspace.model)
        result.diagnostics = steps.gathered() + merges.map { Located(path: $0.path, $0.diagnostic) }
        let aliases = workspace.aliases?.value ?? AliasTable()
        let inventory = workspace.inventory?.value ?? .empty
        if let file = workspace.inventory {
            result.diagnostics += file.value.unmatched(in: products + (workspace.baseline.map(Products.group) ?? []))
                .map { Located(path: file.path, $0) }
        }
        // Lint and the views' graphs side by side (lint's rules share the cores among them, the
        // graphs are made on one), before the tables, so each view's page can be made as soon as
        // its tables are; lint's diagnostics still come after the look-alikes' and the tables'
        // in the result.
        let base = result.diagnostics
        result.diagnostics = []
        // Each step's own time is its lap (the laps overlap; the total is the wall time).
        let request = request
        let (linted, viewed) = try both({
            let started = Clock.now
            return (run: steps.lintRun(request, products: products), seconds: Clock.seconds(since: started))
        }, {
            let started = Clock.now
            return (all: View.all(products, aliases: aliases), seconds: Clock.seconds(since: started))
        })
        let lint = steps.lint(linted.run, request: request, into: &result)
        let lintDiagnostics = result.diagnostics
        result.diagnostics = base
        clock.lap("lint", seconds: linted.seconds, into: &result)
        let viewsStarted = Clock.now
        let all = viewed.all

        let views = all.filter { request.scopes.contains($0.scope) }
        result.views = views.map {
            .init(scope: $0.scope, name: $0.name, slug: $0.slug,
                  connections: $0.products.reduce(0) { $0 + $1.documents.reduce(0) { $0 + $1.connections.count } },
                  services: $0.products.flatMap(\.services).count)
        }
        // The platform first: the largest drawing, and its page the largest to make, so this
        // thread makes that page while Graphviz draws the products.
        let order = Self.drawingOrder(Array(views.indices))
        job.give(Job(views: order.map { views[$0] }, formats: formats, previous: workspace.previousOutput))
        let lookAlikes = (request.parts.contains(.diagrams) ? LookAlikes.find(all.last!.graph.nodes.map(\.name)) : []).map { pair in
            Located(path: workspace.aliases?.path ?? "aliases.yaml", Diagnostic(.note,
                "not merged, but look alike: \"\(pair.first)\" and \"\(pair.second)\" (\(pair.reason)); if they are one component, list one under the other in the alias file"))
        }
        clock.lap("products and views", seconds: viewed.seconds + Clock.seconds(since: viewsStarted), into: &result)

        try steps.parse(request, model: workspace.model, into: &result)
        try steps.diff(request, products: products, inventory: inventory, into: &result)
        try outbox.send(result.files)
        result.files = [:]
        let links = views.map { SiteLink(name: $0.name, slug: $0.slug) }
        let platform = all.last!.graph
        let focusLinks = request.parts.contains(.site) && drawings != nil ? FocusPages.links(platform: platform) : [:]
        let made = try tablesAndPages(views, order: order, lint: lint, products: products, inventory: inventory,
                                      workspace: workspace, links: links, focusLinks: focusLinks, outbox: outbox, into: &result)
        let pages = made.pages
        result.diagnostics += lookAlikes + lintDiagnostics
        result.diagnostics += made.notes.joined()
        clock.lap("tables and firewall sheets", seconds: made.tableTime, into: &result)
        clock.lap("diagrams and pages (as Graphviz draws them)", seconds: made.pageTime, into: &result)
        guard drawings != nil else {
            result.files = outbox.takeKept()
            clock.finish(into: &result)
            return result
        }
        let landscape = try extraDrawings(platform: platform, links: links, focusLinks: focusLinks, into: &result)
        try outbox.send(result.files)
        result.files = [:]
        clock.lap("landscape and focus pages", into: &result)
        if request.makesPages {
            let options = StaticSite.Options(title: request.title)
            if request.parts.contains(.site) {
                add(try StaticSite.indexFiles(pages.compactMap { $0 }, landscape: landscape, options: options), under: "site", to: &result)
            }
            if request.parts.contains(.docs) { add(try MarkdownDocs.indexFiles(pages.compactMap { $0 }, options: options), under: "docs", to: &result) }
        }
        try outbox.send(result.files)
        result.files = outbox.takeKept()
        clock.lap("site index", into: &result)
        clock.finish(into: &result)
        return result
    }

    /// What making every view's tables and page leaves: each view's page (for the indexes, without
    /// its bytes) and notes, and the time the tables and the pages took (the two overlap).
    struct ViewsMade {
        var pages: [SitePage?]
        var notes: [[Located]]
        var tableTime = 0.0
        var pageTime = 0.0
    }

    /// Each view's tables, in drawing order, then its diagram files and page once Graphviz has
    /// drawn it; then the lint files.
    private func tablesAndPages(_ views: [View], order: [Int], lint: [LintFinding], products: [Product], inventory: Inventory,
                                workspace: Workspace, links: [SiteLink], focusLinks: [String: String], outbox: Outbox,
                                into result: inout BuildResult) throws -> ViewsMade {
        // The lint files are made on a thread of their own beside the platform's page (made
        // alone, its findings index on one thread), once the platform's tables are made (a
        // million rows' lint.sarif is 350 MB, the platform's model.json 480: the two are not
        // held together); with no platform view, after the last view's tables.
        var lintJob: Background<Void>?
        func startLintFiles() {
            guard lintJob == nil else { return }
            lintJob = Background { [self] in try self.lintFiles(lint, products: products, outbox: outbox) }
        }

        var made = ViewsMade(pages: Array(repeating: nil, count: views.count), notes: Array(repeating: [], count: views.count))
        var making: (index: Int, job: Background<PageOutcome>)?
        func finishPage() throws {
            guard let (index, job) = making else { return }
            making = nil
            let outcome = try job.wait()
            made.notes[index] = outcome.notes
            made.pages[index] = outcome.page
            made.pageTime += outcome.seconds
        }
        do {
            for (position, index) in order.enumerated() {
                let view = views[index]
                let tablesStarted = Clock.now
                // Beside a page, one table file at a time: the cores are busy either way, and
                // the two hold less (a product of half a million rows: a 240 MB model.json).
                let tables = try self.tables(view, at: position, width: making == nil ? ProcessInfo.processInfo.activeProcessorCount : 1,
                                             inventory: inventory, products: products, workspace: workspace, outbox: outbox, into: &result)
                made.tableTime += Clock.seconds(since: tablesStarted)
                // Once the platform's tables are made, the lint files beside its page (made alone).
                if view.scope == .platform { startLintFiles() }
                guard let drawings else { continue }
                // Each view's diagram files and page are made once Graphviz has drawn it, on a thread
                // of their own while this one makes the next product's tables; one page at a time.
                try finishPage()
                let request = self.request
                // Beside the next product's tables, the page's site and docs halves one after the other.
                let alone = view.scope == .platform || position == order.count - 1
                making = (index, Background { [self] in
                    try self.page(view, at: position, tables: tables, drawings: drawings, request: request, lint: lint,
                                  links: links, focusLinks: focusLinks, halvesSideBySide: alone, outbox: outbox)
                })
                // The platform's page lists every row of every product: made alone (its site
                // and docs halves side by side), not beside a product's tables.
                if view.scope == .platform { try finishPage() }
            }
            startLintFiles()
            try finishPage()
            try lintJob?.wait()
        } catch {
            // Nothing is handed over once `run` has returned: the other threads are waited for.
            _ = try? making?.job.wait()
            _ = try? lintJob?.wait()
            throw error
        }
        return made
    }

    /// A view's table files (each handed over as soon as it is made: a million rows' model.json
    /// alone is 460 MB), with the page's copies once the drawing is sure to be made; until then
    /// they wait and are returned (the platform's drawing is usually made long before).
    private func tables(_ view: View, at position: Int, width: Int, inventory: Inventory, products: [Product], workspace: Workspace,
                        outbox: Outbox, into result: inout BuildResult) throws -> ViewTables {
        var tables = ViewTables()
        let viewParts: Set<Request.Part> = [.tables, .firewall, .policies, .model]
        let parts = request.makesPages ? viewParts : request.parts.intersection(viewParts)
        guard !parts.isEmpty else { return tables }
        let sheetTitle = request.sheetTitledByProducts ? products.map(\.name).joined(separator: ", ") : nil
        let besides = request.makesPages && drawings != nil
        let sheet = try view.files(parts, inventory: inventory, sheetTitle: sheetTitle, width: width,
                                   streamModel: modelStream(view, at: position, parts: parts, outbox: outbox)) { name, data, size in
            tables.sizes[name] = size
            guard let data else { return }
            var files: [String: Data] = [:]
            if request.parts.contains(Self.part(of: name)) { files["\(view.slug)/\(name)"] = data }
            if besides {
                let copies = Pages.besidePages([name: data], slug: view.slug, site: request.parts.contains(.site),
                                               docs: request.parts.contains(.docs))
                switch drawings.map({ Self.drawn($0, at: position) }) ?? nil {
                case true?: files.merge(copies) { first, _ in first }
                case false?: break
                case nil: tables.besidePages.merge(copies) { first, _ in first }
                }
            }
            try outbox.send(files)
        }
        tables.ruleCount = sheet.rules.count
        if view.scope == .platform { tableDiagnostics(sheet, workspace: workspace, parts: parts, into: &result) }
        return tables
    }

    /// Where a view's model.json is streamed as it is made (a million rows' is 480 MB), with its
    /// copies beside the pages, when the caller takes streams and whether the page is made is
    /// already known; nil (made whole) otherwise.
    private func modelStream(_ view: View, at position: Int, parts: Set<Request.Part>, outbox: Outbox) -> StreamFile? {
        guard outbox.streams, parts.contains(.model) else { return nil }
        var paths = request.parts.contains(.model) ? ["\(view.slug)/model.json"] : []
        if request.makesPages, let drawings {
            switch Self.drawn(drawings, at: position) {
            case true?:
                paths += Pages.besidePaths("model.json", slug: view.slug, site: request.parts.contains(.site),
                                           docs: request.parts.contains(.docs))
            case false?: break
            case nil: return nil
            }
        }
        guard !paths.isEmpty else { return nil }
        let all = paths
        return { _, body in
            var size = 0
            try outbox.stream(all) { write in
                try withoutActuallyEscaping(write) { write in
                    try body { piece in
                        size += piece.count
                        try write(piece)
                    }
                }
            }
            return size
        }
    }

    /// A view's diagram files and its site and docs pages, once Graphviz has drawn it (nothing
    /// but the drawing's notes when it failed).
    private func page(_ view: View, at position: Int, tables: ViewTables, drawings: Produced<Drawing>, request: Request,
                      lint: [LintFinding], links: [SiteLink], focusLinks: [String: String], halvesSideBySide: Bool,
                      outbox: Outbox) throws -> PageOutcome {
        let started = Clock.now
        let drawing: Drawing
        do {
            drawing = try drawings.result(at: position)
        } catch let failure as DrawingFailure {
            return PageOutcome(notes: failure.located.map { Located(path: $0.path, $0.diagnostic) }, seconds: Clock.seconds(since: started))
        }
        // The page's copies of the table files that waited for the drawing.
        try outbox.send(tables.besidePages)
        var outcome = PageOutcome(notes: drawing.notes.map { Located(path: drawing.subject, $0) })
        if let note = Drawable.note(view.graph, drawn: Drawable.graph(view.graph).edges.count) {
            outcome.notes.append(Located(path: drawing.subject, note))
        }
        if request.parts.contains(.diagrams) {
            var files: [String: Data] = [:]
            for (name, data) in drawing.namedFiles where request.diagramFormats.contains(String(name.dropFirst("connections.".count))) {
                files["\(view.slug)/\(name)"] = data
            }
            try outbox.send(files)
        }
        if request.makesPages {
            let made = Pages.page(view, tables: (tables.sizes, tables.ruleCount), drawing: drawing, lint: lint)
            Memory.giveBack()
            let options = StaticSite.Options(title: request.title)
            let (site, docs) = (request.parts.contains(.site), request.parts.contains(.docs))
            // The site page and its Markdown twin (side by side when the page is made alone),
            // each streamed as it is made.
            let sitePage: @Sendable () throws -> Void = {
                guard site else { return }
                let downloads = try outbox.stream(["site/\(StaticSite.path(made))"]) { write in
                    try StaticSite.pageFiles(made, all: links, focus: focusLinks, options: options, pieces: write)
                }
                try outbox.send(Self.prefixed(downloads, under: "site"))
            }
            let docsPage: @Sendable () throws -> Void = {
                guard docs else { return }
                let downloads = try outbox.stream(["docs/\(MarkdownDocs.path(made))"]) { write in
                    try MarkdownDocs.pageFiles(made, pieces: write)
                }
                try outbox.send(Self.prefixed(downloads, under: "docs"))
            }
            if halvesSideBySide {
                _ = try both(sitePage, docsPage)
            } else {
                try sitePage()
                try docsPage()
            }
            // The indexes need each page's counts and the names of its downloads, not their bytes.
            var page = made
            page.downloads = page.downloads.map { SiteDownload(file: $0.file, label: $0.label, data: Data()) }
            page.svg = ""
            outcome.page = page
        }
        outcome.seconds = Clock.seconds(since: started)
        return outcome
    }

    /// Every folder a build of this workspace may write a file into (the views' folders, their
    /// Terraform folders, the site's and the MkDocs tree's), so a caller can check them all
    /// before the first file is written: files arrive in the order they are made.
    public func folders(_ workspace: Workspace) -> [String] {
        let slugs = Products.grouped(workspace.model).products.map(\.slug) + [Products.platformSlug]
        var folders = ["site", "docs", "docs/pages"]
        for slug in slugs {
            for top in [slug, "site/\(slug)", "docs/pages/\(slug)"] {
                // Each level of a nested folder ("terraform", then "terraform/aws").
                let nested = Set(Pages.subfolders.flatMap { folder in
                    let parts = folder.split(separator: "/")
                    return parts.indices.map { parts[...$0].joined(separator: "/") }
                })
                folders += [top] + nested.sorted().map { "\(top)/\($0)" }
            }
        }
        return folders
    }

    /// What a view's tables leave for its page: their sizes (the page's downloads), the sheet's
    /// rule count, and the page's copies that waited for the drawing.
    struct ViewTables: Sendable {
        var sizes: [String: Int] = [:]
        var ruleCount = 0
        var besidePages: [String: Data] = [:]
    }

    /// What making a view's page leaves for the result.
    struct PageOutcome: Sendable {
        var notes: [Located]
        var page: SitePage?
        var seconds = 0.0
    }

    /// The platform sheet kept for `firewall` and `netpol`, and the NetworkPolicies' open
    /// directions: each a warning where the policies are what was asked for (`netpol`); `build`
    /// says how many in one note and the policy file lists them.
    /// A request that makes pages (`build`) does not keep the sheet: no caller reads it there,
    /// and a million rows' sheet would be held through every page.
    private func tableDiagnostics(_ sheet: FirewallSheet, workspace: Workspace, parts: Set<Request.Part>, into result: inout BuildResult) {
        if !request.makesPages { result.platformSheet = sheet }
        guard parts.contains(.policies), let file = workspace.inventory else { return }
        let open = PodPolicies.diagnostics(PodPolicies.plan(sheet), inventory: file.value)
        if !request.makesPages {
            result.diagnostics += open.map { Located(path: file.path, $0) }
        } else if !open.isEmpty {
            result.diagnostics.append(Located(path: file.path, Diagnostic(.note,
                "\(open.count) pod \(open.count == 1 ? "direction is" : "directions are") left unrestricted by the NetworkPolicies: a documented peer has no address or namespace here (the comments of platform/networkpolicies.yaml and `portolan netpol` list them)")))
        }
    }

    /// The drawings of the whole platform besides its own: the landscape (its files at the top,
    /// and its SVG for the site's index, returned) and the focus views (the one `request.focus`
    /// names, at the top; a page per component for the site). Graphviz runs under its own lock,
    /// so this thread may draw them once the views are drawn.
    private func extraDrawings(platform: ComponentGraph, links: [SiteLink], focusLinks: [String: String],
                               into result: inout BuildResult) throws -> String? {
        // The landscape counts every row; the focus drawings get the view's lines (`Drawable`).
        let drawn = Drawable.graph(platform)
        let formats = request.diagramFormats.filter { $0 != "dot" }.compactMap(Graphviz.Format.init(rawValue:))
        var landscape: String?
        do {
            if request.parts.contains(.landscape) || request.parts.contains(.site) {
                let files = try DiagramDrawing.landscape(platform, formats: Array(Set(formats + [.svg])).sorted { $0.rawValue < $1.rawValue })
                landscape = files["landscape.svg"].map { String(decoding: $0, as: UTF8.self) }
                if request.parts.contains(.landscape) {
                    add(files.filter { request.diagramFormats.contains(String($0.key.dropFirst("landscape.".count))) }, under: "", to: &result)
                }
            }
            if request.parts.contains(.focus), let name = request.focus {
                if let graph = ComponentGraphs.focus(name, in: platform).map(Drawable.graph) {
                    let drawing = try DiagramDrawing.draw(graph, formats: request.diagramFormats)
                    result.diagnostics += drawing.notes.map { Located(path: drawing.subject, $0) }
                    add(Dictionary(uniqueKeysWithValues: drawing.files.map { ("focus.\($0.key)", $0.value) }), under: "", to: &result)
                } else {
                    let guess = Names.closest(to: name, among: ComponentGraphs.focusNames(in: platform)).map { "; did you mean \"\($0)\"?" } ?? ""
                    result.diagnostics.append(Located(path: "portolan", Diagnostic(.error, "no component is called \"\(name)\"\(guess)")))
                }
            }
            if request.parts.contains(.site) {
                let options = StaticSite.Options(title: request.title)
                for page in try DiagramDrawing.focusPages(drawn) {
                    add(try StaticSite.pageFiles(page, all: links, focus: focusLinks, options: options), under: "site", to: &result)
                }
            }
        } catch let failure as DrawingFailure {
            result.diagnostics += failure.located.map { Located(path: $0.path, $0.diagnostic) }
        }
        return landscape
    }

    /// What Graphviz draws: the formats asked for, and what the site's pages need.
    private var formats: [String] {
        var formats = request.parts.contains(.diagrams) ? request.diagramFormats : []
        if request.makesPages {
            for format in DiagramDrawing.formats where !formats.contains(format) { formats.append(format) }
        }
        return formats
    }

    /// Whether the drawing at `position` is made and drawn (nil: not made yet), without waiting.
    private static func drawn(_ drawings: Produced<Drawing>, at position: Int) -> Bool? {
        guard drawings.isMade(position) else { return nil }
        return (try? drawings.result(at: position)) != nil
    }

    /// Which part a view's table file belongs to.
    private static func part(of name: String) -> Request.Part {
        name == "connections.md" ? .tables : name.hasPrefix("firewall.") || name.hasPrefix("terraform/") ? .firewall
            : name.hasSuffix("networkpolicies.yaml") ? .policies : .model
    }

    /// The lint files: each product's lint.txt and the platform's in every format asked for,
    /// each handed over on its own as soon as it is made (a million rows' lint.sarif is 350 MB:
    /// not held until the text files are made too).
    private func lintFiles(_ findings: [LintFinding], products: [Product], outbox: Outbox) throws {
        guard request.parts.contains(.lint) else { return }
        var makers: [FileMaker] = []
        if request.scopes.contains(.product) {
            for product in products {
                makers.append(FileMaker("\(product.slug)/lint.txt") { LintText.data(LintFiles.own(findings, of: product)) })
            }
        }
        if request.scopes.contains(.platform) {
            for format in request.lintFormats {
                let name = LintFiles.name(format: format)
                makers.append(FileMaker("\(Products.platformSlug)/\(name)") { try LintFiles.render(findings, format: format).data })
            }
        }
        // One file at a time: they are made beside the platform's page, whose halves keep both
        // cores busy, and a million rows' lint.sarif is 350 MB held whole until handed over.
        try sideBySide(makers, width: 1) { name, data in try outbox.send([name: data]) }
    }

    private static func prefixed(_ files: [String: Data], under folder: String) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: files.map { ("\(folder)/\($0.key)", $0.value) })
    }

    private func add(_ files: [String: Data], under folder: String, to result: inout BuildResult) {
        for (path, data) in files { result.files[folder.isEmpty ? path : "\(folder)/\(path)"] = data }
    }

    static func drawingOrder<T>(_ views: [T]) -> [T] {
        guard let last = views.last else { return [] }
        return [last] + views.dropLast()
    }
}
