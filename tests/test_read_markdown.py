from qa.parse.document import parse_document
from qa.read.markdown import read_markdown
from qa.read.reader import read_bytes

MINUTES = """---
title: "Parish Council Minutes May"
date: "2015-10-22"
---

MINUTES OF WRETTON PARISH COUNCIL MEETING HELD AT THE CHURCH MONDAY 13th MAY 2015

Present: Cllr David Llewellyn - Chairman, Cllr I Mack

**1\\. Election of Chairman**
It was proposed and seconded that Cllr Llewellyn should remain as Chairman.

3\\. Apologies for absence&nbsp;accepted from: Cllr Peake.<br>Apologies from the Borough Councillor noted.

5.

Matters arising

- Issues identified on the play equipment have been addressed.
"""


def test_markdown_is_decoded_and_keeps_its_lines_and_printed_numbers():
    doc = read_bytes(MINUTES.encode(), "minutes.md")
    texts = [b.text for b in doc.blocks]
    assert doc.format == "markdown" and not any("title:" in t for t in texts)  # front matter is not text
    assert "1. Election of Chairman\nIt was proposed and seconded that Cllr Llewellyn should remain as Chairman." in texts
    assert ("3. Apologies for absence accepted from: Cllr Peake.\nApologies from the Borough Councillor noted."
            in texts)  # escapes, entities and <br> decoded; the printed 3 kept, not renumbered from 1
    assert "5." in texts  # a number alone on its line is kept
    assert any(b.kind == "list_item" and b.text.startswith("Issues identified") for b in doc.blocks)


def test_markdown_minutes_parse_into_their_printed_items():
    m = parse_document(read_markdown(MINUTES.encode()), "minutes.md")
    assert m.kind == "minutes" and m.date == "2015-05-13"
    assert [i.number for i in m.items if i.number] == ["1", "3", "5"]


def test_a_rule_at_the_top_is_not_front_matter():
    doc = read_markdown(b"---\n# Parish Council\n\n1. Apologies\nNone.\n\n---\n\n2. Minutes\nAgreed.\n")
    texts = [b.text for b in doc.blocks]
    assert "Parish Council" in texts and any(t.startswith("1. Apologies") for t in texts)


def test_empty_and_binary_markdown_are_refused_clearly():
    import pytest

    from qa.read.blocks import UnreadableDocument

    for data, why in ((b"  \n", "empty file"), (b"\x00\x01binary", "binary file")):
        with pytest.raises(UnreadableDocument, match=why):
            read_markdown(data)
