"""Item numbering schemes: which printed numbers open items, under which scheme, with which titles."""
from qa.parse.numbering import roman_value
from qa.parse.schemes import choose_items
from qa.parse.titles import item_title_quality, title_quality


def _lines(text: str) -> list[str]:
    return text.strip("\n").split("\n")


def test_number_alone_on_a_line_with_its_title_below_opens_items():
    doc = _lines("""MINUTES of a meeting of the County Council held on 13 June 2024
292.
Apologies for Absence
Apologies were received from Mr Smith.
293.
Minutes of the last meeting
1. That the minutes be approved.
294.
Declarations of Interest
None were made.
""")
    scheme, items = choose_items(doc)
    assert scheme == "number"
    assert [(c.number, c.title) for c in items] == [
        ("292", "Apologies for Absence"), ("293", "Minutes of the last meeting"), ("294", "Declarations of Interest")]


def test_resolution_lists_that_restart_do_not_become_items():
    doc = _lines("""1
Welcome
The Chair welcomed everyone.
2
Budget
1. Noted the report and approved the budget for the year as set out in the appendix.
2. Authorised the Director to act.
3
Any other business
There was none.
""")
    _, items = choose_items(doc)
    assert [c.number for c in items] == ["1", "2", "3"]
    assert items[1].title == "Budget"


def test_year_month_sequence_numbers_with_titles_run_into_the_text():
    doc = _lines("""21.01.01 Election of Chair None received
21.01.02 Register of Interests None
21.01.03 Minutes The minutes of the meeting held on 14th July 2020 were approved.
""")
    scheme, items = choose_items(doc)
    assert scheme == "year-month-seq"
    assert [c.number for c in items] == ["21.01.01", "21.01.02", "21.01.03"]
    assert items[0].title.startswith("Election of Chair")


def test_roman_numerals_and_letters_are_schemes_of_their_own():
    doc = _lines("I.\nCALL TO ORDER\nII.\nPLEDGE OF ALLEGIANCE\nIII.\nROLL CALL\nIV.\nCLOSED SESSION REPORT\n")
    scheme, items = choose_items(doc)
    assert scheme == "roman" and [c.number for c in items] == ["I", "II", "III", "IV"]
    assert roman_value("XIV") == 14 and roman_value("IX") == 9


def test_sub_items_under_printed_sections_are_not_items():
    doc = _lines("A.\nPRESENTATIONS\nA.-1.\n24-7164\nPresentation of a Proclamation\nA.-2.\n24-6961\n"
                 "Presentation to staff\nB.\nAPPROVAL OF MINUTES\nB.-1.\n24-7105\nMinutes of February\nC.\nPUBLIC COMMENTS\n")
    scheme, items = choose_items(doc)
    assert scheme == "letter" and [c.number for c in items] == ["A", "B", "C"]


def test_an_item_named_after_its_title_is_found():
    doc = _lines("(a) Subject:\tRoad Safety closure report (agenda item 7)\n(d) Decision taken\nNoted.\n"
                 "(a) Subject:\t20 mph Review (agenda item 8)\n(d) Decision taken\nApproved.\n")
    _, items = choose_items(doc)
    assert [(c.number, c.title) for c in items] == [("7", "Road Safety closure report"), ("8", "20 mph Review")]


def test_title_quality_prefers_headings_to_sentences():
    assert title_quality("Apologies for Absence") == 1.0
    assert title_quality("the minutes were agreed.") == 0.0
    assert title_quality("Noted the report and approved the budget that was set out for the year.") < 0.5
    assert title_quality("2024/25 Q4 Corporate Risk Report") == 1.0


def test_an_item_number_set_hard_against_its_title_is_still_an_item():
    from qa.parse.schemes import choose_items

    lines = ["4.Question submitted by Councillor J. Leddin", "Text of the question.",
             "5.Question submitted by Councillor M. Collins", "Text.", "6.Notice of Motion", "Text.",
             "2.5m was spent on roads."]
    _scheme, run = choose_items(lines)
    assert [(c.number, c.title) for c in run] == [("4", "Question submitted by Councillor J. Leddin"),
                                                  ("5", "Question submitted by Councillor M. Collins"),
                                                  ("6", "Notice of Motion")]


def test_a_run_in_label_is_the_title_and_a_clause_before_a_colon_is_not():
    from qa.parse.titles import run_in_label

    assert run_in_label("Minutes: C. Humphries proposed and P. Markwell seconded that the minutes be signed "
                        "as a true record of the meeting held on 12 February") == "Minutes"
    assert run_in_label("Apologies for Absence:- There were no apologies received") == "Apologies for Absence"
    assert run_in_label("The People Directorate is formed from three Divisions covering: Adults Social Care; "
                        "Public Health and Communities") is None  # a clause, not a label
    assert run_in_label("Apologies: None") is None  # nothing runs on
    assert run_in_label("October 2019\tDiscussion with: the Registered Manager and a Team Leader") is None


