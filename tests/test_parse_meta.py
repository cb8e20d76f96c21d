"""Header metadata: the body, the meeting date and the kind of document, by general patterns."""
from qa.parse.dates import meeting_date
from qa.parse.kind import find_kind
from qa.parse.meta import find_body
from qa.parse.speech import speaker_lines


def test_body_from_minutes_of_a_meeting_of():
    assert find_body(["MINUTES of a meeting of the Cabinet held in the Council Chamber on 4 July 2024"]) == "Cabinet"
    assert find_body(["MINUTES OF THE REGULAR CITY COUNCIL MEETING", "TUESDAY- - JUNE 6, 2023"]) == "City Council"


def test_body_from_a_date_line_and_from_meeting_of():
    assert find_body(["Planning Committee – Thursday 13 June 2024"]) == "Planning Committee"
    assert find_body(["Milburn Parish Council - 26th January 2021"], "Milburn Parish Council") == "Milburn Parish Council"
    assert find_body(["5:30 PM", "REGULAR MEETING OF THE CITY COUNCIL", "CALL TO ORDER"]) == "City Council"
    assert find_body(["COMMITTEE: Transport and Connectivity Committee"]) == "Transport and Connectivity Committee"


def test_a_meeting_of_council_is_of_the_council():
    assert find_body(["Ordinary Meeting of Council", "04/03/2024", "Minutes"]) == "Council"


def test_a_report_names_the_body_it_goes_to():
    assert find_body(["Report to: Cabinet", "Date of meeting: 12 March 2024"]) == "Cabinet"
    assert find_body(["Report to: Overview and Scrutiny Committee", "Date: 4 March 2024"]) == \
        "Overview and Scrutiny Committee"


def test_body_drops_the_council_it_belongs_to():
    assert find_body(["City of Coral Gables City Commission Meeting", "March 12, 2024"],
                     "City of Coral Gables") == "City Commission"


def test_meeting_date_in_common_forms():
    assert meeting_date(["Thursday, 13 March 2025"]) == "2025-03-13"
    assert meeting_date(["Meeting held on 13th March 2025"]) == "2025-03-13"
    assert meeting_date(["Regular meeting, March 13, 2025"], us=True) == "2025-03-13"
    assert meeting_date(["Meeting: 13/03/2025"]) == "2025-03-13"


def test_meeting_date_is_not_the_print_or_letter_date():
    lines = ["Printed on 3/07/2024 8:02 PM", "Dated 1 March 2024", "City Commission", "Tuesday, March 12, 2024 9:00 AM"]
    assert meeting_date(lines, us=True) == "2024-03-12"
    assert meeting_date(["ORDINANCE NO. 2024-12", "a hearing on February 20, 2024",
                         "PASSED AND ADOPTED THIS TWELFTH DAY OF MARCH, A.D., 2024."]) == "2024-03-12"


def test_meeting_date_is_not_an_earlier_meeting_s_whose_minutes_are_approved():
    # An agenda's title block gives its date alone on a line, blank lines between; the earlier meeting's date
    # comes with "meeting of" under "Approval of Minutes".
    agenda = ["AGENDA", "", "REGULAR BOARD MEETING", "", "10326 FAIR OAKS BLVD", "", "April 8, 2019", "",
              "I. CALL TO ORDER", "II. CONSENT CALENDAR", "1. Approval of Minutes", "",
              "a. Regular Board Meeting of March 11, 2019"]
    assert meeting_date(agenda, us=True) == "2019-04-08"
    minutes = ["Special Board Meeting", "", "Approved Minutes", "", "June 30, 2020", "", "I. CALL TO ORDER",
               "The meeting was called to order.", "The Board approved the preceding minutes on July 13, 2020"]
    assert meeting_date(minutes, us=True) == "2020-06-30"
    assert meeting_date(["Agenda", "2. To confirm the minutes of the meeting held on 12 February 2025",
                         "Meeting to be held on 13 March 2025"]) == "2025-03-13"
    # A title that says "prior to" another meeting, and a cover sheet's own date under a minutes heading
    assert meeting_date(["Minutes of the Annual Parish Meeting held on Tuesday 14 May 2024 prior to the Annual "
                         "Council Meeting", "Present: Cllr A", "The next meeting will be on Tuesday 11 June 2024"]) \
        == "2024-05-14"
    assert meeting_date(["Confirmation of the minutes of the last meeting",
                         "Meeting of the Planning Committee, Tuesday 9 July 2024", "minutes of 11 June 2024"]) \
        == "2024-07-09"


def test_approved_minutes_under_an_agenda_item_are_minutes_and_action_minutes_record_decisions():
    board = ["AGENDA ITEM III.1.a", "", "Regular Board Meeting", "", "Approved Minutes", "", "April 8, 2019", "",
             "District Attendees", "Michael McRae - Board President", "I. CALL TO ORDER", "II. PUBLIC COMMENT"]
    assert find_kind(board) == "minutes"
    actions = ["**ACTION SUMMARY MINUTES – REGULAR MEETING**", "**BOARD OF DIRECTORS**", "**Thursday, September 24, 2020**"]
    for n in range(1, 7):
        actions += [f"{n}. **Item {n}**", f"Recommendation: Adopt resolution {n}.", f"Action: Adopted Resolution No. {n}.",
                    f"Next Meeting: October {n}, 2020"]
    assert find_kind(actions) == "decision-record"  # "Action:" and "Next Meeting:" are labels, not speakers
    assert find_kind(["Agenda", "Regular Meeting", "- Minutes of the previous meeting", "1. Apologies"]) == "agenda"
    votes = ["County Board of Education Meeting Agenda", "Tuesday, December 14, 2021", "MINUTES – UNAPPROVED"]
    for n in range(1, 7):
        votes += [f"{n}. Item {n}", "Motion by Trustee Brown, second by Trustee Davis.", "Final Resolution: Motion Carried",
                  "Yes: Trustee Brown, Trustee Davis, Trustee Fong"]
    assert find_kind(votes) == "minutes"  # a roll call's "Final Resolution:" and "Yes:" are labels, not speakers
    assert find_kind(["# AGENDA", "## Regular Board Meeting", "### March 11, 2024",
                      "* Draft Minutes – Regular Board Meeting of February 12, 2024", "* Treasurer's report"]) == "agenda"
    assert find_kind(["ACTION MINUTES", "Special Meeting", "March 11, 2024", "Present: A, B"]) == "minutes"


