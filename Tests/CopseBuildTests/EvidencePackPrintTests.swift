import CopseBuild
import CopseTestSupport
import Foundation
import Testing

/// Prints the evidence pack of the evidence golden hub to PDF with headless Chromium and reads
/// the PDF back with pdftotext. Runs when both programs are installed; with
/// `COPSE_BROWSER_TESTS=1` (set by .ci/run) a missing program is a failure instead.
@Suite(.enabled(if: PrintTools.available || PrintTools.required, "needs chromium and pdftotext (poppler-utils)"))
struct EvidencePackPrintTests {
    @Test func eachCommunityStartsANewPrintedPageAfterTheCoverAndContents() throws {
        let chromium = try #require(PrintTools.chromium, "chromium is not installed")
        let pdftotext = try #require(PrintTools.find("pdftotext"), "pdftotext is not installed")
        let work = try EvidenceSiteTests.hub()
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("output")
        #expect(Pipeline.run(Fixtures.options(root: work, output: output), write: true).succeeded)
        let pdf = work.appendingPathComponent("pack.pdf")
        let pack = output.appendingPathComponent("evidence/2027/pack/index.html")
        try PrintTools.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                      "--user-data-dir=" + work.appendingPathComponent("profile").path,
                                      "--print-to-pdf=" + pdf.path, pack.absoluteString])
        // pdftotext lays text out with runs of spaces; make them single.
        let text = try PrintTools.run(pdftotext, ["-layout", pdf.path, "-"])
            .split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(separator: " ").joined(separator: " ") }
            .joined(separator: "\n")
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        let firstLines = pages.map { page in page.split(separator: "\n").first { !$0.isEmpty }.map(String.init) ?? "" }
        // Cover, contents, then one page (at least) per section, each opening with its heading.
        try #require(pages.count >= 5, "expected at least 5 pages, got \(pages.count)")
        #expect(firstLines[0].lowercased() == "evidence hub")
        #expect(pages[0].contains("Evidence pack") && pages[0].contains("Spring Gathering 2027"))
        #expect(!pages[0].contains("Contents"))
        #expect(firstLines[1] == "Contents")
        for section in ["1 Hub-wide", "2 Leeds Primary", "No evidence yet"] {
            #expect(firstLines.contains(section), "no printed page starts with '\(section)': \(firstLines)")
        }
        let leeds = try #require(firstLines.firstIndex(of: "2 Leeds Primary"))
        #expect(firstLines.firstIndex(of: "1 Hub-wide")! < leeds && leeds < firstLines.firstIndex(of: "No evidence yet")!)
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
