"""Transcripts: segments at sentence ends, no segment over ~120 words, tied to items named in speech (seed 004)."""
from qa.models import cite
from qa.parse.document import parse_text
from qa.parse.transcript import transition

from parse_helpers import CORPUS, item, lost_words, seed


def test_004_is_a_transcript_of_the_committee():
    m = seed("004")
    assert m.kind == "transcript" and m.date == "2024-06-13"
    assert m.council == "Herefordshire Council"
    assert m.body == "Children and Young People Scrutiny Committee"


def test_004_segments_tied_to_items_4_and_7():
    m = seed("004")
    assert item(m, "4").paragraphs and item(m, "7").paragraphs
    seven = " ".join(p.text for p in item(m, "7").paragraphs)
    assert "I'm Tracy Sampson I'm the Director of HR&OD" in seven
    assert item(m, "7").paragraphs[0].text.lower().find("agenda item seven") >= 0


def test_004_no_segment_over_120_words():
    m = seed("004")
    longest = max(len(p.text.split()) for _, p in m.paragraphs())
    assert longest <= 120
    assert sum(1 for _ in m.paragraphs()) > 100


def test_004_no_text_lost_and_labels():
    m = seed("004")
    assert not lost_words(CORPUS / m.source, m)
    it = item(m, "7")
    assert cite(m, it, it.paragraphs[2]).label.endswith("item 7, segment 3")


def test_transition_phrases():
    assert transition("Item 4, Consent Calendar.") == ("4", "Consent Calendar")  # a clerk reads the agenda aloud
    assert transition("I said item 4, as you know.") is None
    assert transition("We go to item number four on the agenda is the minutes.")[0] == "4"
    assert transition("So we'll move on to agenda item seven which is the workforce challenges.")[0] == "7"
    assert transition("As I said under item 4 earlier, the numbers are good.") is None
    assert transition("That brings us to Item 3, a public hearing on the kiosk.") == ("3", "a public hearing on the kiosk")


def test_one_huge_line_is_cut_into_segments():
    speech = " ".join(f"Thank you, I think sentence number {i} is fine." for i in range(3000))
    m = parse_text("Example Committee - Monday 1 July 2024\n" + speech + "\n", "huge.txt", council="Example Council")
    assert m.kind == "transcript"
    assert max(len(p.text.split()) for _, p in m.paragraphs()) <= 120


def test_printed_item_headings_and_capitals_speakers():
    turns = ("MAYOR BOWMAN: Good evening. We will now take up the budget amendment.\n"
             "COUNCILMEMBER LUKES: Thank you, Mayor. How much of the reserve is being used?\n"
             "MS. SMITH: Approximately four hundred thousand dollars.\nTHE CHAIR: Any further questions?\n")
    m = parse_text("CITY COUNCIL MEETING\nVERBATIM TRANSCRIPT\nTuesday, March 4, 2025\n\nITEM 4. BUDGET AMENDMENT\n\n"
                   + turns + "\nItem 5: Public Comment\n\n" + turns + "\nAgenda Item 6 - Adjournment\n\n" + turns,
                   "springfield.txt", council="City of Springfield")
    assert m.kind == "transcript"
    assert [(i.number, i.title) for i in m.items if i.number] == [("4", "BUDGET AMENDMENT"), ("5", "Public Comment"),
                                                                  ("6", "Adjournment")]
    assert [p.speaker for p in item(m, "4").paragraphs] == ["MAYOR BOWMAN", "COUNCILMEMBER LUKES", "MS. SMITH",
                                                            "THE CHAIR"]


def test_printed_item_headings_cut_speech_without_named_speakers():
    said = "Good evening and welcome to the meeting of the council tonight. We have a full agenda so let us begin. "
    m = parse_text("Example Committee - Monday 1 July 2024\nVerbatim transcript\n\nItem 4 – Budget amendment\n\n"
                   + said * 3 + "We now turn to item 4 on the agenda, the budget. The reserve pays for the pool.\n\n"
                   + said + "So we move on to item 5 now.\n\nItem 5: Public comment\n\nNo speakers have signed up.\n",
                   "t.txt", council="Example Council")
    assert [(i.number, i.title) for i in m.items] == [(None, "Opening of the meeting"), ("4", "Budget amendment"),
                                                      ("5", "Public comment")]
    assert "The reserve pays for the pool." in " ".join(p.text for p in item(m, "4").paragraphs)
    assert " ".join(p.text for p in item(m, "5").paragraphs).endswith("No speakers have signed up.")