def test_a_body_named_by_its_noun_alone_takes_its_full_name_from_the_header():
    assert find_body(["AGENDA", "REGULAR BOARD MEETING", "FAIR OAKS WATER DISTRICT OFFICE", "April 8, 2019",
                      "The Board of Directors of the Fair Oaks Water District holds its Regular Board Meetings on the "
                      "second Monday of each month."]) == "Board of Directors of the Fair Oaks Water District"
    assert find_body(["CITY OF PORTLAND, OREGON OFFICIAL MINUTES A REGULAR MEETING OF THE COUNCIL OF THE CITY OF "
                      "PORTLAND, OREGON WAS HELD THIS 12TH DAY OF JANUARY, 2011"]) == "Council of the City of Portland"
    assert find_body(["AGENDA ITEM III.1.a", "Regular Board Meeting", "Approved Minutes", "April 8, 2019"]) == "Board"
    # Not words after the name, nor another body named inside a longer one
    assert find_body(["REGULAR BOARD MEETING", "March 3, 2024",
                      "Board of Directors Present: President Smith, Director Jones"]) == "Board"
    assert find_body(["CITY COUNCIL AGENDA", "REGULAR COUNCIL MEETING", "Appoint a delegate to the Sacramento Area "
                      "Council of Governments Board of Directors"]) == "City Council"


def test_a_title_block_names_the_body_under_the_document_s_kind_not_the_letterhead_above():
    assert find_body(["Sacramento Metropolitan Fire District", "10545 Armstrong Ave., Suite 200",
                      "ACTION SUMMARY MINUTES – REGULAR MEETING", "BOARD OF DIRECTORS",
                      "SACRAMENTO METROPOLITAN FIRE DISTRICT", "Thursday, September 24, 2020"]) == "Board of Directors"
    assert find_body(["Anytown District Council", "MINUTES", "Planning Committee", "Tuesday 9 July 2024"]) \
        == "Planning Committee"
    # Not an agenda's first heading, nor an item heading that ends in "Minutes", nor a sentence
    assert find_body(["ANYTOWN PARISH COUNCIL", "You are summoned to a meeting of the Parish Council on Monday "
                      "3 June 2024", "AGENDA", "PUBLIC FORUM"]) == "Anytown Parish Council"
    assert find_body(["NOTICE OF MEETING", "A meeting of the Finance Committee will be held on 3 June 2024",
                      "1. Apologies", "Approval of Minutes", "Planning Committee"]) == "Finance Committee"
    assert find_body(["Anytown Parish Council", "Chair: Cllr Hart", "AGENDA", "To all members of the Council"]) \
        == "Anytown Parish Council"


def test_kind_from_the_header():
    assert find_kind(["Minutes of the Cabinet", "4 July 2024"]) == "minutes"
    assert find_kind(["Regular Meeting Agenda", "Tuesday, January 10, 2023"]) == "agenda"
    assert find_kind(["Decision Recording Form", "Decision determined at X Committee meeting on 19 March 2026"]) == "decision-record"
    assert find_kind(["Committee Report", "TITLE: Workplace Parking Levy Update"]) == "report"
    assert find_kind(["Written Questions", "Question 1 from Cllr A"]) == "written-questions"
    assert find_kind(["Agenda and minutes", "X Committee - Monday, 23rd March, 2026"]) == "minutes"


def test_kind_ignores_a_line_about_another_meetings_minutes():
    lines = ["REGULAR MEETING OF THE CITY COUNCIL", "Thursday, May 14, 2026", "CALL TO ORDER",
             "Minutes of the Regular Meeting of the City Council held on April 23, 2026."]
    assert find_kind(lines, "2026-05-14") == "agenda"


def test_speaker_turns_make_a_transcript():
    turns = ["Mayor Bowman: Welcome.", "Councillor Lukes: Thank you.", "THE CHAIR: Item 4."] * 4
    assert speaker_lines(turns) == 12
    assert find_kind(turns) == "transcript"
    fields = ["Email: a@b.org", "Tel: 0123", "Present: Cllr A"] * 4
    assert speaker_lines(fields) == 0


def test_labelled_fields_under_each_report_of_minutes_are_not_turns_of_speech():
    # Victorian and New Zealand minutes head each report with "Author:", "Department:", "File:" and close it with
    # "Moved: Cr X Seconded: Cr Y": labels again and again, and nobody speaks
    report = ["Author: Manager Finance", "Department: Corporate and Community", "File: F23/1187",
              "Council Resolution", "Moved: Cr Kostopoulos Seconded: Cr O'Dwyer", "That Council receive the report."]
    lines = ["MOUNT BELLBIRD SHIRE COUNCIL", "MINUTES", "Ordinary Meeting of Council"] + report * 4
    assert find_kind(lines) == "minutes"


def test_a_reports_form_of_several_words_a_label_is_no_speaker_even_where_someone_says_thank_you():
    # Western Australian minutes: each officer's report opens with a form, its labels two or three words long
    # ("Disclosure of Interest:", "Authorising Officer:"), and public question time thanks the questioner
    report = ["File Ref: FIN 08/01", "Author: Jodie Ellwood, Finance Officer",
              "Authorising Officer: Kylie Ferris, Executive Manager", "Disclosure of Interest: Nil",
              "Date of Report: 16 October 2023", "Voting Requirements: Simple Majority",
              "That Council: 1. Receives the list of accounts paid.", "Moved: Cr McAlpine Seconded: Cr Ngo"]
    lines = ["SHIRE OF YALBARRUP", "MINUTES", "ORDINARY COUNCIL MEETING",
             "The President said thank you to Mrs Kowalski.", "Thank you, said the CEO."] + report * 5
    assert speaker_lines(lines) == 0
    assert find_kind(lines) == "minutes"


