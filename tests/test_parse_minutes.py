"""Minutes: items, titles, attendance, decisions; seeds 000 and 001 and a made-up house style."""
from qa.parse.clean import join_page_breaks, to_blocks
from qa.parse.document import parse_file

from parse_helpers import CORPUS, DATA, item, lost_words, para, seed


def test_000_items_304_to_311_with_titles():
    m = seed("000")
    assert m.kind == "minutes" and m.date == "2021-03-11"
    assert m.body == "Corporate and Communities Overview and Scrutiny Panel"
    numbers = [i.number for i in m.items if i.number]
    assert numbers == [str(n) for n in range(304, 312)]
    assert item(m, "308").title == "Worcestershire Apprenticeship Strategy 2020-23"
    # the title was interleaved with its text by the PDF extraction
    assert item(m, "307").title == "Confirmation of the Minutes of the Previous Meeting"
    assert item(m, "307").paragraphs[0].text.startswith("The Minutes of the Meeting held on 2 February 2021 were agreed")
    assert item(m, "307").paragraphs[0].text.endswith("signed by the Chairman.")


def test_000_attendance():
    m = seed("000")
    assert "Mr A D Kent (Chairman)" in m.attendees
    assert "Mr A Stafford" in m.attendees and len(m.attendees) == 7
    assert any(a.startswith("Ms K J May, Cabinet Member") for a in m.also_attended)
    assert any(a.startswith("Alyson Grice") for a in m.also_attended)


def test_000_agreed_actions_under_308_are_decisions():
    it = item(seed("000"), "308")
    lead = next(i for i, p in enumerate(it.paragraphs) if "it was agreed that:" in p.text)
    actions = it.paragraphs[lead + 1: lead + 6]
    assert [p.kind for p in actions] == ["decision"] * 5
    assert actions[0].text.startswith("Officers would produce a briefing pack")
    assert actions[2].text.startswith("Key PIs should be included in the Panel's quarterly performance monitoring")
    # the discussion bullets above are not decisions
    assert not any(p.is_decision for p in it.paragraphs[: lead - 1] if p.kind == "bullet")


def test_000_bullet_split_across_page_break_is_one_paragraph():
    it = item(seed("000"), "308")
    p = next(p for p in it.paragraphs if p.text.startswith("The Chairman noted the age profile"))
    assert "age profile of the work force and highlighted" in p.text
    assert not any(p.text.startswith("force and") for p in it.paragraphs)


def test_001_items_from_235_and_date():
    m = seed("001")
    assert m.date == "2019-09-03" and m.kind == "minutes"
    assert [i.number for i in m.items if i.number][0] == "235"
    assert item(m, "239").title == "Employment Policies and Procedures - Bullying and Harassment"


def test_001_interleaved_headings_put_text_back_in_its_minute():
    m = seed("001")
    texts = {n: " ".join(p.text for p in item(m, n).paragraphs) for n in ("240", "241", "242")}
    assert "purchase cards had reduced significantly" in texts["241"]
    assert "policy of no payment of invoices without a purchase order" in texts["241"]
    assert "Place Partnership Limited contract" in texts["240"]
    assert "Gypsy service would be added to the work programme" in texts["242"]
    assert item(m, "242").paragraphs[0].text.startswith("The Panel received details of their current work programme")
    # the closing thanks of 239 was extracted after 240's heading
    assert "thanked the Officers" not in texts["240"]
    assert "thanked the Officers" in " ".join(p.text for p in item(m, "239").paragraphs)


def test_made_up_minutes_resolved_and_slash_numbers():
    m = parse_file(DATA / "minutes_resolved.txt")
    assert m.kind == "minutes" and m.date == "2021-05-04"
    assert m.body == "Planning and Licensing Committee"
    assert [i.number for i in m.items if i.number] == ["45/21", "46/21", "47/21", "48/21"]
    assert item(m, "45/21").key == "45-21"
    assert m.attendees == ("J Smith (Chair)", "P Patel", "R Okafor", "L Brown")
    assert para(item(m, "46/21"), "p1").is_decision
    resolved = [p for p in item(m, "47/21").paragraphs if p.is_decision]
    assert len(resolved) == 1 and "planning permission be granted" in resolved[0].text
    # the sentence cut by a page break is whole again
    assert "the loss of the hedgerow along the western boundary" in item(m, "47/21").paragraphs[0].text


def test_no_text_lost_in_minutes():
    for path in (DATA / "minutes_resolved.txt",):
        assert not lost_words(path, parse_file(path))
    m = seed("000")
    assert not lost_words(CORPUS / m.source, m)
    m = seed("001")
    assert not lost_words(CORPUS / m.source, m)