def test_run_in_minutes_keep_their_text_under_the_label():
    from qa.parse.document import parse_text

    text = """West Dereham Parish Council
Minutes of the meeting held on Thursday 8th April 2004

1. Apologies for Absence: Apologies were received from Cllr Bullas and Cllr Cann, who were both away.
2. Minutes: C. Humphries proposed and P. Markwell seconded that the minutes of the meeting held on 11th March be signed as a true record.
3. Planning: There were no planning applications received since the last meeting of the council.
"""
    m = parse_text(text, "t.txt")
    got = [(i.number, i.title, i.paragraphs[0].text if i.paragraphs else None) for i in m.items if i.number]
    assert got[1] == ("2", "Minutes", "C. Humphries proposed and P. Markwell seconded that the minutes of the meeting "
                                      "held on 11th March be signed as a true record.")
    assert [g[1] for g in got] == ["Apologies for Absence", "Minutes", "Planning"]


def test_numbered_run_in_paragraphs_inside_an_item_do_not_displace_the_items():
    from qa.parse.schemes import choose_items

    lines = ["1. Mayor's Q&A", "The following points were raised:",
             "1. Clean Energy: The Mayor identified clean energy as one of the region's priorities for growth.",
             "2. Income Tax: The Mayor welcomed government proposals for authorities to retain income tax.",
             "3. Infrastructure: Members challenged the Mayor on the lived experience of workers in the area.",
             "2. Minutes", "The minutes were approved.", "3. Declarations of Interest", "There were none.",
             "4. Chair's Announcements", "None."]
    _scheme, run = choose_items(lines)
    assert [c.title for c in run] == ["Mayor's Q&A", "Minutes", "Declarations of Interest", "Chair's Announcements"]


def test_initials_are_not_items_and_titles_with_office_words_stay_whole():
    from qa.parse.schemes import choose_items
    from qa.parse.titles import run_on_title

    _scheme, run = choose_items(["Present:", "A.Smith", "B.Jones", "C.Brown", "D.Green"])
    assert run == []
    assert run_on_title("County and District Councillor Reports") == "County and District Councillor Reports"
    assert run_on_title("Planning Application No 23/00123 Land at Church Road") == \
        "Planning Application No 23/00123 Land at Church Road"
    assert run_on_title("Declarations of Interest No declarations were made") == "Declarations of Interest"


def test_a_list_nested_in_an_item_does_not_lend_the_next_item_its_title():
    from qa.parse.schemes import choose_items

    lines = ["1. Apologies", "None.", "2. Minutes", "Agreed.", "3. Public Statements",
             "The following presented statements:", "1. Rosa Kell", "2. Matt Sanders", "3. Zoe Mack", "4. Jo Sargeant",
             "4. Organisational Changes", "The report was noted.", "5. Work Plan", "Noted."]
    _scheme, run = choose_items(lines)
    assert [(c.number, c.title) for c in run] == [("1", "Apologies"), ("2", "Minutes"), ("3", "Public Statements"),
                                                  ("4", "Organisational Changes"), ("5", "Work Plan")]


def test_a_number_alone_over_a_long_sentence_title_opens_an_item():
    # A PDF joins a long agenda title's wrapped lines into one line below its number.
    doc = _lines("""AGENDA
1.
Miontuairisci: to confirm the minutes of the Annual Meeting.
2.
To elect a Leas-Chathaoirleach of the Municipal District of Adare-Rathkeale to hold office until the next Annual Meeting or until a successor has been elected.
3.
To receive a deputation from the Adare Business Association.
4.
To discuss issues with An Garda Síochána (the Inspector from the District Garda Station will be in attendance and will answer questions from members).
""")
    _scheme, items = choose_items(doc)
    assert [c.number for c in items] == ["1", "2", "3", "4"]
    assert items[1].title.startswith("To elect a Leas-Chathaoirleach")
    # run in after the number, a long sentence stays text, not a title
    assert title_quality(" ".join(["Members"] + ["noted that the report was received"] * 5)) == 0.0


def test_numbered_paragraphs_of_minutes_under_a_number_alone_are_not_long_titles():
    said = ("Members considered the quotes for the play park resurfacing, and resolved to accept the lowest quote "
            "from Parks Ltd at a cost of 4,500 pounds plus VAT.")
    doc = _lines("MINUTES of the Parish Council held on 4 May 2023\n" + "".join(f"{k}.\n{said}\n" for k in (1, 2, 3, 4)))
    _scheme, items = choose_items(doc)
    assert not items  # four numbered paragraphs of one record, each a sentence of the minutes


def test_questions_and_motions_quoted_under_a_number_alone_are_items():
    # Irish councils print a councillor's question or notice of motion in quotes as its item's title, however long.
    asks = ["“I will ask at the next meeting for an update on the works consequent to the realisation of bonds at "
            "the estates in the district, and for the programme of repairs to follow.”",
            "“I will ask that appropriate directional signage be put in place at the crossroads towards the local "
            "cemetery, as requested by residents at the last meeting of this district.”",
            "“I will move at the next meeting that the constant flooding problem on the road above the bridge be "
            "addressed, as this is an ongoing issue that needs to be addressed by the council.”"]
    doc = _lines("MINUTES of the Municipal District meeting held on 2 July 2014\n1.\nAdoption of Minutes\n"
                 "The minutes were adopted.\nQuestions submitted by Councillor Scanlan:\n"
                 + "".join(f"{k}.\n{t}\nIt was stated that the matter would be examined.\n" for k, t in zip((2, 3, 4), asks)))
    _scheme, items = choose_items(doc)
    assert [c.number for c in items] == ["1", "2", "3", "4"]
    assert items[3].title.startswith("“I will move at the next meeting")