def test_a_passing_mention_of_a_report_does_not_make_minutes_a_report():
    from qa.parse.kind import find_kind

    lines = ["Wye Valley Villages Delivery Group", "Present: J Smith, A Jones", "1. Apologies", "None.",
             "2. Signage", "The group agreed to publish a report to this effect in the spring.",
             "3. Any other business", "Moved by J Smith, seconded by A Jones; motion carried."]
    assert find_kind(lines) == "minutes"
    assert find_kind(["REPORT OF THE DIRECTOR OF FINANCE", "1. Purpose", "To set out the budget."]) == "report"
    assert find_kind(["Notes of the group", "", "Purpose of the report", "To set out the budget."]) == "report"


def test_bodies_named_by_their_place_and_not_by_a_sentence():
    assert find_body(["MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT",
                      "OF NEWCASTLE WEST HELD IN ÁRAS WILLIAM SMITH OBRIEN, ON WEDNESDAY, 2ND"]) == \
        "Municipal District of Newcastle West"
    assert find_body(["You are requested to attend a Meeting of the Metropolitan District of Limerick to be held on",
                      "Monday, 15th July, 2024"]) == "Metropolitan District of Limerick"
    assert find_body(["Minutes of the March Meeting of Wereham PC", "Minutes of the meeting of the Wereham Parish Council",
                      "held on Tuesday 14th March 2006"]) == "Wereham Parish Council"
    # "board" in a sentence is no name: nothing here names the body
    assert find_body(["Regular meeting, called to order at 7 pm.", "Next board meeting will be September 16, 2019."]) is None


def test_body_from_a_line_saying_it_held_its_meeting():
    assert find_body(["11 November 2020", "Manordeilo and Salem Community Council held their meeting via Zoom at "
                      "7.30pm on the 11th November 2020.", "PRESENT"]) == "Manordeilo and Salem Community Council"


def test_sentences_and_dates_are_not_bodies_and_reports_heading_minutes_are_minutes():
    assert find_body(["Minutes of the Planning Committee of Monday 12 March 2024"]) == "Planning Committee"
    assert find_body(["Committee: Planning Committee", "Date: 12 March 2024",
                      "The Committee held a minute's silence."]) == "Planning Committee"
    assert find_body(["Notes", "The Council met in closed session."]) is None
    assert find_kind(["Parish Council", "Present: J Smith", "Apologies: none", "1. Minutes", "Agreed.",
                      "2. Planning", "Noted.", "Reports of Officers", "The clerk reported."]) == "minutes"
    assert find_kind(["COUNCIL", "14 JULY 2022", "REPORTS OF CABINET MEMBERS WITH RESPONSIBILITY", "Introduction",
                      "1. It is my pleasure to submit this to Council."]) == "report"


def test_a_date_printed_without_its_year_takes_the_year_its_weekday_fits():
    lines = ["GOVAN COMMUNITY COUNCIL", "GENERAL MEETING MONDAY 4 DECEMBER", "Present: E Clark",
             "The budget for 2023/24 was noted; the hall is booked until March 2024."]
    assert meeting_date(lines) == "2023-12-04"  # a Monday in 2023, the year the text speaks of
    assert meeting_date(["MEETING MONDAY 6 DECEMBER", "Notes of 2023."]) is None  # no year from 2022 to 2024 fits
    assert meeting_date(["Meeting held on Monday 4 December 2023"]) == "2023-12-04"
    # Month first, as said in a transcript; the year the header prints before years the speech recalls
    speech = ["# 02 2024", "**Clerk:** Let's do roll call for city council meeting on Monday, February 12th."] + \
        [""] * 80 + ["**Mayor:** Back in 2000 the park was smaller."] * 3
    assert meeting_date(speech, us=True) == "2024-02-12"  # 12 February 2001 was a Monday too


def test_the_header_window_holds_as_much_text_when_a_reader_gives_paragraphs_as_lines():
    from qa.parse.meta import first_lines

    para = "Members discussed the state of the play park and agreed that the clerk would obtain three quotes. " * 3
    assert first_lines(["Short line"] * 50, 40) == ["Short line"] * 40
    assert len(first_lines([para] * 50, 40)) == 13  # 300 characters count as three printed lines
    # A PDF gives each paragraph as one line: a report of another body's meeting, fifteen paragraphs down, is no
    # longer inside the header, and the body the document names on its own line is found.
    lines = ["GOVAN COMMUNITY COUNCIL", "Minutes of the general meeting", "Monday 4 December 2023"] + [para] * 14 + [
        "Our Secretary reported on the meeting of the Area Committee held last week."]
    assert find_body(lines) == "Govan Community Council"


def test_the_kind_is_read_from_the_top_of_the_page_not_from_paragraphs_further_down():
    para = "The Council will consider the budget for the coming year, the precept and the grants it makes. " * 4
    lines = ["Testshire Parish Council", "Notice of meeting", "Agenda for Tuesday 4 June 2024"] + [para] * 3 + [
        "Minutes of the meeting of 7 May 2024 to be approved."]
    assert find_kind(lines) == "agenda"


def test_a_meeting_date_wrapped_over_two_header_lines_is_read_whole():
    lines = ["MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT", "",
             "OF WESTBURY HELD IN THE CIVIC OFFICES, ON WEDNESDAY, 2ND ", "", "JULY, 2014, AT 10.00 A.M.", "",
             "1. Adoption of Minutes", "The Minutes of the meeting held on 7th May, 2014 were noted."]
    assert meeting_date(lines) == "2014-07-02"


