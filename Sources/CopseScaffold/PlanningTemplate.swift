/// The founding documents `copse new community` writes: the charter and the seven parts of the
/// planning template (norms is both), each a draft holding questions for the leaders to answer.
struct PlanningTemplate {
    struct Part {
        /// The file name without `.md`.
        var file: String
        var title: String
        var summary: String
        /// Headings, each with the questions to answer under it.
        var prompts: [(heading: String, questions: [String])]
    }

    static let charter = Part(file: "charter", title: "Charter", summary: "What we agree on: why we meet, how we behave, who looks after the community.", prompts: [
        ("Why we meet", ["In two or three sentences: what brings us together, and what do we hope will change because we do?"]),
        ("What guides us", ["Which of the hub's principles matter most to us, and what does each look like in our meetings?"]),
        ("How we treat each other", ["What can every member expect from the others? What do we ask of newcomers and of old hands alike?"]),
        ("Who looks after the community", ["Who are the stewards (leaders, co-leaders), and how can members reach them?"]),
        ("Keeping it alive", ["When do we read this charter again together? Put the date of each revision in `updated:` above."]),
    ])

    static let parts: [Part] = [
        Part(file: "purpose", title: "Purpose", summary: "The area we share, the concern behind it, and how we will know we made a difference.", prompts: [
            ("Our shared area", ["What topic or practice do the members have in common?"]),
            ("The concern we share", ["What problem, question or hope makes this worth meeting about, for us and for our learners?"]),
            ("Why we come together", ["What can we do together that each of us could not do alone?"]),
            ("Evidence we will collect", ["By the next annual conference, what would show that we achieved our purpose: lessons taught, surveys, pupils' work, reflections?",
                                          "Who will gather it, and when?"]),
        ]),
        Part(file: "membership", title: "Membership", summary: "Who belongs, how people take part, and how new members find us.", prompts: [
            ("Who our members are", ["Which teachers, schools or roles is the community for? Who else would be welcome?"]),
            ("Ways to take part", ["What roles can members take (host, note-taker, presenter, critical friend)?",
                                   "Is it fine to come now and then, or just to read the notes? How do people move from the edge to the centre?"]),
            ("Size", ["How many members make a good meeting for us? What will we do if we grow beyond that?"]),
            ("Inviting people", ["How do newcomers hear about us, and who welcomes them at their first meeting?"]),
        ]),
        Part(file: "leadership", title: "Leadership", summary: "How the community is led, who does what, and who will lead next.", prompts: [
            ("How we are led", ["Is there one leader, a pair, a rota? Who decides what?"]),
            ("Roles and responsibilities", ["Who books rooms, sends reminders, writes up notes, keeps this site up to date?"]),
            ("Telling members", ["How do members learn who leads and how to reach them?"]),
            ("Sharing the load", ["Who could co-lead with us now, so the community carries on when a leader moves on?"]),
        ]),
        Part(file: "norms", title: "Norms", summary: "How we work together: voices, focus, disagreements, decisions, resources and endings.", prompts: [
            ("Every member a role and a voice", ["How do we make sure quieter members are heard and everyone can contribute?"]),
            ("Staying on purpose", ["How do we keep meetings focused on what we came for?"]),
            ("When we disagree", ["What do we do when there is conflict, and who can members talk to?"]),
            ("Making decisions", ["Do we decide by consensus, by vote, or do leaders decide after listening?"]),
            ("Shared resources", ["Where do we keep what we make, and how do we credit each other and reuse what other communities made?"]),
            ("Inviting others", ["Can members bring a colleague along? What should a guest know before coming?"]),
            ("Knowing when we are done", ["How will we know that the community has done its work, and how would we close it well?"]),
        ]),
        Part(file: "plan", title: "Collaborative plan", summary: "When and where we meet, what happens in meetings, and what we need.", prompts: [
            ("When and where", ["How often do we meet, on which day and at what time? In person, online, or both?"]),
            ("What happens in a meeting", ["What does a typical meeting look like, from arrival to the last action agreed?"]),
            ("What we need", ["Which rooms, equipment, software, accounts or funding do we need, and who arranges them?"]),
            ("This year's plan", ["List the meetings planned this year, with a topic for each."]),
        ]),
        Part(file: "results", title: "Results and celebrations", summary: "What we achieved, and how we marked it.", prompts: [
            ("What we achieved", ["What changed for members and for learners? Link to the meetings and resources that show it."]),
            ("How we celebrated", ["How did we mark what we achieved, and who did we thank?"]),
            ("What we would do differently", ["Looking back, what would we change next year?"]),
        ]),
        Part(file: "practice", title: "Connection to professional practice", summary: "What leading this community taught us, and how we reflect on it.", prompts: [
            ("What we learned as leaders", ["What did leading this community teach you about teaching, and about leading?"]),
            ("How we reflect", ["When and how do the leaders look back on the year: a journal, a conversation, a peer review?"]),
            ("Taking it further", ["What will you try next in your own classroom or school because of this community?"]),
        ]),
    ]

    /// The file of `part`: a draft, so it is never published before it is written.
    static func text(of part: Part) -> String {
        var lines = [
            "---",
            "title: \(Slug.yamlQuoted(part.title))",
            "summary: \(Slug.yamlQuoted(part.summary))",
            "draft: true # delete this line once the page is written: until then it is not published",
            "---",
            "",
            "<!-- Answer the questions under each heading in your own words, then replace them with",
            "     your answers. Keep, rename or add headings as suits your community. -->",
        ]
        for prompt in part.prompts {
            lines += ["", "## \(prompt.heading)", ""]
            lines += prompt.questions.map { "- \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