def test_quoted_resolutions_and_speech_under_a_number_alone_are_not_items():
    said = ("“That the quote from Parks Ltd for the play park resurfacing be accepted at a cost of 4,500 pounds plus "
            "VAT, and that the Clerk be authorised to place the order.”")
    doc = _lines("MINUTES of the Parish Council held on 4 May 2023\n" + "".join(f"{k}.\n{said}\n" for k in (1, 2, 3, 4)))
    assert choose_items(doc) == (None, [])
    long_ask = "“I will ask " + "for a report on the works at the estate and " * 12 + "the programme.”"
    assert item_title_quality(long_ask) == 0.0  # past LONG_NOTICE_WORDS a quotation is text, not a title


def test_minute_numbers_marked_by_the_word_minute_are_items():
    doc = _lines("Minutes of the meeting of Anytown Parish Council held on 4 March 2024\n"
                 "Minute No. 45/24 Apologies\nNone.\nMinute No. 46/24 Declarations of interest\nNone.\n"
                 "Minute 47/24 Planning applications\nNo objection to 12 High St.\nMinute 48/24 Finance\nApproved.\n")
    scheme, items = choose_items(doc)
    assert scheme == "number/year" and [c.number for c in items] == ["45/24", "46/24", "47/24", "48/24"]
    assert items[1].title == "Declarations of interest"
    # a sentence about a minute is not one, nor a year after "Item"
    assert choose_items(_lines("Finance\nMinute 45/23 was amended to read resolved.\n")) == (None, [])
    assert choose_items(_lines("Accounts\nMinute 45/23 The clerk reported that the bank mandate had been updated.\n"
                               "Payments\nThe payments were approved.\n")) == (None, [])
    assert choose_items(_lines("Item 2024 of the capital plan, the fire station roof, was deferred.\n")) == (None, [])


def test_whole_numbers_written_with_their_decimal_are_items_and_bracketed_numbers_are_not():
    titles = ["Apologies for absence", "Declarations of interest", "Planning applications", "Finance"]
    decimal = _lines("".join(f"{k}.0 {t}\nThe committee considered it.\n{k}.1 It was noted.\n"
                             for k, t in enumerate(titles, 1)))
    scheme, items = choose_items(decimal)
    assert scheme == "number" and [(c.number, c.title) for c in items] == [(str(k), t) for k, t in enumerate(titles, 1)]
    # a full stop after the whole number's decimal: "167.0. Agenda Item 1: Record of those Present"
    stopped = _lines("".join(f"{k}.0. {t}\nThe committee considered it.\n" for k, t in enumerate(titles, 167)))
    assert [c.number for c in choose_items(stopped)[1]] == ["167", "168", "169", "170"]
    # bracketed numbers number an item's parts: a planning list, an ordinance's sections, a resolution's parts
    listed = _lines("1. APOLOGIES\n2. PLANNING\n(1) 24/00123/FUL LAND AT HIGH STREET\n(2) 24/00124/FUL THE OLD BARN\n"
                    "(3) TREE WORKS\n3. FINANCE\n4. CLOSE\n")
    assert [(c.number, c.title) for c in choose_items(listed)[1]][2:] == [("3", "FINANCE"), ("4", "CLOSE")]


def test_written_questions_numbered_question_by_question_are_items():
    doc = _lines("Written Questions and Answers\n" + "".join(
        f"Question {k} from Councillor {who} to the Leader\nWhat is the reserve balance?\nAnswer\nIt is £12m.\n"
        for k, who in ((1, "Smith"), (2, "Jones"), (3, "Brown"))))
    scheme, items = choose_items(doc)
    assert [c.number for c in items] == ["1", "2", "3"]
    assert items[1].title == "Question 2 from Councillor Jones to the Leader"
    # a public question inside minutes' numbered items stays inside its item
    minutes = _lines("1. Apologies\nNone.\n2. Minutes\nApproved.\n3. Public questions\nQuestion 1 from Mr Smith\n"
                     "Why is the park closed?\nQuestion 2 from Mrs Jones\nWhen will it reopen?\n4. Finance\n5. Planning\n")
    assert [(c.number, c.title) for c in choose_items(minutes)[1]][2:] == [("3", "Public questions"), ("4", "Finance"),
                                                                          ("5", "Planning")]


_LONG = ("Authorize the Chief Executive Officer and General Manager to award contracts to four firms to provide general "
         "building construction and support services for a three-year term from January 22, 2024, to January 21, 2027, "
         "with three optional one-year extensions, for a total not-to-exceed amount of $30 million.")


def test_long_instructions_numbered_in_step_between_titled_items_are_items():
    doc = _lines(f"""BOARD OF DIRECTORS REGULAR MEETING AGENDA
1. Call to Order.
2. Approval of the Agenda.
3. Committee Chair Reports.
4. {_LONG} Finance and Audit Committee 1/16. (J. Davidson)
5. {_LONG.replace("four firms", "two firms")}
6. Items not on the agenda.
7. Directors' Reports.
8. President's Report.
""")
    scheme, items = choose_items(doc)
    assert scheme == "number"
    assert [c.number for c in items] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    # the title is the instruction's first sentence, not the committee note after it
    assert items[3].title.startswith("Authorize the Chief Executive Officer") and items[3].title.endswith("$30 million.")


