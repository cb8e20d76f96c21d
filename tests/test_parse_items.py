"""Items of any house style: numbered schemes, capitals headings, preliminaries, and the paragraphs under each."""
from qa.parse.common import Draft
from qa.parse.document import parse_text
from qa.parse.items import parse_items
from qa.parse.starts import item_starts


def test_capitals_headings_are_items_where_no_numbering_explains_the_document():
    lines = """MINUTES OF THE REGULAR CITY COUNCIL MEETING
TUESDAY- - JUNE 6, 2023
ROLL CALL -
Present: Councilmembers Daysog and Jensen.
AGENDA CHANGES
None.
CONSENT CALENDAR
(23-337) Recommendation to accept the report.
ADJOURNMENT
The meeting adjourned at 11:00 p.m.""".split("\n")
    how, starts = item_starts(lines)
    assert how == "capitals headings"
    assert [s.title for s in starts] == ["ROLL CALL", "AGENDA CHANGES", "CONSENT CALENDAR", "ADJOURNMENT"]


def test_unnumbered_procedural_items_before_numbered_capitals_items():
    lines = ["REGULAR MEETING OF THE CITY COUNCIL", "CALL TO ORDER", "1. INVOCATION", "Offered by a chaplain.",
             "2. PLEDGE OF ALLEGIANCE", "3. APPROVAL OF THE AGENDA", "4. ADJOURNMENT"]
    _, starts = item_starts(lines)
    assert [(s.number, s.title) for s in starts] == [(None, "CALL TO ORDER"), ("1", "INVOCATION"),
                                                     ("2", "PLEDGE OF ALLEGIANCE"), ("3", "APPROVAL OF THE AGENDA"),
                                                     ("4", "ADJOURNMENT")]


def test_a_roll_call_s_labels_under_each_vote_are_not_items():
    vote = ["Motion to adopt the recommendation.", "RESULT:", "MOVER:", "SECONDER:", "AYES:", "NAYS:", "",
            "ADOPTED [11 TO 2]", "Walker", "Folska"]
    lines = ["BOARD OF DIRECTORS MEETING", "February 27, 2018 at 5:30 PM", "I.", "", "Call to Order", "The chair opened.",
             "II.", "", "Unanimous Consent", *vote, "III.", "", "Recommended Action", *vote, *vote, "IV.", "", "Adjourn"]
    how, starts = item_starts(lines)
    assert how == "roman" and [(s.number, s.title) for s in starts] == [
        ("I", "Call to Order"), ("II", "Unanimous Consent"), ("III", "Recommended Action"), ("IV", "Adjourn")]


def test_the_venue_or_district_above_numbered_capitals_items_is_no_item():
    lines = ["AGENDA", "", "REGULAR BOARD MEETING", "", "FAIR OAKS WATER DISTRICT OFFICE", "10326 Fair Oaks Blvd",
             "April 8, 2019", "", "The Board of Directors holds its meetings monthly.", "", "CALL TO ORDER",
             "I. PUBLIC COMMENT", "II. CONSENT CALENDAR", "III. ADJOURNMENT"]
    _, starts = item_starts(lines)
    assert [(s.number, s.title) for s in starts] == [(None, "CALL TO ORDER"), ("I", "PUBLIC COMMENT"),
                                                     ("II", "CONSENT CALENDAR"), ("III", "ADJOURNMENT")]


def test_numbered_items_running_on_across_capitals_sections_are_the_items():
    lines = ["Town of Arlington", "Select Board", "Meeting Agenda", "", "1. Executive Order on Remote Participation",
             "", "CONSENT AGENDA", "", "2. For Approval: Lawn Signs", "", "OTHER BUSINESS", "",
             "3. Review and Approve Outdoor Performance Regulations", "", "WARRANT ARTICLE HEARINGS", "",
             "4. Articles for Review", "", "CORRESPONDENCE RECEIVED", "", "5. Traffic Concerns", "", "DISCUSSION", "",
             "6. Future Select Board Meetings", "", "NEW BUSINESS", "", "EXECUTIVE SESSION", "",
             "To Discuss Strategy With Respect To Litigation"]
    how, starts = item_starts(lines)
    assert how == "number" and [s.number for s in starts] == ["1", "2", "3", "4", "5", "6"]


def test_numbered_paragraphs_running_on_across_capitals_items_leave_the_capitals_the_items():
    lines = ["MINUTES OF THE PARISH COUNCIL", "", "APOLOGIES", "1. Apologies were received and accepted from Cllr Hart.",
             "", "DECLARATIONS OF INTEREST", "None were declared.", "", "MINUTES",
             "2. The minutes of the meeting held on 3 March were approved and signed.", "", "PUBLIC PARTICIPATION",
             "Two residents spoke about the footpath.", "", "PLANNING",
             "3. The council had no objection to the extension at 4 Mill Lane.", "", "CORRESPONDENCE",
             "4. A letter from the county council was noted.", "", "FINANCE",
             "5. The payments listed were approved by all members present.", "", "CLOSURE", "The meeting closed at 9pm."]
    how, starts = item_starts(lines)
    titles = [s.title for s in starts]
    assert how == "capitals headings" and titles[:2] == ["APOLOGIES", "DECLARATIONS OF INTEREST"]
    assert {"PUBLIC PARTICIPATION", "PLANNING", "CORRESPONDENCE", "FINANCE"} <= set(titles)


def test_capitals_inside_a_sentence_are_not_headings():
    lines = ["CONSENT CALENDAR:", "A. Adopt Resolution No. 2022-__, A RESOLUTION OF", "THE CITY COUNCIL OF THE CITY OF",
             "RECITING THE FACT OF THE ELECTION.", "REGULAR BUSINESS:", "1. Something", "ADJOURNMENT:"]
    _, starts = item_starts(lines)
    assert [s.title for s in starts] == ["CONSENT CALENDAR", "REGULAR BUSINESS", "ADJOURNMENT"]


