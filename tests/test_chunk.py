from qa.chunk import ChunkOptions, context_of, keyword_texts, sentence_pieces, units
from qa.models import Item, Meeting, Paragraph


def para(n: int, text: str, **kw) -> Paragraph:
    return Paragraph(key=f"p{n}", number=None, position=n, text=text, **kw)


def meeting(kind: str, *items: Item) -> Meeting:
    return Meeting(id=f"testshire-hc-2024-01-02-{kind}", council="Testshire Council", body="Highways Committee",
                   date="2024-01-02", kind=kind, title="Highways Committee", source="x.txt", items=items)


QUESTION = "Councillor Lee asked what the council was doing to fill potholes on rural lanes before winter."
REPLY = "We have bought a second patching machine, and it starts work on the B-roads next month."
LATER = "The chair thanked officers and moved on to the next item of business on the agenda today."


def test_each_paragraph_is_embedded_after_the_words_that_place_it():
    item = Item(key="4", number="4", title="Road maintenance", paragraphs=(para(1, QUESTION, heading="Potholes"),))
    m = meeting("minutes", item)
    assert context_of(m, item, item.paragraphs[0]) == "Highways Committee - Road maintenance - Potholes"
    first = units(m, ChunkOptions())[0]
    assert first.kind == "para" and first.text == f"Highways Committee - Road maintenance - Potholes: {QUESTION}"
    assert units(m, ChunkOptions(context_prefix=False))[0].text == QUESTION


def test_short_paragraphs_get_a_window_of_their_neighbours_within_their_item_only():
    one = Item(key="1", number="1", title="Apologies", paragraphs=(para(1, "None."),))
    two = Item(key="2", number="2", title="Minutes", paragraphs=(para(2, "Agreed."), para(3, LATER)))
    got = units(meeting("minutes", one, two), ChunkOptions(sentences=False))
    windows = [(u.para, u.text) for u in got if u.kind == "window"]
    assert not any(p == 0 for p, _ in windows)  # "None." has no neighbour in its own item
    assert (1, f"Highways Committee - Minutes: Agreed. {LATER}") in windows


def test_a_transcript_segment_is_also_embedded_after_the_end_of_the_one_before():
    item = Item(key="7", number="7", title="Roads", paragraphs=(para(1, QUESTION), para(2, REPLY)))
    got = units(meeting("transcript", item), ChunkOptions(sentences=False, window_below=0))
    assert [(u.para, u.kind) for u in got] == [(0, "para"), (1, "para"), (1, "window")]
    assert got[2].text == f"Highways Committee - Roads: {QUESTION} {REPLY}"
    # Only the end of a long segment before: cut at a word, never mid-word.
    long_before = "Opening remarks went on. " * 40 + QUESTION
    item = Item(key="7", number="7", title="Roads", paragraphs=(para(1, long_before), para(2, REPLY)))
    window = units(meeting("transcript", item), ChunkOptions(sentences=False, window_below=0, reply_context=120))[2]
    context = window.text.split(": ", 1)[1].removesuffix(" " + REPLY)
    assert len(context) <= 120 and long_before.endswith(context) and context.split()[0] in long_before.split()


def test_minutes_paragraphs_get_no_reply_window():
    item = Item(key="7", number="7", title="Roads", paragraphs=(para(1, QUESTION), para(2, REPLY)))
    got = units(meeting("minutes", item), ChunkOptions(sentences=False, window_below=0))
    assert [u.kind for u in got] == ["para", "para"]


def test_sentences_are_embedded_alone_with_their_verbatim_spans():
    text = f"Noted. {QUESTION} {REPLY}"
    item = Item(key="7", number="7", title="Roads", paragraphs=(para(1, text),))
    sents = [u for u in units(meeting("minutes", item), ChunkOptions()) if u.kind == "sent"]
    assert [text[u.start:u.end] for u in sents] == [QUESTION, REPLY]  # "Noted." is too short to stand alone


