"""HTML via lxml: headings, paragraphs, list items with their numbers and table rows; site chrome left out."""
from __future__ import annotations

import re
from dataclasses import replace

from lxml import etree
from lxml import html as lxml_html

from qa.read.blocks import Block, Document, UnreadableDocument
from qa.read.docxnum import fmt

DROP_TAGS = {"script", "style", "noscript", "template", "nav", "form", "iframe", "svg",
             "button", "select", "input", "textarea", "aside", "object", "embed", "canvas", "map", "head"}
DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar"}
# Site chrome by its conventional class or id names (menus, breadcrumbs, cookie notices, skip links,
# text only screen readers see).
CHROME = re.compile(r"(?i)(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|cookie\w*|skip\w*|masthead|"
                    r"site-?header|site-?footer|sidebar|social|share|sr-only|visually-hidden|"
                    r"screen-reader-text)(?:$|[\s_-])")
BLOCK_TAGS = {"p", "div", "section", "article", "main", "body", "ul", "ol", "li", "table", "thead", "tbody", "tfoot",
              "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dl", "dt", "dd", "br",
              "hr", "caption", "figure", "figcaption", "address", "fieldset", "center"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
OL_TYPES = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman", "1": "decimal"}


def read_html(data: bytes, limits=None, keep_lines: bool = False) -> Document:
    """Blocks of a page's content in document order, without scripts, styles, forms or navigation."""
    # keep_lines: a <br> stays a line break in the block's text (Markdown's lines), not a space
    try:
        root = lxml_html.document_fromstring(data)
    except (etree.ParserError, ValueError) as exc:
        raise UnreadableDocument(f"not readable as HTML ({exc})") from None
    _strip(root)
    body = root.find("body")
    walker = _Walker(keep_lines)
    walker.walk(body if body is not None else root)
    walker.flush()
    if not walker.blocks:
        raise UnreadableDocument("no readable text in the HTML (only scripts, styles or navigation)")
    return Document(blocks=walker.blocks, format="html")


def _strip(root) -> None:
    """Remove comments and every element that is site chrome rather than content."""
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        _drop(el)
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        role = (el.get("role") or "").lower()
        # a page's header and footer are chrome; an article's own header holds its title
        page_edge = tag in ("header", "footer") and not any(a.tag in ("main", "article") for a in el.iterancestors())
        chrome = tag in ("div", "ul", "li", "a", "section", "span", "table") and \
            CHROME.search(f"{el.get('class', '')} {el.get('id', '')}")
        hidden = el.get("hidden") is not None or el.get("aria-hidden") == "true" or \
            re.search(r"display\s*:\s*none", el.get("style", ""))
        if tag in DROP_TAGS or role in DROP_ROLES or page_edge or chrome or hidden:
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            _drop(el)


def _drop(el) -> None:
    """Remove el but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _text(s: str | None) -> str:
    return re.sub(r"\s+", " ", s or "").strip()


class _Walker:
    """Walks the tree; inline text is gathered until a block-level element closes the paragraph."""

    def __init__(self, keep_lines: bool = False):
        self.keep_lines = keep_lines
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.bold_chars = 0
        # an ordered list item's number, until a block inside it takes it: "<li><h4>BUDGET REVIEW</h4><p>…" is
        # heading 6 as a browser shows it
        self.pending_label: str | None = None

    def flush(self, kind: str = "paragraph", level: int | None = None, label: str | None = None) -> None:
        joined = "".join(self.parts)
        text = "\n".join(t for t in map(_text, joined.split("\n")) if t) if self.keep_lines else _text(joined)
        if text:
            if label is None and self.pending_label:
                label, self.pending_label = self.pending_label, None
            bold = self.bold_chars >= len(text.replace(" ", "")) * 0.9
            self.blocks.append(Block(text=text, kind=kind, bold=bold, level=level, label=label,
                                     size=1.0 + 0.1 * (7 - level) if level else 1.0))
        self.parts, self.bold_chars = [], 0

    def inline(self, el, bold: bool = False) -> None:
        """The text of an inline element and its children, noting how much of it is bold."""
        bold = bold or el.tag in ("b", "strong")
        if el.text:
            self._add(el.text, bold)
        for child in el:
            if isinstance(child.tag, str):
                if child.tag == "br":
                    self.parts.append("\n")
                elif child.tag in BLOCK_TAGS:
                    self.walk(child)
                else:
                    self.inline(child, bold)
            if child.tail:
                self._add(child.tail, bold)

    def _add(self, s: str, bold: bool) -> None:
        self.parts.append(s)
        if bold:
            self.bold_chars += len(re.sub(r"\s", "", s))

    def walk(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in HEADINGS or tag in ("p", "dt", "dd", "caption", "figcaption", "pre", "address"):
            self.flush()
            self.inline(el)
            self.flush("heading" if tag in HEADINGS else "paragraph", level=HEADINGS.get(tag))
        elif tag in ("ul", "ol"):
            self.flush()
            self._list(el)
        elif tag == "tr":
            self.flush()
            self._row(el)
        elif tag in ("br", "hr"):
            self.flush()
        else:  # a container: its own text runs between its block children
            if el.text:
                self._add(el.text, tag in ("b", "strong"))
            for child in el:
                if not isinstance(child.tag, str):
                    pass
                elif child.tag in BLOCK_TAGS:
                    self.flush()
                    self.walk(child)
                else:
                    self.inline(child)
                if child.tail:
                    self._add(child.tail, False)
            if tag in BLOCK_TAGS:
                self.flush()

    def _list(self, el) -> None:
        ordered = el.tag == "ol"
        n = int(el.get("start", "1")) if (el.get("start") or "1").lstrip("-").isdigit() else 1
        kind = OL_TYPES.get(el.get("type", "1"), "decimal")
        for li in el:
            if not isinstance(li.tag, str):
                continue
            if li.tag != "li":
                self.walk(li)
                continue
            if li.get("value", "").isdigit():
                n = int(li.get("value"))
            self.pending_label = f"{fmt(n, kind)}." if ordered else None
            self.inline(li)
            self.flush("list_item")
            self.pending_label = None
            n += 1

    def _row(self, tr) -> None:
        """A data row is one block of cells; a layout row (cells holding paragraphs or tables) is read through.

        In a layout row a short first cell ("4.") numbers what stands beside it, as a margin column does.
        """
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        subs = []
        for c in cells:
            sub = _Walker()
            sub.walk(c)
            sub.flush()
            subs.append(sub.blocks)
        if any(len(s) > 1 for s in subs) or any(c.find(".//table") is not None for c in cells):
            label = None
            for blocks in subs:
                if len(blocks) == 1 and len(blocks[0].text) <= 8 and label is None and blocks is subs[0]:
                    label = blocks[0].text
                    continue
                if label and blocks:
                    blocks[0] = replace(blocks[0], text=f"{label} {blocks[0].text}")
                    label = None
                self.blocks.extend(blocks)
            return
        texts = [" ".join(b.text for b in s) for s in subs]
        if any(texts):
            self.blocks.append(Block(text=" ".join(t for t in texts if t), kind="table_row", cells=tuple(texts)))
