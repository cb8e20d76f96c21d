"""PDF, Word and HTML end to end: parsed with pages, built beside bad files, cited to the page of the original."""
import json

import pytest

import pdf_maker
from qa.corpus import DOC_SUFFIXES
from qa.parse.document import layout, parse_bytes
from qa.read.blocks import Block, Document
from qa.read.reader import suffixes

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
URL = "https://democracy.example.gov.uk/documents/parks-2025-03-03.pdf"


def test_every_format_is_read_and_the_corpus_knows_them():
    assert set(suffixes()) == set(DOC_SUFFIXES) == {".pdf", ".docx", ".html", ".htm", ".txt", ".md"}


def test_layout_records_the_page_of_every_line_and_marks_headings():
    doc = Document(blocks=[Block("Heading", page=1, kind="heading"), Block("First para", page=1),
                           Block("x", page=2, kind="table_row", cells=("01", "Name")), Block("Last", page=3)],
                   format="pdf", pages=3)
    text, pages = layout(doc)
    assert text.split("\n") == ["# Heading", "", "First para", "", "01\tName", "", "Last"]
    assert pages == [1, 1, 1, 2, 2, 3, 3]


def test_a_pdf_s_headings_take_levels_from_their_type_and_a_bold_label_sits_below_them():
    doc = Document(blocks=[Block("Parish Council Minutes", kind="heading", size=1.4, bold=True),
                           Block("Allotments", kind="heading", bold=True), Block("The council discussed the plots."),
                           Block("Resolved: that the report be noted.", kind="heading", bold=True),
                           Block("________", kind="heading", bold=True)], format="pdf", pages=1)
    assert layout(doc)[0].split("\n")[::2] == ["# Parish Council Minutes", "## Allotments",
                                               "The council discussed the plots.",
                                               "### Resolved: that the report be noted.", "________"]


def test_layout_marks_the_level_a_format_states_and_typography_s_guess_as_before():
    doc = Document(blocks=[Block("Minutes", kind="heading", level=1), Block("Planning", kind="heading", level=2),
                           Block("12 Mill Lane", kind="heading", level=3), Block("Resolved: noted", kind="heading")],
                   format="html")
    assert layout(doc)[0].split("\n")[::2] == ["# Minutes", "## Planning", "### 12 Mill Lane", "## Resolved: noted"]


def test_paragraphs_carry_the_page_they_start_on():
    m = parse_bytes(pdf_maker.minutes_pdf(), "parks-2025-03-03.pdf", council="Testshire Council")
    paras = {p.text[:30]: p for _, p in m.paragraphs()}
    assert m.kind == "minutes" and [i.number for i in m.items if i.number] == ["292", "293", "294", "295"]
    allot = next(p for t, p in paras.items() if t.startswith("The committee heard"))
    assert allot.page == 1 and allot.text.endswith("laid out for the spring.")
    assert next(p for t, p in paras.items() if t.startswith("Three hundred oak")).page == 2
    assert all(p.page in (1, 2) for _, p in m.paragraphs())