def test_a_paragraph_of_one_sentence_gets_no_separate_sentence_vector():
    # Its paragraph vector stands for the sentence; a short sentence beside it still counts as one of two.
    alone = Item(key="7", number="7", title="Roads", paragraphs=(para(1, QUESTION),))
    assert [u.kind for u in units(meeting("minutes", alone), ChunkOptions())] == ["para"]
    two = Item(key="7", number="7", title="Roads", paragraphs=(para(1, f"{QUESTION} Noted."),))
    assert [u.kind for u in units(meeting("minutes", two), ChunkOptions())] == ["para", "sent"]


def test_run_on_speech_is_cut_into_pieces_at_word_boundaries():
    text = ("and then we looked at the figures again " * 40).strip()
    pieces = sentence_pieces(text, ChunkOptions(sentence_max_chars=100))
    assert len(pieces) > 1 and all(e - s <= 100 for s, e in pieces)
    assert all(text[e - 1] != " " and (e == len(text) or text[e] == " ") for s, e in pieces)


def test_keyword_text_carries_context_and_expanded_acronyms():
    item = Item(key="3", number="3", title="Scrutiny", paragraphs=(
        para(1, "The Overview and Scrutiny Performance Board (OSPB) met."), para(2, "The OSPB agreed the plan.")))
    texts = keyword_texts(meeting("minutes", item), ChunkOptions())
    assert texts[1].startswith("Highways Committee - Scrutiny - 2 January 2024\n")
    assert "Overview and Scrutiny Performance Board" in texts[1]


def test_a_transcript_segment_is_keyword_indexed_with_the_end_of_the_one_before():
    item = Item(key="7", number="7", title="Roads", paragraphs=(para(1, QUESTION), para(2, REPLY)))
    spoken = keyword_texts(meeting("transcript", item), ChunkOptions())
    assert spoken[1] == f"Highways Committee - Roads - 2 January 2024\n{QUESTION}\n{REPLY}" and spoken[0].endswith(QUESTION)
    written = keyword_texts(meeting("minutes", item), ChunkOptions())
    assert written[1] == f"Highways Committee - Roads - 2 January 2024\n{REPLY}"


def test_the_meeting_date_is_keyword_indexed_but_not_embedded():
    # Questions name meetings by date; the dense side is left as it was (a date drew vectors off the text).
    item = Item(key="4", number="4", title="Road maintenance", paragraphs=(para(1, QUESTION),))
    m = meeting("minutes", item)
    assert "2 January 2024" in keyword_texts(m, ChunkOptions())[0]
    assert not any("2024" in u.text for u in units(m, ChunkOptions()))
    undated = Meeting(id="x", council="c", body="Highways Committee", date=None, kind="minutes", title="t",
                      source="x.txt", items=(item,))
    assert keyword_texts(undated, ChunkOptions())[0].startswith("Highways Committee - Road maintenance\n")


def test_a_vote_in_minutes_is_also_indexed_after_the_paragraph_moving_its_motion():
    moved = "An amendment was moved by Councillor Elm to remove the Mill Way bus gate."
    debate = "Officers said the gate closed a gap in the route."
    fell = "On being put to the vote the amendment FELL with 2 voting FOR and 7 AGAINST."
    item = Item(key="10", number="10", title="Bond Street", paragraphs=(para(1, moved), para(2, debate), para(3, fell)))
    m = meeting("minutes", item)
    got = units(m, ChunkOptions(sentences=False, window_below=0))
    assert [(u.para, u.kind) for u in got] == [(0, "para"), (1, "para"), (2, "para"), (2, "window")]
    assert got[3].text == f"Highways Committee - Bond Street: {moved} {fell}"
    assert "Councillor Elm" in keyword_texts(m, ChunkOptions())[2]
    assert "Councillor Elm" not in keyword_texts(m, ChunkOptions(motion_context=0))[2]


def test_only_minutes_and_decision_records_index_a_vote_after_its_motion():
    moved = "An amendment was moved by Councillor Elm to remove the Mill Way bus gate."
    fell = "On being put to the vote the amendment FELL with 2 voting FOR and 7 AGAINST."
    item = Item(key="10", number="10", title="Bond Street", paragraphs=(para(1, moved), para(2, fell)))
    for kind, windows in (("minutes", 1), ("decision-record", 1), ("report", 0), ("agenda", 0)):
        got = units(meeting(kind, item), ChunkOptions(sentences=False, window_below=0))
        assert sum(u.kind == "window" for u in got) == windows, kind
