"""Attribution constructions, one (text, expected) case each."""

from __future__ import annotations

import pytest

from app.nlp import extract
from app.nlp.types import Statement

# (text, [(content, speaker, type, cue)]) — speaker is the canonical name
CASES: list[tuple[str, list[tuple[str, str | None, str, str | None]]]] = [
    (
        "“We will not back down,” Smith said, “and we will win.”",
        [("We will not back down,” Smith said, “and we will win.", "Smith", "direct", "said")],
    ),
    (
        '"The plan is dead," said Senator John Smith.',
        [("The plan is dead", "John Smith", "direct", "said")],
    ),
    (
        "Maria Lopez said the deal was “a historic step” for the region.",
        [("the deal was “a historic step” for the region", "Maria Lopez", "mixed", "said")],
    ),
    (
        "Maria Lopez told reporters: «Nous allons gagner cette bataille.»",
        [("Nous allons gagner cette bataille.", "Maria Lopez", "direct", "told")],
    ),
    (
        "''This is a disaster for the party,'' Mr. Brown said.",
        [("This is a disaster for the party", "Brown", "direct", "said")],
    ),
    (
        "‘We have no choice,’ the minister said.",
        [("We have no choice", "minister", "direct", "said")],
    ),
    (
        "Anna Berg noted that prices had risen sharply.",
        [("prices had risen sharply", "Anna Berg", "indirect", "noted that")],
    ),
    (
        "Inflation will fall next year, the central bank said.",
        [("Inflation will fall next year", "central bank", "indirect", "said")],
    ),
    (
        "According to the Foreign Ministry, the talks will resume in May.",
        [("the talks will resume in May", "Foreign Ministry", "indirect", "According to")],
    ),
    (
        "The talks will resume in May, according to a senior official.",
        [("The talks will resume in May", "senior official", "indirect", "according to")],
    ),
    (
        "Peter Novak, for his part, said the border would stay open.",
        [("the border would stay open", "Peter Novak", "indirect", "said")],
    ),
    (
        "Chancellor Olaf Weber said taxes would rise, adding that spending would fall.",
        [
            ("taxes would rise", "Olaf Weber", "indirect", "said"),
            ("spending would fall", "Olaf Weber", "indirect", "adding that"),
        ],
    ),
    (
        "The union called for an immediate end to the strike.",
        [("an immediate end to the strike", "union", "indirect", "called for")],
    ),
    (
        "Karim Haddad expressed hope that the ceasefire would hold.",
        [("the ceasefire would hold", "Karim Haddad", "indirect", "expressed hope")],
    ),
    (
        "Laura Chen warned that the economy could slow.",
        [("the economy could slow", "Laura Chen", "indirect", "warned that")],
    ),
    (
        "Laura Chen rejected the proposal outright.",
        [("the proposal", "Laura Chen", "indirect", "rejected")],
    ),
    (
        "The opposition welcomed the decision to hold early elections.",
        [("the decision to hold early elections", "opposition", "indirect", "welcomed")],
    ),
    (
        "Tom Reyes denied any wrongdoing.",
        [("any wrongdoing", "Tom Reyes", "indirect", "denied")],
    ),
    (
        "The economy, Tom Reyes said, is growing faster than expected.",
        [
            (
                "The economy, Tom Reyes said, is growing faster than expected",
                "Tom Reyes",
                "indirect",
                "said",
            )
        ],
    ),
    (
        "Jeb Bush called Trump “unhinged.”",
        [("Trump “unhinged.”", "Jeb Bush", "mixed", "called")],
    ),
    (
        "Senator Ann Ross accused the governor of wasting public money.",
        [("the governor of wasting public money", "Ann Ross", "indirect", "accused")],
    ),
    (
        "Ann Ross called the plan “a disgrace” and said it would fail.",
        [
            ("the plan “a disgrace”", "Ann Ross", "mixed", "called"),
            ("it would fail", "Ann Ross", "indirect", "said"),
        ],
    ),
    (
        "“It was a long night,” the mayor, Joe Park, exclaimed.",
        [("It was a long night", "Joe Park", "direct", "exclaimed")],
    ),
    (
        "Trump’s attacks on the judge drew criticism.",
        [("the judge", "Trump", "indirect", "attacks on")],
    ),
    (
        "WASHINGTON (AP) — Senator Mark Hale said Tuesday his bill would pass.",
        [("his bill would pass", "Mark Hale", "indirect", "said")],
    ),
    (
        "Chancellor Anna Berg heralded the deal as a “breakthrough.”",
        [("the deal as a “breakthrough.”", "Anna Berg", "mixed", "heralded")],
    ),
    (
        '"Jeb wants to be a tough guy tonight," Trump shot back.',
        [("Jeb wants to be a tough guy tonight", "Trump", "direct", "shot")],
    ),
    (
        "Graham: Trump’s rhetoric is destroying the party.",
        [("Trump’s rhetoric is destroying the party", "Graham", "indirect", ":")],
    ),
    (
        "“We cannot wait another year,” Dana Kerr said, referring to the water treaty.",
        [
            ("We cannot wait another year", "Dana Kerr", "direct", "said"),
            ("the water treaty", "Dana Kerr", "indirect", "referring to"),
        ],
    ),
    (
        "Tom Vance said the budget would fail, referring to the spending bill passed in May.",
        [
            ("the budget would fail", "Tom Vance", "indirect", "said"),
            ("the spending bill passed in May", "Tom Vance", "indirect", "referring to"),
        ],
    ),
    (
        "Despite complaints that the plan is too costly, the council approved it.",
        [("the plan is too costly", None, "indirect", "complaints that")],
    ),
    (
        "Asked if she would run again, Lena Ortiz smiled.",
        [("if she would run again", None, "indirect", "Asked")],
    ),
    (
        "The agency is reportedly preparing to interview the former governor.",
        [
            (
                "The agency is reportedly preparing to interview the former governor",
                None,
                "indirect",
                "reportedly",
            )
        ],
    ),
]

# constructions added for beliefs, expectations, questions, polls, headlines and fragments
CASES += [
    (
        "A group backing Senator Ruth Kim spent heavily in the primary.",
        [("Senator Ruth Kim", "group", "indirect", "backing")],
    ),
    (
        "Asked whether the bridge would reopen, the engineer shrugged.",
        [("whether the bridge would reopen", None, "indirect", "Asked")],
    ),
    (
        "When asked about the new budget, the governor smiled.",
        [("the new budget", None, "indirect", "asked about")],
    ),
    (
        "The council is expected to approve the zoning plan next week.",
        [
            (
                "The council is expected to approve the zoning plan next week",
                None,
                "indirect",
                "is expected",
            )
        ],
    ),
    (
        "The envoy appeared to suggest that the talks had failed.",
        [("the talks had failed", "envoy", "indirect", "appeared to suggest that")],
    ),
    (
        "Many farmers seemed uneasy about the new tariffs.",
        [
            (
                "Many farmers seemed uneasy about the new tariffs",
                "Many farmers",
                "indirect",
                "seemed",
            )
        ],
    ),
    (
        # a thing's appearance has no holder
        "The old harbor seemed quieter than usual.",
        [("The old harbor seemed quieter than usual", None, "indirect", "seemed")],
    ),
    (
        "It appears that the ferry will not sail on Sunday.",
        [("that the ferry will not sail on Sunday", None, "indirect", "appears")],
    ),
    (
        "In a Gallup survey released Monday, most voters rated the economy as poor.",
        [
            (
                "most voters rated the economy as poor",
                "Gallup survey",
                "indirect",
                "In",
            )
        ],
    ),
    (
        "The mill has cut 300 jobs since May, according to Hartwell Mills’ annual filing.",
        [
            (
                "The mill has cut 300 jobs since May",
                "annual filing",
                "indirect",
                "according to",
            )
        ],
    ),
    (
        "Okafor on the harbor deal: the port will be busier than ever",
        [("the port will be busier than ever", "Okafor", "indirect", ":")],
    ),
    (
        # the tagger reads "plans" as a plural noun here
        "The Republican presidential candidate plans to be back in Ohio later Saturday.",
        [
            (
                "to be back in Ohio later Saturday",
                "Republican presidential candidate",
                "indirect",
                "plans",
            )
        ],
    ),
    (
        "Voters cheered the governor’s pledge that fares would not rise.",
        [("fares would not rise", "governor", "indirect", "pledge that")],
    ),
    (
        "Pia Moll continued, “We will rebuild every school.”",
        [("We will rebuild every school.", "Pia Moll", "direct", "continued")],
    ),
    (
        "As Ivo Klein wrote after the court had ruled:\n\n“The ruling changes little.”",
        [("The ruling changes little.", "Ivo Klein", "direct", "wrote")],
    ),
    (
        "After saying the vote was rigged, the candidate left the stage.",
        [("the vote was rigged", "candidate", "indirect", "saying")],
    ),
    (
        "Nora Tell began her campaign by talking about the closed steel mill.",
        [("the closed steel mill", "Nora Tell", "indirect", "talking about")],
    ),
    (
        "The mayor has long promoted her plan for “smarter streets” in the old town.",
        [
            (
                "her plan for “smarter streets” in the old town",
                "mayor",
                "mixed",
                "promoted",
            )
        ],
    ),
]

