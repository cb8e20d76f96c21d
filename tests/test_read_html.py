"""The HTML reader: headings, paragraphs, numbered list items and rows; navigation and script left out."""
from pathlib import Path

import pytest

from qa.read.blocks import UnreadableDocument
from qa.read.html import read_html

DATA = Path(__file__).resolve().parent / "data"

PAGE = b"""<!doctype html><html><head><title>Minutes</title><style>p{color:red}</style>
<script>var menu = "Home Committees Contact";</script></head>
<body><header><a href="/">Council home</a></header>
<nav><ul><li>Home</li><li>Meetings</li></ul></nav>
<div class="breadcrumb">You are here: Meetings</div>
<main><article><header>
<h1>Planning Committee - 2 April 2025</h1></header>
<h2>4. Land at Mill Farm</h2>
<p>The committee considered the application for <strong>twelve</strong> homes.</p>
<p><b>Resolved:</b></p>
<ol type="a"><li>that permission be granted;</li><li>that the conditions be agreed.</li></ol>
<ol start="3"><li>Third point</li></ol>
<table><tr><th>Vote</th><th>Count</th></tr><tr><td>For</td><td>7</td></tr></table>
<div>Loose text in a div<br>after a break</div>
<!-- a comment that must not show -->
<form><input value="search"><button>Go</button></form>
<p hidden>hidden text</p>
</article></main>
<footer>&copy; Council 2025</footer></body></html>"""


@pytest.fixture(scope="module")
def page():
    return read_html(PAGE)


def test_chrome_scripts_and_styles_are_dropped(page):
    text = " ".join(b.text for b in page.blocks)
    for gone in ("Council home", "Meetings", "menu", "color:red", "comment", "search", "hidden text", "©"):
        assert gone not in text


def test_headings_paragraphs_and_bold(page):
    assert [(b.text, b.level) for b in page.blocks if b.kind == "heading"] == [
        ("Planning Committee - 2 April 2025", 1), ("4. Land at Mill Farm", 2)]
    para = next(b for b in page.blocks if b.text.startswith("The committee"))
    assert para.text == "The committee considered the application for twelve homes." and not para.bold
    assert next(b for b in page.blocks if b.text == "Resolved:").bold


def test_ordered_lists_carry_their_rendered_labels(page):
    items = [(b.label, b.text) for b in page.blocks if b.kind == "list_item"]
    assert items == [("a.", "that permission be granted;"), ("b.", "that the conditions be agreed."),
                     ("3.", "Third point")]


def test_table_rows_and_loose_text(page):
    assert [b.cells for b in page.blocks if b.kind == "table_row"] == [("Vote", "Count"), ("For", "7")]
    assert [b.text for b in page.blocks][-2:] == ["Loose text in a div", "after a break"]
    assert all(b.page is None for b in page.blocks) and page.pages is None


def test_html_full_of_script_is_refused_with_one_line():
    junk = b"<html><head><script>" + b"x=1;" * 50000 + b"</script></head><body><script>document.write('hi')" \
           b"</script><noscript>Enable JavaScript</noscript><nav>Home</nav></body></html>"
    with pytest.raises(UnreadableDocument, match="no readable text in the HTML"):
        read_html(junk)


def test_layout_table_rows_keep_the_item_number_with_its_title():
    doc = read_html((DATA / "html" / "west-of-england-ca-overview-scrutiny-committee-minutes-2026-03-23.html").read_bytes())
    texts = [b.text for b in doc.blocks]
    assert any(t.startswith("2. Minutes") for t in texts)
    assert "The minutes of the meeting held on 26 January 2026 were approved." in texts
    assert not any("Civica" in t for t in texts)


def test_a_list_item_s_number_goes_to_the_heading_inside_it():
    html = b"""<html><body><h1>Minutes</h1><ol class="minute-matters">
      <li><h4>WELCOME AND APOLOGIES</h4><p>Apologies from Cllr Jones.</p></li>
      <li><h4>BUDGET REVIEW</h4><p>The balance was noted.</p><ol><li>Cheque 1358</li><li>Cheque 1362</li></ol></li>
      <li>Any other business: none.</li></ol></body></html>"""
    blocks = [(b.kind, b.label, b.text) for b in read_html(html).blocks]
    assert ("heading", "1.", "WELCOME AND APOLOGIES") in blocks
    assert ("heading", "2.", "BUDGET REVIEW") in blocks
    assert ("paragraph", None, "Apologies from Cllr Jones.") in blocks  # the number goes to the first block only
    assert [(b[1], b[2]) for b in blocks if b[0] == "list_item"] == [
        ("1.", "Cheque 1358"), ("2.", "Cheque 1362"), ("3.", "Any other business: none.")]
