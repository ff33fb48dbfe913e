import CopseCore
import Foundation

/// What `copse evidence` does, as a library call the tests can make: read the hub, pick a
/// conference, and print its evidence (or only its gaps).
package struct EvidenceQuery: Sendable {
    /// A conference id; nil means the conference being collected for now.
    package var conference: String?
    package var format: EvidenceExport.Format
    /// List only the communities with no evidence, and fail when there are any.
    package var missingOnly: Bool

    package init(conference: String? = nil, format: EvidenceExport.Format = .table, missingOnly: Bool = false) {
        self.conference = conference
        self.format = format
        self.missingOnly = missingOnly
    }

    package struct Outcome: Sendable {
        /// For standard output.
        package var output: String
        /// Problems in the hub, or with the query; for standard error.
        package var diagnostics: [Diagnostic]
        /// 0 when all is well; 1 when the hub has errors, the conference is unknown, or (with
        /// `missingOnly`) some community has no evidence.
        package var exitCode: Int32
    }

    package func run(_ options: BuildOptions) -> Outcome {
        let checked = Pipeline.site(options)
        let diagnostics = checked.diagnostics
        guard let site = checked.value, !diagnostics.hasErrors else {
            return Outcome(output: "", diagnostics: diagnostics, exitCode: 1)
        }
        let evidence = HubEvidence(site: site)
        let chosen: ConferenceEvidence
        if let conference {
            guard let found = evidence.conference(conference) else {
                return Outcome(output: "", diagnostics: diagnostics + [.error(SourceLocation(path: Config.fileName),
                    "there is no conference '\(conference)' in copse.yml", hint: site.config.unknownConferenceHint(conference))], exitCode: 1)
            }
            chosen = found
        } else {
            guard let current = evidence.current else {
                return Outcome(output: "", diagnostics: diagnostics + [.error(SourceLocation(path: Config.fileName),
                    "copse.yml declares no conferences to collect evidence for",
                    hint: "add 'conferences:' to copse.yml, each with an id, a name and a date")], exitCode: 1)
            }
            chosen = current
        }
        if missingOnly {
            return Outcome(output: EvidenceExport.missing(chosen, site: site, format: format), diagnostics: diagnostics,
                           exitCode: chosen.missing.isEmpty ? 0 : 1)
        }
        let output = switch format {
        case .table: EvidenceExport.table(chosen, site: site)
        case .csv: EvidenceExport.csv(chosen, site: site)
        case .json: EvidenceExport.json(chosen, site: site)
        }
        return Outcome(output: output, diagnostics: diagnostics, exitCode: 0)
    }
}
