import Testing
@testable import CopseCore

@Suite struct HubHealthTests {
    @Test func eachCommunityShowsItsDocumentsMeetingsAndEvidence() throws {
        let (site, problems) = EvidenceTests().build([
            "communities/a/community.md": "---\ntitle: Alder\n---\n",
            "communities/a/charter.md": "# Charter\n",
            "communities/a/norms.md": "# Norms\n",
            "communities/a/purpose.md": "# Purpose\n",
            "communities/a/contacts.md": "# Contacts\n",
            // Six months before 2026-11-21 is 2026-05-21: that day is not "recent", the next is.
            "communities/a/meetings/2026-05-21-edge.md": "---\ntitle: Edge\n---\n",
            "communities/a/meetings/2026-05-22-inside.md": "---\ntitle: Inside\nevidence:\n  summary: Done.\n---\n",
            "communities/a/meetings/2026-11-21-today.md": "---\ntitle: Today\n---\n",
            "communities/a/meetings/2026-12-01-upcoming.md": "---\ntitle: Upcoming\n---\n",
            "communities/b/community.md": "---\ntitle: Birch\n---\n",
            "communities/b/meetings/2025-01-10-old.md": "---\ntitle: Old\n---\n",
        ])
        #expect(problems == [])
        let health = HubHealth.build(site, evidence: HubEvidence(site: site))
        #expect(health.count == 2)
        let alder = health[0], birch = health[1]
        #expect(site.communities[alder.community].id == "a")
        #expect(Set(alder.documents.keys) == [.charter, .norms, .purpose])
        #expect(alder.partsWritten == 2)
        #expect(alder.recentMeetings == 2)
        #expect(alder.lastMeeting.map { site.pages[$0].title } == "Today")
        #expect(alder.evidence == 1)
        #expect(alder.gaps(collectingEvidence: true) == 5)
        #expect(birch.documents.isEmpty)
        #expect(birch.recentMeetings == 0)
        #expect(birch.lastMeeting.map { site.pages[$0].title } == "Old")
        #expect(birch.evidence == 0)
        #expect(birch.gaps(collectingEvidence: true) == 10)
        #expect(birch.gaps(collectingEvidence: false) == 9)
    }

    @Test func monthsAreAddedOnTheCalendar() {
        #expect(Day(iso: "2026-11-21")!.adding(months: -6).iso == "2026-05-21")
        #expect(Day(iso: "2026-08-31")!.adding(months: -6).iso == "2026-02-28")
        #expect(Day(iso: "2028-08-31")!.adding(months: -6).iso == "2028-02-29")
        #expect(Day(iso: "2026-01-15")!.adding(months: -1).iso == "2025-12-15")
        #expect(Day(iso: "2026-03-31")!.adding(months: 11).iso == "2027-02-28")
        #expect(Day(iso: "0001-01-01")!.adding(months: -1).iso == "0000-12-01")
    }
}