def test_a_board_s_minutes_headed_by_its_municipality_alone_take_it_as_the_body():
    lines = ["Town of North Star", "August 19, 2019", "CALL TO ORDER",
             "Chair Dick Dillon called the monthly meeting to order at 6:30 pm."]
    assert find_body(lines) == "Town of North Star"
    assert find_body(["City of the future", "A report on growth"]) is None


def test_the_next_meeting_of_another_body_does_not_name_this_one():
    lines = ["Present: Cllrs Shewell, Evans and Ashman, and the Clerk.",
             "3454. Matters Arising: the Group are trying to get the plan delivered. Next meeting of the Delivery "
             "Group 25th March."]
    assert find_body(lines) is None
    assert find_body(["Minutes of the meeting of the Planning Committee held on 5 March 2024"]) == "Planning Committee"


def test_a_letterhead_names_the_body_that_sits_under_its_chair_not_the_parent_body_above_it():
    lines = ["Draft Meeting Minutes: October 11, 2018", "Elections Commission", "City and County of San Francisco",
             "Don Chan, Secretary", "Open Source Voting System Technical Advisory Committee",
             "Christopher Jerdonek, Chair", "Roan Kattouw, Vice Chair", "MEETING MINUTES (DRAFT)"]
    assert find_body(lines) == "Open Source Voting System Technical Advisory Committee"


def test_welsh_minutes_give_their_body_date_and_kind():
    from qa.parse.dates import dates_in
    from qa.parse.document import parse_text

    assert [iso for _o, iso in dates_in("dyddiedig 31ain Gorffennaf 2020 a 1af Mai 2021")] == ["2020-07-31", "2021-05-01"]
    text = """Cyfarfod 9fed Medi 2020

Cynhaliwyd cyfarfod Cyngor Cymuned Llanfair a Glyn o bell trwy Zoom am 7.30pm ar y 9fed Medi 2020.

PRESENNOL
Cynghorwyr Alun Davies, Kim Davies a Peter Harries.

1. CROESO AC YMDDIHEURIADAU
Cymerwyd y Gadair gan y Cyng. A. Davies a chroesawodd bawb i'r cyfarfod.

2. CADARNHAU COFNODION Y CYFARFOD DIWETHAF
Cynigiwyd gan y Cyng. P. Harries, eiliwyd gan y Cyng. K. Davies a chytunwyd bod cofnodion yr 8fed Gorffennaf 2020 yn gywir.

3. GOHEBIAETH
Cyfriflen Banc dyddiedig 1af Medi 2020. Nodwyd.
"""
    m = parse_text(text, "llanfair-glyn.txt")
    assert (m.body, m.date, m.kind) == ("Cyngor Cymuned Llanfair a Glyn", "2020-09-09", "minutes")
    assert [i.number for i in m.items if i.number] == ["1", "2", "3"]


def test_a_welsh_council_name_stays_on_its_line_and_an_english_name_beside_it_wins():
    from qa.parse.council import council_from_text

    assert council_from_text("Cyngor Cymuned Llanfair\nPresennol: Cyng. A. Davies\n") == "Cyngor Cymuned Llanfair"
    assert find_body(["Cyngor Cymuned Llanfair a Glyn", "Cofnodion y cyfarfod 9fed Medi 2020"]) == "Cyngor Cymuned Llanfair a Glyn"
    assert find_body(["CYNGOR CYMUNED LLANFAIR", "Cofnodion y cyfarfod"]) == "Cyngor Cymuned Llanfair"
    assert find_body(["Cyngor Tref Aberteifi", "Cardigan Town Council",
                      "Minutes of the meeting held on 9 September 2020"]) == "Cardigan Town Council"


def test_welsh_record_words_make_a_text_minutes():
    lines = ["Cyfarfod 9fed Medi 2020", "Cynghorwyr Alun Davies a Kim Davies.", "Cynigiwyd gan y Cyng. P. Harries."]
    assert find_kind(lines) == "minutes"
    assert find_kind(["Cofnodion", "Cyngor Cymuned Llanfair"]) == "minutes"
    assert find_kind(["Cyfarfod 9fed Medi 2020", "Eitemau i'w trafod"]) == "agenda"


def test_another_meeting_named_in_any_spacing_does_not_name_this_one():
    for line in ("Next  meeting of the Delivery Group 25th March.", "the following ordinary meeting of the Planning "
                 "Committee will consider it."):
        assert find_body(["Present: Cllrs Shewell and Evans.", line]) is None, line


def test_a_line_in_a_sentence_s_case_is_no_letterhead_body():
    assert find_body(["Sample Town Council", "To all Members of the Council", "Chairman: Cllr J Smith"]) == \
        "Sample Town Council"


def test_a_scottish_minute_of_meeting_with_its_sederunt_is_minutes():
    lines = ["ABERDEENSHIRE COUNCIL", "MINUTE OF MEETING OF THE EDUCATION COMMITTEE",
             "held in the Council Chamber on Thursday 5 March 2024", "Sederunt:", "Councillor A Smith (Convener)",
             "1. DECLARATION OF INTERESTS"]
    assert find_kind(lines, "2024-03-05") == "minutes"
    assert find_kind(["EDUCATION COMMITTEE", "Thursday 5 March 2024", "Sederunt:", "Councillor A Smith (Convener)",
                      "1. DECLARATION OF INTERESTS"], "2024-03-05") == "minutes"


