/// The `evidence:` map of a page: what it shows a community achieved, for the annual conference.
/// Decoded as written; ``EvidenceIndex`` checks it against `copse.yml` (principles, conferences).
package struct Evidence: Sendable, Equatable, Decodable {
    /// One or two sentences: what happened and what it shows. Required.
    package var summary: String?
    /// The hub principles it shows, each one of `copse.yml`'s `principles`.
    package var principles: [String]?
    /// The conference it is for (an `id` from `copse.yml`); by default the conference whose
    /// collection window holds the page's date.
    package var conference: String?
    /// Which part of the community's purpose it shows.
    package var purpose: String?
    /// The stage of value it shows (see ``ValueStage``).
    package var value: String?
    /// What it is: lesson, survey, photo, reflection, talk...
    package var kind: String?

    package init(summary: String? = nil, principles: [String]? = nil, conference: String? = nil,
                purpose: String? = nil, value: String? = nil, kind: String? = nil) {
        self.summary = summary
        self.principles = principles
        self.conference = conference
        self.purpose = purpose
        self.value = value
        self.kind = kind
    }

    package static let knownKeys = CodingKeys.allCases.map(\.rawValue)

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case summary, principles, conference, purpose, value, kind
    }

    /// Decodes only the keys present (see ``FrontMatter/init(from:)`` for why).
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        for key in container.allKeys {
            switch key {
            case .summary: summary = try container.decode(String?.self, forKey: key)
            case .principles: principles = try container.decode([String]?.self, forKey: key)
            case .conference: conference = try container.decode(String?.self, forKey: key)
            case .purpose: purpose = try container.decode(String?.self, forKey: key)
            case .value: value = try container.decode(String?.self, forKey: key)
            case .kind: kind = try container.decode(String?.self, forKey: key)
            }
        }
    }
}

/// The stages of value creation in communities of practice, from a conversation that helped
/// (immediate) to a change in how success is understood (reframing).
package enum ValueStage: String, Sendable, CaseIterable, Comparable {
    case immediate, potential, applied, realised, reframing

    package var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// What the stage means, in a sentence a reader new to the idea can follow: shown in the
    /// key on the evidence index (and in the printed pack) that each stage label links to.
    package var definition: String {
        switch self {
        case .immediate:
            "The meeting or activity was worth it in itself: members enjoyed it, felt less alone with a problem, or left with a useful tip."
        case .potential:
            "Members gained something they can use later: a skill, an idea, a resource, or a contact to ask."
        case .applied:
            "Members used what they gained in their own work: a lesson taught differently, a resource adapted for a class."
        case .realised:
            "The change made a difference that can be seen: in pupils' work, their results, or how a school runs."
        case .reframing:
            "It changed what the community or a school counts as success: new goals, new ways of judging progress."
        }
    }

    package static func < (lhs: ValueStage, rhs: ValueStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One checked piece of evidence, on a published page.
package struct EvidenceItem: Sendable, Equatable {
    /// The page carrying it.
    package var page: PageID
    package var community: String?
    /// A conference `id` from `copse.yml`.
    package var conference: String
    package var summary: String
    /// In the order of `copse.yml`'s `principles`.
    package var principles: [String]
    package var purpose: String?
    package var value: ValueStage?
    package var kind: String?
    package var date: Day?
}