def test_each_item_holds_its_own_paragraphs_and_a_title_cut_by_the_line_end():
    lines = ["Parish Council - 3rd September 2019", "Present: Cllr A", "19.09.01 Apologies", "None",
             "19.09.02 Discussion regarding the procurement of", "the Village Green", "It was agreed to proceed.",
             "19.09.03 Bonfire", "The bonfire will be held on 5th November."]
    draft = Draft(kind="minutes")
    assert parse_items(lines, draft, set(), genre="minutes")
    by_number = {i.number: i for i in draft.items}
    assert by_number["19.09.02"].title == "Discussion regarding the procurement of the Village Green"
    assert [p.text for p in by_number["19.09.02"].paragraphs] == ["It was agreed to proceed."]
    assert draft.items[0].key == "front"


def test_a_transcript_gives_each_segment_its_speaker_and_the_label_names_them():
    text = "\n".join(["City Commission Meeting", "March 12, 2024", "Agenda Item E-2 [2:52 p.m.]"] +
                     [f"Mayor Lago: Moving on, point {n}.\nCity Attorney Suarez: The ordinance, part {n}.\n"
                      f"Commissioner Fernandez: I'll move it, {n} times." for n in range(4)])
    from qa.models import cite
    m = parse_text(text, "t.txt", council="City of Coral Gables")
    assert m.kind == "transcript"
    item = next(i for i in m.items if i.number == "E-2")
    speakers = {p.speaker for p in item.paragraphs}
    assert speakers == {"Mayor Lago", "City Attorney Suarez", "Commissioner Fernandez"}
    label = cite(m, item, item.paragraphs[0]).label
    assert "item E-2" in label and "Mayor Lago" in label


def test_a_minute_run_on_after_its_title_keeps_every_word():
    text = """Milburn Parish Council
Minutes of the meeting held on Tuesday 26th January 2021

21.01.01 Apologies Councillor Cresswell sent apologies.

21.01.02 Register of Interests None

21.01.03 Matters Arising The sign placed on the waste bin in the bus shelter has been very helpful.
No further complaints had been received.

21.01.04 Finance
The accounts were approved.
"""
    m = parse_text(text, "t.txt")
    got = [(i.number, i.title, [p.text for p in i.paragraphs]) for i in m.items if i.number]
    assert got == [("21.01.01", "Apologies", ["Councillor Cresswell sent apologies."]),
                   ("21.01.02", "Register of Interests", ["None"]),
                   ("21.01.03", "Matters Arising", ["The sign placed on the waste bin in the bus shelter has been very "
                                                    "helpful. No further complaints had been received."]),
                   ("21.01.04", "Finance", ["The accounts were approved."])]


def test_a_board_s_action_summary_takes_its_capitals_headings_as_items():
    text = """ACTION SUMMARY MINUTES – REGULAR MEETING
BOARD OF DIRECTORS
SACRAMENTO METROPOLITAN FIRE DISTRICT
Thursday, September 24, 2020

CALL TO ORDER
The meeting was called to order at 6:00 pm by President Sheetz.

CONSENT ITEMS
1. Action Summary Minutes
Recommendation: Approve the Action Summary Minutes.
Action: Approved Action Summary Minutes.

ACTION ITEMS
1. Grant Award Acceptance
Action: On a motion by Wood, seconded by Jones, carried unanimously.

REPORTS
A. Executive Committee – (President Sheetz)
No report.
B. Policy Committee – (Director Goold)
No report.

ADJOURNMENT
The meeting was adjourned at 7:40 pm.
"""
    m = parse_text(text, "t.txt")
    assert m.kind == "decision-record"
    assert [i.title for i in m.items if i.key != "front"] == ["CALL TO ORDER", "CONSENT ITEMS", "ACTION ITEMS",
                                                               "REPORTS", "ADJOURNMENT"]


def test_an_ordinance_or_a_decision_form_in_capitals_is_one_item():
    ordinance = """ORDINANCE NO. 2024-7
AN ORDINANCE AMENDING CHAPTER 10.12 OF THE MUNICIPAL CODE REGARDING PARKING
THE CITY COUNCIL OF THE CITY OF ANYTOWN DOES ORDAIN AS FOLLOWS:
Section 1. Chapter 10.12 is amended to read as set out in Exhibit A.
Section 2. This ordinance takes effect thirty days after its adoption.
JANE SMITH
MAYOR
ATTEST
JOHN DOE
CITY CLERK
"""
    form = """RECORD OF DECISION
SUBJECT
Award of the grounds maintenance contract
DECISION
To award the contract to Greenways Ltd for three years.
REASONS FOR THE DECISION
The tender scored highest on quality and price.
ALTERNATIVE OPTIONS CONSIDERED
To extend the current contract by a year.
CONFLICTS OF INTEREST
None.
"""
    for text in (ordinance, form):
        m = parse_text(text, "t.txt")
        assert m.kind == "decision-record" and len([i for i in m.items if i.key != "front"]) == 1, m.items


def test_a_resolution_s_movers_are_its_text_and_not_its_title():
    text = """MINUTES
TOWNSHIP OF NIPISSING
Tuesday, April 17, 2018

R2018-077\tL. Smith, L. Andersen:  That we approve the 2018 Library Budget as presented.  Carried.

R2018-078\tL. Andersen, L. Smith:  That the minutes of the meeting held April 3, 2018 be adopted.  Carried.

R2018-079\tL. Smith, L. Andersen:  That we pass By-Law Number 2018-22.  Carried.
"""
    m = parse_text(text, "t.txt")
    got = [(i.number, i.title, [p.text for p in i.paragraphs]) for i in m.items if i.number]
    assert got[0] == ("R2018-077", "That we approve the 2018 Library Budget as presented.",
                      ["L. Smith, L. Andersen: That we approve the 2018 Library Budget as presented. Carried."])
    assert [g[1] for g in got[1:]] == ["That the minutes of the meeting held April 3, 2018 be adopted.",
                                       "That we pass By-Law Number 2018-22."]
    # A title is not cut at an abbreviation; a resolution set in lower case keeps the items it had
    from qa.parse.titles import resolution_title
    assert resolution_title("J. Scott, L. Andersen: That By-law No. 2018-24 appoint Mr. D. Jones. Carried.") \
        == "That By-law No. 2018-24 appoint Mr. D. Jones."
    lower = text.replace(":  That", ":  that")
    assert [i.number for i in parse_text(lower, "t.txt").items if i.number] == ["R2018-077", "R2018-078", "R2018-079"]


