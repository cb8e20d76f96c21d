"""The PDF reader: layout to blocks, furniture dropped, pages kept; bad PDFs refused with one clear line."""
import os
from pathlib import Path

import pytest

import pdf_maker
from qa.read.blocks import UnreadableDocument
from qa.read.limits import ReadLimits
from qa.read.pdf import read_pdf
from qa.read.pdfchars import GLYPHS
from qa.read.reader import read_bytes, read_file

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def minutes():
    return read_pdf(pdf_maker.minutes_pdf())


def test_running_header_footer_and_page_numbers_are_dropped(minutes):
    texts = [b.text for b in minutes.blocks]
    assert minutes.pages == 2
    assert not any(t.startswith("Page ") for t in texts)
    assert not any("Page 1 of" in t or "Page 2 of" in t for t in texts)
    # a header that dates the meeting is kept once, where page one prints it: it may be the only date printed
    dated = [b for b in minutes.blocks if "Parks and Open Spaces Committee - 3 March 2025" in b.text]
    assert [(b.page, b is minutes.blocks[0]) for b in dated] == [(1, True)]


def test_margin_number_stays_with_its_heading(minutes):
    heads = [b for b in minutes.blocks if b.kind == "heading"]
    assert [b.text for b in heads[1:]] == ["292. Apologies for Absence", "293. Footway Repairs", "294. Allotments",
                                          "295. Tree Planting"]
    assert all(b.bold for b in heads)
    assert heads[0].size > 1.3 and heads[1].size == 1.0


def test_paragraph_cut_by_a_page_break_is_one_block_on_its_first_page(minutes):
    allot = next(b for b in minutes.blocks if b.text.startswith("The committee heard"))
    assert allot.text.endswith("new plots could be laid out for the spring.")
    assert allot.page == 1
    assert next(b for b in minutes.blocks if b.text.startswith("RESOLVED")).page == 2
    assert "eighty-four" in allot.text  # a hyphen inside a line is kept


def test_two_columns_are_read_column_by_column():
    doc = read_pdf(pdf_maker.two_column_pdf())
    texts = [b.text for b in doc.blocks]
    assert texts[0] == "Parish Newsletter"
    left = next(t for t in texts if t.startswith("LEFT COLUMN"))
    right = next(t for t in texts if t.startswith("RIGHT COLUMN"))
    assert texts.index(left) < texts.index(right)
    assert "RIGHT" not in left and "LEFT" not in right
    assert left.count("village hall") == 3 and right.count("footpath officer") == 3


def test_table_across_a_page_break_keeps_one_block_per_row():
    doc = read_pdf(pdf_maker.table_pdf(rows=60))
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert [r.cells[0] for r in rows] == [f"{n:02d}" for n in range(1, 61)]
    assert rows[0].cells == ("01", "Resident 1", "Statement on the closure of Station Road number 1")
    assert rows[0].page == 1 and rows[-1].page == 2
    assert doc.blocks[-1].text == "The statements were noted."


def test_line_end_hyphenation_and_ligatures_are_undone():
    from qa.read.pdf import _join

    assert _join("the regen-", "eration of the town") == "the regeneration of the town"
    assert _join("PROVI-", "SIONS") == "PROVISIONS"
    assert _join("in 2019-", "20 the council") == "in 2019- 20 the council"
    assert GLYPHS["\ufb01"] == "fi" and GLYPHS["\ufb02"] == "fl"


def test_ligature_glyph_in_a_real_pdf_reads_as_letters():
    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if not os.path.exists(font):
        pytest.skip("needs a TrueType font with ligature glyphs")
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("dv", "", font)
    pdf.set_font("dv", size=12)
    pdf.cell(0, 10, "The \ufb01nance of\ufb01cer \ufb02agged the \ufb02ow.")
    doc = read_pdf(bytes(pdf.output()))
    assert doc.blocks[0].text == "The finance officer flagged the flow."


def test_encrypted_pdf_is_refused_with_one_line():
    with pytest.raises(UnreadableDocument, match="encrypted PDF"):
        read_pdf(pdf_maker.encrypted_pdf())


def test_scanned_pdf_needs_ocr():
    with pytest.raises(UnreadableDocument, match="no text layer: needs OCR"):
        read_pdf(pdf_maker.scanned_pdf())


