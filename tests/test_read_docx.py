"""The Word reader: styles to headings, numbering to labels, tables to rows; bad files refused with one line."""
import io
import zipfile
from pathlib import Path

import docx
import pytest

from qa.read.blocks import UnreadableDocument
from qa.read.docx import read_docx
from qa.read.limits import ReadLimits

DATA = Path(__file__).resolve().parent / "data"


def _bytes(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def minutes():
    d = docx.Document()
    d.add_paragraph("Harbour Board - 5 June 2024", style="Title")
    d.add_paragraph("Apologies for Absence", style="Heading 1")
    d.add_paragraph("Apologies were received from Councillor Ward.")
    d.add_paragraph("Harbour Dues", style="Heading 1")
    p = d.add_paragraph("The board agreed the new scale of ")
    p.add_run("harbour dues").bold = True
    d.add_paragraph("dredging of the inner basin", style="List Number")
    d.add_paragraph("repairs to the slipway", style="List Number")
    d.add_paragraph("a new fuel pontoon", style="List Bullet")
    t = d.add_table(rows=2, cols=3)
    for r, row in enumerate([("Vessel", "Length", "Due"), ("Fishing boat", "10m", "£120")]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.add_paragraph("Page 1 of 2")
    d.add_paragraph("Meeting closed at 8.15 pm.")
    return read_docx(_bytes(d))


def test_styles_give_headings_with_levels(minutes):
    heads = [(b.text, b.level) for b in minutes.blocks if b.kind == "heading"]
    # the Title above the Heading 1 items
    assert heads == [("Harbour Board - 5 June 2024", 1), ("Apologies for Absence", 2), ("Harbour Dues", 2)]


def test_numbering_gives_the_label_word_renders(minutes):
    items = [b for b in minutes.blocks if b.kind == "list_item"]
    assert [(b.label, b.text) for b in items[:2]] == [("1.", "dredging of the inner basin"),
                                                      ("2.", "repairs to the slipway")]
    assert items[2].label is None and items[2].text == "a new fuel pontoon"


def test_tables_become_rows_and_bold_is_per_block(minutes):
    rows = [b.cells for b in minutes.blocks if b.kind == "table_row"]
    assert rows == [("Vessel", "Length", "Due"), ("Fishing boat", "10m", "£120")]
    dues = next(b for b in minutes.blocks if b.text.startswith("The board agreed"))
    assert not dues.bold


def test_typed_pagination_is_dropped_and_gives_pages(minutes):
    assert not any(b.text.startswith("Page 1 of") for b in minutes.blocks)
    assert minutes.blocks[0].page == 1 and minutes.blocks[-1].page == 2
    assert minutes.blocks[-1].text == "Meeting closed at 8.15 pm."


def test_real_parish_minutes():
    doc = read_docx((DATA / "docx" / "newbiggin-parish-council-minutes-2019-09-03.docx").read_bytes())
    texts = [b.text for b in doc.blocks]
    assert texts[0] == "Newbiggin Parish Council - 3rd September 2019"
    assert "19.09.03 Minutes" in texts
    assert not any(t.startswith("Page ") for t in texts)


def test_a_docx_that_is_not_a_zip_is_refused():
    with pytest.raises(UnreadableDocument, match="not a Word file"):
        read_docx(b"<html>this was saved with the wrong ending</html>")


def test_a_zip_bomb_is_refused_unopened():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("word/document.xml", "<w:document/>")
        with zf.open("word/media/bomb.bin", "w") as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(210):
                f.write(chunk)
    assert len(buf.getvalue()) < 2_000_000
    with pytest.raises(UnreadableDocument, match="zip bomb: unpacks to 220 MB"):
        read_docx(buf.getvalue())
    with pytest.raises(UnreadableDocument, match="zip bomb"):
        read_docx(buf.getvalue(), ReadLimits(max_unpacked_mb=100))


def test_a_corrupt_docx_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<not-closed")
    with pytest.raises(UnreadableDocument, match="corrupt Word file"):
        read_docx(buf.getvalue())


def test_bold_lines_of_a_document_typed_without_heading_styles_are_its_headings():
    d = docx.Document()
    d.add_paragraph().add_run("STOKE PELLINGTON PARISH COUNCIL").bold = True
    d.add_paragraph().add_run("Chairman's Report").bold = True
    d.add_paragraph("Cllr Ashdown reported on the Parish Council's work over the past year.")
    d.add_paragraph().add_run("RESOLVED – That:").bold = True
    d.add_paragraph("(a) the accounts be noted;")
    d.add_paragraph().add_run("The meeting closed at 9.05pm.").bold = True
    kinds = [(b.kind, b.text) for b in read_docx(_bytes(d)).blocks]
    assert kinds == [("heading", "STOKE PELLINGTON PARISH COUNCIL"), ("heading", "Chairman's Report"),
                     ("paragraph", "Cllr Ashdown reported on the Parish Council's work over the past year."),
                     ("paragraph", "RESOLVED – That:"), ("paragraph", "(a) the accounts be noted;"),
                     ("paragraph", "The meeting closed at 9.05pm.")]


def test_bold_lines_beside_words_heading_styles_stay_paragraphs(minutes):
    assert not any(b.kind == "heading" and "harbour dues" in b.text for b in minutes.blocks)
    d = docx.Document()
    d.add_paragraph("Apologies", style="Heading 1")
    d.add_paragraph().add_run("Note of the Chair").bold = True
    assert [b.kind for b in read_docx(_bytes(d)).blocks] == ["heading", "paragraph"]