def test_a_decision_record_is_its_named_item_titled_by_the_whole_ordinance_title():
    from qa.parse.items import parse_single_item

    lines = ["CITY OF CORAL GABLES, FLORIDA ORDINANCE NO. 2024- 12", "", "AN ORDINANCE\tOF THE CITY COMMISSION", "",
             "PROVIDING FOR A TEXT AMENDMENT TO THE ZONING CODE, CREATING SECTION 5-314 “WINDOW HURRICANE SHUTTERS”.",
             "", "WHEREAS, the City of Coral Gables is committed to its neighborhoods; and", "",
             "SECTION 8. This Ordinance shall become effective on the 1st day of December, 2024.", "",
             "Agenda Item: E-2"]
    draft = Draft(kind="decision-record", title="Ordinance")
    assert parse_single_item(lines, draft, set(), "minutes")
    (number, title), = [(i.number, i.title) for i in draft.items]
    assert number == "E-2"
    assert title == ("AN ORDINANCE OF THE CITY COMMISSION PROVIDING FOR A TEXT AMENDMENT TO THE ZONING CODE, "
                     "CREATING SECTION 5-314 “WINDOW HURRICANE SHUTTERS”.")


def test_a_committee_websites_link_labels_are_no_title_and_no_heading():
    from qa.parse.clean import looks_like_heading

    assert not looks_like_heading("9b. Appendix 2 Highlighted Proposed Amendments , item 8. PDF 142 KB")
    assert looks_like_heading("Highlighted Proposed Amendments")
    lines = ["1. Apologies PDF 94 KB", "None were received.", "2. Minutes PDF 162 KB", "The minutes were agreed.",
             "3. Work Plan Report DOCX 1.2 MB", "The work plan was noted."]
    draft = Draft(kind="minutes")
    assert parse_items(lines, draft, set(), "minutes")
    assert [(i.number, i.title) for i in draft.items if i.number] == [
        ("1", "Apologies"), ("2", "Minutes"), ("3", "Work Plan Report")]


def test_a_capitals_heading_with_a_note_keeps_the_note_once():
    lines = ["REGULAR MEETING OF THE CITY COUNCIL", "CALL TO ORDER: 7:00 P.M.", "PLEDGE OF ALLEGIANCE: To be announced",
             "ROLL CALL", "Councilmembers present.", "ADJOURNMENT", "The meeting adjourned at 9 pm."]
    draft = Draft(kind="agenda")
    assert parse_items(lines, draft, set(), "agenda")
    pledge = next(i for i in draft.items if i.title == "PLEDGE OF ALLEGIANCE")
    assert [p.text for p in pledge.paragraphs] == ["To be announced"]


def test_closing_business_after_the_numbered_items_is_an_item():
    lines = ["1. Apologies", "None.", "2. Minutes", "Agreed.", "3. Planning", "Two applications were noted.",
             "PUBLIC PARTICIPATION", "A resident raised the bus shelter bin.", "ADJOURNMENT",
             "The meeting closed at 8.35pm."]
    _how, starts = item_starts(lines)
    assert [(s.number, s.title) for s in starts] == [("1", "Apologies"), ("2", "Minutes"), ("3", "Planning"),
                                                     (None, "PUBLIC PARTICIPATION"), (None, "ADJOURNMENT")]
    report = ["1. Background", "Text.", "2. Options", "Text.", "3. Risks", "Text.", "FINANCIAL IMPLICATIONS", "None."]
    assert [s.number for s in item_starts(report)[1]] == ["1", "2", "3"]  # a report's capitals heading is no item


def test_minutes_that_number_nothing_take_their_items_from_run_in_labels():
    from qa.parse.document import parse_text

    text = """Minutes of the meeting of the West Dereham Parish Council
Thursday 8th April 2004 in the Village Hall at 8.00p.m.

Present: E. Drew - Chairman, Mrs. Fisher, Mrs. Berry.

Apologies: None

Minutes: The minutes of the March meeting were agreed as a correct record.

Matters Arising: The Litter Bin in St. Andrews Close has been erected and fixed on a concrete post.

Planning: None

Resolved: That the clerk writes to the Borough Council.

The meeting closed at 8.55p.m.
"""
    m = parse_text(text, "t.txt")
    items = [(i.title, [p.text for p in i.paragraphs]) for i in m.items if i.key != "front"]
    assert [t for t, _ in items] == ["Apologies", "Minutes", "Matters Arising", "Planning"]
    assert items[2][1][0] == "The Litter Bin in St. Andrews Close has been erected and fixed on a concrete post."
    assert items[3][1][0] == "None" and any("Resolved" in p for p in items[3][1])  # a decision label is no item


def test_an_item_whose_record_is_its_title_alone_has_the_title_as_its_one_paragraph():
    text = """Milburn Parish Council
Agenda for the meeting on Tuesday 26th January 2021

1. To receive apologies for meeting

2. To approve the minutes of the last meeting held on 14th July 2020

3. Planning
The clerk has received one application, for a garage at Townhead Farm.
"""
    m = parse_text(text, "milburn-agenda.txt")
    items = {i.number: i for i in m.items}
    assert [(p.kind, p.text) for p in items["2"].paragraphs] == [
        ("title", "To approve the minutes of the last meeting held on 14th July 2020")]
    assert [p.kind for p in items["3"].paragraphs] == ["paragraph"]  # an item with a record keeps it alone
    assert all(p.kind != "title" for i in m.items if i.key == "front" for p in i.paragraphs)