# parser slips around the cue verb
CASES += [
    # a clause before the cue, set off by a dash, is the narrator's when the cue has its own
    (
        "Maria Ortiz isn't worried about the losses — in fact, she said it “helps” her.",
        [
            ("the losses", "Maria Ortiz", "indirect", "isn't worried about"),
            ("it “helps” her", "Maria Ortiz", "mixed", "said"),
        ],
    ),
    # "'s said" is a perfect, not a passive
    (
        "Since Ben Cole entered the race last year, he's said the same thing at every stop.",
        [("the same thing at every stop", "Ben Cole", "indirect", "said")],
    ),
    # a second cue verb hung on the first one's complement
    (
        'Barack Obama spoke on Monday. He called it "shameful" and called on leaders "not to '
        'feed that dark impulse inside of us."',
        [
            ('it "shameful"', "Barack Obama", "mixed", "called"),
            (
                'leaders "not to feed that dark impulse inside of us."',
                "Barack Obama",
                "mixed",
                "called on",
            ),
        ],
    ),
    # a second source's cue inside the first content is a statement of its own
    (
        "Among likely voters, 74 percent said they are set on voting for the governor, while "
        "22 percent said they might change their mind.",
        [
            ("they are set on voting for the governor", "74 percent", "indirect", "said"),
            ("they might change their mind", "22 percent", "indirect", "said"),
        ],
    ),
    # one clause split into two complements of the cue
    (
        "Secretary of State Ann Webb said the Iranians released by the United States were in "
        "some cases close to completing their sentences, while the fugitives were beyond "
        "American reach.",
        [
            (
                "the Iranians released by the United States were in some cases close to "
                "completing their sentences",
                "Ann Webb",
                "indirect",
                "said",
            )
        ],
    ),
    # the name and its relative clause read as a clause before the verb
    (
        "Carla Diaz, meanwhile, who sits at zero endorsements, said the race is far from over.",
        [("the race is far from over", "Carla Diaz", "indirect", "said")],
    ),
    # the name after an inverted cue read as an adverb
    (
        "“Having the data and two people who understand it is valuable,” said Skelly, "
        "explaining he worked with them.",
        [
            (
                "Having the data and two people who understand it is valuable",
                "Skelly",
                "direct",
                "said",
            ),
            ("he worked with them", "Skelly", "indirect", "explaining"),
        ],
    ),
    # the name hung on the noun before it, an age in commas between
    (
        "As part of his plea, Mark Lane, 44, said that he hacked nearly 100 accounts.",
        [("he hacked nearly 100 accounts", "Mark Lane", "indirect", "said that")],
    ),
    # a second cue verb with a that-clause of its own is a second statement
    (
        "Corey Lewandowski conceded that he had touched Fields but implied that it was "
        "Fields's fault for grabbing at the candidate.",
        [
            ("he had touched Fields", "Corey Lewandowski", "indirect", "conceded that"),
            (
                "it was Fields's fault for grabbing at the candidate",
                "Corey Lewandowski",
                "indirect",
                "implied that",
            ),
        ],
    ),
    # a list of verbs the parser reads as an adverbial clause shares the subject
    (
        "Mayor Tim Brown has mocked a disabled newspaper reporter, referred to undocumented "
        'immigrants as "rapists" and recently praised a rival.',
        [
            ("a disabled newspaper reporter", "Tim Brown", "indirect", "mocked"),
            ('undocumented immigrants as "rapists"', "Tim Brown", "mixed", "referred"),
            ("a rival", "Tim Brown", "indirect", "praised"),
        ],
    ),
    # the words before ", he said" left unattached by the parser are the content
    (
        "Professor Dan Hill studies student loans. Those who do take on heavy debt struggle, "
        'even with a "good" job, he said.',
        [
            (
                'Those who do take on heavy debt struggle, even with a "good" job',
                "Dan Hill",
                "mixed",
                "said",
            )
        ],
    ),
    # what follows a colon at the end of the content spells it out
    (
        "Senator Ann Webb endorsed one of their methods for stopping the bill: freeing all "
        "delegates to vote their conscience.",
        [
            (
                "one of their methods for stopping the bill: freeing all delegates to vote "
                "their conscience",
                "Ann Webb",
                "indirect",
                "endorsed",
            )
        ],
    ),
    # a long aside between the speaker and an inverted cue; the content stops at the source
    (
        "“We’ve had better conventions than this one,” Texas delegate Bill Eastland, wearing "
        "a cowboy hat and “Ted Cruz” campaign pins, said matter-of-factly as confetti "
        "fluttered down.",
        [("We’ve had better conventions than this one", "Bill Eastland", "direct", "said")],
    ),
    # the speaker after an inverted cue read as its object
    (
        "“How big is that wall?” asked the boy, who was wearing a red hat, as the audience "
        "laughed.",
        [("How big is that wall?", "boy", "direct", "asked")],
    ),
    # a share of those polled after "with" holds the view its participle reports
    (
        "Voters still view Mrs. Clinton as vastly more prepared for the job - with 50 percent "
        "saying she is prepared.",
        [
            ("Mrs. Clinton as vastly more prepared for the job", "Voters", "indirect", "view"),
            ("she is prepared", "50 percent", "indirect", "saying"),
        ],
    ),
    # a time clause after an interrupting cue tells when, and holds a statement of its own
    (
        '"I never said that. I never said that," Trump said, after CNBC\'s Ann Cole said the '
        'candidate had referred to the governor as a "puppet."',
        [
            ("I never said that. I never said that", "Trump", "direct", "said"),
            (
                'the candidate had referred to the governor as a "puppet."',
                "Ann Cole",
                "mixed",
                "said",
            ),
        ],
    ),
    # an adverb with words of its own after the object is content; a bare date is not
    (
        "A new poll shows Ted Cruz 16 points ahead of Trump in Indiana.",
        [("Ted Cruz 16 points ahead of Trump in Indiana", "new poll", "indirect", "shows")],
    ),
    (
        "Senator Ann Webb said no to the Iraq war on Tuesday.",
        [("no to the Iraq war", "Ann Webb", "indirect", "said")],
    ),
    # "that" read as an adverb of the clause hung on the cue still opens the content
    (
        "Trump tweeted in the early morning hours that Machado was “disgusting” and “a con.”",
        [("Machado was “disgusting” and “a con.”", "Trump", "mixed", "tweeted")],
    ),
    # a second that-clause of the same cue is more of its content
    (
        'Senator Ann Webb also said the videos were "inconclusive" and that the footage '
        "released Friday did not show whether he had something in his hand.",
        [
            (
                'the videos were "inconclusive" and that the footage released Friday did not '
                "show whether he had something in his hand",
                "Ann Webb",
                "mixed",
                "said",
            )
        ],
    ),
    # a quotation right after an interrupting cue is what was said, not the opening words
    (
        "Pointing to the polls, Ann Webb said, “We are going to win this state.”",
        [("We are going to win this state.", "Ann Webb", "direct", "said")],
    ),
    # a clause the cue reports is no cue around the sentence
    (
        "Sen. Rob Portman (R-Ohio), another incumbent, said he hadn't thought about the race.",
        [("he hadn't thought about the race", "Rob Portman", "indirect", "said")],
    ),
]


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        # a dateline city is never the speaker; the name after the dash is
        (
            "OSLO, May 3 (NTB) – Minister Kari Lund in talks with her Danish counterpart has "
            "called the fishing deal fair.",
            "Kari Lund",
            "Minister Kari Lund",
        ),
        # a possessor before a name is an affiliation, not part of the name
        (
            "The Herald’s Tomas Berg reported that the port would close.",
            "Tomas Berg",
            "The Herald’s Tomas Berg",
        ),
        # a title inside the name entity is not part of the name; a family name that comes
        # first ("Wang" of "Wang Lijun") resolves to the full name
        (
            "Chinese State Councilor Wang Lijun met the envoy on Monday. "
            "The talks were useful, Wang said.",
            "Wang Lijun",
            "Wang",
        ),
        # a dateline before the speaker is neither the speaker nor part of the mention
        (
            "Philadelphia (AFP) – US President Barack Obama said Tuesday that the deal was good.",
            "Barack Obama",
            "US President Barack Obama",
        ),
        # a continuation cue hung on the first cue's clause continues the first cue's source
        (
            "Governor Ann Ross said the main goal is to cut costs, adding that the state is "
            "ready to borrow.",
            "Ann Ross",
            "Governor Ann Ross",
        ),
        (
            "Minister Omar Hale stressed that Kenya supports the plan, and noted the role of "
            "the navy.",
            "Omar Hale",
            "Minister Omar Hale",
        ),
    ],
)
def test_speaker_resolution(text: str, speaker: str, mention: str) -> None:
    st = extract(text).statements[-1]
    assert (st.speaker, st.speaker_mention) == (speaker, mention)


@pytest.mark.parametrize(
    ("text", "name", "title", "affiliation"),
    [
        ("Texas Senator Ted Cruz said the deal was bad.", "Ted Cruz", "Senator", "Texas"),
        ("Ohio voter Mary Smith said the deal was bad.", "Mary Smith", None, "Ohio"),
        ("Vincent van Gogh said the light was perfect.", "Vincent van Gogh", None, None),
    ],
)
def test_place_before_a_role_is_an_affiliation(
    text: str, name: str, title: str | None, affiliation: str | None
) -> None:
    (speaker,) = extract(text).speakers
    assert (speaker.name, speaker.title, speaker.affiliation) == (name, title, affiliation)


@pytest.mark.parametrize(
    "text",
    [
        # a lead "in the polls" is standing, not a poll's finding
        "The senator has a comfortable lead in the polls.",
        # appearing somewhere is no impression
        "The minister appeared on state television on Sunday.",
        # a live-blog kicker is not a speaker
        "The Latest: Storm closes schools across the county",
        # a tally after a name and a colon is no statement
        "Delegate count\nClinton: 2,316\nSanders: 1,546",
    ],
)
def test_not_a_statement(text: str) -> None:
    assert extract(text).statements == ()


def _content_matches(st: Statement, content: str) -> bool:
    return st.content.strip("“”\"'‘’.,") == content.strip("“”\"'‘’.,") or content in st.content


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_construction(text: str, expected: list[tuple[str, str | None, str, str | None]]) -> None:
    got = extract(text).statements
    assert len(got) == len(expected), [s.content for s in got]
    for st, (content, speaker, kind, cue) in zip(got, expected, strict=True):
        assert _content_matches(st, content), st.content
        assert st.speaker == speaker
        assert st.type == kind
        assert st.cue == cue
        assert text[slice(*st.content_span)] == st.content


def test_quote_only_paragraph_continues_speaker() -> None:
    text = (
        "Prime Minister Anna Holm said the reform would pass.\n"
        "“We have the votes and we will use them.”\n"
        "Critics disagree."
    )
    sts = extract(text).statements
    assert [s.type for s in sts] == ["indirect", "direct"]
    assert sts[1].speaker == "Anna Holm"
    assert sts[1].cue is None and sts[1].speaker_mention is None


def test_multi_paragraph_quote_is_one_statement() -> None:
    text = (
        "Dan Ortiz said:\n"
        "“The first part of the answer is simple.\n"
        "“The second part is harder, and it will take years.”"
    )
    sts = extract(text).statements
    assert len(sts) == 1
    assert sts[0].type == "direct"
    assert sts[0].content.startswith("The first part")
    assert sts[0].content.endswith("it will take years.")


def test_colon_introduced_quote_in_next_paragraph() -> None:
    text = "Senator Lee Park continued:\n\n“We will fight for every vote in this state.”"
    sts = extract(text).statements
    assert [(s.speaker, s.cue, s.type) for s in sts] == [("Lee Park", "continued", "direct")]


def test_dash_and_name_after_a_quote_sign_it() -> None:
    text = (
        "Readers wrote in.\n"
        "”The plan is a disgrace to the city.” ― Maria Lopez\n"
        "“Nobody asked us about the tolls.”― Oscar P. Quintero\n"
        "“I just hope it fails.” — Ana Ruiz, 34, of Houston"
    )
    sts = extract(text).statements
    assert [(s.content, s.speaker, s.cue, s.type) for s in sts] == [
        ("The plan is a disgrace to the city.", "Maria Lopez", "―", "direct"),
        ("Nobody asked us about the tolls.", "Oscar P. Quintero", "―", "direct"),
        ("I just hope it fails.", "Ana Ruiz", "—", "direct"),
    ]
    assert all(text[slice(*s.cue_span)] == s.cue for s in sts)


def test_dash_inside_a_line_signs_nothing() -> None:
    text = "“The vote is close,” said Mayor Ann Webb. — The count goes on tonight."
    assert [(s.speaker, s.cue) for s in extract(text).statements] == [("Ann Webb", "said")]


def test_according_to_stays_in_its_paragraph() -> None:
    text = (
        '"He better live," she said. "I swear he better live."\n\n'
        "Police have said the man was armed, according to attorneys for the family."
    )
    sts = extract(text).statements
    assert [(s.cue, s.content) for s in sts][-1] == (
        "according to",
        "Police have said the man was armed",
    )


def test_a_quote_only_paragraph_after_a_closed_quote_is_a_statement_of_its_own() -> None:
    text = (
        "“We are ready,” said Governor Ruth Kim.\n\n"
        "“The budget is balanced and the schools are funded.”"
    )
    assert [(s.content, s.speaker, s.cue) for s in extract(text).statements] == [
        ("We are ready", "Ruth Kim", "said"),
        ("The budget is balanced and the schools are funded.", "Ruth Kim", None),
    ]


def test_a_quotation_left_open_runs_on_into_the_next_paragraph() -> None:
    text = (
        "“We are ready,” said Governor Ruth Kim. “The budget is balanced.\n\n"
        "“And the schools are funded.”"
    )
    sts = extract(text).statements
    assert len(sts) == 1
    assert sts[0].content.endswith("the schools are funded.")


def test_split_quote_across_sentences() -> None:
    text = "“I am not shy,” Tom Hill said. “I have never been shy about my views.”"
    sts = extract(text).statements
    assert len(sts) == 1 and sts[0].type == "direct"
    assert sts[0].content.endswith("about my views.")


def test_split_quote_joined_by_a_conjunction() -> None:
    text = "“I like Larry,” Tom Hill said, but “his record on energy is a problem.”"
    (st,) = extract(text).statements
    assert (st.speaker, st.type) == ("Tom Hill", "direct")
    assert st.content.startswith("I like Larry") and st.content.endswith("is a problem.")


def test_pronoun_resolves_to_recent_speaker() -> None:
    text = "Governor Ruth Kim announced a new budget. Taxes will not rise, she said."
    sts = extract(text).statements
    assert sts[-1].speaker == "Ruth Kim"
    assert sts[-1].speaker_mention == "she"


def test_title_description_resolves_to_person() -> None:
    text = (
        "Ghanaian President John Mensah said the vote was fair. "
        "The Ghanaian president also said turnout was high."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == ["John Mensah", "John Mensah"]
    sp = ex.speakers[0]
    assert (sp.title, sp.affiliation, sp.kind) == ("President", "Ghana", "person")


def test_role_prefers_the_quoted_person_over_one_only_talked_about() -> None:
    text = (
        "President Anna Berg of Norway met the trade minister on Monday. "
        "President Berg said ties were strong and recalled the visit of Sweden's President "
        "Olof Lind to Oslo. "
        "The head of state expressed hope for new agreements."
    )
    assert extract(text).statements[-1].speaker == "Anna Berg"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The envoy emphasized on the need for calm in the region.",
            "the need for calm in the region",
        ),
        (
            "The envoy emphasized on Monday that the talks had been useful.",
            "the talks had been useful",
        ),
    ],
)
def test_on_before_a_cue_object(text: str, content: str) -> None:
    assert [s.content for s in extract(text).statements] == [content]


def test_capitalised_title_alone_resolves_to_the_person() -> None:
    text = (
        "Danish Prime Minister Lars Holm met the Swedish delegation on Friday. "
        "Danish PM for his part emphasized the importance of trade."
    )
    assert extract(text).statements[-1].speaker == "Lars Holm"


def test_role_met_before_the_name_resolves_forward() -> None:
    text = (
        "The chancellor said the budget would be balanced.\n"
        "Chancellor Petra Holm told reporters in Berlin that taxes would not rise."
    )
    assert [s.speaker for s in extract(text).statements] == ["Petra Holm", "Petra Holm"]


