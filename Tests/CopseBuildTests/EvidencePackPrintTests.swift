import CopseBuild
import CopseTestSupport
import Foundation
import Testing

/// Prints the evidence pack of the evidence golden hub to PDF with headless Chromium and reads
/// the PDF back with pdftotext. Runs when both programs are installed; with
/// `COPSE_BROWSER_TESTS=1` (set by .ci/run) a missing program is a failure instead.
@Suite(.enabled(if: PrintTools.available || PrintTools.required, "needs chromium and pdftotext (poppler-utils)"))
struct EvidencePackPrintTests {
    @Test func theCoverStandsAloneThenTheContentsAndSummaryThenSectionsWithoutStrandedPages() throws {
        let chromium = try #require(PrintTools.chromium, "chromium is not installed")
        let pdftotext = try #require(PrintTools.find("pdftotext"), "pdftotext is not installed")
        let work = try EvidenceSiteTests.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("output")
        #expect(Pipeline.run(Fixtures.options(root: work, output: output), write: true).succeeded)
        let pack = output.appendingPathComponent("evidence/2027/pack/index.html")
        // Printed as a reader would (the browser's own header and footer on), and without them.
        for headerFooter in [false, true] {
            let pdf = work.appendingPathComponent("pack-\(headerFooter).pdf")
            try PrintTools.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu"] + (headerFooter ? [] : ["--no-pdf-header-footer"])
                               + ["--user-data-dir=" + work.appendingPathComponent("profile").path,
                                  "--print-to-pdf=" + pdf.path, pack.absoluteString])
            // pdftotext lays text out with runs of spaces; make them single.
            let text = try PrintTools.run(pdftotext, ["-layout", pdf.path, "-"])
                .split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: " ").joined(separator: " ") }
                .joined(separator: "\n")
            var pages = text.components(separatedBy: "\u{0C}")
            if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
            let lines = pages.map { page in page.split(separator: "\n").map(String.init).filter { !$0.isEmpty } }
            try #require(pages.count >= 2, "expected at least 2 pages, got \(pages.count)")
            // The cover: its own page, nothing of the browser's (no date, address or page number).
            #expect(lines[0].first?.trimmingCharacters(in: .whitespaces).lowercased() == "evidence hub", "\(lines[0])")
            #expect(pages[0].contains("Evidence pack") && pages[0].contains("Spring Gathering 2027"))
            #expect(!pages[0].contains("Contents") && !pages[0].contains("file:") && !pages[0].contains("1/\(pages.count)"))
            // Then a running head on every page, the contents (numbered sections and items), the summary.
            let trimmed = lines.map { $0.map { $0.trimmingCharacters(in: .whitespaces) } }
            for page in trimmed.dropFirst() { #expect(page.first == "Evidence pack", "\(page.prefix(2))") }
            #expect(trimmed[1].dropFirst().first == "Contents")
            for line in ["1 Hub-wide (1 item)", "2 Leeds Primary (2 items)", "2.1 Pair programming, term one", "2.2 Conference poster"] {
                #expect(trimmed[1].contains(line), "the contents have no line '\(line)'")
            }
            #expect(pages[1].contains("Summary: evidence by community and principle"))
            #expect(trimmed[1].contains { $0.hasPrefix("Leeds Primary 1 1 0 0 2 2") }, "\(lines[1])")
            #expect(pages[1].contains("Communities with no evidence yet"))
            // Sections follow on without forced page breaks: no page holds only a line or two.
            for (number, page) in lines.enumerated().dropFirst() where number < lines.count - 1 {
                #expect(page.count > 8, "page \(number + 1) holds only \(page)")
            }
            // The full content of each item is there, with its own headings and footnotes.
            #expect(text.contains("2.1 Pair programming, term one") && text.contains("2.2 Conference poster"))
            #expect(text.contains("Pupils swapped roles every ten minutes."))
            #expect(text.contains("A kitchen timer worked best."))
            // Page numbers from the print CSS on every page but the cover, and none of the site's navigation.
            for (number, page) in pages.enumerated().dropFirst() {
                #expect(page.split(separator: "\n").contains("\(number + 1)/\(pages.count)"), "page \(number + 1) has no page number")
            }
            #expect(!text.contains("Skip to main content"))
            for marker in EvidenceSiteTests.markers { #expect(!text.contains(marker)) }
        }
    }
}

enum PrintTools {
    static let required = ProcessInfo.processInfo.environment["COPSE_BROWSER_TESTS"] == "1"
    static var chromium: String? { find("chromium") ?? find("chromium-browser") ?? find("google-chrome") }
    static var available: Bool { chromium != nil && find("pdftotext") != nil }

    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a program and returns its standard output; a non-zero exit throws.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(program) exited with \(process.terminationStatus)"])
        }
        return String(decoding: data, as: UTF8.self)
    }
}