def test_a_title_set_under_its_number_runs_on_while_a_bracket_is_open_and_is_not_repeated_as_text():
    lines = ["District Council Agenda", "3.", "To receive a deputation from the Business Association.", "4.",
             "Discuss issues with the police (Inspector Reidy from the", "District Station will attend).",
             "5.", "Any Other Business"]
    draft = Draft(kind="agenda")
    assert parse_items(lines, draft, set(), genre="agenda")
    item = {i.number: i for i in draft.items}["4"]
    assert item.title == "Discuss issues with the police (Inspector Reidy from the District Station will attend)."
    assert not any(p.text.startswith("Discuss issues") and p.kind != "title" for p in item.paragraphs)


def test_a_sentence_longer_than_a_title_stays_whole_as_the_item_s_text():
    lines = """MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT OF WESTBURY ON 2ND JULY, 2014

1.

Adoption of Minutes:

The Minutes of the Meeting held on 7th May, 2014 were noted.

2.

2026-472
“I will ask at the next meeting (a) what Local Authority is responsible for the upkeep of the
creamery bridge and (b) can a plan be put in place
to repair it”.

It was noted that the bridge was the responsibility of both councils.

3.

Any Other Business:

There was no other business.""".split("\n")
    draft = Draft(kind="minutes")
    assert parse_items(lines, draft, set(), genre="minutes")
    item = {i.number: i for i in draft.items}["2"]
    assert item.title.startswith("“I will ask at the next meeting (a)")
    assert [p.text for p in item.paragraphs][:1] == ["2026-472"]  # a file number before the title stays
    assert item.paragraphs[1].text.startswith("“I will ask at the next meeting (a)")
    assert item.paragraphs[1].text.endswith("can a plan be put in place to repair it”.")


def test_a_title_ending_in_a_comma_or_an_open_bracket_does_not_swallow_the_item_s_text():
    lines = ["Parish Council", "1. Apologies", "None received.", "2. Planning, Highways,",
             "The clerk reported on three applications.", "3. Finance (see attached",
             "The clerk presented the accounts.", "4. Any Other Business", "None."]
    draft = Draft(kind="minutes")
    assert parse_items(lines, draft, set(), genre="minutes")
    items = {i.number: i for i in draft.items}
    assert [p.text for p in items["2"].paragraphs] == ["The clerk reported on three applications."]
    assert [p.text for p in items["3"].paragraphs] == ["The clerk presented the accounts."]


def test_minutes_of_run_in_labels_take_a_capitals_heading_among_them_but_not_the_resolution_formula():
    lines = ["MINUTES OF PROCEEDINGS AT SPECIAL MEETING OF THE COUNCIL", "", "PRESENT IN THE CHAIR:",
             "Councillor K. Sheahan.", "", "MEMBERS PRESENT:", "Councillors Browne and Butler.", "",
             "OFFICIALS IN ATTENDANCE:", "Chief Executive (Mr. C. Murray).", "", "The Cathaoirleach opened the meeting.",
             "", "PRESIDENT MICHAEL D. HIGGINS – FREEDOM OF LIMERICK:", "", "The President had agreed to accept.", "",
             "Proposed by Councillor Sheahan;", "", "And Resolved:", "", "“That the Freedom be conferred.”"]
    draft = Draft(kind="minutes")
    assert parse_items(lines, draft, set(), genre="minutes")
    titles = [i.title for i in draft.items if i.key != "front"]
    assert "PRESIDENT MICHAEL D. HIGGINS – FREEDOM OF LIMERICK" in titles
    assert not any(t.lower().startswith("and resolved") for t in titles)


def test_a_capitals_heading_that_pairs_minutes_with_another_word_is_an_item():
    lines = ["Town of North Star", "August 19, 2019", "CALL TO ORDER", "The chair called the meeting to order.",
             "MINUTES/DISBURSEMENTS", "Motion to approve the July board minutes. Motion carried.",
             "CORRESPONDENCE", "Letters were received.", "ROAD", "The road was graded."]
    _, starts = item_starts(lines)
    assert "MINUTES/DISBURSEMENTS" in [s.title for s in starts]


def test_an_election_of_chairman_before_the_numbered_items_is_an_item_but_a_front_page_field_is_not():
    lines = ["Minutes of Stoke Ferry Annual Parish Council Meeting held on Wednesday 18 May 2011", "",
             "Apologies:", "", "Election of Chairman", "The Clerk advised that a Chairman be elected for this meeting.",
             "", "1. Minutes of the last Meeting:", "Accepted.", "", "2. Matters Arising:", "None.", "",
             "3. Planning:", "No applications."]
    _, starts = item_starts(lines)
    assert [(s.number, s.title) for s in starts][:2] == [(None, "Election of Chairman"), ("1", "Minutes of the last Meeting:")]
    assert "Apologies" not in [s.title for s in starts]


def test_a_resolution_formula_in_capitals_is_no_item_and_a_summons_note_is_not_a_second_item():
    lines = ["Apologies: None received from any member.", "", "Correspondence: Two letters were read.", "",
             "Roads: The potholes were reported again.", "", "AND RESOLVED:", "", "That the report be noted.", "",
             "Housing: The waiting list was discussed."]
    _, starts = item_starts(lines)
    assert "AND RESOLVED" not in [s.title for s in starts]
    lines = ["Notice of meeting", "", "Declarations of Interest", "Members must declare any interest.", "", "AGENDA",
             "", "1. Apologies", "", "2. Declarations of Interest", "", "3. Minutes of the last meeting", "",
             "4. Planning applications"]
    _, starts = item_starts(lines)
    assert [s.title for s in starts].count("Declarations of Interest") == 1