def test_speech_naming_an_item_is_kept_and_printed_headings_find_their_items():
    head = "Example Committee - Monday 1 July 2024\nVerbatim transcript\n\n"
    short = parse_text(head + "good evening we will\nstart with the budget and then\nitem 5 is the public comment "
                       "section so\nplease keep remarks short\n", "t.txt", council="Example Council")
    assert "item 5 is the public comment section so" in " ".join(p.text for _, p in short.paragraphs())
    said = "Thank you all for coming to the meeting of the committee this evening. "
    m = parse_text(head + "Item 4 – Budget\n\n" + said + "We will come to item 6 after the break. " + said
                   + "\n\nItem 5 – Libraries\n\n" + said + "\n\nItem 6 – Parks strategy\n\nThe parks speech.\n\n"
                   "Item 7.1 – Roads\n\n" + said + "\n\nItem 7.2 – Paths\n\n" + said + "\n",
                   "t.txt", council="Example Council")
    assert [(i.number, i.title) for i in m.items if i.number] == [
        ("4", "Budget"), ("6", "Parks strategy"), ("5", "Libraries"), ("7.1", "Roads"), ("7.2", "Paths")]
    assert item(m, "6").paragraphs[-1].text == "The parks speech."  # back to item 6, which speech had opened
    assert item(m, "5").paragraphs[0].text.startswith("Thank you all")
    spoken = parse_text(head + "We now move on to agenda item e-2, the shutters.\n\nAgenda Item E-2 – Shutters\n\n"
                        + said + "\n", "t.txt", council="Example Council")
    assert [i.number for i in spoken.items if i.number] == ["E-2"]


def test_named_speakers_go_back_to_an_item_already_open_and_keep_speech_naming_one():
    turns = ("MAYOR BOWMAN: Thank you all.\nCOUNCILMEMBER LUKES: Thank you, Mayor.\nMS. SMITH: The report is "
             "as circulated.\nMAYOR BOWMAN: Any questions?\nCOUNCILMEMBER LUKES: None from me.\n")
    m = parse_text("CITY COUNCIL MEETING\nVERBATIM TRANSCRIPT\nTuesday, March 4, 2025\n\nItem 4 – Budget\n\n" + turns
                   + "MAYOR BOWMAN: We will come to item 6 after the break.\nItem 5 – Libraries\n\n" + turns
                   + "Item 6 – Parks strategy\n\nMAYOR BOWMAN: The parks speech,\nitem 6 is the one we have waited for.\n"
                   + turns, "t.txt", council="City of Springfield")
    assert [(i.number, i.title) for i in m.items if i.number] == [("4", "Budget"), ("6", "Parks strategy"),
                                                                  ("5", "Libraries")]
    six = item(m, "6").paragraphs
    assert any(p.speaker == "MAYOR BOWMAN" and "The parks speech, item 6 is the one" in p.text for p in six)


def test_turns_with_a_recording_s_time_before_the_speaker_are_turns():
    turns = [("BRIAN BURNETT", "Make sure the audience can hear us out there."),
             ("MIKE EDGINGTON", "So we will start tonight's meeting off. It's March 23, 2026, regular meeting."),
             ("KYLE KELLEY", "Okay, you can start whenever you want.")] * 4
    text = "\n\n".join(f"[0:{n // 60:02d}:{n % 60:02d}] {who}: {said}" for n, (who, said) in enumerate(turns))
    m = parse_text(text, "t.txt")
    assert m.kind == "transcript"
    first = m.items[0].paragraphs[0]
    assert first.speaker == "BRIAN BURNETT" and first.text == "Make sure the audience can hear us out there."


def test_a_chairman_opening_a_sentence_with_the_next_item_moves_the_meeting_on():
    assert transition("Thank you. Item three is approval of the agenda. Mr. Cone, any changes?") == \
        ("3", "approval of the agenda")
    assert transition("That carries four to nothing. Item four, approval of the minutes.")[0] == "4"
    assert transition("Anybody else? Seeing none, item number six. This is a public hearing.")[0] == "6"
    assert transition("Under item four, we heard that the numbers are good.") is None
