"""PDF: the text layer read with pdfium, page furniture dropped, lines gathered into blocks by layout."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pypdfium2 as pdfium

from qa.read.blocks import HEADING_SIZE, HEADING_WORDS, Block, Document, UnreadableDocument
from qa.read.limits import ReadLimits
from qa.read.pdfchars import Run, Fonts, page_runs
from qa.read.pdflines import Line, mark_furniture, page_lines

# A list marker or a printed number opening a line: bullets, "12.", "(a)", "(iv)".
MARKER = re.compile(r"^(?:[•▪●◦○➤►✓\-–*]\s|\(?[0-9]{1,2}[.)]\s|\(?[a-z][.)]\s|\([ivx]{1,4}\)\s|[ivx]{1,4}\.\s|"
                    r"[0-9]{1,2}\.[a-z][.)]?\s)")  # "4.c Accept the Treasurer's report": a lettered matter
# A number of three or four digits opening a line ("3446.": parish minutes number on from meeting to meeting),
# a new block only after a line that ended short or ended a sentence: a wrapped "… year ending 31 March" /
# "2024. The Clerk said …" is one sentence.
LONG_NUMBER = re.compile(r"^\(?[0-9]{3,4}[.)]\s")
COMMON_GAP_SHARE = 0.2  # a gap between lines is common when at least this share as often as the commonest
TERMINAL = re.compile(r"[.!?:;]['\"”’)]?$")
DANGLING = re.compile(r"(?i)(?:,|\b(?:and|or|of|the|to|for|in|on|with|a|an|by|that|be|is|are|was|were))$")


def read_pdf(data: bytes, limits: ReadLimits | None = None) -> Document:
    """Blocks of a PDF's text layer in reading order; UnreadableDocument for encrypted, scanned, corrupt or huge files."""
    max_pages = (limits or ReadLimits()).max_pages
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise UnreadableDocument("encrypted PDF: it needs a password to open") from None
        raise UnreadableDocument(f"corrupt or truncated PDF ({exc})") from None
    try:
        if len(pdf) > max_pages:
            raise UnreadableDocument(f"too many pages ({len(pdf):,}; the limit is {max_pages:,}, MINUTEBOOK_MAX_PAGES)")
        return _read(pdf)
    finally:
        pdf.close()


def _read(pdf) -> Document:
    fonts = Fonts()
    pages: list[list[Line]] = []
    heights: list[float] = []
    empty: list[int] = []
    for i in range(len(pdf)):
        page = pdf[i]
        try:
            left, bottom, right, top = page.get_bbox()  # a page's origin need not be (0, 0)
            textpage = page.get_textpage()
            runs = page_runs(textpage, top, fonts)
            textpage.close()
        except pdfium.PdfiumError:
            runs, left, bottom, right, top = [], 0.0, 0.0, 1.0, 1.0
        finally:
            page.close()
        if not runs:
            empty.append(i + 1)
        pages.append(page_lines(runs, i + 1, (left, right)))
        heights.append(top - bottom)
    if len(empty) == len(pages):
        raise UnreadableDocument("no text layer: needs OCR (the pages are images)")
    warnings = [f"no text layer on page(s) {_ranges(empty)}: needs OCR"] if empty else []
    mark_furniture(pages, heights)
    lines = [l for page in pages for l in page if not l.furniture]
    return Document(blocks=_Flow(lines).blocks(), format="pdf", pages=len(pages), warnings=warnings)


def _ranges(pages: list[int]) -> str:
    return ", ".join(str(p) for p in pages[:10]) + (" …" if len(pages) > 10 else "")


@dataclass
class _Para:
    """A block being gathered from lines."""

    lines: list[Line]
    table: bool = False
    cells: list[str] = field(default_factory=list)
    cell_x: list[float] = field(default_factory=list)

    @property
    def last(self) -> Line:
        return self.lines[-1]