def test_a_long_instruction_item_keeps_the_text_after_its_first_sentence():
    lines = ["REGULAR MEETING AGENDA", "1. Call to Order", "2. Public Comment",
             "3. Authorize the General Manager to execute the second amendment to the agreement with Acme Pumps, Inc. "
             "for pump station maintenance services,  extending the term by two years and increasing the total by "
             "$250,000.  Staff recommends approval.", "4. Consent Calendar", "5. Adjournment"]
    draft = Draft(kind="agenda")
    assert parse_items(lines, draft, set(), genre="agenda")
    item = next(i for i in draft.items if i.number == "3")
    assert item.title.endswith("by $250,000.")
    # the whole instruction is the item's text too, searchable as the items before it were
    text = " ".join(p.text for p in item.paragraphs)
    assert text.startswith("Authorize the General Manager") and "$250,000." in text
    assert "Staff recommends approval." in text


def test_an_authority_s_letterhead_names_the_council_not_a_council_its_minutes_mention_first():
    text = ("San Juan Unified School District\nBoard of Education\n3738 Walnut Avenue, Carmichael\n\n"
            "Board of Education Minutes\nOctober 25, 2022\n\n1. High School Student Council Reports\n"
            "Representatives of the High School Student Council reported.\n2. Consent Calendar\nApproved.\n"
            "3. Adjournment\nThe meeting adjourned at 9pm.\n")
    m = parse_text(text, "minutes.txt")
    assert (m.council, m.body) == ("San Juan Unified School District", "Board of Education")


def test_a_council_named_first_on_the_letterhead_is_the_council_not_an_authority_under_it():
    base = "\nMinutes of the meeting held on 5 March 2024\n1. Apologies\nNone.\n2. Finance\nNoted.\n3. Close\nDone.\n"
    assert parse_text("Kerry County Council\nKillarney Municipal District" + base, "m.txt").council == \
        "Kerry County Council"
    assert parse_text("City of Lodi\nLodi Public Financing Authority" + base, "m.txt").council == "City of Lodi"
    assert parse_text("Thames Valley Police Authority\nPolice and Crime Panel" + base, "m.txt").council == \
        "Thames Valley Police Authority"


PACK = """Notice of Meeting
Environment Committee, Tuesday 6 February 2024
Agenda
1. Apologies for Absence
To receive apologies.
2. Declarations of Interest
To receive declarations.
3.\tMinutes of the Previous Meeting To confirm the minutes of the meeting held on 5 December 2023.\tPage 3
4. Public Participation
To receive questions from the public.
5.\tReview of Waste Collection Services Report of the Head of Environmental Services.\tPages 4 - 5
6. Urgent Business
To consider urgent business.

Minutes of the Environment Committee held on Tuesday, 5 December 2023
23. Apologies for Absence
Apologies were received from Councillor Price.
24. Work Programme
RESOLVED: That the work programme be agreed.

Report title\tReview of Waste Collection Services
1. Purpose of Report
1.1 To seek the Committee's views on weekly food waste collections.
2. Recommendations
2.1 That the Committee comments on the proposals.
"""


def test_a_pack_s_reports_join_the_items_its_agenda_lists_with_their_pages():
    m = parse_text(PACK, "agenda-pack.txt")
    assert m.kind == "agenda"
    items = {i.number: " ".join(p.text for p in i.paragraphs) for i in m.items if i.number}
    assert list(items) == ["1", "2", "3", "4", "5", "6"]
    assert "Apologies were received from Councillor Price" in items["3"]  # the previous minutes
    assert "weekly food waste collections" in items["5"]  # its report
    assert "food waste" not in items["6"] and "Councillor Price" not in items["6"]


def test_a_pack_s_report_starts_only_where_a_cover_or_mark_names_it_not_at_its_words_in_the_minutes():
    pack = PACK.replace("24. Work Programme\nRESOLVED: That the work programme be agreed.",
                        "24. Review of Waste Collection Services\nRESOLVED: That a full review be brought in February.")
    items = {i.number: " ".join(p.text for p in i.paragraphs) for i in parse_text(pack, "pack.txt").items if i.number}
    assert "a full review be brought in February" in items["3"]  # the previous minutes stay whole
    assert "weekly food waste collections" in items["5"] and "Councillor Price" not in items["5"]


def test_a_us_agenda_s_staff_reports_join_their_items_by_subject_and_the_page_column_leaves_the_title():
    agenda = ("CITY OF ELK GROVE\nCITY COUNCIL REGULAR MEETING AGENDA\nWednesday, March 13, 2024 6:00 PM\n"
              "1. CALL TO ORDER\n2. PLEDGE OF ALLEGIANCE\n3.\tApprove the Minutes of the February 28 Meeting\t3 - 8\n"
              "4.\tAward a Contract for the Laguna Creek Trail Improvements\t9 - 20\n"
              "5.\tPublic Hearing on Water Rate Increases\t21 - 40\n6. ADJOURNMENT\n\n"
              "SUBJECT: Award a Contract for the Laguna Creek Trail Improvements\nAward the contract to Teichert.\n\n"
              "SUBJECT: Public Hearing on Water Rate Increases\nAdopt rates increasing the bill by 6 percent.\n")
    m = parse_text(agenda, "agenda.txt")
    items = {i.number: (i.title, " ".join(p.text for p in i.paragraphs)) for i in m.items if i.number}
    assert items["4"][0] == "Award a Contract for the Laguna Creek Trail Improvements" and "Teichert" in items["4"][1]
    assert "6 percent" in items["5"][1] and "Teichert" not in items["6"][1]