def test_text_sources_have_no_pages():
    m = parse_bytes(b"Parks Panel\nMonday, 1 July 2024\n\nMinutes\n\n5 Trees\n\nOak trees were planted.\n",
                    "parks.txt")
    assert all(p.page is None for _, p in m.paragraphs())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A corpus of a good PDF (with its source address), a Word file and a web page, beside bad documents."""
    import docx

    from qa.build import build_index
    from qa.embed import HashEncoder

    d = tmp_path_factory.mktemp("formats") / "corpus"
    d.mkdir()
    (d / "parks-2025-03-03.pdf").write_bytes(pdf_maker.minutes_pdf())
    w = docx.Document()
    w.add_paragraph("Harbour Board - 5 June 2024")
    w.add_paragraph("1 Harbour Dues", style="Heading 1")
    w.add_paragraph("The board agreed the new scale of harbour dues for visiting yachts.")
    w.save(d / "harbour.docx")
    (d / "library.html").write_text("<html><body><nav>Home</nav><h1>Library Panel - 2 May 2024</h1><h2>1 Opening "
                                    "Hours</h2><p>The panel agreed &lt;script&gt; longer Saturday opening hours.</p>"
                                    "</body></html>")
    (d / "encrypted.pdf").write_bytes(pdf_maker.encrypted_pdf())
    (d / "scanned.pdf").write_bytes(pdf_maker.scanned_pdf())
    (d / "truncated.pdf").write_bytes(pdf_maker.minutes_pdf()[:2000])
    (d / "not-a-zip.docx").write_bytes(b"plain text with the wrong ending")
    (d / "script.htm").write_text("<html><script>" + "var a=1;" * 1000 + "</script></html>")
    (d / "manifest.json").write_text(json.dumps({"documents": {
        "parks-2025-03-03.pdf": {"council": "Testshire Council", "source_url": URL}}}))
    index = tmp_path_factory.mktemp("formats-index") / "index"
    return build_index(d, index, encoder=HashEncoder()), index


def test_build_indexes_each_format_and_skips_each_bad_document_with_a_reason(built, capsys):
    man, _ = built
    skipped = {s["source"]: s["reason"] for s in man["corpus"]["skipped"]}
    assert set(skipped) == {"encrypted.pdf", "scanned.pdf", "truncated.pdf", "not-a-zip.docx", "script.htm"}
    assert "encrypted PDF" in skipped["encrypted.pdf"]
    assert "no text layer: needs OCR" in skipped["scanned.pdf"]
    assert "corrupt or truncated PDF" in skipped["truncated.pdf"]
    assert "not a Word file" in skipped["not-a-zip.docx"]
    assert "no readable text in the HTML" in skipped["script.htm"]
    assert man["counts"]["meetings"] == 3


def test_citation_json_and_page_link_to_the_page_of_the_original(built):
    from qa.embed import HashEncoder
    from qa.search import Searcher
    from qa.web import create_app

    _, index = built
    client = create_app(Searcher(index, encoder=HashEncoder()), index_dir=index).test_client()
    meetings = client.get("/api/meetings").get_json()["meetings"]
    parks = next(m for m in meetings if m["source"] == "parks-2025-03-03.pdf")
    outline = client.get(f"/api/meetings/{parks['id']}").get_json()
    cits = [p["citation"] for it in outline["items"] for p in it["paragraphs"]]
    oak = next(c for it in outline["items"] for p in it["paragraphs"] if p["text"].startswith("Three hundred")
               for c in [p["citation"]])
    assert oak["page"] == 2 and oak["source_url"] == URL + "#page=2"
    assert all(c["page"] in (1, 2) for c in cits)
    assert all("page" not in c["id"] for c in cits)
    html = client.get(oak["url"], headers=BROWSER).get_data(as_text=True)
    assert f'<a class="page-link" href="{URL}#page=2"' in html and "page 2 of the original" in html
    lib = next(m for m in meetings if m["source"] == "library.html")
    lib_paras = [p for it in client.get(f"/api/meetings/{lib['id']}").get_json()["items"] for p in it["paragraphs"]]
    said = next(p for p in lib_paras if "Saturday" in p["text"])
    assert said["citation"]["page"] is None and said["text"].startswith("The panel agreed <script>")
    html = client.get(said["citation"]["url"], headers=BROWSER).get_data(as_text=True)
    assert "&lt;script&gt; longer Saturday" in html and "<script> longer" not in html
    assert "of the original" not in html


def test_a_pdf_s_bold_motion_line_sits_below_its_titles():
    doc = Document(blocks=[Block("Finance", kind="heading", bold=True),
                           Block("Proposed Cllr Price, seconded Cllr Ward, carried", kind="heading", bold=True)],
                   format="pdf", pages=1)
    assert layout(doc)[0].split("\n")[::2] == ["# Finance", "## Proposed Cllr Price, seconded Cllr Ward, carried"]