class _Flow:
    """Lines in reading order to blocks: a gap, a change of type, a list marker or an ended line starts a new one."""

    def __init__(self, lines: list[Line]):
        self.lines = lines
        weights = Counter()
        for l in lines:
            for r in l.runs:
                weights[r.size] += len(r.text)
        self.body = max(weights, key=weights.get) if weights else 10.0
        gaps = Counter(round(b.top - a.bottom) for a, b in zip(lines, lines[1:])
                       if a.page == b.page and a.column == b.column and 0 <= b.top - a.bottom < 2 * self.body
                       and abs(a.size - self.body) < 0.5 and abs(b.size - self.body) < 0.5)
        # The gap between the lines of one paragraph: the smallest of the common gaps, not the commonest, since
        # in minutes of one-line paragraphs the gap between paragraphs is the commonest of all.
        common = [g for g, n in gaps.items() if n >= COMMON_GAP_SHARE * max(gaps.values())]
        self.gap = min(common) if common else self.body * 0.3
        lefts = Counter((l.column, round(l.x0)) for l in lines if abs(l.size - self.body) < 0.5)
        self.left: dict[int, float] = {}
        for (col, x), n in lefts.most_common():
            self.left.setdefault(col, x)
        rights: dict[tuple, float] = {}
        for l in lines:
            k = (l.page, l.column)
            rights[k] = max(rights.get(k, 0.0), l.x1)
        self.right = rights

    def blocks(self) -> list[Block]:
        paras: list[_Para] = []
        for i, line in enumerate(self.lines):
            if len(line.runs) >= 2 and self._justified(i):
                line.runs = [Run(line.text, line.x0, line.x1, line.top, line.bottom, line.size, line.bold)]
            cur = paras[-1] if paras else None
            if cur and cur.table and self._row_continues(cur, line):
                continue
            if len(line.runs) >= 2:
                paras.append(_Para([line], table=True, cells=line.cells, cell_x=[r.x0 for r in line.runs]))
            elif cur and not cur.table and self._continues(cur, line):
                cur.lines.append(line)
            else:
                paras.append(_Para([line]))
        return [self._block(p) for p in paras]

    def _justified(self, i: int) -> bool:
        """A justified line whose word gaps were wide enough to part it: its gaps are a few ems at most, and a
        line just above or below, set as one run, spans the same width (the paragraph's box)."""
        line = self.lines[i]
        if any(b.x0 - a.x1 > 3 * line.size for a, b in zip(line.runs, line.runs[1:])):
            return False
        for j in (i - 1, i + 1):
            if 0 <= j < len(self.lines):
                other = self.lines[j]
                near = abs(other.top - line.top) < 3 * line.size and other.page == line.page
                same_box = abs(other.x0 - line.x0) < self.body and abs(other.x1 - line.x1) < self.body
                if near and same_box and len(other.runs) == 1 and len(other.text) > 40:
                    return True
        return False

    def _continues(self, cur: _Para, line: Line) -> bool:
        prev = cur.last
        same_type = prev.bold == line.bold and abs(prev.size - line.size) <= 0.1 * prev.size
        text = line.text
        if prev.page != line.page or prev.column != line.column:  # a page or column break cut it?
            ended = TERMINAL.search(prev.text)
            right = self.right.get((prev.page, prev.column), prev.x1)
            full = prev.x1 >= right - 2 * self.body and not MARKER.match(text) and not line.label
            return same_type and not ended and (text[:1].islower() or bool(DANGLING.search(prev.text)) or full)
        if not same_type or MARKER.match(text) or line.label:
            return False
        if line.top - prev.bottom > self.gap + 0.5 * self.body:
            return False
        right = self.right.get((prev.page, prev.column), prev.x1)
        width = right - self.left.get(prev.column, 0)
        short = prev.x1 < right - 0.15 * width
        if LONG_NUMBER.match(text) and (short or TERMINAL.search(prev.text)):
            return False
        if short and (text[:1].isupper() or text[:1].isdigit()) and TERMINAL.search(prev.text):
            return False
        if (len(cur.lines) == 1 and prev.x1 < right - 0.3 * width and line.x1 > prev.x1 + 0.15 * width
                and (text[:1].isupper() or text[:1].isdigit())):
            # A line standing alone well short of the margin, then a capitalised line running much further: the
            # writer broke the line ("20.07.10 Public Participation" over its minute, "Present" over the names),
            # so a heading or a label in body type, not the start of a wrapped paragraph.
            return False
        return not (len(cur.lines) > 1 and line.x0 - prev.x0 > 1.5 * self.body)

    def _row_continues(self, cur: _Para, line: Line) -> bool:
        """A table cell's text wrapped onto the next line, close below: runs set under the value cells; runs
        indented under one (a hanging indent) after a line that filled the cell; runs under the label too where
        the label runs on in lower case ("Alternative options" / "considered and" / "rejected")."""
        prev = cur.last
        if prev.page != line.page or line.top - prev.bottom > self.gap + 0.5 * self.body:
            return False
        slots = []
        for r in line.runs:
            k = self._slot(cur, r.x0)
            if k is None or k in slots or (k == 0 and not r.text[:1].islower()):
                return False  # outside the cells, or a new row's label
            under = abs(r.x0 - cur.cell_x[k]) < 4
            if not (under or r.text[:1].islower() or DANGLING.search(cur.cells[k]) or self._filled(cur, prev, k)):
                return False  # indented under a short line: the cell's next paragraph or list item
            if k > 0 and len(line.runs) == 1 and MARKER.match(r.text) and TERMINAL.search(cur.cells[k]):
                return False  # the value's next list item ("£14.3m." / "2. To approve …"): a block of its own
            slots.append(k)
        for k, r in zip(slots, line.runs):
            cur.cells[k] = _join(cur.cells[k], r.text)
        cur.lines.append(line)
        return True

    def _slot(self, cur: _Para, x0: float) -> int | None:
        """The cell a run at x0 sits under: the last starting at or before it, a hanging indent allowed."""
        k = max((i for i, x in enumerate(cur.cell_x) if x - 4 <= x0), default=None)
        return k if k is not None and x0 - cur.cell_x[k] <= 3 * self.body else None

    def _filled(self, cur: _Para, prev: Line, k: int) -> bool:
        """The line above ran cell k's text close to the cell's right edge, so the text wrapped."""
        run = next((r for r in reversed(prev.runs) if self._slot(cur, r.x0) == k), None)
        if run is None:
            return False
        right = cur.cell_x[k + 1] if k + 1 < len(cur.cell_x) else self.right.get((prev.page, prev.column), run.x1)
        return run.x1 >= right - 0.15 * (right - cur.cell_x[k]) - (4 * self.body if k + 1 < len(cur.cell_x) else 0)

    def _block(self, p: _Para) -> Block:
        first = p.lines[0]
        size = round(Counter(l.size for l in p.lines).most_common(1)[0][0] / self.body, 2)
        indent = round(max(0.0, first.x0 - self.left.get(first.column, first.x0)) / self.body, 1)
        bold = all(l.bold for l in p.lines)
        if p.table:
            cells = tuple(c.strip() for c in p.cells)
            return Block(text=" ".join(c for c in cells if c), page=first.page, kind="table_row", bold=bold,
                         size=size, indent=indent, cells=cells)
        text = ""
        for l in p.lines:
            text = _join(text, l.text)
        words = len(text.split())
        if (bold or size >= HEADING_SIZE) and words <= HEADING_WORDS and len(p.lines) <= 3:
            kind = "heading"
        elif MARKER.match(text):
            kind = "list_item"
        else:
            kind = "paragraph"
        return Block(text=text, page=first.page, kind=kind, bold=bold, size=size, indent=indent)


def _join(text: str, more: str) -> str:
    """Two lines as one text; a word hyphenated at the line end is made whole ("regen-" + "eration")."""
    if not text:
        return more
    if re.search(r"[A-Za-z]{2}-$", text) and (more[:1].islower() or re.match(r"[A-Z]{2}", more) and text[-2].isupper()):
        return text[:-1] + more
    return f"{text} {more}"