def test_unnumbered_item_headings_under_numbered_sections_of_the_same_size_are_items():
    # Northern Ireland committee minutes: a few numbered sections, each item under them an unnumbered heading
    # set as large; the steps inside an item ("Amendment") and deeper headings are no items
    text = """# Strategic Policy and Resources Committee
Members present: Councillor Rafferty (Chairperson); Alderman Kirkwood.
## 1. Restricted Items
Resolved – That the Committee agrees to exclude the members of the Press and public.
## Medium Term Financial Plan and Efficiency Programme 2024/25
The Strategic Director of Finance and Resources provided an update on the rate-setting process.
## Leisure Transformation Programme – Operator Contract Extension
The Committee agreed to extend the contract for a period of two years.
## 2. Matters Referred Back from Council
#### Motion – Cost of Living: Community Hardship Fund
The Committee considered the motion proposed by Councillor Toner.
## Amendment
Moved by Councillor Hamill, seconded by Councillor Gillen. The amendment was lost.
## 3. Governance
## Request for the Use of the City Hall Grounds – Winter Festival 2023
The Committee agreed to the request.
"""
    m = parse_text(text, "spr.html", stated=True)
    assert [(i.number, i.title) for i in m.items if i.key != "front"] == [
        ("1", "Restricted Items"), (None, "Medium Term Financial Plan and Efficiency Programme 2024/25"),
        (None, "Leisure Transformation Programme – Operator Contract Extension"),
        ("2", "Matters Referred Back from Council"), ("3", "Governance"),
        (None, "Request for the Use of the City Hall Grounds – Winter Festival 2023")]


def test_an_order_of_business_with_pages_gives_way_to_the_items_headed_below_it():
    # an InfoCouncil agenda: the contents table numbers each item with its page, then each item is headed again
    rows = "\n".join(f"{n}\t{t}\t{p}" for n, t, p in [("1", "Karakia", "3"), ("2", "Apologies", "3"),
                                                      ("3", "Public Forum", "3"), ("4", "Reports", "")])
    text = f"""# Environment and Catchments Committee
AGENDA
Tuesday, 12 March 2024 at 9.30am
## Order Of Business
{rows}
\t4.1 Regional Pest Management Plan – Operational Plan 2024/25\t4
\t4.2 Freshwater Farm Plans – Implementation Update\t9
## 1 Karakia
Kia hora te marino.
## 2 Apologies
An apology has been received from Cr Warren Beattie.
## 3 Public Forum
Members of the public may speak for up to five minutes.
## 4 Reports
### 4.1 Regional Pest Management Plan – Operational Plan 2024/25
To seek approval of the Operational Plan 2024/25.
### 4.2 Freshwater Farm Plans – Implementation Update
To update the Committee on the implementation of freshwater farm plans.
"""
    m = parse_text(text, "agenda.html", stated=True)
    items = [i for i in m.items if i.number]
    assert [i.number for i in items] == ["1", "2", "3", "4", "4.1", "4.2"]
    assert "Kia hora te marino." in [p.text for p in items[0].paragraphs]
    assert any("To seek approval" in p.text for p in items[4].paragraphs)


def test_a_contents_list_above_numbered_capitals_items_is_no_item():
    contents = ["1 DECLARATION OF OPENING", "2 RECORD OF ATTENDANCE", "3 DISCLOSURE OF INTERESTS",
                "4 PUBLIC QUESTION TIME", "5 CLOSURE OF MEETING"]
    items = ["1. DECLARATION OF OPENING", "The President opened the meeting at 3.31pm.", "2. RECORD OF ATTENDANCE",
             "Cr Hartigan, Cr Wren.", "3. DISCLOSURE OF INTERESTS", "Nil.", "4. PUBLIC QUESTION TIME",
             "Mrs Kowalski asked about Old Mill Road.", "5. CLOSURE OF MEETING", "The meeting closed at 5.02pm."]
    _, starts = item_starts(_spaced(["SHIRE OF YALBARRUP", "MINUTES", "TABLE OF CONTENTS"] + contents + items))
    assert [s.number for s in starts] == ["1", "2", "3", "4", "5"]
    # a closed session's own "CALL TO ORDER" above the numbered one is business, not a contents row
    _, starts = item_starts(_spaced(["CALL TO ORDER", "ROLL CALL", "RECESS TO CLOSED SESSION",
                                     "I. CALL TO ORDER", "Mayor called the meeting to order.",
                                     "II. PLEDGE OF ALLEGIANCE", "III. ROLL CALL", "All present.", "IV. ADJOURNMENT"]))
    assert [s.title for s in starts][:3] == ["CALL TO ORDER", "ROLL CALL", "RECESS TO CLOSED SESSION"]


def _spaced(lines: list[str]) -> list[str]:
    """Lines as a reader lays out paragraphs: a blank line between each."""
    return [x for line in lines for x in (line, "")]


def test_an_agenda_pack_takes_its_items_from_the_agenda_and_not_from_its_reports_numbering():
    agenda = ["AGENDA", "1. Apologies for Absence", "To receive apologies.", "2. Declarations of Interest",
              "3. Minutes", "To confirm the minutes.", "4. Planning Applications for Determination",
              "4.1\t23/01234/FUL – Land North of Hanwell Road, Great Hanwell Erection of 38 dwellings with associated "
              "access, parking and sustainable drainage. Recommendation: GRANT\tPages 4 – 7",
              "4.2\t23/01502/HOUSE – 17 Orchard Rise Two storey side extension. Recommendation: GRANT\tPages 8 – 9",
              "5. Urgent Business"]
    report = ["1.0 SUMMARY OF RECOMMENDATION", "Grant permission.", "2.0 SITE DESCRIPTION", "A field.",
              "3.0 PROPOSAL", "38 dwellings.", "4.0 CONSULTATIONS", "None.", "5.0 ASSESSMENT", "Acceptable.",
              "6.0 RECOMMENDATION", "GRANT subject to conditions:", "1. Time limit", "2. Approved plans"]
    lines = _spaced(agenda + ["AGENDA ITEM 4.1"] + report + ["AGENDA ITEM 4.2"] + report)
    _, starts = item_starts(lines)
    # the reports' own "1.0"-"6.0" sections and their numbered conditions are no items; the listed rows are
    assert [s.number for s in starts] == ["1", "2", "3", "4", "4.1", "4.2", "5"]
    assert starts[4].title.startswith("23/01234/FUL – Land North of Hanwell Road")