def test_a_page_title_naming_only_the_document_is_no_body():
    from qa.parse.document import parse_text
    items = "\n".join(f"{k}. {t}\nThe committee discussed it.\n" for k, t in
                      enumerate(["Call to Order & Roll Call", "General Public Comment", "Approval of Minutes"], 1))
    # a web page printed to PDF: the page title, then the letterhead's lines joined into one paragraph
    page = ("Draft Meeting Minutes: October 11, 2018\n\nElections Commission City and County of San Francisco "
            "Jo Chan, Secretary Open Source Voting System Technical Advisory Committee Chris Lee, Chair "
            "MEETING MINUTES (DRAFT) Open Source Voting System Technical Advisory Committee (OSVTAC) of the "
            "San Francisco Elections Commission Thursday, October 11, 2018 6:00 p.m.\n\n" + items)
    assert parse_text(page, "page.txt").body == "Open Source Voting System Technical Advisory Committee"
    agenda = page.replace("MINUTES (DRAFT)", "AGENDA").replace("Draft Meeting Minutes", "Meeting Agenda")
    assert parse_text(agenda, "agenda.txt").body == "Open Source Voting System Technical Advisory Committee"
    bare = "Draft Meeting Minutes: October 11, 2018\n\nPresent: Members Hage, Lee\n\n" + items
    assert parse_text(bare, "page.txt").body == "Unknown body"


def test_an_item_headed_minutes_is_no_page_title():
    from qa.parse.document import parse_text
    agenda = ("Anytown Town Council\nFinance and General Purposes Committee – Monday 4 March 2024 at 7pm\nAGENDA\n"
              "1. Apologies\nTo receive apologies for absence.\n2. Declarations of Interest\n3. Minutes\n"
              "Full Council – to note the minutes of 12 February 2024.\n4. Budget Monitoring\nTo review the budget.\n")
    assert parse_text(agenda, "x.txt").body == "Finance and General Purposes Committee"
    assert find_body(["Cllr Smith, Chairman", "Minutes Secretary", "Finance Committee", "Meeting of 4 March 2024"]) \
        == "Finance Committee"


def test_a_title_line_names_no_body_in_any_common_form():
    from qa.parse.header import split_title_line
    for line in ("Draft Minutes — 11 October 2018", "Minutes | 11 October 2018", "Minutes (Draft) 11 October 2018",
                 "Annual Meeting 4 May 2023"):
        assert split_title_line(line)[0] is None, line
    assert split_title_line("Planning Committee,   Tuesday  , 4 May 2023")[:2] == ("Planning Committee", "2023-05-04")


def test_a_body_named_with_its_place_or_label_and_without_the_document_s_words():
    from qa.parse.document import parse_text
    items = ("\n1. Apologies\nApologies were received from Cllr Brown.\n\n2. Declarations of interest\nNone.\n\n"
             "3. Planning\nThe council resolved to raise no objection.\n")
    for head, body in (("Borough of Springfield\nZoning Board of Adjustment\nRegular Meeting Minutes\nMarch 4, 2024",
                        "Zoning Board of Adjustment"),
                       ("Health and Wellbeing Board\nNotes of the meeting held on 4 March 2024", "Health and Wellbeing Board"),
                       ("Toronto City Council\nDecision Body: Executive Committee\nMeeting Date: March 4, 2024",
                        "Executive Committee")):
        assert parse_text(head + "\n" + items, "x.txt").body == body, head


def test_a_small_council_is_named_with_its_place_and_a_regular_meeting_line_names_its_body():
    assert find_body(["Anytown Parish Council", "You are summoned to attend the meeting of the Parish Council on "
                      "Monday 4 March 2024 at 7.30pm.", "AGENDA"]) == "Anytown Parish Council"
    assert find_body(["CITY OF SPRINGFIELD", "CITY COUNCIL REGULAR MEETING AGENDA", "Tuesday, March 5, 2024"]) \
        == "City Council"


def test_a_board_named_by_its_place_not_an_office_of_it():
    assert find_body(["Clerk of the Board of Supervisors", "Land Use Committee", "March 4, 2024"]) == "Land Use Committee"
    assert find_body(["Regular Meeting of the Board of Trustees", "March 4, 2024"]) == "Board of Trustees"
    assert find_body(["Zoning Board of Adjustment Regular Meeting Minutes March 4, 2024"]) == "Zoning Board of Adjustment"
    from qa.parse.header import split_title_line
    assert split_title_line("Health and Wellbeing Board Notes of the meeting 4 March 2024")[0] == \
        "Health and Wellbeing Board"


def test_a_committee_of_the_whole_is_a_body():
    assert find_body(["Committee of the Whole", "March 4, 2024"]) == "Committee of the Whole"
    assert find_body(["Minutes of the Committee of the Whole held on 4 March 2024"]) == "Committee of the Whole"


def test_a_meeting_date_printed_atop_every_page_is_still_the_meeting_s():
    from qa.parse.document import parse_text

    page = ["SAN JUAN WATER DISTRICT", "BOARD MEETING AGENDA", "March 27, 2019"]
    text = "\n".join(page + ["", "I. ROLL CALL", "", "II. CONSENT CALENDAR",
                             "1. Minutes of the Board of Directors Special Meeting, February 25, 2019", "",
                             "\f" + "\n".join(page), "", "III. OLD BUSINESS", "Water rates.", "",
                             "\f" + "\n".join(page), "", "IV. NEW BUSINESS", "Wells.", "",
                             "\f" + "\n".join(page), "", "V. ADJOURN", ""])
    assert parse_text(text, "t.txt").date == "2019-03-27"


def test_a_procedural_heading_is_no_body():
    assert find_body(["# Minutes for meeting held Tuesday 4th March 2025", "Held in Ayton Community Hall at 7:00pm.",
                      "Present", "Alan McFadzean — Chair", "Public Forum", "1 Member of the public was present."]) \
        is None


def test_timestamped_minutes_labels_are_not_speakers_and_a_header_dating_another_meeting_is_not_the_date():
    lines = ["MINUTES OF THE REGULAR MEETING", "March 3, 2024"]
    for n in range(6):
        lines += [f"[0:0{n}:30] Motion: To approve item {n}.", f"[0:0{n}:45] Vote: Motion carried 5-0."]
    assert find_kind(lines) == "minutes"
    from qa.parse.document import parse_text

    page = "Council meeting 9 April 2024 – Agenda Item 4"
    text = "\n".join([page, "Minutes of the meeting of the Parish Council held on Tuesday 12 March 2024", "",
                      "1. Apologies", "None.", "", "\f" + page, "2. Minutes", "Approved.", "", "\f" + page,
                      "3. Finance", "Noted.", "", "\f" + page, "4. Planning", "None."])
    assert parse_text(text, "t.txt").date == "2024-03-12"