def test_long_numbered_sentences_never_end_a_run_nor_bridge_a_skipped_number():
    # a report's numbered paragraphs after the agenda's last item, and one whose number skips a step
    doc = _lines(f"""1. Apologies
2. Minutes of the last meeting
3. Work Programme
The Board is asked:
4. {_LONG}
5. {_LONG}
""")
    _, items = choose_items(doc)
    assert [c.number for c in items] == ["1", "2", "3"]
    gap = _lines(f"""1. Apologies
2. Minutes
4. {_LONG}
5. Budget
6. Any other business
""")
    _, items = choose_items(gap)
    assert [c.number for c in items] == ["1", "2", "5", "6"]


def test_a_numbered_list_inside_an_item_does_not_take_the_item_s_place():
    doc = _lines(f"""8. Budget Forecast
The Committee:
1) Approved the forecast for the year as set out in the report before the meeting.
9. Investment Fund Programme
The Committee:
1) Approved the funding application for the first scheme as set out in the report.
9) {_LONG}
10. Delivery Assurance
11. Any other business
""")
    _, items = choose_items(doc)
    assert [(c.number, c.title) for c in items] == [
        ("8", "Budget Forecast"), ("9", "Investment Fund Programme"), ("10", "Delivery Assurance"),
        ("11", "Any other business")]


def test_fillers_alone_make_no_run_and_never_split_a_list_restarted_inside_an_item():
    # a list under a capitals heading: two titled entries and a long instruction are not three items
    listed = _lines(f"""PLANNING APPLICATIONS
1. Rear extension at 4 Mill Close (24/00123)
2. {_LONG}
3. Change of use at The Old Forge (24/00170)
FINANCE
""")
    assert choose_items(listed) == (None, [])
    # item 4 was withdrawn: item 3's own list of resolutions keeps its "4. Agree …"
    nested = _lines(f"""1. Apologies for absence
2. Declarations of interest
3. Planning
The council resolved:
1. Approve the extension at 4 Mill Close.
2. Object to the eight dwellings off Church Lane.
3. Note the appeal decision for The Old Forge.
4. {_LONG}
5. Finance
6. Any other business
""")
    _, items = choose_items(nested)
    assert [c.number for c in items] == ["1", "2", "3", "5", "6"]


def test_an_agenda_s_rows_with_their_pages_are_its_items_not_the_sections_of_the_reports_in_its_pack():
    doc = _lines("""Agenda
1. Apologies for Absence
To receive apologies.
2. Declarations of Interest
To receive declarations.
3.\tMinutes of the Previous Meeting To confirm as a correct record the minutes of the meeting held on 5 December.\tPage 3
4. Public Participation
5.\tReview of Waste Collection Services Report of the Head of Environmental Services.\tPages 4 - 5
Report title\tReview of Waste Collection Services
1. Purpose of Report
1.1 To seek the Committee's views.
2. Recommendations
2.1 That the Committee comments.
3. Background
3.1 The Council collects waste fortnightly.
4. Proposals
4.1 A weekly food waste collection.
5. Financial Implications
5.1 The cost is £1.2m.
""")
    _, items = choose_items(doc)
    assert [(c.number, c.title) for c in items] == [
        ("1", "Apologies for Absence"), ("2", "Declarations of Interest"), ("3", "Minutes of the Previous Meeting"),
        ("4", "Public Participation"), ("5", "Review of Waste Collection Services")]


def test_reports_printed_as_sub_item_headings_under_a_numbered_group_are_items():
    lines = _lines("""# MINUTES
## 7. MAYOR AND COUNCILLOR REPORTS
The Mayor reported on the forum.
## 8. OFFICER REPORTS
## 8.1 Quarterly Financial Report – September 2023
Author: Manager Finance
8.2 The figures below are unaudited.
## 8.2 Road Management Plan 2023 – Adoption
That Council adopts the plan.
## 9. NOTICES OF MOTION
9.1 That Council writes to the Minister.
9.2 That the letter be copied to the member.
## 10. CLOSE OF MEETING
""")
    headings = {i for i, l in enumerate(lines) if l.startswith("#")}
    plain = [l.lstrip("# ") for l in lines]
    scheme, items = choose_items(plain, headings)
    assert scheme == "number"
    # the numbered paragraph "8.2 The figures …" and the motion's numbered lines are no items: only stated headings
    assert [c.number for c in items] == ["7", "8", "8.1", "8.2", "9", "10"]
    assert items[2].title == "Quarterly Financial Report – September 2023"


def test_a_capitals_title_before_a_dash_with_the_minute_run_on_is_the_items_title():
    doc = _lines("""MINUTES OF THE MEETING OF THE FULL COUNCIL HELD ON MONDAY 22nd JANUARY 2024
1. APOLOGIES FOR ABSENCE – Apologies were received and accepted from Cllrs Ainsley and Yeo.
2. DECLARATIONS OF INTEREST – Cllr Pocock declared a pecuniary interest in item 10 as an allotment tenant.
3. MINUTES OF THE PREVIOUS MEETING – to approve the minutes of the meeting held on 27th November 2023.
4. MARKET PLACE CONVENIENCES – REFURBISHMENT – to consider the quotations received for the works.
""")
    scheme, items = choose_items(doc)
    assert scheme == "number"
    assert [c.title for c in items] == ["APOLOGIES FOR ABSENCE", "DECLARATIONS OF INTEREST",
                                        "MINUTES OF THE PREVIOUS MEETING", "MARKET PLACE CONVENIENCES – REFURBISHMENT"]


