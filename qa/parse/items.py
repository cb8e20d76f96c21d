"""Any house style's items: each item's title made whole and its paragraphs, from where it starts (qa.parse.starts)."""
from __future__ import annotations

import re
from dataclasses import replace

from qa.parse.body import build_paragraphs
from qa.parse.clean import ATTACHMENT_LABEL, join_page_breaks, starts_element, to_blocks
from qa.parse.common import Draft, item_key
from qa.parse.packs import report_end, report_starts
from qa.parse.starts import Start, item_starts
from qa.parse.titles import resolution_title

# A title left open: ending in a connecting word ("… the procurement of"), or with a bracket or a quotation
# not yet closed. A bracket or quotation runs on only into a line that goes on with it: lower-case, or
# closing it; otherwise the next line is the item's text ("2. Finance (see attached" / "The clerk …").
_CONNECTS = re.compile(r"(?i)(?:\b(?:of|and|the|to|for|in|on|with)|\s[&–-])$")


def _runs_on(title: str, nxt: str) -> bool:
    if _CONNECTS.search(title):
        return True
    n = nxt.strip()
    if title.count("(") > title.count(")"):
        return n[:1].islower() or n.count(")") > n.count("(")
    if title.count("“") > title.count("”"):
        return n[:1].islower() or "”" in n or not starts_element(n)
    return title.endswith(",") and n[:1].islower()


def _title_with_continuation(lines: list[str], s: Start, end: int) -> Start:
    """A title that runs onto the next lines ("… the procurement of" / "the Village Green", or a bracket left
    open: "(Inspector Reidy from" / "Newcastle West Garda Station)") is made whole; a title still open after
    twenty-odd words is a sentence's start, marked cut."""
    t, k = s.title, s.title_end
    while k + 1 < end and lines[k + 1].strip() and len(t.split()) < 20 and _runs_on(t, lines[k + 1]):
        k += 1
        t = f"{t} {lines[k].strip()}"
    cut = k + 1 < end and bool(lines[k + 1].strip()) and _runs_on(t, lines[k + 1])
    return replace(s, title=t, title_end=k, title_start=s.title_end, title_cut=cut or s.title_cut)


def _from_title(line: str, title: str) -> str:
    """line from where title starts on it (a number before it, "8. “I will ask…", is the item's, not text)."""
    at = line.find(title[:20])
    return line[at:] if at >= 0 else line


def _after_title(line: str, s: Start) -> str:
    """Text on an item's title line after its title (so no word is lost), else ""."""
    at = line.find(s.title)
    rest = line[at + len(s.title):].strip().lstrip(":-–— ") if at >= 0 and s.title else ""
    return "" if rest.startswith("(") else rest  # "Apologies (Item 1)": a number in brackets, not text


def _blocks(lines: list[str], lo: int, hi: int, drop: set[str], pages: list[int | None] | None = None):
    blocks = to_blocks("\n".join(lines[lo:hi]), drop=drop, pages=pages[lo:hi] if pages else None)
    return [replace(b, line=b.line + lo) for b in blocks]