def test_truncated_and_corrupt_pdfs_are_refused():
    data = pdf_maker.minutes_pdf()
    for bad in (data[: len(data) // 3], b"%PDF-1.4\x00\x01\x02\xff" * 100):
        with pytest.raises(UnreadableDocument, match="corrupt or truncated PDF|no text layer"):
            read_pdf(bad)


def test_too_many_pages_is_refused_by_default():
    data = pdf_maker.many_pages_pdf(5000)
    with pytest.raises(UnreadableDocument, match="too many pages \\(5,000; the limit is 2,000"):
        read_bytes(data, "pack.pdf")
    assert read_pdf(data, ReadLimits(max_pages=6000)).pages == 5000


def test_a_200_mb_pdf_is_refused_before_it_is_loaded(tmp_path):
    big = tmp_path / "agenda-pack.pdf"
    with open(big, "wb") as f:
        f.write(b"%PDF-1.7\n")
        f.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(UnreadableDocument, match="file too large \\(209.7 MB; the limit is 100 MB"):
        read_file(big)


def test_limits_come_from_the_environment():
    assert ReadLimits.from_env({"MINUTEBOOK_MAX_PAGES": "5"}).max_pages == 5
    assert ReadLimits.from_env({}).max_file_mb == 100
    with pytest.raises(ValueError, match="MINUTEBOOK_MAX_FILE_MB must be a number"):
        ReadLimits.from_env({"MINUTEBOOK_MAX_FILE_MB": "lots"})
    assert set(ReadLimits.help()) == {"max_file_mb", "max_pages", "max_unpacked_mb"}


def test_real_council_minutes_margin_numbers_and_no_footer():
    doc = read_file(DATA / "pdf" / "milburn-parish-council-minutes-2021-01-26.pdf")
    texts = [b.text for b in doc.blocks]
    assert doc.pages == 4
    assert not any(t.startswith("Page ") and " of 4" in t for t in texts)
    assert any(t.startswith("21.01.05 ") for t in texts)
    assert {b.page for b in doc.blocks} == {1, 2, 3, 4}


def test_justified_line_is_text_and_a_full_last_line_continues_over_the_page():
    doc = read_pdf(pdf_maker.justified_and_cut_pdf())
    texts = [b.text for b in doc.blocks]
    assert texts[0].startswith("AN ORDINANCE OF THE CITY COMMISSION PROVIDING FOR")
    assert not any(b.kind == "table_row" for b in doc.blocks)
    cut = next(b for b in doc.blocks if b.text.startswith("The clerk"))
    assert cut.text.endswith("Hollins Road Allotment Society about the renewal of the lease.") and cut.page == 1


def test_a_short_line_over_a_full_one_is_a_line_of_its_own():
    doc = read_pdf(pdf_maker.plain_headings_pdf())
    texts = [b.text for b in doc.blocks]
    assert texts[0] == "20.07.09 Correspondence" and texts[2] == "20.07.10 Public Participation"
    assert texts[3].startswith("The Chair had received") and texts[3].endswith("not to do this.")


def test_one_line_paragraphs_a_space_apart_and_four_digit_numbers_are_blocks_of_their_own():
    doc = read_pdf(pdf_maker.one_line_paragraphs_pdf())
    texts = [b.text for b in doc.blocks]
    assert texts[:3] == ["3449. Declarations of interest for items on the agenda",
                         "3450. To receive and approve minutes of the previous meeting",
                         "3451. To receive the financial report of the clerk"]
    assert [t.split(":")[0] for t in texts[3:8]] == [f"Paragraph {k}" for k in range(1, 6)]
    assert len(texts) == 9 and texts[8].startswith("The wrapped paragraph.") and texts[8].endswith("coming year.")


def test_a_year_alone_on_a_line_at_the_top_is_part_of_the_date_not_a_page_number():
    for paragraphs in (1, 40):  # one page; three pages, bare page numbers from page 2 (digits alike when blanked)
        doc = read_pdf(pdf_maker.wrapped_year_pdf(paragraphs))
        text = " ".join(b.text for b in doc.blocks)
        assert "18 May 2011" in text, paragraphs
        assert paragraphs == 1 or not any(b.text.strip() in ("2", "3") for b in doc.blocks)  # numbers still go


def test_a_wrapped_line_opening_with_a_year_does_not_start_a_list_item():
    doc = read_pdf(pdf_maker.year_opens_a_line_pdf())
    assert len(doc.blocks) == 1 and doc.blocks[0].kind == "paragraph" and "31 March 2024. The Clerk" in doc.blocks[0].text


def test_a_form_keeps_each_value_whole_beside_its_label():
    doc = read_pdf(pdf_maker.decision_form_pdf())
    texts = [b.text for b in doc.blocks]
    award = next(t for t in texts if t.startswith("1. To award"))
    assert award.endswith("annual value of GBP 14.3m."), texts
    assert any(t.startswith("2. To approve") for t in texts)  # the next numbered decision is a block of its own
    rows = {b.cells[0]: b.cells[1] for b in doc.blocks if b.kind == "table_row"}
    assert rows["Reasons for decision"].endswith("scoring 81.4 out of 100.")  # a hanging indent in the cell
    assert rows["Alternative options considered and rejected"].endswith("risk to service continuity.")
    assert rows["Key decision"].startswith("Yes")


def test_a_lettered_matter_under_an_item_number_starts_a_block():
    pdf = pdf_maker._body_page()
    for line in ("4.c Accept the County Treasurer's Monthly Report for the month of July 2023.",
                 "4.d Accept the Tax Assessor-Collector's Monthly Collection Report for July 2023."):
        pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    texts = [b.text for b in read_pdf(bytes(pdf.output())).blocks]
    assert [t[:3] for t in texts] == ["4.c", "4.d"]



def test_words_cut_across_text_objects_are_made_whole():
    from qa.read.pdfchars import Run
    from qa.read.pdflines import to_lines

    # a word processor's export: a line in pieces that cut words, each starting where the last ended (one a hair
    # to the left of it), some with a smaller box; then a table's cells, the second hard against the first
    pieces = [("Present: Cllr G Hartley (Ch", 68.2, 198.3, 11.5), ("airman), Cll", 198.25, 253.8, 11.5),
              ("r S Pennington", 253.8, 330.0, 4.6)]
    runs = [Run(t, x0, x1, 166.3, 176.8 if size > 5 else 174.3, size, False) for t, x0, x1, size in pieces]
    runs += [Run("13 Stephen Wickham, Bristol Civic Society", 47.8, 261.0, 200.0, 210.5, 12.0, False),
             Run("Replacing machined stone Cycle blocks", 262.9, 452.4, 200.0, 210.5, 12.0, False)]
    lines = to_lines(runs, 1)
    assert [l.cells for l in lines] == [["Present: Cllr G Hartley (Chairman), Cllr S Pennington"],
                                        ["13 Stephen Wickham, Bristol Civic Society",
                                         "Replacing machined stone Cycle blocks"]]


def test_a_court_reporters_line_numbers_down_the_margin_are_no_text():
    from qa.read.pdfchars import Run
    from qa.read.pdflines import to_lines

    said = ["CHAIRMAN HOLLOWAY: Thank you, Reverend. Item three is", "approval of the agenda. Mr. Cone, any changes?",
            "COUNTY MANAGER: Yes, sir, Mr. Chairman, one change."]
    runs = [Run("4", 540.3, 547.2, 39.9, 52.0, 12.0, False)]  # the page number, top right
    for n in range(1, 13):
        top = 60.0 + 20 * n
        text = said[n % 3]
        if n % 2:  # the number set apart from the line, or run into it
            runs += [Run(str(n), 66.9 - 6.6 * (n >= 10), 73.5, top, top + 12, 12.0, False),
                     Run(text, 158.9, 500.0, top, top + 12, 12.0, False)]
        else:
            runs.append(Run(f"{n} {text}", 66.9 - 6.6 * (n >= 10), 500.0, top, top + 12, 12.0, False))
    lines = to_lines(runs, 4)
    assert [l.text for l in lines[1:4]] == [said[1], said[2], said[0]]
    assert all(l.label is None for l in lines)
    # numbers set flush right, each apart from its line ("9" over "10"), as a transcript's margin prints them
    right = []
    for n in range(1, 16):
        top = 60.0 + 20 * n
        x0 = 71.1 - 5.4 * (n >= 10)
        right += [Run(str(n), x0, 76.5, top, top + 9, 9.0, False), Run(said[n % 3], 108.0, 500.0, top, top + 9, 9.0, False)]
    assert [l.text for l in to_lines(right, 2)][8:11] == [said[0], said[1], said[2]]
    # a list's few numbers stay
    kept = to_lines([Run("1", 60, 66, 100, 112, 12, False), Run("Apologies", 80, 150, 100, 112, 12, False)], 1)
    assert kept[0].label == "1"
