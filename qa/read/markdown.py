"""Markdown: rendered to HTML by markdown-it-py (CommonMark with tables), then read as a web page is."""
from __future__ import annotations

import re

from qa.read.blocks import Document
from qa.read.html import read_html
from qa.read.text import check_text, decode

# "---\ntitle: …\n---" at the top of a site generator's page: metadata about the page, not its text.
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:[A-Za-z_][\w-]*[ \t]*:.*\n(?:[ \t-].*\n)*)+---[ \t]*\n")  # "key:" lines only
# "5. Planning" or "1." alone at a line's start: kept as printed text, since Markdown would renumber a list
# from its first number ("5.", "9." becoming 5, 6) and drop a number with nothing after it.
ORDERED_MARKER = re.compile(r"^([ \t]{0,3})(\d{1,9})([.)])(?=[ \t]|$)", re.M)


def read_markdown(data: bytes, limits=None) -> Document:
    """Blocks as the HTML reader gives them for the rendered page, lines kept; UnreadableDocument if not text."""
    from markdown_it import MarkdownIt

    check_text(data)
    text, warnings = decode(data)
    text = FRONT_MATTER.sub("", text.replace("\r\n", "\n").replace("\r", "\n"), count=1)
    text = ORDERED_MARKER.sub(r"\1\2\\\3", text)
    # Lines are kept as written (breaks=True): council papers saved as Markdown are often plain text, one
    # item or agenda line to a line, which CommonMark would run together into one paragraph.
    html = MarkdownIt("commonmark", {"html": True, "breaks": True}).enable("table").render(text)
    page = f'<html><head><meta charset="utf-8"></head><body>{html}</body></html>'.encode("utf-8")
    doc = read_html(page, limits, keep_lines=True)
    return Document(blocks=doc.blocks, format="markdown", pages=None, warnings=warnings + list(doc.warnings))