def parse_items(lines: list[str], draft: Draft, drop: set[str], genre: str,
                pages: list[int | None] | None = None, capitals: bool = True, marked: list[str] | None = None,
                headings: frozenset[int] | set[int] = frozenset(), levels: dict[int, int] | None = None) -> bool:
    """Fill draft with a front item and one item per start found; False when no structure was found.

    pages: the page of each line, where the source has pages. marked: the same lines with the reader's headings
    marked ("## "), for the paragraphs; headings: which lines those are, for the schemes; levels: see item_starts.
    """
    how, starts = item_starts(lines, capitals=capitals, headings=headings, levels=levels)
    text_lines = marked or lines
    if not starts:
        return False
    if how != "headings":  # a stated heading is whole: its title runs on into no line below
        starts = [_title_with_continuation(lines, s, (starts[k + 1].line if k + 1 < len(starts) else len(lines)))
                  for k, s in enumerate(starts)]
    reports = report_starts(lines, starts, headings) if genre == "agenda" else {}  # a pack's reports join items
    front = _blocks(text_lines, 0, starts[0].line, drop, pages)
    paras, sections = build_paragraphs(join_page_breaks(front), genre=genre, numbered=False)
    draft.add_item("front", None, "Heading and attendance" if genre == "minutes" else "Front matter", paras, sections)
    for k, s in enumerate(starts):
        end = starts[k + 1].line if k + 1 < len(starts) else min(reports.values(), default=len(lines))
        rest = _after_title(lines[s.line], s) if s.title_end == s.line else ""
        line = lines[s.line]
        after = line[line.find(s.number) + len(s.number):].lstrip(" .:)\t") if s.number and s.title_end == s.line else ""
        if after and resolution_title(after) == s.title:
            rest = after  # the movers and their resolution: the item's text, whole
        if rest:  # "21.01.04 Matters Arising The sign placed…": the text run into the title line is the item's
            body = text_lines[:s.line] + [rest] + text_lines[s.line + 1:]
            blocks = _blocks(body, s.line, end, drop, pages)
        else:
            blocks = _blocks(text_lines, s.title_end + 1, end, drop, pages)
        # a stated heading's words after a colon are its title's ("Planning: Rear Extension at 4 Mill Close")
        note = (lines[s.line].strip().partition(":")[2].strip()
                if s.number is None and not rest and how != "headings" else "")
        if note and s.title_end == s.line:  # "PLEDGE OF ALLEGIANCE: To be announced": the note is the item's text
            blocks = [replace(b, text=note) for b in _blocks(text_lines, s.line, s.line + 1, drop, pages)][:1] + blocks
        first = s.title_end if s.title_start is None else s.title_start
        if s.title_cut:  # "“I will ask at the next meeting (a) what …": the whole sentence is the item's text
            body = text_lines[:first] + [_from_title(text_lines[first], s.title)] + text_lines[first + 1:]
            blocks = _blocks(body, first, end, drop, pages)
        if s.line < first:  # lines between the number and its title (a file number) stay as text
            blocks = _blocks(text_lines, s.line + 1, first, drop | {s.title}, pages) + blocks
        if k in reports:
            blocks += _blocks(text_lines, reports[k], report_end(reports, k, len(lines)), drop, pages)
        paras, sections = build_paragraphs(join_page_breaks(blocks), genre=genre)
        title = ATTACHMENT_LABEL.sub("", s.title).rstrip() or s.title  # "Minutes PDF 162 KB": the link's label is no title
        key = item_key(s.number) if s.number else item_key(title)[:40]
        draft.add_item(key, s.number, title, paras, sections, page=pages[s.line] if pages else None)
    return True


# "Agenda Item: E-2" anywhere in a record: the agenda item the whole record was taken under.
NAMED_ITEM = re.compile(r"(?i)\bagenda\s+item\s*(?:no\.?)?\s*:?\s*((?-i:[A-Z])\.?-?\d{1,3}[a-z]?|\d{1,3}[a-z]?)\b")
RECORD_TITLE = re.compile(r"(?i)^\s*an?\s+(?:ordinance|resolution|by-?law)\b|^\s*(?:decision|resolution)\b")


def _record_title(lines: list[str], at: int) -> str:
    """An ordinance's or resolution's title from line at on, over its capitals lines, at most thirty words."""
    # "AN ORDINANCE OF THE CITY COMMISSION" / "PROVIDING FOR A TEXT AMENDMENT …", blank lines between
    parts = [" ".join(lines[at].split())]
    k = at + 1
    while not parts[-1].endswith(".") and len(" ".join(parts).split()) < 30:
        while k < len(lines) and not lines[k].strip():
            k += 1
        letters = re.sub(r"[^A-Za-z]", "", lines[k]) if k < len(lines) else ""
        if not letters or sum(c.isupper() for c in letters) < 0.9 * len(letters):
            break
        parts.append(" ".join(lines[k].split()))
        k += 1
    return " ".join(" ".join(parts).split()[:30])


def parse_single_item(lines: list[str], draft: Draft, drop: set[str], genre: str,
                      pages: list[int | None] | None = None) -> bool:
    """A record of one agenda item that names it somewhere ("Agenda Item: E-2"): the whole record is that item."""
    named = next((m.group(1) for l in lines if (m := NAMED_ITEM.search(l))), None)
    if not named:
        return False
    at = next((k for k, l in enumerate(lines) if RECORD_TITLE.match(l)), None)
    title = _record_title(lines, at) if at is not None else draft.title or "Decision record"
    blocks = _blocks(lines, 0, len(lines), drop, pages)
    paras, sections = build_paragraphs(join_page_breaks(blocks), genre=genre)
    draft.add_item(item_key(named), named, " ".join(title.split()[:30]), paras, sections)
    return True
