"""Reports to council: section headings and numbered paragraphs (seed 003 and a 1.1-style report)."""
from qa.models import cite
from qa.parse.document import parse_file

from parse_helpers import CORPUS, DATA, lost_words, seed


def test_003_report_paragraph_17():
    m = seed("003")
    assert m.kind == "report" and m.date == "2022-07-14" and m.body == "Council"
    p17 = next(p for _, p in m.paragraphs() if p.number == "17" and p.section is None)
    assert "198 people on an apprenticeship programme" in p17.text
    assert p17.heading == "Apprenticeships"
    it = m.items[0]
    assert it.number is None
    assert cite(m, it, p17).label == "Council, 14 July 2022, para 17"


def test_003_table_rows_stay_rows():
    m = seed("003")
    p8 = next(p for _, p in m.paragraphs() if p.number == "8")
    assert "\n2021/22 1481 71.5%" in p8.text


def test_dotted_numbering_report():
    m = parse_file(DATA / "report_dotted.txt")
    assert m.kind == "report" and m.date == "2022-09-15" and m.body == "Cabinet"
    nums = [p.number for _, p in m.paragraphs() if p.number]
    assert nums == ["1", "1.1", "1.2", "2", "2.1", "2.2", "3", "3.1"]
    p22 = next(p for _, p in m.paragraphs() if p.number == "2.2")
    assert "9,000 tonnes" in p22.text and "Route B covers bus routes." in p22.text
    assert not lost_words(DATA / "report_dotted.txt", m)
    assert not lost_words(CORPUS / seed("003").source, seed("003"))


def test_unrecognised_document_is_still_citable():
    m = parse_file(DATA / "unstructured.txt")
    assert m.warnings and "not recognised" in m.warnings[0]
    assert len(m.items) == 1
    paras = list(m.paragraphs())
    assert paras and all(p.number is None and p.key.startswith("p") for _, p in paras)
    assert not lost_words(DATA / "unstructured.txt", m)


def test_emphasis_markers_become_plain_text():
    m = seed("003")
    p17 = next(p for _, p in m.paragraphs() if p.number == "17" and p.section is None)
    assert "This is an improvement on previous years and a significant achievement." in p17.text
    assert "*" not in p17.text


def test_numbers_set_hard_against_their_text_and_headings_that_are_fragments():
    from qa.parse.clean import paragraph_number
    from qa.parse.document import parse_text

    assert paragraph_number("10.Following the results, a draft scheme") == ("10", "Following the results, a draft scheme")
    assert paragraph_number("12.A high-level strategy") == ("12", "A high-level strategy")
    assert paragraph_number("2.5m was spent") == (None, "2.5m was spent")
    text = ("Committee Report\n\nTITLE: Parking Levy Update\n\n## Evidence Base\n\n"
            "8. Approximately 570 workplaces have been contacted across the city.\n\n## information\n\n"
            "9.The parking data will feed into the modelling.\n\n10.Following the modelling, a scheme will be drafted.\n")
    m = parse_text(text, "report.txt")
    paras = {p.number: p for _i, p in m.paragraphs() if p.number}
    assert set(paras) >= {"8", "9", "10"}
    assert paras["10"].text.startswith("Following the modelling")
    assert paras["10"].heading == "Evidence Base"  # "information" starts in lower case: a wrapped header's tail


def test_protective_markings_are_page_furniture():
    from qa.parse.clean import is_furniture

    assert is_furniture("OFFICIAL") and is_furniture("OFFICIAL-SENSITIVE") and is_furniture("OFFICIAL SENSITIVE")
    assert not is_furniture("Official") and not is_furniture("OFFICIAL OPENING OF THE LIBRARY")