def test_made_up_cabinet_minutes_numbered_items_and_lettered_resolutions():
    m = parse_file(DATA / "minutes_cabinet.txt")
    assert m.kind == "minutes" and m.body == "Cabinet" and m.date == "2024-03-07"
    assert [i.number for i in m.items if i.number] == ["1", "2", "3", "4"]
    assert item(m, "3").title == "Budget monitoring 2023/24 – quarter 3"
    assert m.also_attended == ("Chief Executive", "Director of Finance")
    subs = [p for p in item(m, "3").paragraphs if p.text.startswith(("(a)", "(b)"))]
    assert len(subs) == 2 and all(p.is_decision for p in subs)
    assert not para(item(m, "3"), "p1").is_decision
    assert not lost_words(DATA / "minutes_cabinet.txt", m)


def test_000_list_items_on_consecutive_lines_stay_apart():
    it = item(seed("000"), "309")
    agreed = [p for p in it.paragraphs if p.is_decision]
    assert len(agreed) == 2
    assert agreed[0].text.startswith("further work should be done")
    assert agreed[1].text.startswith("the Panel would receive a further update")


def test_a_council_file_entry_numbers_its_paragraph_and_heads_the_discussion_after_it():
    from qa.parse.body import build_paragraphs
    from qa.parse.clean import to_blocks

    text = """(23-339) Ordinance No. 3341, "Impose a Temporary Moratorium on Capital Improvement Plan Applications."

Councilmember Herrera Spencer stated that she will not be supporting the matter.

(*23-340) Minutes of the Special City Council Meeting Held on April 24, 2023. Approved."""
    paras, _ = build_paragraphs(to_blocks(text), genre="minutes")
    assert [p.number for p in paras] == ["23-339", None, "23-340"]
    assert paras[0].text.startswith("(23-339) Ordinance No. 3341")  # verbatim, number included
    assert paras[1].heading.startswith('Ordinance No. 3341, "Impose a Temporary Moratorium')
    assert paras[2].heading.startswith("Minutes of the Special") and paras[2].key == "23-340"


def test_a_date_only_the_file_name_gives_is_taken_with_a_warning():
    from qa.parse.document import date_in_name, parse_text

    assert date_in_name("wye-valley-cc-20230227.md") == "2023-02-27"
    assert date_in_name("minutes_2023-02-27.pdf") == "2023-02-27" and date_in_name("item-20231345.pdf") is None
    m = parse_text("Wye Valley Community Council\nMinutes\n\nPresent: J Smith\n\n1. Apologies\nNone.\n",
                   "wye-valley-cc-20230227.txt")
    assert m.date == "2023-02-27" and any("file name" in w for w in m.warnings)
    dated = parse_text("Wye Valley Community Council\nMinutes of the meeting held on 6 March 2023\n\n1. Apologies\n",
                       "wye-valley-cc-20230227.txt")
    assert dated.date == "2023-03-06"  # the text's own date wins


def test_attendance_labels_in_capitals_are_not_items():
    from qa.parse.starts import item_starts

    lines = ["PRESENT IN THE CHAIR: Councillor Scanlan.", "MEMBERS PRESENT:", "Councillors Browne and Collins.",
             "OFFICIALS IN ATTENDANCE:", "Director of Services.", "ADOPTION OF MINUTES", "The minutes were noted.",
             "SCHEDULE OF MEETINGS", "Agreed.", "ANY OTHER BUSINESS", "None."]
    _how, starts = item_starts(lines)
    assert [s.title for s in starts] == ["ADOPTION OF MINUTES", "SCHEDULE OF MEETINGS", "ANY OTHER BUSINESS"]


def test_the_sign_off_lines_of_minutes_are_one_paragraph_and_no_heading():
    from qa.parse.body import build_paragraphs
    from qa.parse.clean import to_blocks

    text = """Pot holes are again appearing on the cart roads.

Next Meeting Tuesday, 12th November 2019

The Chairman brought the meeting to a close at 8.35pm

Signed by the Chairman as a true record."""
    paras, _ = build_paragraphs(to_blocks(text), genre="minutes")
    assert [p.text for p in paras][:2] == [
        "Pot holes are again appearing on the cart roads.",
        "Next Meeting Tuesday, 12th November 2019\nThe Chairman brought the meeting to a close at 8.35pm"]
    assert paras[1].kind == "paragraph" and paras[1].key == "p2"
    assert paras[2].heading is None  # "Signed" is not under a "Next Meeting" heading
    # One sign-off line alone is a paragraph of its own; a numbered paragraph is never joined to it.
    paras, _ = build_paragraphs(to_blocks("The meeting ended at 3.15 pm"), genre="minutes")
    assert [(p.kind, p.text) for p in paras] == [("paragraph", "The meeting ended at 3.15 pm")]