def test_a_body_named_by_its_remit_after_on():
    head = ["1/6/22, 2:29 PM BoardDocs® Plus", "SACRAMENTO COUNTY COMMITTEE ON SCHOOL DISTRICT ORGANIZATION",
            "Tuesday, December 14, 2021", "MINUTES – Unapproved", "1. CALL TO ORDER AND ROLL CALL"]
    assert find_body(head) == "Sacramento County Committee on School District Organization"
    assert find_body(["Commission on the Status of Women", "Regular Meeting", "March 3, 2024"]) == \
        "Commission on the Status of Women"
    # a meeting day after "on" is no remit
    assert find_body(["Planning Committee on Monday 3 March 2024"]) != "Planning Committee on Monday"


def test_a_line_of_the_body_s_name_and_the_document_s_kind_names_the_body_not_the_letterhead_above():
    head = ["San Juan Unified School District", "Board of Education", "3738 Walnut Avenue, Carmichael, California 95608",
            "Board of Education Minutes", "October 25, 2022", "Regular Meeting"]
    assert find_body(head) == "Board of Education"
    assert find_body(["Springfield Unified School District", "PLANNING COMMITTEE AGENDA", "March 3, 2024"]) == \
        "Planning Committee"


def test_fields_repeated_under_every_item_or_vote_are_not_speakers():
    agenda = []
    for n in range(1, 9):
        agenda += [f"A.{n} Approve and authorize the Chair to sign amendment No. {n} to the agreement.",
                   "Recommended Action: Approve and authorize.", f"Fiscal Impact: No General Fund impact; ${n},000 budgeted."]
    assert speaker_lines(agenda) == 0
    assert find_kind(["BOARD OF SUPERVISORS", "AGENDA", "August 22, 2023"] + agenda) == "agenda"
    minutes = []
    for n in range(205, 218):
        minutes += [f"RESOLUTION 2023/{n}", "That Council adopt the recommendation.", "Moved:\tCr Ruth McInnes",
                    "Seconded: Cr Sam Nguyen", "In Favour: Crs McInnes, Nguyen and Lee", "Against: Nil", "CARRIED"]
    assert speaker_lines(minutes) == 0
    assert find_kind(["MINUTES", "ORDINARY COUNCIL MEETING", "22 August 2023"] + minutes) == "minutes"


def test_a_date_after_another_body_s_adoption_of_something_is_not_the_meeting_s():
    lines = ["LITTLE BRAMFORD PARISH COUNCIL",
             "Minutes of the Meeting of Little Bramford Parish Council held on Monday 12th June 2023 at 7.30pm",
             "23/050 Reports from County and District Councillors",
             "District Cllr Marchant reported that the District Council had adopted its new Joint Local Plan, and that "
             "the garden waste collection charge would rise to £58 per bin from 1st July 2023."]
    assert meeting_date(lines) == "2023-06-12"
    # an ordinance is still dated by its adoption
    assert meeting_date(["ORDINANCE NO. 2024-05", "First reading: February 6, 2024",
                         "PASSED AND ADOPTED by the City Council on March 5, 2024"]) == "2024-03-05"


def test_an_item_handling_another_body_s_minutes_or_the_platform_met_on_names_no_body():
    assert find_body(["CITY OF SPRINGFIELD", "PLANNING COMMISSION", "Tuesday, March 5, 2024 - 6:00 PM", "CALL TO ORDER",
                      "Approval of Planning Commission Minutes"]) == "Planning Commission"
    assert find_body(["Anytown Parish Council", "Tuesday 5 March 2024 at 7.30pm", "Apologies for absence",
                      "Receive the Finance Committee Minutes"]) == "Anytown Parish Council"
    assert find_body(["Anytown Parish Council on Zoom", "Tuesday 5 March 2024 at 7.30pm"]) != \
        "Anytown Parish Council on Zoom"


def test_a_line_of_the_body_then_its_meeting_day_names_the_body():
    assert find_body(["# Record of Decisions", "Combined Authority Board Thursday, 25 January 2024, 11.00 am Venue: "
                      "Boardroom, Pennine House"]) == "Combined Authority Board"


def test_a_board_portals_list_of_meetings_does_not_date_the_meeting_its_own_day_does():
    lines = ["Marlow Creek Unified School District", "Meetings",
             "Apr 9, 2024 (Regular Board Meeting) Mar 26, 2024 (Special Board Meeting) Mar 12, 2024 (Regular Board "
             "Meeting) Feb 13, 2024 (Regular Board Meeting)",
             "Dec 12, 2023 (Regular Board Meeting)",
             "Regular Board Meeting",
             "Tuesday, March 12, 2024 · 6:30 PM · District Office Board Room",
             "A. Call to Order"]
    assert meeting_date(lines, us=True) == "2024-03-12"


def test_a_committee_named_under_its_councils_letterhead_is_the_body():
    lines = ["Hartmoor County Council\tDemocratic Services", "County Hall, Castle Street, Wyvernbridge WB1 2HQ",
             "Planning (Regulation) Committee", "Date:\tWednesday, 24 January 2024", "Time:\t10.30 am"]
    assert find_body(lines, "Hartmoor County Council") == "Planning (Regulation) Committee"
    assert find_body(["Hartmoor County Council", "Minutes of the meeting held on 24 January 2024"],
                     "Hartmoor County Council") == "Hartmoor County Council"