def test_indefinite_role_does_not_resolve_forward() -> None:
    text = (
        "A minister said the budget would be balanced.\n"
        "Minister Petra Holm told reporters that taxes would not rise."
    )
    assert extract(text).statements[0].speaker != "Petra Holm"


def test_title_with_of_phrase_before_the_name() -> None:
    text = "The speaker of Norway's parliament Kari Dahl said the session would open on Monday."
    sp = next(s for s in extract(text).speakers if s.name == "Kari Dahl")
    assert (sp.title, sp.affiliation) == ("Speaker", "Norway")


@pytest.mark.parametrize(
    "text",
    [
        "The storm made landfall on Tuesday and killed three people.",
        "Smith made the remarks during a visit to Paris.",
        "The company was apparently referring to its rival.",
        "Mustafayev was apparently referring to the conflict between Armenia and Azerbaijan.",
    ],
)
def test_narration_is_not_a_statement(text: str) -> None:
    assert extract(text).statements == ()


# (text, the contents of its statements, exact up to the quotation marks and the full stop
# at either end)
BOUNDARY_CASES: list[tuple[str, list[str]]] = [
    # "..., saying, “...”" hung deep in the reported clause continues the cue above it
    (
        "Even a senior party strategist said the mayor will have to choose whose side she’s "
        "on, saying, “At some point, she’s going to have to come out — I think the pressure’s "
        "going to build on her — on where she stands.”",
        [
            "the mayor will have to choose whose side she’s on",
            "At some point, she’s going to have to come out — I think the pressure’s going to "
            "build on her — on where she stands",
        ],
    ),
    # praise verbs beyond "praise": who is lauded, and for what
    (
        'Mayor Kim lauded the new chief for helping develop "fresh ideas" on policing.',
        ['the new chief for helping develop "fresh ideas" on policing'],
    ),
    # more -ing continuations are statements of their own, cut from the clause before
    (
        "The senator argued the law was unfair to farmers, alluding to the drought of 2012.",
        ["the law was unfair to farmers", "the drought of 2012"],
    ),
    (
        "Tom Ruiz said the vote was rigged, quoting a poll worker who saw ballots thrown away.",
        ["the vote was rigged", "a poll worker who saw ballots thrown away"],
    ),
    # a verb joined to the reported clause in the cue's tense continues the cue
    (
        "Mayor Ruth Kim said she admires the governor's ambition and highlighted their shared "
        "commitment to cheaper housing.",
        ["she admires the governor's ambition", "their shared commitment to cheaper housing"],
    ),
    # "began calling": an -ing form completing a verb that is no cue is no continuation
    (
        'Ann Lee said she began calling local groups and making an effort to "get help fast," '
        "a reference to the rescue teams sent to the valley.",
        ['she began calling local groups and making an effort to "get help fast'],
    ),
    # "A, X said, reiterating that B": B is the continuation's, A the cue's
    (
        "As close neighbours, Chile and Peru share deep historical ties, Ana Ruiz said, "
        "reiterating that Chile is ready to work with Peru.",
        ["Chile and Peru share deep historical ties", "Chile is ready to work with Peru"],
    ),
    # a subordinate cue reports its own clause, up to the comma that closes it
    (
        "While he acknowledged money was a major reason he felt tired serving under Smith, "
        "Ray Ham also noted several “intangibles” left him further disillusioned.",
        [
            "money was a major reason he felt tired serving under Smith",
            "several “intangibles” left him further disillusioned",
        ],
    ),
    # a learned cue keeps its statement when a listed cue's statement is nested in it
    (
        "Senator Ann Cole went on the radio to accuse the mayor’s office of being “misled” by "
        "“a fraud” and urge voters to read what she called the “real report.”",
        [
            "the mayor’s office of being “misled” by “a fraud” and urge voters to read",
            "what she called the “real report",
        ],
    ),
    # a quote after a cue replaces unquoted words the parser gave it from before the cue
    (
        "In a 2019 interview with the Boston Globe, Mayor Ann Cole insisted the plan was "
        "“dead” on arrival while adding on taxes, “I think we can do better.”",
        ["the plan was “dead” on arrival", "I think we can do better"],
    ),
    # a quote inside a phrase leading up to the cue is not what the cue says
    (
        'Reflecting on the mayor\'s "quiet courage," Rev. Ellen Ward said, "We owe her a lot."',
        ["We owe her a lot"],
    ),
    # a straight mark closes a curly quote when no curly closer follows
    (
        'The two senators argue that “the law is clear," citing a case from 2012.',
        ["the law is clear", "a case"],
    ),
    # a report in a relative clause that ends the sentence is a statement of its own
    (
        "Mayor Ann Cole praised the new budget, which she said would “protect every school.”",
        ["the new budget", "which she said would “protect every school"],
    ),
    # quotation marks the parser hangs on the verb do not end a naming verb's content
    (
        "Mayor Ruth Kim, who ran the city for a decade, called him ''the best chief we ever had.''",
        ["him ''the best chief we ever had."],
    ),
    (
        "Dana Holt, a labor economist at Yale, called it “a turning point for the union.”",
        ["it “a turning point for the union."],
    ),
    # the words after a mid-sentence cue clause still belong to the clause it interrupts
    (
        "The lenders have been blocking the deal, she said, by refusing to extend the loans.",
        ["The lenders have been blocking the deal, she said, by refusing to extend the loans"],
    ),
    # ... and so do the words before it
    (
        "By next spring, the planners say, the bridge will reopen to traffic.",
        ["By next spring, the planners say, the bridge will reopen to traffic"],
    ),
    # ... but a new clause joined by "and" is the narrator's
    (
        "The factory is closing, he said, and the town is worried.",
        ["The factory is closing"],
    ),
    # a naming verb in a relative clause: the whole clause, from the relative word on
    (
        "Voters cheered for Tom Lane, whom the mayor dubbed “the people's builder.”",
        ["whom the mayor dubbed “the people's builder."],
    ),
    (
        "The dispute over what critics have called a “slush fund” dragged on for months.",
        ["what critics have called a “slush fund"],
    ),
    # a leading time clause is not what was said, even when the parser takes it for one
    (
        "In remarks made soon after the company closed its plant, Grant said the town "
        "would be “hit hard.”",
        ["the town would be “hit hard."],
    ),
    # an opening mark typed where the closing one belongs still ends the quotation
    (
        "“We will appeal the ruling,“ said Maria Santos, a lawyer for the city.",
        ["We will appeal the ruling"],
    ),
    # a quote that finishes the reported sentence is part of its content
    (
        "Ms. Vance said she had received offers for the land, but “none of them were serious.”",
        ["she had received offers for the land, but “none of them were serious."],
    ),
    # a charge names who is charged and with what
    (
        "The senator mocked Dan Lee for “losing every debate.”",
        ["Dan Lee for “losing every debate."],
    ),
    # a condition the parser hangs on the cue verb belongs to what was promised
    (
        "He has threatened to pull funding for the project, unless the city hires more police.",
        ["to pull funding for the project, unless the city hires more police"],
    ),
    # speech verbs with a preposition that names the topic
    ("Senator Lena Park railed against the “rigged” trade deals.", ["the “rigged” trade deals"]),
    (
        "The coach boasted about a plan to spend “a fortune” on new players.",
        ["a plan to spend “a fortune” on new players"],
    ),
    # when the cue was used is not part of what was announced
    (
        "The governor announced her candidacy in June 2015.",
        ["her candidacy"],
    ),
]


# (text, the speaker mention as it stands in the text)
MENTION_CASES: list[tuple[str, str]] = [
    # a person's age and description belong to the mention
    (
        "Ana Ruiz, 34, a nurse in Tucson, said the clinic would close.",
        "Ana Ruiz, 34, a nurse in Tucson",
    ),
    # a relative clause after a comma says who the source is and belongs to the mention
    (
        "Paul Dorn, head of the carpenters' union, which has 900 members, said the vote was bad.",
        "Paul Dorn, head of the carpenters' union, which has 900 members",
    ),
    (
        "Mr. Hale, whose firm lost the bid, said the process was unfair.",
        "Mr. Hale, whose firm lost the bid",
    ),
    # ... unless the clause reports speech of its own
    (
        "A party official, who spoke on condition of anonymity, said the vote was bad.",
        "A party official",
    ),
    # a focus word before the source is not part of it
    ("Even some of her allies said the plan was weak.", "some of her allies"),
    # a pronoun keeps the phrase that says who is meant
    ("Some of the marchers said the rally would go on.", "Some of the marchers"),
    ("Someone in the crowd said the vote was rigged.", "Someone in the crowd"),
]


@pytest.mark.parametrize(("text", "mention"), MENTION_CASES)
def test_speaker_mention_span(text: str, mention: str) -> None:
    (st,) = extract(text).statements
    assert st.speaker_mention == mention
    assert st.speaker_span is not None and text[slice(*st.speaker_span)] == mention


@pytest.mark.parametrize(("text", "contents"), BOUNDARY_CASES)
def test_content_boundaries(text: str, contents: list[str]) -> None:
    marks = "“”\"'‘’.,"
    got = [s.content.strip(marks) for s in extract(text).statements]
    assert got == [c.strip(marks) for c in contents]


def test_cue_after_a_closing_mark_that_ends_the_sentence() -> None:
    # the parser starts a new sentence after the closing mark; the cue still follows the quote
    text = (
        "Governor Ann Reyes spoke after the mayor and called the plan “reckless.”\n"
        "“Why are you still defending it?” Reyes asked city officials. "
        "“What does this say about your budget?”\n"
        "Several officials disagreed."
    )
    sts = extract(text).statements
    assert [(s.cue, s.speaker, s.type) for s in sts] == [
        ("called", "Ann Reyes", "mixed"),
        ("asked", "Ann Reyes", "direct"),
    ]
    assert sts[0].content.endswith("“reckless.”") or sts[0].content.endswith("“reckless")
    assert sts[1].content.endswith("What does this say about your budget?")


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        # an -ing phrase after a comma is done by its clause's subject
        (
            "On Friday, Mayor Ana Ortiz went further, endorsing three council candidates "
            "“who share our values.”",
            "Ana Ortiz",
            "endorsing",
            "three council candidates “who share our values.”",
        ),
        # "by saying" on a coordinated verb: the first verb's subject
        (
            "Dr. Amy Lee appeared on the show on Monday and began by saying she would "
            "“never” comment on a patient.",
            "Amy Lee",
            "saying",
            "she would “never” comment on a patient",
        ),
        # "After saying A," before a passive clause: its subject said A
        (
            "After saying the vote was “rigged,” Tom Jones was escorted out of the hall.",
            "Tom Jones",
            "saying",
            "the vote was “rigged,”",
        ),
        # an active verb joined to a passive one shares its subject, not its agent
        (
            "Union officials were angered by the ruling and predicted it would be "
            "overturned on appeal.",
            "Union officials",
            "predicted",
            "it would be overturned on appeal",
        ),
        # "prompted X to ... and call Y": the object of the verb the infinitive completes
        (
            "That prompted Senator Ann Cole to make a joke about the weather and call the mayor "
            '"very flexible," a nod to his many shifts.',
            "Ann Cole",
            "call",
            'the mayor "very flexible,"',
        ),
        # "went on to explain": the one who went on
        (
            "Mayor Ann Cole went on to explain that the budget was balanced.",
            "Ann Cole",
            "explain that",
            "the budget was balanced",
        ),
        # a main verb the parser hung on its own subject as a participle
        (
            "Two economists, Ruth Gale and Omar Diaz, found in 2019 that the tax was “a failure.”",
            "Ruth Gale",
            "found",
            "the tax was “a failure.”",
        ),
    ],
)
def test_subject_of_a_misread_verb(text: str, speaker: str, cue: str, content: str) -> None:
    (st,) = extract(text).statements
    assert (st.cue, st.content) == (cue, content)
    assert st.speaker_mention is not None and speaker in st.speaker_mention


def test_mistyped_closing_mark_does_not_run_into_the_next_paragraph() -> None:
    text = (
        "(The agency counts another 300 ''family trusts.'.')\n\n"
        "''The count depends on staff,'' Ms. Ward said. "
        "''The more analysts you have, the better the numbers.''"
    )
    sts = extract(text).statements
    assert not any("\n" in s.content for s in sts)
    (ward,) = [s for s in sts if s.speaker == "Ward"]
    assert ward.type == "direct"
    assert ward.content.startswith("The count depends on staff")
    assert ward.content.endswith("the better the numbers.")


def test_quote_after_a_semicolon_continues_the_speaker() -> None:
    text = (
        "Prime Minister Ana Ruiz underlined the visit as a significant step for relations; "
        "“today, a good atmosphere dominates relations between the two capitals.”"
    )
    first, second = extract(text).statements
    assert first.cue == "underlined"
    assert second.content.startswith("today, a good atmosphere")
    assert (second.type, second.speaker) == ("direct", "Ana Ruiz")


