import textwrap

from qa.parse.document import parse_text
from qa.parse.reflow import rejoin, wrap_width

PARAGRAPHS = [
    "The Chair welcomed everybody to the meeting and explained that it had been called in order to consider "
    "the future of the community hall, which had been closed since the storm damaged its roof in the winter.",
    "Members discussed the condition of the hall at some length. The surveyor's report had found that the "
    "roof timbers were sound but that the covering would need to be replaced before the building could reopen.",
    "The Clerk reported that three quotations had been received for the work, ranging from eleven thousand to "
    "fourteen thousand pounds, and that a grant of up to half of the cost might be available from the district.",
    "Members agreed that the lowest quotation should be accepted subject to confirmation of the grant, and that "
    "the Clerk should write to the hall's regular users to tell them when the building was expected to reopen.",
    "Councillor Hart thanked the volunteers who had moved the hall's furniture into storage, and asked that the "
    "council's thanks be recorded in the minutes and passed on to each of them personally by the Clerk.",
    "The Chair reminded members that the annual parish meeting would be held in the school hall this year, and "
    "asked that notices be put up on the village noticeboards and on the council's website in good time.",
]


def wrapped(paragraphs, width=80):
    """Each printed line its own paragraph, as a PDF converted line by line sets them."""
    return "\n\n".join(line for p in paragraphs for line in textwrap.wrap(p, width))


def test_a_text_set_a_line_to_a_paragraph_is_rejoined_into_its_paragraphs():
    text = "Testshire Parish Council\n\nMinutes of the meeting held on 5 March 2024\n\n" + wrapped(PARAGRAPHS * 2)
    lines = text.split("\n")
    assert wrap_width(lines) is not None
    joined, pages = rejoin(text, list(range(len(lines))))
    kept = joined.split("\n")
    assert len(pages) == len(kept) < len(lines)
    assert all(lines[n] == line for n, line in zip(pages, kept))  # each line keeps its own page
    meeting = parse_text(text, "testshire-parish-2024-03-05-minutes.txt")
    paras = [p.text for _i, p in meeting.paragraphs()]
    for sentence in ("The Clerk reported that three quotations had been received for the work, ranging from eleven "
                     "thousand to fourteen thousand pounds,",
                     "Members agreed that the lowest quotation should be accepted subject to confirmation of the "
                     "grant,"):
        assert any(sentence in p for p in paras), sentence
    assert not any(p.kind == "heading" and p.text.startswith("The Chair welcomed") for _i, p in meeting.paragraphs())


def test_text_set_as_paragraphs_is_left_as_it_is():
    text = "Testshire Parish Council\n\n" + "\n\n".join(PARAGRAPHS * 4)
    assert wrap_width(text.split("\n")) is None
    assert rejoin(text, None) == (text, None)


def test_short_lines_alone_do_not_make_a_text_wrapped():
    titles = "\n\n".join(f"{n}. Report on the state of the footpaths and bridleways in the parish" for n in range(30))
    assert rejoin(titles) == (titles, None)


def test_a_line_ending_in_an_initial_goes_on_but_a_numbered_line_starts_afresh():
    body = wrapped(PARAGRAPHS)
    text = body + "\n\nOfficers present were the Director of Services (Mr. K.\n\nLehane) and the Clerk.\n\n" \
        "7. Any other business\n\nThere was none."
    joined, _ = rejoin(text)
    assert "(Mr. K.\nLehane)" in joined and "the Clerk.\n\n7. Any other business" in joined


def test_in_any_text_a_bracket_left_open_at_a_line_end_is_closed_in_the_same_paragraph():
    text = ("Adare District Agenda\n\n4.\n\nDiscuss issues with the police (Inspector Reidy from Newcastle West\n\n"
            "District Garda Station will be in attendance).\n\n5.\n\n(a) item one\n\n(b) item two")
    joined, _ = rejoin(text)
    assert "Newcastle West\nDistrict Garda" in joined and "5.\n\n(a) item one\n\n(b) item two" in joined


def test_in_wrapped_text_too_a_bracket_left_open_is_closed_in_the_same_paragraph():
    text = wrapped(PARAGRAPHS * 2) + "\n\nThe police were represented (Inspector Reidy\n\nFrom Newcastle West Garda Station)."
    assert wrap_width(text.split("\n")) is not None
    assert "(Inspector Reidy\nFrom Newcastle West" in rejoin(text)[0]


def test_pages_that_do_not_line_up_with_the_text_are_dropped():
    assert rejoin("one\n\ntwo", [1, 2]) == ("one\n\ntwo", None)