def test_a_summons_date_after_its_weekday_on_the_line_above_outweighs_a_later_event_s():
    lines = ["THORNLEIGH TOWN COUNCIL", "", "7 May 2024", "", "Members of the Council are hereby summoned to attend the",
             "", "Annual Meeting of the Council to be held in the Guildhall on Monday", "",
             "13 May 2024 at 7.00 pm for the purpose of transacting the business below.", "", "AGENDA", "",
             "TC/24/014 CIVIC EVENTS To note the Mayor's Civic Service on", "", "Sunday 9 June 2024 at St Wilfrid's."]
    assert meeting_date(lines) == "2024-05-13"


def test_a_texas_commissioners_court_is_the_body_and_its_record_of_a_session_held_is_minutes():
    lines = ["COMMISSIONERS COURT OF BRAMLETT COUNTY, TEXAS", "REGULAR SESSION MONDAY, AUGUST 14, 2023",
             "BE IT REMEMBERED that on this the 14th day of August, 2023, the Commissioners Court met in Regular "
             "Session with the following members present:", "1. CALL TO ORDER; ESTABLISH QUORUM.",
             "Consider, discuss and take appropriate action on the burn ban."]
    assert find_body(lines, "County of Bramlett") == "Commissioners Court"
    assert find_kind(lines) == "minutes"


def test_a_body_named_before_the_word_agenda_makes_an_agenda_whatever_a_motion_in_it_resolves():
    lines = ["City of Carrick Falls", "Committee of the Whole Agenda", "Monday, October 16, 2023 6:00 p.m.",
             "1. Call to Order", "6.1 Councillor Petrović – Free Transit for Seniors Pilot Program",
             "NOW THEREFORE BE IT RESOLVED THAT staff report on a pilot."]
    assert find_kind(lines) == "agenda"


def test_a_body_whose_name_carries_macrons_is_named_by_its_notice_of_meeting():
    lines = ["Waimārie District Council", "Te Kaunihera ā-Rohe o Waimārie", "OPEN AGENDA",
             "Notice is hereby given that an ordinary meeting of the Pūriri Bay Community Board will be held on:",
             "Date: Wednesday, 17 July 2024", "Note: The reports in this agenda should not be construed as a decision "
             "of Council."]
    assert find_body(lines, "Waimārie District Council") == "Pūriri Bay Community Board"


def test_a_community_council_named_with_an_ampersand_meets_as_itself():
    lines = ["KILBRANNOCH & GLENMUIR COMMUNITY COUNCIL", "",
             "Minutes of the Ordinary Meeting held on Tuesday 12th March 2024 at 7.00pm in Kilbrannoch Village Hall",
             "", "Present:", "Fiona McAllister (Chair), Iain Duthie (Secretary)"]
    assert find_body(lines, "Kilbrannoch & Glenmuir Community Council") == "Kilbrannoch & Glenmuir Community Council"


def test_a_committee_pages_list_of_its_other_meetings_dates_none_of_them():
    lines = ["Harnshire County Council", "Meeting details", "Printed minutes PDF 310 KB", "Other meetings",
             "Thursday, 13th July, 2023", "Thursday, 23rd November, 2023", "Agenda, decisions and minutes",
             "Health and Wellbeing Board - Thursday, 21st September, 2023 2.00 pm", "Venue: The Ardley Room"]
    assert meeting_date(lines) == "2023-09-21"


def test_a_planning_commissions_written_up_hearings_are_no_transcript():
    hearing = ["Staff Presentation: Associate Planner Feldman presented the staff report.",
               "Applicant Presentation: Tom Gaffney stated that the operator has 22 locations.",
               "Public Hearing: Chair Castañeda opened the public hearing at 6:58 p.m.",
               "Commission Discussion: Commissioner Hsu said she could not support it. Thank you, she said.",
               "ACTION: Motion by Commissioner Kessler to approve. Motion passed 4-1."]
    lines = ["CITY OF ARROYO VERDE", "PLANNING COMMISSION", "MINUTES OF THE REGULAR MEETING"] + hearing * 3
    assert speaker_lines(lines) == 0
    assert find_kind(lines) == "minutes"


def test_a_body_named_in_running_text_is_its_capitalised_words_and_gives_way_to_a_fuller_title():
    lines = ["CARRIGMORE COUNTY COUNCIL", "CARRIGMORE JOINT POLICING COMMITTEE",
             "Minutes of Meeting held in the Council Chamber on Monday, 20th March 2023 at 3.00 p.m.",
             "The Cathaoirleach welcomed Superintendent Tierney, attending his first meeting of the Committee "
             "following his appointment to the Ballinure District."]
    assert find_body(lines, "Carrigmore County Council") == "Joint Policing Committee"
    notice = ["MUNDARRA REGIONAL COUNCIL", "Special Council Meeting", "A G E N D A", "Wednesday, 26 June 2024",
              "Notice is hereby given that a Special Meeting of Council will be held in the Council Chambers."]
    assert find_body(notice, "Mundarra Regional Council") == "Council"


def test_a_hearing_s_notice_of_determination_is_a_decision_record():
    notice = ["HARTWELL BOROUGH COUNCIL", "LICENSING SUB-COMMITTEE", "NOTICE OF DETERMINATION",
              "Date of hearing\t18 November 2020", "1. Procedure of the hearing", "2. Decision", "3. Reasons"]
    assert find_kind(notice) == "decision-record"
    # a notice of a meeting is an agenda's
    assert find_kind(["HARTWELL BOROUGH COUNCIL", "NOTICE OF MEETING", "Licensing Sub-Committee",
                      "18 November 2020", "1. Apologies"]) == "agenda"


def test_a_meeting_s_count_spelt_out_before_the_body_is_no_part_of_its_name():
    head = ["FAIR HILLS PARK DISTRICT", "ONE THOUSAND FOUR HUNDRED AND TWENTY-SEVENTH BOARD OF DIRECTORS REGULAR MEETING",
            "Agenda for January 17, 2024", "1. CALL TO ORDER"]
    assert find_body(head, "Fair Hills Park District") == "Board of Directors"
    assert find_body(["FORTY-SECOND ANNUAL MEETING OF THE TOWN COUNCIL", "March 3, 2024"], None) == "Town Council"


