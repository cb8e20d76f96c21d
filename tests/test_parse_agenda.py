"""Agenda packs: the agenda table gives items, reports join their items, restarts start sections (seed 002)."""
from qa.models import cite

from parse_helpers import CORPUS, item, lost_words, seed


def test_002_header_and_items():
    m = seed("002")
    assert m.kind == "agenda" and m.date == "2020-06-22"
    assert m.body == "Overview and Scrutiny Performance Board"
    assert [i.number for i in m.items if i.number] == [str(n) for n in range(1, 8)]
    assert item(m, "6").title == "Draft Scrutiny Report: Care Work as a Career"


def test_002_item5_paragraph_81():
    it = item(seed("002"), "5")
    p = next(p for p in it.paragraphs if p.number == "81")
    assert p.text.startswith("Grass cutting began on 4 May")


def test_002_item6_cover_and_appendix_each_have_paragraph_1():
    m = seed("002")
    it = item(m, "6")
    ones = [p for p in it.paragraphs if p.number == "1"]
    assert len(ones) == 2 and ones[0].section is None and ones[1].section is not None
    sec = it.section(ones[1].section)
    assert sec.title.startswith("Appendix 1") and "Care Work as a Career" in sec.title
    ids = [cite(m, it, p).id for p in ones]
    assert ids[0] != ids[1]
    assert cite(m, it, ones[1]).label == "Overview and Scrutiny Performance Board, 22 June 2020, item 6, Appendix 1, para 1"


def test_002_recommendation_is_its_own_citable_paragraph():
    m = seed("002")
    it = item(m, "6")
    rec = [p for p in it.paragraphs if p.number == "Recommendation 1"]
    assert len(rec) == 1
    assert rec[0].text.startswith("Recommendation 1: The Task Group recommends")
    assert "Recommendation 1" in cite(m, it, rec[0]).label
    assert rec[0].decision is not None and rec[0].decision.status == "proposed"


def test_002_bullets_fold_into_their_numbered_paragraph():
    it = item(seed("002"), "5")
    p136 = next(p for p in it.paragraphs if p.number == "136")
    assert "2900 Users on VPN - Peak number Connected simultaneously to our VPN" in p136.text


def test_002_ids_distinct_and_stable():
    a, b = seed("002"), seed("002")
    ids_a = [cite(a, i, p).id for i, p in a.paragraphs()]
    ids_b = [cite(b, i, p).id for i, p in b.paragraphs()]
    assert ids_a == ids_b
    assert len(set(ids_a)) == len(ids_a)


def test_002_page_furniture_dropped_and_no_text_lost():
    m = seed("002")
    text = " ".join(p.text for _, p in m.paragraphs())
    assert "intentionally left blank" not in text
    assert "[here](#)" not in text and "**" not in text
    assert not lost_words(CORPUS / m.source, m)


def test_made_up_pack_with_agenda_item_marks():
    from qa.parse.document import parse_file
    from parse_helpers import DATA

    m = parse_file(DATA / "agenda_marks.txt")
    assert m.kind == "agenda" and m.body == "Health and Wellbeing Board" and m.date == "2024-01-10"
    assert m.venue == "Council Chamber, Town Hall"
    it = item(m, "3")
    p2 = next(p for p in it.paragraphs if p.number == "2")
    assert "£48.3m" in p2.text
    assert "Minutes of the Health and Wellbeing Board held on 8 November 2023" in " ".join(p.text for p in item(m, "2").paragraphs)
    assert not lost_words(DATA / "agenda_marks.txt", m)


def test_report_found_under_its_running_header_when_its_title_differs():
    from qa.parse.document import parse_text

    text = (CORPUS / seed("002").source).read_text(encoding="utf-8")
    text = text.replace("\nUPDATE ON THE COUNTY COUNCIL'S RESPONSE TO COVID-19\n", "\nCOVID-19: HOW THE COUNCIL RESPONDED\n")
    text = text.replace("\nMEMBER UPDATE, WORK PROGRAMME AND CABINET FORWARD PLAN\n", "\nSCRUTINY BUSINESS\n")
    m = parse_text(text, "variant.txt")
    five = " ".join(p.text for p in item(m, "5").paragraphs)
    seven = " ".join(p.text for p in item(m, "7").paragraphs)
    assert "Grass cutting began on 4 May" in five
    assert "Board Members' areas of responsibility" in seven
    assert "Board Members' areas of responsibility" not in " ".join(p.text for p in item(m, "6").paragraphs)


def test_repeated_section_headings_are_kept_as_headings():
    it = item(seed("002"), "6")
    assert any(p.kind == "heading" and p.text == "Background" for p in it.paragraphs)