def test_minutes_numbered_by_initials_year_and_number_are_items():
    doc = _lines("""CALDERBROOK FIRE AND RESCUE AUTHORITY
MINUTES OF THE MEETING OF THE FIRE AND RESCUE AUTHORITY HELD ON THURSDAY, 14 DECEMBER 2023
FRA/23/38 APOLOGIES FOR ABSENCE
Apologies for absence were received from Councillor Neil Armitage.
FRA/23/39 DECLARATIONS OF INTEREST
Councillor Fieldhouse declared a personal interest in minute FRA/23/43.
FRA/23/40 MINUTES OF THE PREVIOUS MEETING
RESOLVED – That the minutes be approved.
""")
    scheme, items = choose_items(doc)
    assert scheme == "initials/year/number"
    sa = _lines("""C24/09 OPENING AND WELCOME
The Speaker declared the meeting open at 10:12.
C24/10 APPLICATIONS FOR LEAVE OF ABSENCE
RESOLVED: That leave of absence be granted.
C24/11 DECLARATION OF INTERESTS
Cllr O. Pillay declared an interest in item C24/14.
""")
    assert [c.number for c in choose_items(sa)[1]] == ["C24/09", "C24/10", "C24/11"]  # South African councils
    assert [(c.number, c.title) for c in items] == [("FRA/23/38", "APOLOGIES FOR ABSENCE"),
                                                    ("FRA/23/39", "DECLARATIONS OF INTEREST"),
                                                    ("FRA/23/40", "MINUTES OF THE PREVIOUS MEETING")]


def test_a_canadian_decision_documents_item_codes_take_the_heading_under_their_status_row():
    lines = _lines("""# Economic and Community Development Committee
Decision Document
EC7.1\tACTION\tAmended\t\tWard: All
## Multi-Tenant Houses Licensing Framework – One Year Update
The Committee recommends that City Council amend the by-law.
EC7.2\tACTION\tAdopted\t\tWard: All
## 2024 Community Investment Grants – Allocations
The Committee recommends the allocations.
EC7.3\tInformation\tReceived\t\tWard: 4
## Arts and Culture Strategy – Progress Report
The Committee received the report for information.
""")
    headings = {i for i, l in enumerate(lines) if l.startswith("#")}
    scheme, items = choose_items([l.lstrip("# ") for l in lines], headings)
    assert scheme == "committee-code"
    assert [(c.number, c.title) for c in items] == [
        ("EC7.1", "Multi-Tenant Houses Licensing Framework – One Year Update"),
        ("EC7.2", "2024 Community Investment Grants – Allocations"),
        ("EC7.3", "Arts and Culture Strategy – Progress Report")]


def test_items_coded_after_their_titles_are_items_with_their_sub_items():
    # a US school board's minutes: each item's agenda code in brackets after its title, sub-items under a letter
    doc = _lines("""Board of Education Minutes
October 25, 2022
Open Session/Call to Order/Announcement of Closed Session Topics (A)
The October 25 regular meeting was called to order by the president.
Visitor Comments: Closed Session (A-1)
There were no closed session visitor comments.
Closed Session (B)
The board convened in closed session to consider a student expulsion (Appendix B).
Minutes Approved (D)
It was moved by Ms. Costa, seconded by Ms. Creason, that the minutes be approved.
Recognition: School Psychology Awareness Week (E-1a)
It was moved by Ms. Creason to adopt Resolution No. A-418.
High School Student Council Reports (E-2)
Representatives from Encina Preparatory High School reported.
Consent Calendar Approved (G-I/G-8)
It was moved that the consent calendar items G-1 through G-8 be approved.
""")
    scheme, items = choose_items(doc)
    assert scheme == "trailing-code"
    assert [(c.number, c.title) for c in items] == [
        ("A", "Open Session/Call to Order/Announcement of Closed Session Topics"),
        ("A-1", "Visitor Comments: Closed Session"), ("B", "Closed Session"), ("D", "Minutes Approved"),
        ("E-1a", "Recognition: School Psychology Awareness Week"), ("E-2", "High School Student Council Reports"),
        ("G-I/G-8", "Consent Calendar Approved")]


def test_a_boarddocs_subject_line_under_a_lettered_section_is_an_item():
    doc = _lines("""A. Call to Order
Subject: A.1 Call to Order
The meeting was called to order at 6:30 p.m.
B. Roll Call
Trustees Aldridge, Villanueva and Oyelaran were present.
C. Pledge of Allegiance
D. Approval of Agenda
The agenda was approved as presented.
E. Public Comment
Two members of the public spoke.
F. Consent Agenda
Subject: F.1 Approval of Minutes – February 13, 2024 Regular Board Meeting
TypeAction (Consent)
Subject: F.2 Approval of Personnel Report No. 9
TypeAction (Consent)
G. Superintendent's Report
Dr. Pryor reported on the dashboard.
""")
    scheme, items = choose_items(doc)
    assert scheme == "letter"
    # "A.1 Call to Order" restates its section: one item
    assert [(c.number, c.title) for c in items] == [
        ("A", "Call to Order"), ("B", "Roll Call"), ("C", "Pledge of Allegiance"), ("D", "Approval of Agenda"),
        ("E", "Public Comment"), ("F", "Consent Agenda"),
        ("F.1", "Approval of Minutes – February 13, 2024 Regular Board Meeting"),
        ("F.2", "Approval of Personnel Report No. 9"), ("G", "Superintendent's Report")]


