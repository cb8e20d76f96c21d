"""Runs to visual lines, lines to reading order (column by column), and the page furniture among them."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from qa.read.pdfchars import Run

# A short run in a margin column that numbers what stands beside it: "292.", "7", "(a)", "21.01.05", "E-2".
MARGIN_LABEL = re.compile(r"^(?:\(?[0-9]{1,3}(?:[./][0-9]{1,3}){0,3}[.)]?|\(?[a-zA-Z][.)]|\([ivx]{1,4}\)|[A-Z]{1,2}[.-]?\d{1,3}\.?)$")
BULLET = re.compile(r"^(?:[•▪●◦○➤►✓\-–*o]|\uf0b7|\uf0a7)$")
PAGE_NUMBER = re.compile(r"(?i)^(?:page\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,4})?$")
# A year on a line of its own is the end of a wrapped date ("… held on Wednesday 18 May" / "2011"), not a page
# number, unless it recurs on most pages as running furniture does.
YEAR = re.compile(r"^(?:19|20)\d\d$")
# A running header that dates the meeting ("Friday, 17th November, 2023" atop every page): its first printing is
# the title block's date, the only one some minutes print, so page one keeps it (not a footer's "Page 1 of 4").
DATED = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:\d{1,2}\w{0,2},?\s+)?"
                   r"(?:19|20)\d\d\b")


TOUCH = 1.0  # points two runs may share at their ends and still be side by side, not one over the other
SPACE_SHARE = 0.3  # of the type size: a gap narrower than this between runs is a space between words, or none
GLUED_SHARE = 0.12  # ... and narrower than this, no space at all: one word cut in two


@dataclass
class Line:
    """Runs that share a baseline on one page, left to right; cells when wide gaps part them."""

    runs: list[Run]
    page: int
    column: int = 0  # 0 = spans the page (or the page has one column); 1, 2 = left, right column
    label: str | None = None  # a margin number joined to this line's text
    furniture: bool = False

    @property
    def top(self) -> float:
        return min(r.top for r in self.runs)

    @property
    def bottom(self) -> float:
        return max(r.bottom for r in self.runs)

    @property
    def x0(self) -> float:
        return self.runs[0].x0

    @property
    def x1(self) -> float:
        return self.runs[-1].x1

    @property
    def size(self) -> float:
        return max(self.runs, key=lambda r: len(r.text)).size

    @property
    def bold(self) -> bool:
        return sum(len(r.text) for r in self.runs if r.bold) * 2 > sum(len(r.text) for r in self.runs)

    @property
    def cells(self) -> list[str]:
        return [r.text for r in self.runs]

    @property
    def text(self) -> str:
        return " ".join(r.text for r in self.runs)


def to_lines(runs: list[Run], page: int) -> list[Line]:
    """Group runs whose vertical middles fall inside one another's extent; top to bottom, left to right."""
    lines: list[Line] = []
    for r in sorted(runs, key=lambda r: (r.top, r.x0)):
        mid = (r.top + r.bottom) / 2
        for line in reversed(lines[-6:]):
            lmid = (line.top + line.bottom) / 2
            inside = line.top <= mid <= line.bottom or r.top <= lmid <= r.bottom
            if inside and not any(o.x0 < r.x1 - TOUCH and r.x0 < o.x1 - TOUCH for o in line.runs):
                line.runs.append(r)
                line.runs.sort(key=lambda o: o.x0)
                break
        else:
            lines.append(Line(runs=[r], page=page))
    lines = _without_line_numbers(lines)
    for line in lines:
        line.runs = _joined_touching(line.runs)
        _join_margin_label(line)
    return lines


NUMBERED_LINES = 10  # a page whose lines are numbered down the margin, as a court reporter's transcript is
LINE_NUMBER = re.compile(r"^([1-9]\d?)(?:\s+|$)")
LINE_NUMBERED_SHARE = 0.8  # of a page's lines: a court reporter numbers every line, a table's first column some