def test_a_sign_off_line_carries_its_date_or_time():
    from qa.parse.body import build_paragraphs
    from qa.parse.clean import to_blocks

    # "DATE OF NEXT MEETING" without its date heads the sentence that gives it.
    paras, _ = build_paragraphs(to_blocks(
        "DATE OF NEXT MEETING\n\nThe next meeting will be held on Tuesday 12 November 2019 at 7.30pm."), genre="minutes")
    assert paras[0].kind == "heading" and paras[1].heading == "DATE OF NEXT MEETING"
    # A meeting that closed without a time is the item's content, not its sign-off: no join.
    for first in ("She said the Hall Committee meeting ended without agreement on the new boiler.",
                  "The meeting was closed to the press and public for the following item."):
        paras, _ = build_paragraphs(to_blocks(first + "\n\nThe Chairman closed the meeting at 9.10pm."),
                                    genre="minutes")
        assert [p.text for p in paras] == [first, "The Chairman closed the meeting at 9.10pm."]


def test_a_turn_of_speech_about_the_next_meeting_keeps_its_speaker():
    from qa.parse.body import build_paragraphs
    from qa.parse.clean import Block

    turns = [Block(text="Next meeting on the 12th we should hear from the police.", kind="paragraph",
                   speaker="Commissioner Anderson"),
             Block(text="Yes, the last meeting ended at 9 before we got to it.", kind="paragraph", speaker="Mayor Lago")]
    paras, _ = build_paragraphs(turns, genre="transcript")
    assert [(p.speaker, p.key) for p in paras] == [("Commissioner Anderson", "p1"), ("Mayor Lago", "p2")]


def test_a_forms_resolved_row_opens_the_numbered_decisions_and_its_next_field_stands_alone():
    from qa.parse.body import build_paragraphs
    from qa.parse.clean import to_blocks

    text = """Decision\tCabinet RESOLVED:

1. To award the contract for waste collection to Greenline Ltd at an estimated annual value of £14.3m.

2. To approve the capital budget of £9.8m for the purchase of the refuse collection fleet.

Reasons for decision\tGreenline submitted the most economically advantageous tender, scoring 81.4 out of 100.

Key decision\tYes"""
    paras, _ = build_paragraphs(to_blocks(text), genre="minutes", numbered=True)
    by_number = {p.number: p for p in paras if p.number}
    assert by_number["1"].decision and by_number["1"].decision.status == "agreed"
    assert by_number["2"].decision and by_number["2"].decision.status == "agreed"
    assert "Greenline submitted" not in by_number["2"].text
    assert any(p.text.startswith("Reasons for decision Greenline submitted") for p in paras)


def test_a_motion_s_mover_and_seconder_on_lines_of_their_own_join_its_text():
    text = ("Motion made by A. Hopkins\n\nSeconded by S. Hillier\n\nThat Council rise and go into Council, "
            "In Closed Session, for the purpose of considering the following:\n\nAdvice subject to privilege.")
    blocks = join_page_breaks(to_blocks(text))
    assert [b.kind for b in blocks][:2] == ["paragraph", "paragraph"]
    assert blocks[0].text.startswith("Motion made by A. Hopkins Seconded by S. Hillier That Council rise")
    assert blocks[1].text == "Advice subject to privilege."
    # a heading that only names a mover's subject stays a heading
    assert to_blocks("Moved by Council\n\nThat the report be noted.")[0].kind == "paragraph"
    assert to_blocks("Motions Carried\n\nThe motions were carried.")[0].kind == "heading"


def test_a_motion_s_outcome_on_its_own_line_is_no_heading():
    blocks = to_blocks("That the report be referred back.\n\nDEFEATED Opposed: Mayor Brodie and Cllrs. Hobbs Loo\n\n"
                       "#### Carried\n\nThe question on the main motion was then called.")
    assert [b.kind for b in blocks] == ["paragraph", "paragraph", "paragraph", "paragraph"]
    assert to_blocks("Motions Carried Forward")[0].kind == "heading"
    # an outcome is whole: the sub-item below it, lettered in small letters, is not its run-on
    after = join_page_breaks(to_blocks("Carried\n\nc) Lacombe County – RC1 Grant Request $675,000"))
    assert [b.text for b in after] == ["Carried", "c) Lacombe County – RC1 Grant Request $675,000"]