def test_items_numbered_whole_with_decimals_take_their_titled_sub_items():
    # a US school board's agenda page (Simbli, eBoard): "7.00 CONSENT AGENDA", then "7.01 Approval of Minutes"
    doc = _lines("""1.00 CALL TO ORDER
The Chair will call the meeting to order.
2.00 APPROVAL OF AGENDA
Recommendation: That the Board approve the agenda as presented.
3.00 CONSENT AGENDA
3.01 Approval of Minutes
Rationale: Minutes of the January 8, 2024 Regular Meeting are presented.
3.02 Personnel Report
Rationale: The report includes recommendations for employment.
4.00 ADJOURNMENT
""")
    scheme, items = choose_items(doc)
    assert scheme == "number"
    assert [(c.number, c.title) for c in items] == [
        ("1", "CALL TO ORDER"), ("2", "APPROVAL OF AGENDA"), ("3", "CONSENT AGENDA"), ("3.01", "Approval of Minutes"),
        ("3.02", "Personnel Report"), ("4", "ADJOURNMENT")]


def test_a_capitals_title_run_into_its_minute_without_a_dash_is_the_title():
    from qa.parse.titles import caps_run_in

    assert caps_run_in("WELCOME AND APOLOGIES The Chair welcomed everyone to the meeting.") == "WELCOME AND APOLOGIES"
    assert caps_run_in("CHIEF OFFICER'S REPORT There was submitted Report No. IJB 41/23.") == "CHIEF OFFICER'S REPORT"
    assert caps_run_in("NHS Ardmuir Board appointed Dr Fraser as a voting member.") is None  # an acronym, no title


def test_legistar_matters_filed_under_a_numbered_section_are_items():
    doc = _lines("""4. PRESENTATIONS
23-0441\tProclamation declaring May 2023 as Older Americans Month. Accepted by Dolores Ybarra.
5. CONSENT AGENDA
A motion was made that the Consent Agenda be Approved.
23-0451\tA Resolution Authorizing an Agreement for Snow Removal Services Attachments: Staff Report This Resolution was Adopted.
6.B Adopt a Resolution Authorizing the City Manager to Execute a Professional Services
23-0456\tAgreement with Harland Engineering Group, Inc. for Design Services.
6. PUBLIC HEARINGS
7. ADJOURNMENT
""")
    scheme, items = choose_items(doc)
    assert scheme == "number"
    # the row a wrapped sub-item's title runs into is no matter of its own
    assert [(c.number, c.title) for c in items] == [
        ("4", "PRESENTATIONS"), ("23-0441", "Proclamation declaring May 2023 as Older Americans Month."),
        ("5", "CONSENT AGENDA"), ("23-0451", "A Resolution Authorizing an Agreement for Snow Removal Services"),
        ("6", "PUBLIC HEARINGS"), ("7", "ADJOURNMENT")]


def test_reports_numbered_a_level_below_their_directorate_are_items():
    lines = _lines("""# MINUTES
## 9. CONFIRMATION OF MINUTES
That the minutes be confirmed.
## 10. REPORTS OF COMMITTEES
Nil.
## 11. REPORTS OF OFFICERS
### 11.1 CORPORATE SERVICES
11.1.1 Monthly Statement of Financial Activity – September 2023
File Ref: FIN 08/01
11.1.1 The Council noted the statement of financial activity.
11.1.2 Accounts for Payment – September 2023
That Council receives the list of accounts.
### 11.2 INFRASTRUCTURE SERVICES
11.2.1 RFT 04/2023 – Supply of One (1) Motor Grader
11.2.3 The tender closed on 2 October.
## 12. CLOSURE OF MEETING
""")
    headings = {i for i, l in enumerate(lines) if l.startswith("#")}
    plain = [l.lstrip("# ") for l in lines]
    _, items = choose_items(plain, headings)
    # in step from N.M.1 and titled: a report's own numbered sentence, or a number out of step, is no item
    assert [c.number for c in items] == ["9", "10", "11", "11.1", "11.1.1", "11.1.2", "11.2", "11.2.1", "12"]
    assert items[4].title == "Monthly Statement of Financial Activity – September 2023"


def test_reports_sections_numbered_whole_neither_carry_on_the_items_nor_outnumber_them():
    report = ["1.0 PURPOSE", "To set out the options.", "2.0 BACKGROUND", "The site was sold.", "3.0 OPTIONS",
              "Three were considered.", "4.0 ASSESSMENT", "Option two is best.", "5.0 RECOMMENDATION", "Agree option two."]
    lines = ["1. Apologies for Absence", "None.", "2. Minutes of the Last Meeting", "Agreed.", "3. Depot Disposal",
             "The reports follow."] + report * 3
    scheme, items = choose_items(lines)
    assert scheme == "number"
    assert [c.number for c in items] == ["1", "2", "3"]  # not "4.0", "5.0" run on from "3."