def test_minutes_titled_adopted_or_ending_on_meeting_minutes_are_minutes():
    assert find_kind(["# Adopted Minutes Regular Council Meeting", "## July 9, 2002",
                      "Mayor Tierney called a Regular Meeting of the City Council to order at 7:00 p.m."]) == "minutes"
    page = ["Archive | 2022 County Commission Meeting Minutes", "June 6, 2022 Meeting Minutes",
            "AGENDA BOARD MEETING JUNE 6, 2022 9:00 AM", "1. Call to Order", "2. Roll Call of Members"]
    assert find_kind(page) == "minutes"
    # an agenda's item on the last minutes is no title of minutes
    assert find_kind(["AGENDA", "Regular Board Meeting", "June 6, 2022", "1. Call to Order",
                      "2. Approval of Regular Meeting Minutes"]) == "agenda"


def test_a_page_titled_council_decision_below_the_site_s_menus_is_a_decision_record():
    page = ["City of Lakeview City Council Agendas & Minutes", "Council Decisions", "Search Decisions",
            "Council Minutes", "Public Hearing Minutes", "Standing Committees", "Planning", "Parks", "Budget",
            "Contact", "Council Decision", "Meeting\tCouncil Minutes", "Meeting Date\tDecember 6, 2021",
            "Minutes\t120621_minutes.htm", "APPLICATION BY POLYGON LTD. TO REZONE 8671 CAMBIE ROAD", "Outcome",
            "[R21/21-12] It was moved and seconded", "CARRIED"]
    assert find_kind(page) == "decision-record"
    # a minutes page's menu naming the site's decisions makes it no decision
    assert find_kind(page[:10] + ["Council Minutes", "December 6, 2021", "Present: Mayor Brodie",
                                  "1. Adoption of the minutes", "It was moved and seconded"]) == "minutes"


def test_a_monthly_or_quarterly_meeting_names_no_body_of_that_name():
    assert find_body(["NORTH STAR TOWNSHIP", "Minutes of the Monthly Town Board Meeting", "February 19, 2020"],
                     "Town of North Star") == "Town Board"


def test_a_modern_gov_page_title_names_the_body_after_the_kind_of_meeting():
    head = ["Agenda and minutes", "Annual Meeting, Carrick on Shannon Municipal District - Monday, 14th June, 2021 9.30 am",
            "Venue: Via Ms Teams"]
    assert find_body(head) == "Carrick on Shannon Municipal District"


def test_a_meeting_s_decisions_page_is_a_decision_record():
    page = ["Decisions", "Executive Board - Monday, 11th June, 2018 10.00 am", "Venue: Chamber - County Hall",
            "This page lists the decisions taken at the meeting.", "1. APOLOGIES FOR ABSENCE.",
            "Decision: There were no apologies for absence."]
    assert find_kind(page) == "decision-record"
    assert find_kind(["Agenda, decisions and minutes", "Executive Board - Monday, 11th June, 2018",
                      "1. APOLOGIES", "Minutes:", "None.", "2. MINUTES", "Minutes:", "Approved."]) == "minutes"


def test_a_board_that_met_this_day_left_minutes_though_a_resolution_in_them_heads_its_agenda():
    lines = ["Roanoke County Board of Supervisors", "", "November 26, 1985", "",
             "The Board of Supervisors of Roanoke County, Virginia, met this day at the Administration Center.", "",
             "IN RE: CALL TO ORDER", "", "Chairman McGraw called the meeting to order at 3:15 p.m.", "",
             "IN RE: OPENING CEREMONIES", "", "The Reverend David L. Wade gave the invocation.", "",
             "IN RE: CONSENT AGENDA", "", "Supervisor Brittle moved to approve the Consent Agenda.", "",
             "RESOLUTION NO. 85-221 APPROVING CERTAIN ITEMS SET FORTH ON THE BOARD OF SUPERVISORS", "", "AGENDA", "",
             "BE IT RESOLVED by the Board of Supervisors as follows:"]
    assert find_kind(lines) == "minutes"


def test_a_body_named_by_its_place_stops_before_the_date_label_under_it():
    assert find_body(["VILLAGE OF TOWER HILL", "Minutes of the Regular Meeting of the President and Board of Trustees",
                      "Date: February 18, 2008", "Time: 7:30pm"]) == "President and Board of Trustees"


def test_a_board_portal_s_dated_title_and_a_session_after_the_body_name_it():
    assert find_body(["Public > Organization > Heartland Schools > Meetings > Minutes",
                      "October 8, 2018 at 8:00 PM - Board of Education Regular Meeting", "Agenda | Minutes | Print"]) \
        == "Board of Education"
    assert find_body(["Meeting Minutes", "BOARD OF COMMISSIONERS REGULAR SESSION – DECEMBER 21, 2023, 5:00 PM",
                      "I. Call to Order"]) == "Board of Commissioners"


def test_a_meeting_that_was_called_to_order_left_minutes():
    assert find_kind(["Select Board Meeting", "", "March 27, 2024", "",
                      "A meeting of the Lexington Select Board was called to order at 6:00p.m. on Wednesday.", "",
                      "PUBLIC COMMENTS", "", "None at this time."]) == "minutes"


def test_a_committee_meeting_listed_in_an_agenda_does_not_date_it():
    lines = ["Warren Public Library District", "Board of Trustees Regular Meeting", "April 21, 2015 7:00 PM",
             "AGENDA", "I. Call to order", "II. Committee reports", "a. Policy & Bylaws— Monday, April 13, 2015, 7:00 p.m.",
             "b. Finance— Tuesday, April 14, 2015, 6:00 p.m."]
    assert meeting_date(lines, us=True) == "2015-04-21"