def _without_line_numbers(lines: list[Line]) -> list[Line]:
    """The page's lines less the numbers a transcript prints down its margin (1 to 25 on every page): each at
    the line's left, at one x give or take a digit (set apart, or run into the text), counting up line by line.
    Not a list's or minutes' numbers, which stand by few of a page's lines."""
    numbered = [(l, m) for l in lines if (m := LINE_NUMBER.match(l.runs[0].text))]
    if len(numbered) < NUMBERED_LINES:
        return lines
    x = sorted(l.runs[0].x0 for l, _ in numbered)[len(numbered) // 2]
    alone = sorted(l.runs[0].x1 for l, m in numbered if l.runs[0].text.strip() == m.group(1))
    right = alone[len(alone) // 2] if alone else None
    # set flush left, or flush right ("9" over "10") where each stands apart; not a page number
    numbered = [(l, m) for l, m in numbered if abs(l.runs[0].x0 - x) <= 0.6 * l.runs[0].size
                or right is not None and l.runs[0].text.strip() == m.group(1)
                and abs(l.runs[0].x1 - right) <= 0.3 * l.runs[0].size]
    values = [int(m.group(1)) for _, m in numbered]
    if len(numbered) < max(NUMBERED_LINES, LINE_NUMBERED_SHARE * len(lines)) or values[0] > 2 or \
            sum(b == a + 1 for a, b in zip(values, values[1:])) < 0.8 * (len(values) - 1):
        return lines
    for l, m in numbered:
        first = l.runs[0]
        rest = first.text[m.end():].strip()
        l.runs = ([Run(rest, first.x0, first.x1, first.top, first.bottom, first.size, first.bold)] if rest else []) \
            + l.runs[1:]
    return [l for l in lines if l.runs]


def _joined_touching(runs: list[Run]) -> list[Run]:
    """Runs that touch or stand a word's space apart are one run: a writer may cut a word into text objects of
    their own ("Present: Cllr G Hartley (Ch" / "airman), Cll" / "r S Pennington"), and no table sets its cells so
    close."""
    out = [runs[0]]
    for r in runs[1:]:
        prev = out[-1]
        gap = r.x0 - prev.x1
        size = max(prev.size, r.size)
        # a cell may end hard against the next one's capital ("… Civic Society" / "Replacing …"): only a word
        # going on in small letters crosses a gap that wide
        if gap < GLUED_SHARE * size or gap < SPACE_SHARE * size and not r.text[:1].isupper():
            sep = "" if gap < GLUED_SHARE * size else " "
            big = prev if len(prev.text) >= len(r.text) else r
            out[-1] = Run(prev.text + sep + r.text, prev.x0, max(prev.x1, r.x1), min(prev.top, r.top),
                          max(prev.bottom, r.bottom), big.size, big.bold)
        else:
            out.append(r)
    return out


def _join_margin_label(line: Line) -> None:
    """A minute number in a margin column stands beside its heading: one line, "292. Apologies …".

    Only a line of two runs: with more, the number is a table's first cell and stays one. A bullet glyph
    set apart from its text is joined to it whatever follows."""
    first = line.runs[0].text
    if len(line.runs) >= 2 and BULLET.match(first) or len(line.runs) == 2 and MARGIN_LABEL.match(first) \
            and line.runs[1].x0 - line.runs[0].x1 < 120:
        first, second = line.runs[0], line.runs[1]
        line.label = first.text
        joined = Run(f"{first.text} {second.text}", first.x0, second.x1, min(first.top, second.top),
                     max(first.bottom, second.bottom), second.size, second.bold)
        line.runs[:2] = [joined]


def page_lines(runs: list[Run], page: int, span: tuple[float, float]) -> list[Line]:
    """A page's lines in reading order: where text stands in two columns, the left column before the right."""
    gutter = _gutter(runs, span)
    if gutter is None:
        return to_lines(runs, page)
    spans = to_lines([r for r in runs if r.x0 < gutter < r.x1], page)
    cols = []
    for n, side in ((1, [r for r in runs if r.x1 <= gutter]), (2, [r for r in runs if r.x0 >= gutter])):
        for line in to_lines(side, page):
            line.column = n
            cols.append(line)
    out: list[Line] = []
    upper = float("-inf")
    for stop in spans + [None]:
        lower = stop.top if stop else float("inf")
        out.extend(sorted((l for l in cols if upper <= l.top < lower), key=lambda l: (l.column, l.top)))
        if stop:
            out.append(stop)
            upper = stop.top
    return out


def _gutter(runs: list[Run], span: tuple[float, float]) -> float | None:
    """The x of a gap between two columns of running text, or None: a table's columns do not count."""
    body = [r for r in runs if len(r.text) > 15]
    if len(body) < 10:
        return None
    best = None
    left, width = span[0], span[1] - span[0]
    for x in range(int(left + width * 0.3), int(left + width * 0.7), 3):
        crossing = sum(r.x0 < x < r.x1 for r in body)
        left = [r for r in body if r.x1 <= x]
        right = [r for r in body if r.x0 >= x]
        if crossing > len(body) * 0.15 or len(left) < 5 or len(right) < 5:
            continue
        # running text fills its column: most of its lines reach near the column's right edge
        ledge, redge = max(r.x1 for r in left), max(r.x1 for r in right)
        lfull = sum(r.x1 > ledge - 0.15 * (ledge - min(o.x0 for o in left)) for r in left) / len(left)
        rfull = sum(r.x1 > redge - 0.15 * (redge - x) for r in right) / len(right)
        if lfull >= 0.6 and rfull >= 0.6 and (best is None or crossing < best[0]):
            best = (crossing, x)
    return best[1] if best else None


def _key(text: str) -> str:
    """A line with its numbers blanked: "Page 3 of 19" and "Page 4 of 19" are the same furniture."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text.lower()))


def mark_furniture(pages: list[list[Line]], heights: list[float]) -> None:
    """Running headers and footers: lines at a page's top or bottom repeated on most pages, and page numbers.

    A line whose pattern recurs on its own page (a table's rows, with their numbers blanked) is content.
    """
    edge: list[list[Line]] = []
    for lines, height in zip(pages, heights):
        ordered = sorted(lines, key=lambda l: l.top)
        on_page = Counter(_key(l.text) for l in lines)
        top = [l for l in ordered[:6] if l.top < height * 0.15]
        bottom = [l for l in ordered[-6:] if l.bottom > height * 0.85]
        edge.append([l for l in top + [l for l in bottom if l not in top] if on_page[_key(l.text)] == 1])
    counts = Counter(k for lines in edge for k in {_key(l.text) for l in lines})
    exact = Counter(t for lines in edge for t in {l.text.strip() for l in lines})
    need = max(2, (len(pages) + 1) // 2) if len(pages) > 1 else None
    for page, lines in enumerate(edge):
        for l in lines:
            if page == 0 and l.top < heights[0] * 0.15 and DATED.search(l.text) and not re.search(r"(?i)\bpage\b",
                                                                                                 l.text):
                continue  # a header, not a footer's "Page 1 of 4"
            year = YEAR.match(l.text.strip())  # with its digits blanked a year looks like any page number
            repeated = need is not None and (exact[l.text.strip()] if year else counts[_key(l.text)]) >= need
            if (repeated and len(l.text) < 200) or (PAGE_NUMBER.match(l.text.strip()) and not year):
                l.furniture = True