def test_an_agenda_set_as_a_table_of_coded_items_outweighs_an_appendix_numbered_in_headings():
    rows = [f"TC/24/{n:03d}\t{t} To {v} the matter set out in the papers for this item." for n, (t, v) in enumerate(
        [("ELECTION OF TOWN MAYOR", "elect"), ("APOLOGIES FOR ABSENCE", "receive"), ("MINUTES", "approve"),
         ("PUBLIC PARTICIPATION", "hear"), ("SCHEDULE OF PAYMENTS", "approve"), ("CIVIC EVENTS", "note"),
         ("CORRESPONDENCE", "receive"), ("DATE OF NEXT MEETING", "note"), ("GROUNDS MAINTENANCE", "award")], 1)]
    appendix = ["# Appendix B", "## 1. Purpose", "To set out the scheme.", "## 2. Background", "Grants began in 2019.",
                "## 3. Issues identified", "Demand grew.", "## 4. Recommendations", "That the scheme continue."]
    lines = ["AGENDA"] + rows + appendix
    headings = {i for i, l in enumerate(lines) if l.startswith("#")}
    scheme, items = choose_items([l.lstrip("# ") for l in lines], headings)
    assert scheme == "initials/year/number"
    assert [c.number for c in items] == [f"TC/24/00{n}" for n in range(1, 10)]
    assert items[1].title == "APOLOGIES FOR ABSENCE"  # the capitals run into the instruction are the title


def test_matters_lettered_under_an_item_number_are_its_sub_items():
    lines = _lines("""1. CALL TO ORDER
The Judge called the meeting to order.
2. PUBLIC COMMENT. (Speakers are limited to three (3) minutes.)
None.
3. CONSENT AGENDA. (All items are routine and may be approved by a single motion.)
3.a Approve the minutes of the Regular Session of July 24, 2023.
3.b Approve payment of claims and bills as presented by the County Auditor.
3.d Accept a donation of $2,500.00 to the K-9 Unit.
4. ADJOURN.""")
    _, items = choose_items(lines)
    assert [c.number for c in items] == ["1", "2", "3", "3.a", "3.b", "4"]  # "3.d" is out of step
    assert items[1].title == "PUBLIC COMMENT"  # a capitals title before its note in brackets
    assert items[3].title.startswith("Approve the minutes of the Regular Session")


def test_titled_sub_items_under_a_heading_and_rows_with_a_bare_page_are_items():
    lines = _lines("""# Committee of the Whole Agenda
## 1. Call to Order
## 2. Delegations
2.1 Carrick Falls Minor Hockey Association – Ice Allocation and 2024 Rental Rates\t3
Kevin Dubé, President
2.2 Mill Street Residents' Group – Traffic Calming\t3
## 3. Staff Reports
3.1 Report No. CS-2023-45 – 2024 User Fees and Charges By-law\t4 - 6
## 4. Notice of Motion
4.1 Councillor Petrović – Free Transit for Seniors Pilot Program
4.2 The motion will be debated at the next meeting of Council after the notice is given:
## 5. Adjournment""")
    headings = {i for i, l in enumerate(lines) if l.startswith("#")}
    _, items = choose_items([l.lstrip("# ") for l in lines], headings)
    # a sentence numbered under a heading opens a paragraph, not an item
    assert [c.number for c in items] == ["1", "2", "2.1", "2.2", "3", "3.1", "4", "4.1", "5"]


def test_capitals_headings_may_open_with_a_year_or_an_ordinance_number_and_carry_asides():
    from qa.parse.titles import is_caps_heading

    assert is_caps_heading("2024 STREET RESURFACING PROGRAM – AWARD OF CONTRACT")
    assert is_caps_heading("ORDINANCE 2024-11 – APPROVING AN ANNEXATION AGREEMENT WITH PRAIRIE RUN PARTNERS, LLC")
    assert is_caps_heading("VIDEO GAMING – AMENDMENTS TO VILLAGE CODE CHAPTER 5 (ALCOHOLIC LIQUOR) AND CHAPTER 14 "
                           "(AMUSEMENTS)")
    assert not is_caps_heading("DECEMBER 6, 2022")  # a date
    assert not is_caps_heading("NEXT RESOLUTION NO. 2022-65")  # a clerk's register
    assert not is_caps_heading("CALL 01632 960881")


def test_parish_minutes_numbered_by_year_then_minute_are_items():
    lines = _lines("""23/145 Apologies for absence
Apologies had been received from Cllr D Holmes.
23/146 Declarations of interest
None.
23/147 Minutes of the previous meeting
RESOLVED: that the minutes of 10th July 2023 be approved.
23/148 Public participation
Two residents spoke about the play area.""")
    scheme, items = choose_items(lines)
    assert scheme == "year/number"
    assert [c.number for c in items] == ["23/145", "23/146", "23/147", "23/148"]


def test_matters_numbered_from_one_under_each_lettered_section_are_its_sub_items():
    lines = _lines("""A. CALL TO ORDER
Chair Castañeda called the meeting to order at 6:31 p.m.
B. CONSENT CALENDAR
1. Approval of Minutes – Regular Meeting of May 24, 2023
ACTION: Motion passed 4-0.
C. PUBLIC HEARINGS
1. Case No. PLN23-0045 – Conditional Use Permit for a Drive-Through Coffee Shop
Staff presented the report.
2. Case No. PLN23-0061 – Vesting Tentative Tract Map for 24 Townhomes
3. The applicant asked for a continuance.
D. ADJOURNMENT""")
    _, items = choose_items(lines)
    # in step from 1 and titled: a numbered sentence is no matter of its own
    assert [c.number for c in items] == ["A", "B", "1", "C", "1", "2", "D"]
    assert items[5].title.startswith("Case No. PLN23-0061")