def test_one_statement_for_words_two_cues_share() -> None:
    text = "Aides were insisting, and the mayor was saying, that the budget was balanced."
    sts = extract(text).statements
    assert [s.content for s in sts] == ["the budget was balanced"]


def test_a_name_renaming_a_counterpart_is_not_the_subject() -> None:
    text = (
        "Iranian Foreign Minister Ali Bakri, in a meeting with his Turkish counterpart, "
        "Mevlut Cavusoglu, said Iran is ready to expand ties."
    )
    assert [s.speaker for s in extract(text).statements] == ["Ali Bakri"]


def test_a_subject_read_as_renaming_a_counterpart_gives_way_to_the_phrase_owner() -> None:
    # the parser hangs the whole first noun phrase on the colon and makes the counterpart's
    # title the subject
    text = (
        "Iran Press/Asia: The speaker of Iran's parliament Ali Larijani, in a meeting with his "
        "Chinese counterpart, the speaker of the Chinese parliament, Lie Jaan Shu, has said "
        "Iran is ready to boost and expand relations with China across the board."
    )
    assert [s.speaker for s in extract(text).statements] == ["Ali Larijani"]


def test_an_aside_after_the_source_is_not_part_of_the_mention() -> None:
    text = "Cruz, with unconcealed delight, chided Trump for raising questions about his birth."
    assert [s.speaker_mention for s in extract(text).statements] == ["Cruz"]