def test_a_packs_report_marked_with_a_sub_items_number_joins_that_sub_item():
    text = "\n\n".join([
        "PLANNING COMMITTEE", "Wednesday, 8 November 2023", "AGENDA", "1. Apologies for Absence",
        "2. Planning Applications for Determination",
        "2.1\t23/01234/FUL – Land North of Hanwell Road Erection of 38 dwellings. Recommendation: GRANT\tPages 4 – 7",
        "2.2\t23/01502/HOUSE – 17 Orchard Rise Side extension. Recommendation: REFUSE\tPages 8 – 9",
        "3. Urgent Business", "AGENDA ITEM 2.1", "1.0 CONSULTATIONS",
        "County Council (Education): Requests contributions of £312,480 towards school places.",
        "AGENDA ITEM 2.2", "1.0 CONSULTATIONS", "Highways: No objection to the side extension."])
    m = parse_text(text, "pack.txt")
    by_number = {i.number: i for i in m.items}
    assert any("£312,480" in p.text for p in by_number["2.1"].paragraphs)
    assert any("No objection" in p.text for p in by_number["2.2"].paragraphs)
    assert not any("£312,480" in p.text for p in by_number["3"].paragraphs)


def test_an_appendix_that_names_its_item_joins_that_item_and_not_the_agendas_last():
    text = "\n\n".join([
        "THORNLEIGH TOWN COUNCIL", "Monday 13 May 2024", "AGENDA",
        "TC/24/011\tSCHEDULE OF PAYMENTS To approve the schedule of payments for April 2024 (Appendix A).",
        "TC/24/012\tCOMMUNITY GRANTS SCHEME To consider the report of the committee (Appendix B).",
        "TC/24/013\tCIVIC EVENTS To note the arrangements for the Civic Service.",
        "TC/24/014\tGROUNDS MAINTENANCE CONTRACT To award the contract (confidential report to follow).",
        "Appendix A – Item TC/24/011", "Total payments for the period amount to £37,486.24.",
        "Appendix B – Item TC/24/012", "Increase the maximum award from £1,000 to £1,500 per organisation."])
    by_number = {i.number: i for i in parse_text(text, "agenda.txt").items}
    assert any("£37,486.24" in p.text for p in by_number["TC/24/011"].paragraphs)
    assert any("£1,500" in p.text for p in by_number["TC/24/012"].paragraphs)
    assert not any("£" in p.text for p in by_number["TC/24/014"].paragraphs)


def test_a_report_headed_item_no_joins_its_item_where_the_agenda_lists_no_pages():
    text = "\n\n".join([
        "CITY OF MAPLE RIDGE", "CITY COUNCIL AGENDA", "Tuesday, March 5, 2024", "6:00 PM",
        "1. CALL TO ORDER", "2. APPROVAL OF MINUTES",
        "3. STREET LIGHTING UPGRADE Recommendation: Approve the contract with Brightway Electric.",
        "4. PARKS MASTER PLAN Recommendation: Receive the draft plan.", "5. ADJOURNMENT",
        "Item No. 3", "The contract sum is $412,900 for 1,150 LED fixtures.",
        "Item No. 4", "The draft plan proposes three new neighbourhood parks by 2030."])
    by_number = {i.number: i for i in parse_text(text, "agenda.txt").items}
    assert any("$412,900" in p.text for p in by_number["3"].paragraphs)
    assert any("three new neighbourhood parks" in p.text for p in by_number["4"].paragraphs)
    assert not any("$412,900" in p.text for p in by_number["5"].paragraphs)


def test_capitals_of_the_title_block_naming_the_council_and_its_offices_are_no_items():
    lines = ["MINUTES", "", "ASHBY TOWN COUNCIL", "", "COUNCIL OFFICES, HIGH STREET, ASHBY", "",
             "Thursday, 23 July 2020 at 5.00pm", "", "Apologies", "", "None.", "", "Planning Applications", "",
             "The committee agreed to support the application.", "", "LEAVE OF ABSENCE", "", "No requests.", "",
             "Tree Works", "", "It was resolved to fell the ash."]
    levels = {8: 4, 12: 4, 16: 4, 20: 4}
    how, starts = item_starts(lines, headings=set(levels), levels=levels)
    assert [s.title for s in starts] == ["Apologies", "Planning Applications", "LEAVE OF ABSENCE", "Tree Works"]


def test_a_numbered_list_under_one_stated_heading_gives_way_to_the_headings():
    lines = ["MINUTES OF A REGULAR MEETING OF THE BOARD OF COUNTY COMMISSIONERS HELD FEBRUARY 17, 2003.", "",
             "The Board convened in a regular meeting on Monday, February 17, 2003 at 5:00 p.m.", "",
             "Call to Order:", "", "Chairman Durden called the meeting to order at 5:00 p.m.", "",
             "Agenda Changes:", "", "Motion by Commissioner Langford, seconded by Commissioner Bush, to accept the "
             "agenda. The motion carried.", "",
             "Consent Agenda:", "", "1) Approval of Bills", "", "2) Approval of Purchase Order #300844; $3,032.21", "",
             "3) Approval of Budget Entries: #BE3-018 and #BE3-019", "", "Motion carried to approve the consent agenda.",
             "", "Road Department:", "", "The director reported on the paving of CR 138. Motion carried.", "",
             "Clerk's Report:", "", "The clerk presented the purchase order for the ambulance. Motion carried.", "",
             "Adjournment:", "", "There being no further business the meeting adjourned at 7:10 p.m."]
    levels = {0: 2, 4: 2, 8: 2, 12: 2, 22: 2, 26: 2, 30: 2}
    how, starts = item_starts(lines, headings=set(levels), levels=levels)
    assert [s.title for s in starts] == ["Call to Order", "Agenda Changes", "Consent Agenda", "Road Department",
                                         "Clerk's Report", "Adjournment"]