def test_minutes_numbered_year_slash_month_slash_sequence_with_a_sub_item_column_are_items():
    doc = _lines("""ASHCOMBE PARISH COUNCIL
Minutes of the meeting held on Tuesday 24th May 2016
16/05/1\ti) ii)\tElection of Chairman: Cllr. Reed was proposed by Cllr. Hale and elected.
16/05/2\ti)\tApologies for absence: Cllr. Dunn.
16/05/3 Declarations of Interest:
None.
16/05/4\ti) ii) iii)\tCorrespondence: A letter from the school was read. Resolved 16/05/4.1 To reply.
16/05/5 Date of Next Meeting:
Tuesday 5th July 2016.
""")
    scheme, items = choose_items(doc)
    assert scheme == "year-month-seq"
    assert [c.number for c in items] == ["16/05/1", "16/05/2", "16/05/3", "16/05/4", "16/05/5"]
    # the sub-items' marks are no part of the title
    assert [c.title.split(":")[0] for c in items] == [
        "Election of Chairman", "Apologies for absence", "Declarations of Interest", "Correspondence",
        "Date of Next Meeting"]


def test_lettered_minute_numbers_over_the_year_beside_the_agenda_number_are_the_items():
    doc = _lines("""CHESTERHOPE PARISH COUNCIL
Minutes of Parish Council 22 November 2023
C048/23\t1.\tAPOLOGIES FOR ABSENCE Cllr L Watson (family commitment).
C049/23\t2.\tPUBLIC QUESTIONS No questions had been received
C050/23\t3.\tMATTERS ARISING No matters arising.
C051/23\t4.\tTO RECEIVE AND NOTE THE MINUTES OF THE ALLOTMENT COMMITTEE Members noted the minutes.
""")
    scheme, items = choose_items(doc)
    assert scheme == "number/year"
    assert [c.number for c in items] == ["C048/23", "C049/23", "C050/23", "C051/23"]
    # the agenda's "1." column is no part of the title
    assert [c.title.split()[0] for c in items] == ["APOLOGIES", "PUBLIC", "MATTERS", "TO"]


def test_items_marked_after_their_titles_with_decimals_run_from_whole_parents_to_sub_items():
    doc = _lines("""Council Meeting 20 November 2018
Present: Chairman, Bill Shepherd
Declarations of Conflicts of Interest (Item 2.0)
It was advised that councillors should declare interests item by item.
Health and Safety (Item 3.0)
That the report be received.
Confirmation of Minutes - 23 October 2018 (Item 4.1)
That the minutes be confirmed.
Action Sheet (Item 4.2)
That the action sheet be received.
Financial Report to 31 October 2018 (Item 5.1)
That the report be received.
""")
    scheme, items = choose_items(doc)
    assert [c.number for c in items] == ["2.0", "3.0", "4.1", "4.2", "5.1"]
    assert items[2].title == "Confirmation of Minutes - 23 October 2018"


def test_sub_items_run_on_past_parent_nine():
    doc = _lines("""MINUTES
9.1 Budget Monitoring Report
The report was noted.
9.2 Treasury Management Report
The report was noted.
10.1 Planning Appeals Update
The update was noted.
10.2 Enforcement Update
The update was noted.
""")
    scheme, items = choose_items(doc)
    assert [c.number for c in items] == ["9.1", "9.2", "10.1", "10.2"]


def test_coded_items_may_open_with_a_school_year_and_run_long():
    doc = _lines("""Board of Education Minutes
April 23, 2024
Minutes Approved (C)
It was moved by Ms. Costa, seconded by Ms. Creason, that the minutes be approved.
San Juan Youth Voice Advocates (E-1)
Students presented their work.
2022-2023 Audit Report (E-2)
The chief financial officer introduced the auditors.
Resolution No. 4127: Notice of Intent to Convey Easement at Katherine Johnson Middle School (E-5)
It was moved by Ms. Creason, seconded by Ms. Villescaz, to adopt Resolution No. 4127.
""")
    scheme, items = choose_items(doc)
    assert scheme == "trailing-code"
    assert [c.number for c in items] == ["C", "E-1", "E-2", "E-5"]
    assert items[2].title == "2022-2023 Audit Report"


def test_minute_numbers_coded_district_number_year_are_items():
    doc = _lines("""Items
No.\tItem
CMD.74.21
Election of the Cathaoirleach
Minutes:
Councillor Farrell proposed Councillor Mulligan, seconded by Councillor Guckian.
CMD.75.21
Election of the Leas Cathaoirleach
Minutes:
Councillor McGloin was elected.
CMD.76.21
Schedule of Meetings for the Municipal District 2021/2022
Minutes:
The schedule was adopted.
""")
    scheme, items = choose_items(doc)
    assert scheme == "initials.number.year"
    assert [(c.number, c.title) for c in items] == [
        ("CMD.74.21", "Election of the Cathaoirleach"), ("CMD.75.21", "Election of the Leas Cathaoirleach"),
        ("CMD.76.21", "Schedule of Meetings for the Municipal District 2021/2022")]


def test_items_numbered_with_a_full_stop_and_a_bracket_are_items():
    doc = _lines("""VILLAGE OF TOWER HILL
1.)\tRoll Call, Pledge and Sign In:
Attendance; President Leitner; Trustees Merkle, Parro.
2.)\tPublic Comments:
None
3.)\tBuilding and Zoning:
See Inspectors Report on File.
4.)\tAdjournment:
A motion to adjourn was made at 9:02pm.
""")
    scheme, items = choose_items(doc)
    assert [c.number for c in items] == ["1", "2", "3", "4"]