def test_a_hyphenated_name_is_one_word() -> None:
    text = (
        "Foreign Minister Hossein Amir-Abdollahian said Tehran is ready to expand ties.\n"
        "Amir-Abdollahian added that the region needs no foreign forces."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == ["Hossein Amir-Abdollahian"] * 2
    assert [s.aliases for s in ex.speakers] == [
        ("Foreign Minister Hossein Amir-Abdollahian", "Amir-Abdollahian")
    ]


def test_a_counterpart_takes_the_title_and_the_nationality() -> None:
    text = (
        "Iran's FM: Tehran ready to expand ties with Baku\n"
        "Iranian Foreign Minister Hossein Amir-Abdollahian said on Monday that Tehran is ready "
        "to expand relations with Baku.\n"
        "He made the remarks in a phone conversation with his Azeri counterpart Jeyhun "
        "Bayramov.\n"
        "The Azerbaijani foreign minister underlined the need to complete the transit "
        "corridor.\n"
        "Iran's top diplomat further stressed that the security of the region must be provided "
        "by the regional countries themselves."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == [
        "Hossein Amir-Abdollahian",
        "Hossein Amir-Abdollahian",
        "Jeyhun Bayramov",
        "Hossein Amir-Abdollahian",
    ]
    bayramov = next(s for s in ex.speakers if s.name == "Jeyhun Bayramov")
    assert (bayramov.title, bayramov.affiliation) == ("Foreign Minister", "Azerbaijan")


def test_words_the_parse_puts_before_a_name_stay_out_of_it() -> None:
    text = "Republican vice-presidential nominee Gov. Mike Pence said the debate went well."
    assert [s.speaker for s in extract(text).statements] == ["Mike Pence"]


def test_a_plural_role_is_not_one_of_the_people_with_that_role() -> None:
    text = (
        "Senator Ann Lee of Ohio spoke first.\n"
        "Senators said the bill would pass.\n"
        "The two senators said they would meet again."
    )
    sts = extract(text).statements
    assert "Ann Lee" not in [s.speaker for s in sts]
    assert [s.kind for s in extract(text).speakers] == ["anonymous", "group"]


def test_a_family_name_in_the_headline_is_the_full_name_below() -> None:
    text = (
        "Xi meets Vietnamese leader, calls for closer communication\n"
        "BEIJING, Nov. 30 (Xinhua) -- Chinese President Xi Jinping met with Nguyen Phu Trong, "
        "general secretary of the Communist Party of Vietnam, in Beijing on Wednesday.\n"
        "Xi said the two sides should strengthen strategic communication.\n"
        "Trong said Vietnam regards its relations with China as a top priority."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == ["Xi Jinping"] * 2 + ["Nguyen Phu Trong"]
    trong = next(s for s in ex.speakers if s.name == "Nguyen Phu Trong")
    assert trong.title == "General Secretary"


def test_the_ministry_is_the_ministry_named_last() -> None:
    text = (
        "The talks were useful, the Russian Foreign Ministry said.\n"
        '"The ministers expressed serious concern," the ministry said in a statement.'
    )
    assert [s.speaker for s in extract(text).statements] == ["Russian Foreign Ministry"] * 2


def test_local_government_titles() -> None:
    text = "Councilman Mike Reed said the city should have cut costs first."
    assert [(s.name, s.title) for s in extract(text).speakers] == [("Mike Reed", "Councilman")]


def test_titles_with_nested_of_phrases_and_on_untagged_mentions() -> None:
    text = (
        "Baku, November 29, AZERTAC\n"
        "President of the Republic of Azerbaijan Ilham Aliyev has received a delegation led by "
        "Minister of Defense of Pakistan Khawaja Asif.\n"
        "The head of state hailed the high level of relations between Azerbaijan and Pakistan.\n"
        "Khawaja Asif conveyed the greetings of the Prime Minister of Pakistan.\n"
        "The minister said Pakistan attaches great importance to military cooperation.\n"
        "In his turn, the Azerbaijani leader asked the minister to convey his greetings.\n"
        '"Our relations are based on brotherhood," the Pakistani official emphasized.'
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == [
        "Ilham Aliyev",
        "Khawaja Asif",
        "Ilham Aliyev",
        "Khawaja Asif",
    ]
    records = {s.name: (s.title, s.affiliation) for s in ex.speakers}
    assert records == {
        "Ilham Aliyev": ("President", "Azerbaijan"),
        "Khawaja Asif": ("Minister of Defense", "Pakistan"),
    }


@pytest.mark.parametrize(
    ("text", "record"),
    [
        (
            "NATO Secretary-General Mark Rutte said allies were working to deliver more systems.",
            ("Mark Rutte", "Secretary-General"),
        ),
        (
            "Zelensky's chief of staff, Andriy Yermak, wrote that the attacks targeted civilians.",
            ("Andriy Yermak", "Chief of Staff"),
        ),
    ],
)
def test_titles_with_hyphens_and_of(text: str, record: tuple[str, str]) -> None:
    assert [(s.name, s.title) for s in extract(text).speakers] == [record]


def test_a_surname_with_particles() -> None:
    text = (
        "European Commission President Ursula von der Leyen said the bloc would respond.\n"
        "Von der Leyen told a news conference that a list of goods was ready."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == ["Ursula von der Leyen"] * 2


def test_abbreviated_titles_are_spelled_out_and_a_dateline_is_no_affiliation() -> None:
    text = (
        "WASHINGTON — Sen. Elizabeth Warren said the bill would pass.\n"
        "Senate Minority Leader Mitch McConnell said it would fail."
    )
    records = [(s.name, s.title, s.affiliation) for s in extract(text).speakers]
    assert records == [
        ("Elizabeth Warren", "Senator", None),
        ("Mitch McConnell", "Minority Leader", "Senate"),
    ]


def test_a_given_name_tells_the_gender_a_pronoun_needs() -> None:
    text = (
        "Sen. Elizabeth Warren said the bill was fair.\n"
        'Gov. Greg Abbott called the measure "a sham."\n'
        '"The governor knows better," she said.'
    )
    assert [s.speaker for s in extract(text).statements][-1] == "Elizabeth Warren"


def test_a_deputy_premier_is_the_deputy_prime_minister() -> None:
    text = (
        "Armenian Deputy Prime Minister Mher Grigoryan met Iranian officials in Tehran.\n"
        "The Armenian deputy premier said Yerevan considers Tehran a reliable partner."
    )
    assert [s.speaker for s in extract(text).statements] == ["Mher Grigoryan"]


def test_a_nationality_before_a_chain_of_titles() -> None:
    text = "Chinese State Councilor and Foreign Minister Wang Yi said China supports the talks."
    assert [(s.name, s.affiliation) for s in extract(text).speakers] == [("Wang Yi", "China")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the parser hangs "in an interview" on the reported clause
        ("She said in an interview she would run.", "she would run"),
        (
            "Lee said Tuesday during a visit to Ohio the plant would reopen.",
            "the plant would reopen",
        ),
        (
            "Officials said privately they doubted the plan would work.",
            "they doubted the plan would work",
        ),
        # "that" after an aside is the cue's
        (
            "He said, referring to the rebels, that they must lay down their arms.",
            "they must lay down their arms",
        ),
    ],
)
def test_where_and_how_it_was_said_is_not_what_was_said(text: str, content: str) -> None:
    assert [s.content for s in extract(text).statements if s.cue == "said"] == [content]


def test_a_role_before_the_name_and_an_indefinite_role() -> None:
    text = (
        "The Prime Minister, Keir Starmer, said on Monday that his government would fix the "
        "economy.\n"
        "The Conservative leader, Kemi Badenoch, said the speech was 'more of the same'.\n"
        "'Labour promised growth and delivered taxes,' she said.\n"
        "A Downing Street spokesman said the Prime Minister was focused on delivery."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == [
        "Keir Starmer",
        "Kemi Badenoch",
        "Kemi Badenoch",
        "Downing Street spokesman",
    ]
    records = {s.name: (s.kind, s.title) for s in ex.speakers}
    assert records["Keir Starmer"] == ("person", "Prime Minister")
    assert records["Kemi Badenoch"] == ("person", "Leader")


def test_a_minister_of_foreign_affairs_is_the_fm() -> None:
    text = (
        "BAKU, Nov. 28. Minister of Foreign Affairs of Azerbaijan Jeyhun Bayramov has met "
        "with the OSCE chairman, Trend reports.\n"
        "During the meeting, the Azerbaijani FM informed his counterpart about the situation "
        "in the region."
    )
    ex = extract(text)
    assert ex.statements[-1].speaker == "Jeyhun Bayramov"
    bayramov = next(s for s in ex.speakers if s.name == "Jeyhun Bayramov")
    assert (bayramov.title, bayramov.affiliation) == ("Minister of Foreign Affairs", "Azerbaijan")


def test_a_headline_is_a_sentence_of_its_own() -> None:
    text = (
        "Ukraine and EU agree on new aid package\n\n"
        "BRUSSELS, March 3 (Reuters) - European leaders agreed on Thursday to a package for "
        "Ukraine.\n\n"
        "«This is a good day for Europe», said Ursula von der Leyen, the president of the "
        "European Commission."
    )
    ex = extract(text)
    assert "BRUSSELS" not in [s.content for s in ex.statements]
    assert not any(s.content.startswith("Thursday") for s in ex.statements)
    leyen = next(s for s in ex.speakers if s.name == "Ursula von der Leyen")
    assert (leyen.kind, leyen.title, leyen.affiliation) == (
        "person",
        "President",
        "European Commission",
    )


def test_a_wrapped_line_stays_one_sentence() -> None:
    from app.nlp.parse import get_nlp

    doc = get_nlp()("The mayor said the plan would\nsave money.\nCouncil members disagreed.")
    assert [s.text.strip() for s in doc.sents] == [
        "The mayor said the plan would\nsave money.",
        "Council members disagreed.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A senior EU diplomat, who asked not to be named, said Budapest had been isolated.",
        "Two aides, who requested anonymity to speak freely, said Budapest had been isolated.",
    ],
)
def test_asking_for_anonymity_is_not_a_statement(text: str) -> None:
    assert [s.content for s in extract(text).statements] == ["Budapest had been isolated"]


def test_a_gendered_title_tells_the_pronoun() -> None:
    text = (
        "Councilman Dale Whitcomb said the complex would overwhelm the roads.\n"
        "Councilwoman Teresa Lopez also voted no. She called the deal “a giveaway.”"
    )
    assert [s.speaker for s in extract(text).statements] == ["Dale Whitcomb", "Teresa Lopez"]


def test_a_sentence_opening_pronoun_is_the_person_the_sentence_before_was_about() -> None:
    text = (
        'Dr. Samuel Ibe warned that the air was "hazardous."\n'
        "At a gas station, Wes Harlan, 62, was filling two cans. He said he planned to stay."
    )
    assert [s.speaker for s in extract(text).statements] == ["Samuel Ibe", "Wes Harlan"]


def test_roles_before_and_after_the_name() -> None:
    text = (
        "The East Calloway police chief on Monday defended the officer, saying he had followed "
        "policy.\n\n"
        "Police Chief Gregory Haldane told reporters that the officer fired three times.\n\n"
        "Naomi Ruiz-Patterson, a civil rights attorney, said the family wanted the video.\n\n"
        "The lawyer called for the officer to be fired.\n\n"
        "A detective was questioned. His lawyer said he would not answer questions."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == [
        "Gregory Haldane",
        "Gregory Haldane",
        "Gregory Haldane",
        "Naomi Ruiz-Patterson",
        "Naomi Ruiz-Patterson",
        "His lawyer",
    ]


def test_a_name_with_a_role_of_its_own_does_not_rename_the_source() -> None:
    text = (
        "A spokeswoman for the Republican, businessman Dale Brennan, said the remark had been "
        "twisted.\n"
        "Brennan went further. He said he would not raise taxes."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "spokeswoman for the Republican",
        "Dale Brennan",
    ]


def test_the_subject_after_a_dateline_is_the_head_of_its_phrase() -> None:
    text = "ERIE, Pa. — Democratic Senate candidate Miriam Ortega said on Saturday she would win."
    assert [s.speaker for s in extract(text).statements] == ["Miriam Ortega"]


def test_an_organization_name_runs_on_through_of() -> None:
    text = "The State Bureau of Investigation said it would review every shooting."
    ex = extract(text)
    assert [(s.speaker, s.speaker_mention) for s in ex.statements] == [
        ("State Bureau of Investigation", "The State Bureau of Investigation")
    ]


def test_unnamed_sources_and_the_members_of_them() -> None:
    text = (
        "The deal was nearly done, according to two people familiar with the matter, who asked "
        "not to be identified. One of the people said the vote could slip.\n\n"
        "A longtime City Hall lobbyist said turnout would decide the race. “Whoever gets their "
        "people out wins,” he said."
    )
    ex = extract(text)
    # how many spoke is the mention's detail, not the group's name
    assert [s.speaker for s in ex.statements] == [
        "people familiar with the matter",
        "people familiar with the matter",
        "longtime City Hall lobbyist",
        "longtime City Hall lobbyist",
    ]
    # "One" of "One of the people" is no name of the group
    assert {s.name: s.aliases for s in ex.speakers}["people familiar with the matter"] == (
        "two people familiar with the matter",
    )


def test_a_counted_group_keeps_its_description_and_the_two_sides_their_number() -> None:
    text = (
        "All 19 analysts polled by Reuters last week had expected the cut, and three EU "
        "diplomats said the summit would fail.\n\n"
        "The two sides said the talks were useful."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "analysts polled by Reuters",
        "EU diplomats",
        "two sides",
    ]


def test_a_document_is_named_for_the_body_behind_it() -> None:
    text = (
        "A Reuters/Ipsos poll found the two candidates tied.\n\n"
        "The same poll showed most voters wanted lower taxes.\n\n"
        "Leaders met officials of the European Commission on Monday.\n\n"
        "The Commission said the money would be released in March.\n\n"
        "An incident report said the officer fired three times. The report said nothing more."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == [
        "Reuters/Ipsos poll",
        "Reuters/Ipsos poll",
        "European Commission",
        "incident report",
        "incident report",
    ]
    kinds = {s.name: (s.kind, s.affiliation) for s in ex.speakers}
    assert kinds == {
        "Reuters/Ipsos poll": ("document", "Reuters/Ipsos"),
        "European Commission": ("organization", None),
        "incident report": ("document", None),
    }


def test_a_state_readout_with_the_head_of_state_and_a_title_chain() -> None:
    text = (
        "President Rauf Mammadzade has received a delegation from Kazakhstan.\n\n"
        "The head of state noted that relations were based on trust.\n\n"
        "Minister of Economy of Azerbaijan Elchin Rustamzade, who attended the meeting, told "
        "journalists that a roadmap would be signed. The minister said that trade had grown."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements][-3:] == [
        "Rauf Mammadzade",
        "Elchin Rustamzade",
        "Elchin Rustamzade",
    ]
    records = {s.name: (s.title, s.affiliation) for s in ex.speakers}
    assert records["Elchin Rustamzade"] == ("Minister of Economy", "Azerbaijan")
    assert records["Rauf Mammadzade"] == ("President", None)


def test_a_title_takes_its_body_only_from_the_words_right_before_it() -> None:
    text = (
        "The envoy conveyed the greetings of President Nurlan Sadykov to President Rauf "
        "Mammadzade, who said that ties were strong."
    )
    records = {s.name: (s.title, s.affiliation) for s in extract(text).speakers}
    assert records["Rauf Mammadzade"] == ("President", None)


def test_titles_of_us_bodies() -> None:
    text = (
        "Rep. Lorena Baptiste of California, the committee’s ranking member, agreed that the "
        "agency had fallen short.\n\n"
        "“The numbers did not come back,” said Mark Esterhaus, Lakeland’s president and chief "
        "executive.\n\n"
        "In a statement, the Brannock County District Attorney’s Office said it was prepared.\n\n"
        "The ranking member later told reporters that Democrats would not support the bill.\n\n"
        "The chief executive added that employees would get first consideration."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == [
        "Lorena Baptiste",
        "Mark Esterhaus",
        "Brannock County District Attorney’s Office",
        "Lorena Baptiste",
        "Mark Esterhaus",
    ]


def test_two_word_nationalities_and_no_false_ones() -> None:
    text = (
        "North Korean leader Kim Jong Un said the test succeeded.\n"
        "South Carolina Gov. Nikki Haley said the flag would come down."
    )
    records = [(s.name, s.affiliation) for s in extract(text).speakers]
    assert records == [("Kim Jong Un", "North Korea"), ("Nikki Haley", "South Carolina")]


def test_an_envoy_introduced_before_the_name_and_a_state_medias_chief_executive() -> None:
    text = (
        "TEHRAN – Iranian President Ali-Akbar Sadeghpour received the credentials of "
        "Indonesia's new ambassador to Tehran, Budi Santoso Wirawan, on Sunday.\n\n"
        "The Iranian chief executive said trade did not match the two countries' capacities.\n\n"
        "“We are ready,” the envoy said.\n\n"
        "The ambassador noted that ties had grown.\n\n"
        "Okafor-Hale, the mayor, was not there. Okafor-Hale said the city would pay."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == [
        "Ali-Akbar Sadeghpour",
        "Budi Santoso Wirawan",
        "Budi Santoso Wirawan",
        "Okafor-Hale",
    ]
    wirawan = next(s for s in ex.speakers if s.name == "Budi Santoso Wirawan")
    assert (wirawan.title, wirawan.affiliation) == ("Ambassador", "Indonesia")


def test_the_guest_a_party_description_and_a_spokesman_named_after_the_boss() -> None:
    text = (
        "President Rauf Mammadzade has received a delegation led by Deputy Prime Minister "
        "Serik Tokbayev.\n\n"
        "The head of state noted that relations were based on trust.\n\n"
        "The guest said that Kazakhstan valued the partnership.\n\n"
        "Assembly Speaker Dana Kuehl was more cautious. In a brief statement, the Waukesha "
        "Republican said her caucus would review the veto.\n\n"
        "A spokesman for Harwick, Devin Okoro, said the governor would be open to a deal."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == [
        "Rauf Mammadzade",
        "Serik Tokbayev",
        "Dana Kuehl",
        "Devin Okoro",
    ]
    assert {s.name: s.title for s in ex.speakers}["Devin Okoro"] == "Spokesman"


def test_a_subject_of_unknown_gender_gives_way_to_a_woman_named_beside_it() -> None:
    text = (
        "“We are not where we need to be,” Karen Whitlock said.\n\n"
        "Rep. Calvin Osterhout pressed Whitlock on whether the agency would meet its goal. "
        "She said it would, “if the budget request is funded in full.”"
    )
    assert [s.speaker for s in extract(text).statements][-1] == "Karen Whitlock"


def test_an_unnamed_source_keeps_where_it_stands_and_is_found_again_by_its_role() -> None:
    text = (
        "A science teacher at the high school said the ban came too late.\n\n"
        "“We lost a year,” the teacher said.\n\n"
        "An arbitration panel in 2001 said the tariff was illegal."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "science teacher at the high school",
        "science teacher at the high school",
        "arbitration panel",
    ]


def test_according_to_before_a_clause_of_its_own() -> None:
    text = (
        "Chile’s economy grew 2.6% last year, according to official data, and the central "
        "bank forecasts growth of between 2% and 3% this year."
    )
    sts = [s for s in extract(text).statements if s.cue == "according to"]
    assert [(s.content, s.speaker) for s in sts] == [
        ("Chile’s economy grew 2.6% last year", "official data")
    ]


def test_a_comparison_with_what_someone_acknowledged_is_no_statement() -> None:
    text = (
        "Banco Cordillera said in a note to clients that core inflation was cooling faster "
        "than policymakers acknowledged."
    )
    assert [s.cue for s in extract(text).statements] == ["said"]


def test_most_of_the_group_that_just_spoke() -> None:
    text = (
        "All 19 analysts polled by Reuters had forecast a quarter-point cut, and most said the "
        "bank would cut again in May."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == ["analysts polled by Reuters"] * 2
    # "most" is no name of the group
    assert [s.aliases for s in ex.speakers] == [("All 19 analysts",)]


def test_an_alias_is_the_mention_up_to_its_first_aside() -> None:
    text = (
        "President Rauf Mammadzade has received a delegation from Kazakhstan.\n\n"
        "The head of state noted that relations were based on trust.\n\n"
        "Later the head of state said that trade would grow."
    )
    records = {s.name: s.aliases for s in extract(text).speakers}
    assert records["Rauf Mammadzade"] == ("The head of state",)


def test_the_department_is_the_department_of_a_thing_named_before() -> None:
    text = (
        "The bridge will close in March, the Department of Transportation said on Monday.\n\n"
        "The department said a detour would add 12 minutes to a typical trip."
    )
    assert [s.speaker for s in extract(text).statements] == ["Department of Transportation"] * 2


def test_her_attorney_is_the_one_introduced_as_her_attorney() -> None:
    text = (
        "Assistant District Attorney Sofia Marchand said the deputies followed the rules.\n\n"
        "Merritt’s attorney, Daniel Feeney, said the ruling was wrong.\n\n"
        "“She has never denied being on that road that night,” her attorney said."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == ["Sofia Marchand"] + ["Daniel Feeney"] * 2
    marchand = next(s for s in ex.speakers if s.name == "Sofia Marchand")
    assert (marchand.title, marchand.affiliation) == ("Assistant District Attorney", None)


def test_a_name_the_parser_reads_as_an_adverb_is_the_speaker() -> None:
    text = (
        "The sheriff spoke on Monday.\n\n"
        '"We have a duty to every person in our custody, and in this case we did not meet it," '
        "Tolliver told reporters at a news conference. "
        '"I\'m not going to make excuses."'
    )
    [st] = extract(text).statements
    assert (st.speaker, st.cue, st.type) == ("Tolliver", "told", "direct")
    assert st.content.startswith("We have a duty") and st.content.endswith("excuses.")


def test_a_name_tagged_as_an_adverb_at_the_start_of_a_sentence_is_the_speaker() -> None:
    text = (
        "Sheriff Raymond Tolliver spoke on Monday.\n\n"
        "Tolliver said the jail would install an electronic system that records each cell "
        "check, and that he had asked the county commission for money to hire more officers."
    )
    [st] = extract(text).statements
    assert (st.speaker, st.cue) == ("Raymond Tolliver", "said")
    assert st.content.startswith("the jail would") and st.content.endswith("more officers")


def test_an_ing_form_completing_a_cue_verb_stays_in_the_content() -> None:
    text = "Carrow said she would consider calling lawmakers back if the bill did not pass."
    [st] = extract(text).statements
    assert (st.speaker, st.cue) == ("Carrow", "said")
    assert st.content == "she would consider calling lawmakers back if the bill did not pass"


def test_the_democrat_from_a_town_is_the_politician_just_named() -> None:
    text = (
        "“People in my district sat in the dark for six days,” state Sen. Marcus Dahlberg said.\n\n"
        "The Democrat from Ann Arbor said the utilities had spent more on lobbying."
    )
    assert [s.speaker for s in extract(text).statements] == ["Marcus Dahlberg"] * 2


def test_said_a_but_that_b_is_one_statement_and_the_verb_in_b_reports_nothing() -> None:
    text = (
        "An aide to the governor said Carrow’s office had offered to cap the credits at $500 "
        "per customer a year, but that Reinholt’s staff had not responded."
    )
    [st] = extract(text).statements
    assert (st.speaker_mention, st.cue) == ("An aide to the governor", "said")
    assert st.content.startswith("Carrow’s office") and st.content.endswith("not responded")


def test_a_statement_is_its_issuer_speaking() -> None:
    text = (
        "The talks were useful, according to a statement from the Turkish Foreign Ministry.\n\n"
        "Keystone Correctional Health, the jail's medical contractor, said in a statement that "
        "its staff followed protocols.\n\n"
        '"We are cooperating fully," the statement said.\n\n'
        "Keystone said it would review the case."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Turkish Foreign Ministry",
        *["Keystone Correctional Health"] * 3,
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The top diplomat noted that trade between the two countries grew by nearly 20 "
            "percent last year and placed emphasis on the need to diversify it beyond energy.",
            [
                (
                    "noted that",
                    "trade between the two countries grew by nearly 20 percent last year",
                ),
                ("placed emphasis on", "the need to diversify it beyond energy"),
            ],
        ),
        (
            "The report found that regulators could bar utilities from passing those costs on "
            "to customers, although it noted that the commission had not done so before.",
            [
                (
                    "found that",
                    "regulators could bar utilities from passing those costs on to customers",
                ),
                ("noted that", "the commission had not done so before"),
            ],
        ),
        (
            "Lopez said internal polling showed her gaining among suburban women, though he "
            "declined to release the numbers.",
            [
                (
                    "said",
                    "internal polling showed her gaining among suburban women, though he "
                    "declined to release the numbers",
                )
            ],
        ),
    ],
)
def test_a_second_statement_inside_the_first_ones_clause(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(s.cue, s.content) for s in extract(text).statements] == expected


def test_the_visiting_official_and_the_parliament_speaker_are_the_guest() -> None:
    text = (
        "TEHRAN (IRNA) – President Hossein Nikravesh received the Speaker of the National "
        "Assembly of Armenia, Hovik Zakaryan, in Tehran on Tuesday.\n\n"
        "Iran regards the security of its neighbours as its own security, the president said.\n\n"
        "The visiting official, for his part, said Yerevan regards Tehran as a reliable partner."
        "\n\nThe Armenian parliament speaker stressed that the routes must respect sovereignty."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == ["Hossein Nikravesh"] + ["Hovik Zakaryan"] * 2
    guest = next(s for s in ex.speakers if s.name == "Hovik Zakaryan")
    assert (guest.title, guest.affiliation) == ("Speaker", "Armenia")


def test_a_spokesperson_named_by_a_title_or_for_whom_they_speak() -> None:
    text = (
        "District spokesman Eli Navarro said Wednesday that the district would offer a Friday "
        "program.\n\n"
        "A spokesperson for Senate Minority Leader Gwen Halvorsen (D-Minn.) said she was "
        "reviewing the ruling."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Eli Navarro",
        "spokesperson for Senate Minority Leader Gwen Halvorsen",
    ]


def test_a_document_is_named_for_the_body_that_issued_it() -> None:
    text = (
        "A report released last week by the nonpartisan Senate Fiscal Agency said costs would "
        "rise.\n\n"
        "The report also found that rates would climb.\n\n"
        "It was the second death, according to records kept by the state Department of "
        "Corrections."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == [
        "Senate Fiscal Agency report",
        "Senate Fiscal Agency report",
        "state Department of Corrections records",
    ]
    report = next(s for s in ex.speakers if s.name == "Senate Fiscal Agency report")
    assert (report.kind, report.affiliation) == ("document", "Senate Fiscal Agency")


def test_a_short_name_is_the_body_named_in_full_before() -> None:
    text = (
        "Keystone Correctional Health has provided medical care at the jail since 2021.\n\n"
        "In a statement, Keystone said it was cooperating fully with investigators."
    )
    [st] = extract(text).statements
    assert (st.speaker, st.speaker_mention) == ("Keystone Correctional Health", "Keystone")


def test_the_side_of_a_country_is_its_one_official_in_the_talks() -> None:
    text = (
        "ANKARA – Turkish Foreign Minister Selim Karaagac met Kazakh Foreign Minister Yerlan "
        "Abdikarimov on Monday.\n\n"
        "Karaagac said the talks were useful.\n\n"
        "The Kazakh side proposed holding a business forum in Almaty.\n\n"
        "The Iranian side said it would join the forum."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Selim Karaagac",
        "Yerlan Abdikarimov",
        "Iranian side",
    ]


def test_a_description_of_the_name_before_it_is_not_the_subject() -> None:
    text = (
        "A report published last year by the Ozark Education Research Collaborative, a group "
        "affiliated with a regional university, found that students scored lower in math."
    )
    [st] = extract(text).statements
    assert st.speaker == "Ozark Education Research Collaborative report"


def test_a_gendered_title_tells_more_than_a_given_name() -> None:
    text = (
        "His mother, Denise Whitfield, said he had bought the gun legally.\n\n"
        "City Councilwoman Patrice Oduya said she would ask for a review. "
        '"The people I represent have lost trust," she said.'
    )
    assert [s.speaker for s in extract(text).statements][-1] == "Patrice Oduya"


def test_a_relative_clause_after_a_name_gives_no_role() -> None:
    text = (
        "Monique Vance, a lawyer for the family, said the account left out too much.\n\n"
        "Darlene Fisk, whose son spent four months in the jail, said she was not surprised.\n\n"
        '"My son used to call me," she said.'
    )
    assert [s.speaker for s in extract(text).statements][-1] == "Darlene Fisk"


def test_a_body_named_through_for() -> None:
    text = "Citizens for Tax Justice said the plan would cost $2 trillion."
    assert [s.speaker for s in extract(text).statements] == ["Citizens for Tax Justice"]


def test_names_of_people_and_bodies_around_titles_and_ampersands() -> None:
    text = (
        "Kyrgyz government spokeswoman Aizada Bekova said the guards had acted in self-defense."
        " She said the talks would go on.\n\n"
        "Crews from Lakeview Power & Light worked through the night.\n\n"
        "Lakeview said it would review the outage.\n\n"
        "A Lakeshore Research Group poll found Voss at 46%."
    )
    ex = extract(text)
    assert [(s.speaker, s.content) for s in ex.statements] == [
        ("Aizada Bekova", "the guards had acted in self-defense"),
        ("Aizada Bekova", "the talks would go on"),
        ("Lakeview Power & Light", "it would review the outage"),
        ("Lakeshore Research Group poll", "Voss at 46%"),
    ]


def test_the_visiting_minister_and_what_he_goes_on_saying() -> None:
    text = (
        "TASHKENT (Xinhua) -- Uzbek President Sardor Nematov met with visiting Chinese Foreign "
        "Minister Tang Weiming in Tashkent on Tuesday.\n\n"
        "Nematov said relations were at a high level.\n\n"
        "The visiting minister expressed hope that the two sides would strengthen coordination, "
        "saying that a stable Central Asia serves the common interests of all."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Sardor Nematov",
        "Tang Weiming",
        "Tang Weiming",
    ]


def test_the_object_of_prompting_does_what_the_infinitive_says() -> None:
    text = (
        "A firefight between Kyrgyz and Tajik border guards killed three people on Tuesday, "
        "prompting a senior U.N. official to urge both governments to return to talks."
    )
    [st] = extract(text).statements
    assert (st.speaker_mention, st.cue, st.content) == (
        "a senior U.N. official",
        "urge",
        "both governments to return to talks",
    )


def test_a_verb_sharing_the_clauses_had_stays_in_the_content() -> None:
    text = (
        "Ingrid Solheim said she had spoken by phone with both foreign ministers and asked them "
        "to convene their border commissions within days.\n\n"
        "The president noted that trade had reached $740 million last year, and called for the "
        "swift completion of the corridor."
    )
    assert [(s.cue, s.content) for s in extract(text).statements] == [
        (
            "said",
            "she had spoken by phone with both foreign ministers and asked them to convene their "
            "border commissions within days",
        ),
        ("noted that", "trade had reached $740 million last year"),
        ("called for", "the swift completion of the corridor"),
    ]


def test_the_company_is_the_business_named_last() -> None:
    text = (
        "The City Council voted to delay the franchise with Lakeview Power & Light after the "
        "storm.\n\n"
        "The company said crews had restored power to 98% of customers.\n\n"
        "The developer, Denver-based Larkspur Residential, said the fee was fair. The company "
        "said construction could begin next spring."
    )
    assert [s.speaker for s in extract(text).statements][1:] == [
        "Lakeview Power & Light",
        "Larkspur Residential",
        "Larkspur Residential",
    ]


def test_according_to_after_a_reported_clause_is_the_source_of_it() -> None:
    text = (
        "Corvane has told state officials it could shift the project to Ohio if Michigan "
        "reduces the incentives, according to two people familiar with the matter."
    )
    [st] = extract(text).statements
    assert (st.speaker, st.cue) == ("people familiar with the matter", "according to")
    assert st.content.startswith("Corvane has told") and st.content.endswith("incentives")


def test_a_readout_is_a_document_of_the_ministry_that_released_it() -> None:
    text = (
        "The two ministers agreed to meet again, according to a readout released by the Kazakh "
        "Foreign Ministry."
    )
    [st] = extract(text).statements
    assert st.speaker == "Kazakh Foreign Ministry readout"


def test_a_readout_with_a_prime_minister_and_a_deputy_prime_minister() -> None:
    text = (
        "Baku, March 4, AZERTAC\n\n"
        "President of the Republic of Azerbaijan Elshad Karimli has received a delegation led by "
        "Prime Minister of Georgia Zurab Lomtadze.\n\n"
        "Zurab Lomtadze expressed gratitude for the warm hospitality.\n\n"
        "The guest noted that trade turnover had exceeded $1 billion.\n\n"
        "Deputy Prime Minister of Azerbaijan Rovshan Aliguliyev told journalists that the next "
        "session would be held in Ganja. The deputy prime minister said that a working group "
        "would be launched."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements][-3:] == [
        "Zurab Lomtadze",
        "Rovshan Aliguliyev",
        "Rovshan Aliguliyev",
    ]
    deputy = next(s for s in ex.speakers if s.name == "Rovshan Aliguliyev")
    assert (deputy.title, deputy.affiliation) == ("Deputy Prime Minister", "Azerbaijan")


def test_an_agency_head_tagged_as_a_body_is_a_person() -> None:
    text = "FEMA Administrator Curtis Lyndall said the damage did not meet the threshold."
    ex = extract(text)
    assert [(s.name, s.title, s.affiliation) for s in ex.speakers] == [
        ("Curtis Lyndall", "Administrator", "FEMA")
    ]


def test_in_his_words_attributes_the_clause() -> None:
    text = (
        "Mongolian Foreign Minister Ganbold Tserendorj said Mongolia wanted Russian fuel.\n\n"
        "In his words, Ulaanbaatar is counting on an early start of construction."
    )
    st = extract(text).statements[-1]
    assert (st.speaker, st.cue) == ("Ganbold Tserendorj", "In his words")
    assert st.content == "Ulaanbaatar is counting on an early start of construction"


def test_a_pronoun_after_an_opening_quote_is_the_person_the_sentence_before_was_about() -> None:
    text = (
        '"That paper is not the policy of this administration," Marisa Kettleman replied.\n\n'
        'Sen. Ellen Marchbanks was unconvinced. "You spent six years telling legislatures '
        'that public schools were a failed monopoly," she said.'
    )
    assert [s.speaker for s in extract(text).statements] == ["Marisa Kettleman", "Ellen Marchbanks"]


def test_a_body_is_named_without_its_epithet_and_speaks_through_its_statement() -> None:
    text = (
        "The nonpartisan Congressional Budget Office said the bill would cost $40 billion.\n\n"
        "Ruiz-Carver's campaign released a statement saying the attack was false. The campaign "
        "said it would spend $1.5 million on ads."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Congressional Budget Office",
        "Ruiz-Carver campaign",
        "Ruiz-Carver campaign",
    ]


def test_a_judge_in_the_lede_and_the_ruling_are_the_judge_named_next() -> None:
    text = (
        "Ohio judge rules on trench death\n\n"
        "COLUMBUS, Ohio (AP) — An Ohio judge said Monday that the homicide charge would stand."
        "\n\n"
        "Franklin County Common Pleas Judge Maureen Whitcomb said the evidence was enough for "
        "a jury. The ruling said the company had ignored warnings."
    )
    assert [s.speaker for s in extract(text).statements] == ["Maureen Whitcomb"] * 3


def test_a_person_named_by_age_is_the_one_given_that_age_or_the_passage_subject() -> None:
    text = (
        "Gloria Benavides, 71, a retired bookkeeper, told the council she skips prescriptions. "
        "Police Chief Samuel Reyburn said the review would take a month.\n\n"
        "The 71-year-old said the rates were unfair. “It is a week of groceries,” the retired "
        "bookkeeper said.\n\n"
        "Reyburn said the officer was on leave. The 52-year-old, who became chief in 2021, "
        "said he had ordered a review."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Gloria Benavides",
        "Samuel Reyburn",
        "Gloria Benavides",
        "Gloria Benavides",
        "Samuel Reyburn",
        "Samuel Reyburn",
    ]


def test_a_rank_before_a_name_in_apposition_is_a_title() -> None:
    text = (
        "The chief’s spokeswoman, Sgt. Dana Kowalczyk, said the department was cooperating. "
        "She added that the officer had completed the course."
    )
    assert [s.speaker for s in extract(text).statements] == ["Dana Kowalczyk"] * 2


def test_a_ministry_is_one_speaker_however_its_country_is_put() -> None:
    text = (
        "Georgia’s Foreign Ministry condemned the installation of new fences. The Georgian "
        "Foreign Ministry said the works violated the ceasefire.\n\n"
        "According to the Kazakh Foreign Ministry's press service, the ministers agreed to "
        "meet again."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Georgian Foreign Ministry",
        "Georgian Foreign Ministry",
        "Kazakh Foreign Ministry",
    ]


def test_a_portfolio_title_keeps_its_country_for_a_later_role_mention() -> None:
    text = (
        "TEHRAN – Iran’s Minister of Roads and Urban Development Hossein Zarrinkamar and "
        "Russian Transport Minister Pavel Gromykin held a press conference.\n\n"
        "“This corridor is a project of the whole region,” the Iranian minister said."
    )
    ex = extract(text)
    assert [s.speaker for s in ex.statements] == ["Hossein Zarrinkamar"]
    minister = next(s for s in ex.speakers if s.name == "Hossein Zarrinkamar")
    assert (minister.title, minister.affiliation) == (
        "Minister of Roads and Urban Development",
        "Iran",
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A fiscal note prepared by the nonpartisan Legislative Services Agency estimated "
            "that the law would cost $310,000 a year.",
            "Legislative Services Agency fiscal note",
        ),
        (
            "The cruiser was traveling 58 mph, according to a preliminary report released "
            "Thursday by the State Highway Patrol.",
            "State Highway Patrol preliminary report",
        ),
        (
            "The plant was cited twice, according to records of the state Department of "
            "Environmental Quality.",
            "state Department of Environmental Quality records",
        ),
        (
            "A rate study prepared for the city by the consulting firm Brightwater Analytics "
            "concluded that the increase was the smallest possible.",
            "Brightwater Analytics rate study",
        ),
        (
            "A traffic study prepared for the department by the engineering firm Halvorsen & "
            "Tate estimated that the detour would add 20 minutes.",
            "Halvorsen & Tate traffic study",
        ),
    ],
)
def test_a_document_is_named_for_its_issuer_and_its_kind(text: str, speaker: str) -> None:
    assert [s.speaker for s in extract(text).statements] == [speaker]


def test_a_party_word_and_an_office_held_find_the_person_later() -> None:
    text = (
        "LAS VEGAS — Republican Wes Calloway told supporters that his opponent had built "
        "nothing. Democrat Ana Trejo-Banks said the plan would drain the valleys.\n\n"
        "The Republican denied that he had ever lobbied for the pipeline.\n\n"
        '"We got lucky," said Rep. Colleen Marsh, R-Ohio, who chairs the House subcommittee '
        "on cybersecurity. Near the end of the hearing, the chairwoman said she would "
        "introduce legislation."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Wes Calloway",
        "Ana Trejo-Banks",
        "Wes Calloway",
        "Colleen Marsh",
        "Colleen Marsh",
    ]


def test_as_someone_put_it_attributes_the_sentence() -> None:
    text = 'Small utilities, as Petrakis put it, are "the soft underbelly of the grid."'
    (st,) = extract(text).statements
    assert (st.speaker, st.cue) == ("Petrakis", "put it")
    assert st.content.startswith("Small utilities") and "underbelly" in st.content


def test_a_verb_in_a_list_inside_the_content_is_not_a_second_cue() -> None:
    text = (
        "Superintendent Miriam Castellanos told the board that the district could no longer "
        "afford to heat, staff and maintain buildings that were, in some cases, less than "
        "half full."
    )
    (st,) = extract(text).statements
    assert st.content.startswith("the district could") and st.content.endswith("half full")


def test_an_as_clause_of_a_refusal_verb_attributes_nothing() -> None:
    text = (
        "The report projected that enrollment would keep falling through at least 2030 as "
        "birth rates decline and young families are priced out of the county."
    )
    (st,) = extract(text).statements
    assert (st.speaker, st.cue) == ("report", "projected that")
    assert st.content.endswith("priced out of the county")


def test_a_lodge_number_is_part_of_the_name_and_the_lodge_is_the_body() -> None:
    text = (
        "The Brookmere Fraternal Order of Police Lodge 12 said in a statement that the "
        "officer was devastated. The lodge urged residents not to rush to judgment."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Brookmere Fraternal Order of Police Lodge 12"
    ] * 2


def test_an_unnamed_source_just_quoted_is_the_role_mention_after_it() -> None:
    text = (
        "Sen. Dean Holloway, the bill's sponsor, said farmers were losing days at harvest.\n\n"
        "A Republican senator who voted against the bill said Senate leaders had allowed a "
        "free vote. The governor's staff, the senator said, had made no effort to sway the "
        "caucus."
    )
    speakers = [s.speaker for s in extract(text).statements]
    assert speakers[0] == "Dean Holloway"
    assert speakers[-2:] == ["Republican senator"] * 2


def test_a_dateline_without_a_state_still_opens_a_lede() -> None:
    text = (
        "DENVER — A federal judge ruled Monday that the FBI violated a 1980 law.\n\n"
        "In a 41-page opinion, U.S. District Judge Alma Pettigrew wrote that the government "
        "had overreached."
    )
    assert [s.speaker for s in extract(text).statements] == ["Alma Pettigrew"] * 2


def test_the_agency_is_the_government_department_named_before() -> None:
    text = (
        "The state Department of Natural Resources said it would add the lake to its advisory. "
        '"Protecting public health is our first priority," the agency said in a statement.'
    )
    assert [s.speaker for s in extract(text).statements] == [
        "state Department of Natural Resources"
    ] * 2


def test_two_parliament_chairmen_told_apart_by_the_body_each_was_introduced_with() -> None:
    text = (
        "Baku, May 21, AZERTAC. Chairman of the Milli Majlis of the Republic of Azerbaijan "
        "Ilgar Tahirli has met with a delegation led by Chairman of the Mazhilis of the "
        "Parliament of the Republic of Kazakhstan Nurlan Bekmukhambetov.\n\n"
        "Welcoming the guests, Speaker Ilgar Tahirli noted that relations are developing "
        "successfully.\n\n"
        "The Milli Majlis Chairman underlined the role of mutual visits.\n\n"
        "The guest said that Kazakhstan values the partnership.\n\n"
        "Speaking about transit, the Speaker said cargo volumes had grown."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Ilgar Tahirli",
        "Ilgar Tahirli",
        "Nurlan Bekmukhambetov",
        "Ilgar Tahirli",
    ]


def test_a_rank_of_two_words_and_a_country_s_own_name_for_itself() -> None:
    text = (
        "Türkiye's National Defence Ministry said two Greek jets had harassed a patrol aircraft. "
        "Ministry spokesman Rear Admiral Oğuz Yalçınkaya said the jets had locked radar on it."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Turkish National Defence Ministry",
        "Oğuz Yalçınkaya",
    ]


def test_a_dateline_opening_the_content_is_the_narrator_s() -> None:
    text = (
        "WASHINGTON ― The new tariffs will hurt farmers in every state, top Senate "
        "Democrats said Tuesday."
    )
    [s] = extract(text).statements
    assert s.content == "The new tariffs will hurt farmers in every state"


def test_each_line_of_a_transcript_is_said_by_its_label() -> None:
    text = (
        "On Sunday's broadcast, Senator Dana Whitcomb said the budget deal would hold.\n\n"
        "Partial transcript as follows:\n\n"
        '"HARGROVE: Senator, will the deal survive the week?\n\n'
        '"WHITCOMB: It will. We have the votes, and the leaders know it.\n\n'
        '"HARGROVE: And if it does not?\n\n'
        '"WHITCOMB: Then we come back on Monday and start again."\n\n'
        "UPDATE: This story has been updated with the full transcript."
    )
    lines = [(s.speaker, s.content) for s in extract(text).statements if s.cue == ":"]
    assert lines == [
        ("Hargrove", "Senator, will the deal survive the week"),
        ("Dana Whitcomb", "It will. We have the votes, and the leaders know it"),
        ("Hargrove", "And if it does not"),
        # the closing mark makes the last line a quote, which keeps its period
        ("Dana Whitcomb", "Then we come back on Monday and start again."),
    ]


def test_a_capitalised_kicker_is_no_transcript() -> None:
    text = (
        "FIX IS IN: Moderators ignored the scandal all night.\n\n"
        "CLARIFICATION: An earlier version misstated the date.\n\n"
        "Senator Dana Whitcomb said the debate was fair."
    )
    assert [s.cue for s in extract(text).statements] == ["said"]


def test_a_name_closing_a_long_title_chain_is_a_person() -> None:
    text = (
        "TASHKENT, UzA. Minister of Foreign Affairs of the Republic of Uzbekistan Sardor "
        "Umarkulov held talks with Minister of Foreign Affairs of the Islamic Republic of "
        "Pakistan Farhan Iqbal Siddiqui, who arrived in Tashkent on a two-day official visit.\n\n"
        '"Today we want to turn those routes into railways," Umarkulov said.\n\n'
        "The guest expressed hope that an agreement would be signed before the end of the year.\n\n"
        "First Deputy Minister of Transport of the Republic of Uzbekistan Komil Rashidov, who "
        "also took part in the talks, told reporters that engineers would meet next month."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Sardor Umarkulov",
        "Farhan Iqbal Siddiqui",
        "Komil Rashidov",
    ]


def test_a_portfolio_and_a_body_stay_out_of_the_name_after_them() -> None:
    text = (
        "Tehran, IRNA – Iran’s Minister of Roads and Urban Development Hossein-Ali Kamranpour "
        "says the two countries can triple transit cargo.\n\n"
        "Kamranpour made the remarks on Sunday in a meeting with Deputy Chairman of the Cabinet "
        "of Ministers of Turkmenistan for Transport and Communications Batyrmyrat Orazgeldiyev.\n\n"
        "Managing Director of the Islamic Republic of Iran Railways (RAI) Jalal Mohebbi-Nasab "
        "told reporters that 600 new wagons had been assigned to the route."
    )
    statements = extract(text).statements
    assert [(s.speaker, s.cue) for s in statements] == [
        ("Hossein-Ali Kamranpour", "says"),
        ("Jalal Mohebbi-Nasab", "told"),
    ]
    speakers = {s.name: s for s in extract(text).speakers}
    assert speakers["Jalal Mohebbi-Nasab"].title == "Managing Director"


def test_a_state_president_is_the_head_of_state_of_his_country() -> None:
    text = (
        "Hanoi (VNA) – State President Tran Duc Thinh held phone talks with President of the "
        "Republic of the Philippines Emilio Dizon on June 12.\n\n"
        "The Vietnamese head of state affirmed that Vietnam attaches importance to the "
        "friendship.\n\n"
        "The Philippine leader said Manila regards Vietnam as an important partner."
    )
    assert [s.speaker for s in extract(text).statements] == ["Tran Duc Thinh", "Emilio Dizon"]


def test_a_body_s_chairman_by_the_body_s_name() -> None:
    text = (
        "ASTANA. KAZINFORM – Chairman of the Senate of the Parliament of the Republic of "
        "Kazakhstan Marat Zhanbyrbayev met on Wednesday with Ambassador of the Republic of "
        "Korea to Kazakhstan Park Ji-yeon.\n\n"
        "The Senate Chairman said the senators would consider the law next week.\n\n"
        "The ambassador said Seoul regarded Kazakhstan as a key partner."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Marat Zhanbyrbayev",
        "Park Ji-yeon",
    ]


def test_a_memo_seen_by_a_news_agency_is_not_the_agency_s() -> None:
    text = (
        "ACCRA (Reuters) - An internal memo seen by Reuters showed that some economists had "
        "pressed for a cut."
    )
    [s] = extract(text).statements
    assert s.speaker == "internal memo"


def test_an_acronym_is_the_body_it_spells_out() -> None:
    text = (
        "GENEVA (Reuters) - Chad and the rebel Movement for Justice and Renewal (MJR) agreed to "
        "extend a truce. The National Union of Platinum and Allied Workers (NUPAW) struck.\n\n"
        "In a statement, the MJR said it remained committed to a political solution. NUPAW "
        "said talks had failed."
    )
    speakers = extract(text).speakers
    assert [(s.name, s.aliases[:1]) for s in speakers if s.kind == "organization"] == [
        ("Movement for Justice and Renewal", ("MJR",)),
        ("National Union of Platinum and Allied Workers", ("NUPAW",)),
    ]


def test_the_company_is_not_the_union_named_last() -> None:
    text = (
        "About 6,000 workers at Marikwa Platinum downed tools on May 6. The National Union of "
        "Platinum and Allied Workers (NUPAW) said it had given notice.\n\n"
        "The company said it had paid funeral costs for the three men."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "National Union of Platinum and Allied Workers",
        "Marikwa Platinum",
    ]


def test_a_that_clause_read_as_the_occasion_s_relative_is_what_was_said() -> None:
    text = (
        "Grace Mumba Lungu, who chairs the commission, said in a televised briefing that every "
        "result sheet had been signed by party agents, including those of the Forum for "
        "Democratic Renewal, before it was transmitted to Lusaka."
    )
    [s] = extract(text).statements
    assert (s.speaker, s.cue) == ("Grace Mumba Lungu", "said")
    assert s.content.startswith("every result sheet had been signed")


def test_one_of_them_and_then_the_diplomat_are_of_the_group_that_spoke() -> None:
    text = (
        "Three Western diplomats in Lusaka, speaking on condition of anonymity, said their "
        "governments had urged an audit. One of them said the advisers had rejected the idea.\n\n"
        "“Everybody in this town wants this settled by judges,” the diplomat said."
    )
    assert [s.speaker for s in extract(text).statements] == ["Western diplomats in Lusaka"] * 3


def test_remarks_on_a_day_are_no_statement() -> None:
    text = "Kamranpour made the remarks on Sunday in a meeting with his counterpart."
    assert extract(text).statements == ()


def test_a_long_aside_between_the_name_and_the_verb() -> None:
    text = (
        "Outside the gates, Mpho, a 34-year-old rock drill operator who gave only his first "
        "name, said he had not been paid since the strike began."
    )
    [s] = extract(text).statements
    assert (s.speaker, s.content) == ("Mpho", "he had not been paid since the strike began")


def test_an_as_clause_between_a_subject_and_its_verb() -> None:
    text = "The shortage of wagons, as Mohebbi-Nasab put it, “is no longer an excuse for anyone.”"
    [s] = extract(text).statements
    assert (s.speaker, s.type) == ("Mohebbi-Nasab", "mixed")
    assert s.content.startswith("The shortage of wagons")


def test_a_release_that_carried_the_words_is_not_their_speaker() -> None:
    text = (
        "“Food security is a matter of trust between neighbours,” the president said, "
        "according to a press release from his office."
    )
    [s] = extract(text).statements
    assert (s.speaker, s.cue) == ("president", "said")


def test_a_role_no_one_was_introduced_with_is_the_person_speaking() -> None:
    text = (
        "Chisanga Mwape, 63, told supporters that the results had been altered.\n\n"
        "“We did not lose this election,” the opposition leader said."
    )
    assert [s.speaker for s in extract(text).statements] == ["Chisanga Mwape"] * 2


def test_an_unnamed_source_keeps_a_hyphenated_body_and_an_of_phrase() -> None:
    text = (
        "A spokeswoman for Tri-County Electric said power was restored. A member of the "
        "university's finance staff said the reports were late."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "spokeswoman for Tri-County Electric",
        "member of the university's finance staff",
    ]


def test_a_title_the_tagger_took_for_a_body_is_its_holder() -> None:
    text = (
        "Deputy Fire Marshal Glenn Harrow said the fire started in the kitchen. Chief Financial "
        "Officer Dana Ruiz said margins would widen. The CFO said costs fell."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Glenn Harrow",
        "Dana Ruiz",
        "Dana Ruiz",
    ]


def test_the_university_and_the_union_are_the_ones_the_article_named() -> None:
    text = (
        "Workers at Eastmark State University joined the Eastmark Staff Employees Union in May. "
        "The university announced cuts. The union called on the board to resign."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Eastmark State University",
        "Eastmark Staff Employees Union",
    ]


def test_two_presidents_of_a_readout_told_apart() -> None:
    text = (
        "Zhuravsky, Kornilov discuss gas prices by phone\n\n"
        "MINSK, 4 March (BelTA) – President of the Republic of Belarus Anatoly Zhuravsky held a "
        "telephone conversation with President of the Russian Federation Pavel Kornilov on "
        "Tuesday.\n\n"
        "The head of state noted that trade had reached a record.\n\n"
        '"No sanctions can break our economies," the President of Belarus said.\n\n'
        "The Russian President expressed confidence that the talks would continue."
    )
    assert [s.speaker for s in extract(text).statements][-3:] == [
        "Anatoly Zhuravsky",
        "Anatoly Zhuravsky",
        "Pavel Kornilov",
    ]


def test_the_first_title_of_a_chain_is_the_person_s_own() -> None:
    text = (
        "Press Secretary of the President of the Republic of Belarus Olga Ryzhkova told "
        "reporters that a visit was planned. Later the press secretary said the date was set."
    )
    assert [s.speaker for s in extract(text).statements] == ["Olga Ryzhkova"] * 2
    [ryzhkova] = extract(text).speakers
    assert (ryzhkova.title, ryzhkova.affiliation) == ("Press Secretary", "Belarus")


def test_an_office_before_a_rank_is_a_role_of_the_officer() -> None:
    text = (
        "Deputy Minister of Defence of the Republic of Kazakhstan Lieutenant General Serik "
        "Dauletov told reporters that the fire was contained. Akim of Zhambyl region Berik "
        "Sarsenbayev said families would be housed.\n\n"
        "A commission headed by Deputy Prime Minister Askar Temirkhanov was set up.\n\n"
        "The deputy minister said the depot was guarded. The 54-year-old general insisted "
        "that the inspection had been postponed."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Serik Dauletov",
        "Berik Sarsenbayev",
        "Serik Dauletov",
        "Serik Dauletov",
    ]


def test_a_body_s_name_the_tagger_took_for_a_person_is_no_one() -> None:
    text = (
        "Speaker of Milli Majlis receives Kyrgyz delegation\n\n"
        "BAKU, Azerbaijan, October 22. Speaker of the Milli Majlis of the Republic of "
        "Azerbaijan Gunel Aliyarova has received a delegation.\n\n"
        "Welcoming the guests, the Speaker noted that relations had reached a strategic level.\n\n"
        "Chairman of the Committee on International Relations and Inter-Parliamentary Relations "
        "of the Milli Majlis Samir Huseynli said that trade would double."
    )
    assert [s.speaker for s in extract(text).statements] == ["Gunel Aliyarova", "Samir Huseynli"]


def test_a_ministry_named_both_ways_is_one_body() -> None:
    text = (
        "The Ministry of Defence of the Republic of Kazakhstan said the fire was contained. "
        "The Defence Ministry urged residents to stay away."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Ministry of Defence of the Republic of Kazakhstan"
    ] * 2


def test_a_counterpart_s_introduction_does_not_reach_back_into_the_sentence() -> None:
    text = (
        "MOSCOW, October 14. /TASS/. Relations are strong, Russian Foreign Minister Vadim "
        "Orekhov said after talks with his Mongolian counterpart Ganbold Tserendorj.\n\n"
        "“We have agreed to instruct our governments,” the Russian minister said."
    )
    assert [s.speaker for s in extract(text).statements] == ["Vadim Orekhov"] * 2


def test_the_regulator_is_the_authority_named_before() -> None:
    text = (
        "The Competition and Markets Authority said the combined company would dominate.\n\n"
        "The regulator also said it had received 1,400 submissions."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Competition and Markets Authority"
    ] * 2


def test_quoted_as_saying() -> None:
    text = (
        '"Belarus is our closest ally," President Pavel Kornilov was quoted as saying by the '
        "press service."
    )
    [s] = extract(text).statements
    assert (s.speaker, s.content) == ("Pavel Kornilov", "Belarus is our closest ally")


def test_a_past_verb_after_a_modal_clause_goes_on_with_the_cue() -> None:
    text = (
        "Samir Huseynli said that the friendship groups should meet twice a year, and proposed "
        "holding the next session in Bishkek."
    )
    assert [(s.cue, s.content) for s in extract(text).statements] == [
        ("said that", "the friendship groups should meet twice a year"),
        ("proposed", "holding the next session in Bishkek"),
    ]


def test_a_british_quote_runs_on_unclosed_into_the_next_paragraph() -> None:
    text = (
        "‘The roads are open to any honest organisation,’ he said. ‘But we will not allow the "
        "enemy to hide its soldiers under sacks of flour.\n\n"
        "‘Let the United Nations send its own people to inspect every lorry.’"
    )
    # one split quote whose second part runs on into the next paragraph
    [s] = extract(text).statements
    assert s.content.startswith("The roads are open")
    assert s.content.endswith("inspect every lorry.")


def test_a_quote_nested_in_a_running_quote_does_not_stop_it() -> None:
    text = (
        "Dr Amal Hassabo told the BBC that staff were overwhelmed.\n\n"
        "‘We ran out of milk last week. Yesterday a mother asked me, “Doctor, should I feed the "
        "older one or the baby?” I had no answer for her.\n\n"
        "‘We are not asking for politics. We are asking for a road.’"
    )
    last = extract(text).statements[-1]
    assert last.speaker == "Amal Hassabo"
    assert last.content.startswith("We ran out of milk") and last.content.endswith("for a road.")


def test_arabic_names_keep_their_particle_and_british_titles_need_no_stop() -> None:
    text = (
        "Basim al-Rikabi, a 34-year-old teacher, said he did not vote. Mr al-Rikabi rejected "
        "the claim. Maj Gen Ibrahim Adam Tirab said the roads were open. The general said more."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Basim al-Rikabi",
        "Basim al-Rikabi",
        "Ibrahim Adam Tirab",
        "Ibrahim Adam Tirab",
    ]


def test_a_person_tagged_a_place_and_an_acronym_with_its_of() -> None:
    text = (
        "Delegates walked out, said Litia Vakaloloma, Fiji's climate envoy, who chairs the "
        "Alliance of Small Island States (AOSIS) in the talks. The envoy told Al Jazeera that the "
        "group would not return. In a statement, AOSIS called for new talks."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Litia Vakaloloma",
        "Litia Vakaloloma",
        "Alliance of Small Island States",
    ]


def test_its_ministry_and_a_country_s_lower_case_ministry() -> None:
    text = (
        "Sudan’s army-aligned government dismissed the video. Its foreign ministry urged the UN "
        "to act. France’s interior ministry said the deal was working."
    )
    assert [s.speaker for s in extract(text).statements][1:] == [
        "Sudanese Foreign Ministry",
        "French Interior Ministry",
    ]


def test_bodies_named_through_a_possessive() -> None:
    text = (
        "Ruiz-Carver's campaign said the ad was false. The Department of Mineral Resources and "
        "Energy said it was investigating. Mining deaths rose to 22 last year, according to the "
        "department's annual safety report."
    )
    assert [s.speaker for s in extract(text).statements] == [
        "Ruiz-Carver campaign",
        "Department of Mineral Resources and Energy",
        "Department of Mineral Resources and Energy annual safety report",
    ]


def test_a_body_s_chairwoman_named_later_in_the_story() -> None:
    text = (
        "WASHINGTON (AP) — Lawmakers tore into the agency on Wednesday, with the panel's "
        'chairwoman warning that "the next one will not be caught."\n\n'
        '"We got lucky," said Rep. Colleen Marsh, R-Ohio, who chairs the House Homeland '
        "Security subcommittee on cybersecurity."
    )
    assert [s.speaker for s in extract(text).statements] == ["Colleen Marsh"] * 2


def test_a_paragraph_of_narration_about_a_person_then_his_quote() -> None:
    text = (
        "Gordon Pfeiffer, 58, pleaded guilty in June to theft.\n\n"
        "Pfeiffer’s attorney, Martin Obuya, argued that his client’s addiction had gone "
        "untreated.\n\n"
        "“He has already paid back $210,000,” Obuya said.\n\n"
        "Before he was sentenced, Pfeiffer stood and turned to face the gallery.\n\n"
        "“I am ashamed of what I did,” he said, his voice breaking."
    )
    assert [s.speaker for s in extract(text).statements][-1] == "Gordon Pfeiffer"


def test_a_quotation_right_after_narration_about_a_person_is_theirs() -> None:
    text = (
        "Cody Ralston pleaded guilty in February to voluntary manslaughter.\n\n"
        "“Cody will carry this for the rest of his life,” defense attorney Gregory Lenz said.\n\n"
        "Ralston turned toward the gallery and apologized to the family. “I think about him "
        "every day. I am sorry.”"
    )
    assert [s.speaker for s in extract(text).statements][-1] == "Cody Ralston"


def test_a_quotation_glued_to_the_colon_before_it() -> None:
    text = (
        "Clinton's claim that 90 percent of her e-mails were 'in the system' is her camp's "
        "calculation.\n\n"
        'Rep. Trey Gowdy (R-S.C.):"I have not heard anyone other than you ever cite that figure. '
        'Who told you that?"\n\n'
        'Former secretary of state Hillary Rodham Clinton:"We learned that from the State '
        'Department."'
    )
    # the quotation starts inside the token the colon ends: it must still resolve
    assert extract(text).statements[0].speaker == "Trey Gowdy"