def test_a_pack_s_reports_headed_beyond_the_agenda_do_not_break_the_agenda_s_items():
    lines = ["PLANNING COMMITTEE", "", "AGENDA", "", "1. Apologies for Absence", "", "2. Minutes", "",
             "3. Planning Applications", "", "4. Urgent Business", "",
             "AGENDA ITEM 3", "", "Background", "", "The site lies north of the village.", "",
             "AGENDA ITEM 4", "", "Recommendation", "", "That the report be noted."]
    levels = {0: 1, 14: 2, 20: 2}  # the reports' headings, below where the agenda ends
    how, starts = item_starts(lines, headings=set(levels), levels=levels)
    assert [s.number for s in starts] == ["1", "2", "3", "4"]


def test_an_agenda_items_label_above_the_numbered_items_is_no_item():
    lines = ["FAIR OAKS WATER DISTRICT", "SPECIAL BOARD MEETING MINUTES", "June 30, 2020", "AGENDA ITEMS",
             "I. CALL TO ORDER", "The meeting was called to order at 5:00 p.m.", "II. PUBLIC COMMENT", "None.",
             "III. CLOSED SESSION", "The board met in closed session.", "IV. ADJOURNMENT", "Adjourned at 6:10 p.m."]
    how, starts = item_starts(lines)
    assert [s.title for s in starts] == ["CALL TO ORDER", "PUBLIC COMMENT", "CLOSED SESSION", "ADJOURNMENT"]


def test_resolutions_numbered_over_the_meeting_below_their_index_are_the_items():
    lines = ["MINUTES OF A SPECIAL COUNCIL MEETING HELD ON THURSDAY, 28 JANUARY 2021", "PRESENT",
             "Alderman O Daniels\tSpeaker", "OFFICIALS", "H Mettler\tMunicipal Manager", "INDEX",
             "R1/1-21\tOPENING\t3", "R2/1-21\tLEAVE OF ABSENCE DECLARATION OF INTEREST IN\t3", "THIS AGENDA",
             "R3/1-21\tADJUSTMENTS BUDGET 2020/2021\t3", "R4/1-21\tCLOSURE\t4",
             "R1/1-21\tOPENING", "The Speaker welcomed all present.", "R2/1-21\tLEAVE OF ABSENCE",
             "That leave of absence be granted to Councillor Mitchell.", "R3/1-21\tADJUSTMENTS BUDGET 2020/2021",
             "That the adjustments budget be approved.", "R4/1-21\tCLOSURE", "The meeting closed at 15:10."]
    how, starts = item_starts(lines)
    assert [(s.line, s.number) for s in starts] == [(11, "R1/1-21"), (13, "R2/1-21"), (15, "R3/1-21"),
                                                    (17, "R4/1-21")]


def test_a_county_board_s_in_re_captions_are_its_items_and_its_roll_calls_are_not():
    lines = ["Roanoke County Board of Supervisors", "November 26, 1985",
             "The Board of Supervisors met this day at the Administration Center.",
             "IN RE: CALL TO ORDER", "Chairman McGraw called the meeting to order at 3:15 p.m.",
             "IN RE: CONSENT AGENDA", "Supervisor Brittle moved to approve the Consent Agenda.",
             "AYES:\tSupervisors Brittle, Burton, Nickens, McGraw", "NAYS:\tNone",
             "IN RE: PUBLIC HEARINGS", "Petition of Dennis and Joyce Shelor to rezone 1.8 acres.",
             "AYES:\tSupervisors Brittle, Burton, Nickens, McGraw", "NAYS:\tNone",
             "IN RE: ADJOURNMENT", "The meeting adjourned at 5:40 p.m."]
    lines = [x for line in lines for x in (line, "")]  # a paragraph to a line, as read
    how, starts = item_starts(lines)
    assert [s.title for s in starts] == ["CALL TO ORDER", "CONSENT AGENDA", "PUBLIC HEARINGS", "ADJOURNMENT"]


def test_capitals_sections_that_each_number_their_own_matters_from_one_are_the_items():
    lines = ["Select Board Meeting", "March 27, 2024", "PUBLIC COMMENTS", "None at this time.",
             "SELECT BOARD MEMBER CONCERNS AND LIAISON REPORTS", "1. Select Board Member Concerns and Liaison Reports",
             "Ms. Barry noted the opening day.", "TOWN MANAGER REPORT", "1. Town Manager Weekly Update",
             "Nothing additional to report.", "DOCUMENTS: Weekly Update 3-22-24", "CONSENT AGENDA",
             "1. Approve Select Board Meeting Minutes", "2. Approve Discovery Day Street Fair Request",
             "ITEMS FOR INDIVIDUAL CONSIDERATION", "1. Approve Water and Sewer Abatement Recommendations",
             "2. Approve Parking Meter Rate Adjustment", "ADJOURN", "The meeting adjourned at 9:15 p.m."]
    lines = [x for line in lines for x in (line, "")]
    how, starts = item_starts(lines)
    assert [s.title for s in starts] == ["PUBLIC COMMENTS", "SELECT BOARD MEMBER CONCERNS AND LIAISON REPORTS",
                                         "TOWN MANAGER REPORT", "CONSENT AGENDA",
                                         "ITEMS FOR INDIVIDUAL CONSIDERATION", "ADJOURN"]
