"""One document in, one Meeting out: decode, clean, recognise the genre, parse, assemble ids."""
from __future__ import annotations

import hashlib
import re
from datetime import date as _date
from pathlib import Path

from qa.models import Meeting
from qa.parse.agenda import agenda_table, parse_agenda, parse_report
from qa.parse.body import build_paragraphs
from qa.parse.clean import HEADING_MARK, join_page_breaks, looks_like_heading, normalise, running_headers, to_blocks
from qa.parse.common import Draft, title_similarity
from qa.parse.council import OF_PLACE_PREFIX, council_from_text
from qa.parse.header import abbreviation, find_date, slug
from qa.parse.items import parse_items, parse_single_item
from qa.parse.dates import BARE_DATE, dates_in, is_us, meeting_date
from qa.parse.kind import find_kind
from qa.parse.meta import find_body
from qa.parse.speech import SPOKEN, speaker_lines
from qa.parse.minutes import find_items, parse_minutes
from qa.parse.minutes import header as minutes_header
from qa.parse.reflow import rejoin
from qa.parse.transcript import parse_transcript, parse_turns
from qa.read.blocks import Document, UnreadableDocument  # noqa: F401 (re-exported for callers)
from qa.read.limits import ReadLimits
from qa.read.reader import read_bytes, read_file



def genre(text: str, blocks) -> str:
    """minutes | agenda | report | transcript | unknown, from what the text looks like."""
    lines = text.split("\n")
    long_lines = sum(len(l) > 3000 for l in lines)
    head = "\n".join(lines[:40]).lower()
    speech = len(SPOKEN.findall(text[:200000]))
    words = max(1, len(text[:200000].split()))
    if long_lines and speech / words > 0.004 or "transcript" in head and speech / words > 0.004:
        return "transcript"
    if agenda_table(blocks) and re.search(r"(?im)^\s*agenda\s*$|item no", head + text[:20000].lower()):
        return "agenda"
    numbered = sum(1 for b in blocks if b.number and b.number[0].isdigit())
    items = find_items(blocks)
    if items and numbered < 3 * len(items) and re.search(r"(?i)\bminutes\b|\bpresent\b|\bresolved\b|\bit was agreed\b", text[:20000]):
        return "minutes"
    if numbered >= 3:
        return "report"
    if items:
        return "minutes"
    return "unknown"


# "wye-valley-cc-20230227.md", "minutes_2023-02-27.pdf": a date in a file's name, as councils' sites name files.
NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_name(source: str) -> str | None:
    """The ISO date a file's name carries, or None."""
    m = NAME_DATE.search(Path(source).name)
    if not m:
        return None
    try:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:  # 2023-02-30
        return None


def meeting_id(council: str | None, body: str | None, iso: str | None, kind: str, text: str) -> str:
    """Readable and stable: council, body initials, date, and the kind unless minutes."""
    c = slug((OF_PLACE_PREFIX.sub("", council or "") or "unknown").split()[0])
    b = abbreviation(body or "meeting")
    d = iso or "undated-" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:8]
    return f"{c}-{b}-{d}" + ("" if kind == "minutes" else f"-{kind}")


def parse_text(text: str, source: str, council: str | None = None, source_url: str | None = None,
               warnings: list[str] | None = None, pages: list[int | None] | None = None,
               stated: bool = False) -> Meeting:
    """Parse the text of one document; odd documents still become one citable item, with a warning.

    pages: the page of the original that each line of text comes from (see layout), where it has pages.
    stated: the heading marks ("#" to "######") give a reader's levels (a web page's h1-h6, Word's heading
    styles, a PDF's type sizes), not marks typed in a text file.
    """
    text = normalise(text)
    warnings = list(warnings or [])
    if not text.strip():
        raise UnreadableDocument("empty document")
    # A line of print to a paragraph: paragraphs again. Pages no longer in step with the lines (normalise
    # joined some) are dropped there.
    text, pages = rejoin(text, pages)
    lines = text.split("\n")
    headings = {i for i, l in enumerate(lines) if HEADING_MARK.match(l)}
    levels = {i: len(lines[i]) - len(lines[i].lstrip("#")) for i in headings} if stated else {}
    bare = [HEADING_MARK.sub("", l) for l in lines]
    drop = running_headers(bare)
    blocks = to_blocks(text, drop=drop, pages=pages)
    # repeated bare numbers are item numbers as often as page numbers: the item schemes judge them
    plain = ["" if l.strip() in drop and not re.fullmatch(r"[\d.()]+", l.strip()) else l for l in bare]
    dated = _first_printings(bare, drop)
    kind = "unknown"
    draft = Draft(kind="report")
    us = is_us(plain)
    council = council or council_from_text(text, us=us)
    try:
        kind = "transcript" if genre(text, blocks) == "transcript" else find_kind(plain, meeting_date(dated, us=us))
        draft = _structure(text, blocks, plain, drop, kind, pages, lines, headings, levels)
    except Exception as exc:  # a parser bug must not lose the document: fall back and say so
        draft = Draft(kind="report")
        _fallback(blocks, draft, f"{kind} parser failed ({type(exc).__name__}: {exc})")
    body = find_body(plain, council)
    if body and not (draft.body and title_similarity(body, draft.body) >= 0.75):
        draft.body = body  # a header pattern named it; a genre parser's own finding stands where they agree
    draft.date = meeting_date(dated, us=us) or draft.date
    if not draft.date:
        draft.date, _ = find_date(text[:5000])
    if not draft.date and (named := date_in_name(source)):
        draft.date = named
        draft.warn("meeting date not found in the text: taken from the file name")
    council = council or "Unknown council"
    body = draft.body or "Unknown body"
    if not draft.body:
        draft.warn("body not found in the text")
    if draft.body:
        mid = meeting_id(council, body, draft.date, draft.kind, text)
    else:  # nothing names the body: the file's own name is the most readable id
        mid = slug(Path(source).stem)[:60] or meeting_id(council, body, draft.date, draft.kind, text)
    title = draft.title or (f"{body} {draft.kind}" if draft.body else Path(source).stem)
    return Meeting(
        id=mid, council=council, body=body, date=draft.date, kind=draft.kind, title=title,
        source=source, attendees=draft.attendees, also_attended=draft.also_attended, venue=draft.venue,
        items=tuple(draft.items), warnings=tuple(warnings + draft.warnings), source_url=source_url,
    )


def _first_printings(lines: list[str], drop: set[str]) -> list[str]:
    """lines for the meeting-date search: running headers dropped but for the first printing of a title block's
    lines ("BOARD MEETING AGENDA" / "March 27, 2019" atop every page); of dated lines only a bare date's, not a
    header dating another meeting ("Council meeting 9 April 2024 – Agenda Item 4")."""
    seen: set[str] = set()
    out = []
    for line in lines:
        s = line.strip()
        first = s not in seen and (BARE_DATE.fullmatch(s) or not dates_in(s))
        seen.add(s)
        out.append(line if s not in drop or first else "")
    return out


# A decision record that records a meeting, item by item: an action summary, a meeting called to order.
MEETING_RECORD = re.compile(r"(?im)^\s*(?:#+\s*)?(?:\*\*|__)?action\s+summary\s+minutes\b|\bcall(?:ed)?\s+to\s+order\b")


def _structure(text: str, blocks, lines: list[str], drop: set[str], kind: str, pages, marked: list[str],
               headings: set[int], levels: dict[int, int]) -> Draft:
    """The parse that explains the document best: a layout the seed parsers know, or any scheme's items.

    levels: each stated heading's level (see parse_text), for agendas and minutes that number nothing.
    """
    old = Draft(kind=kind)
    form = genre(text, blocks)
    if kind == "transcript" and speaker_lines(lines) < 10:
        parse_transcript(text, old, pages)
        return old
    if kind == "transcript":
        parse_turns(lines, old, drop, pages)
        return old
    if form == "agenda" and kind == "agenda":  # the layouts the genre parsers know: agenda tables, "308 Title"
        parse_agenda(blocks, old)
    elif form == "minutes" and kind == "minutes":
        parse_minutes(blocks, old)
    elif kind == "report" and form != "unknown":
        parse_report(blocks, old)
    if kind == "report":  # a report's numbered paragraphs are paragraphs, not items
        if not old.items:
            _fallback(blocks, old, "structure not recognised")
        return old
    new = Draft(kind=kind)
    genre_of = "agenda" if kind == "agenda" else "minutes"  # a decision record records, as minutes do
    # Capitals headings are items of agendas, minutes and a board's action summary of a meeting; not of an
    # ordinance, a resolution or a decision form, whose capitals are its title, fields and signatures
    capitals = kind in ("agenda", "minutes") or kind == "decision-record" and bool(MEETING_RECORD.search(text[:5000]))
    found = parse_items(lines, new, drop, genre=genre_of, pages=pages, capitals=capitals, marked=marked,
                        headings=headings, levels=levels if kind in ("agenda", "minutes") else {})
    if not found and kind == "decision-record":
        found = parse_single_item(lines, new, drop, genre_of, pages)
    # an agenda table is what its pack says the items are: the schemes must explain much more to overrule it
    margin = 1.5 if form == "agenda" else 1.0
    numbers = {i.number for i in old.items if i.number}
    # ... or find every item the table numbers and more ("7.1"-"7.4" under its "7 Reports")
    more = bool(numbers) and numbers <= {i.number for i in new.items} and len(new.items) > len(old.items)
    if found and (len(new.items) > margin * len(old.items) or more):
        if kind == "minutes":  # attendance from the heading block, as the minutes parser reads it
            info = minutes_header(blocks)
            new.update({k: info[k] for k in ("attendees", "also_attended")})
        return new
    if not old.items:
        _fallback(blocks, old, "structure not recognised")
    return old


def _fallback(blocks, draft: Draft, why: str) -> None:
    draft.warn(f"{why}: read as one item of positional paragraphs")
    paras, sections = build_paragraphs(join_page_breaks(blocks), genre="report", numbered=False)
    draft.add_item("", None, draft.title or "Document", paras, sections)


def layout(doc: Document) -> tuple[str, list[int | None]]:
    """The text the genre parsers read, and the page of each of its lines.

    Each block stands at its source line where the reader kept lines; layout blocks are parted by a blank
    line, a table row's cells by tabs (how the parsers know a row); a rendered list number leads its text.
    """
    lines: list[str] = []
    pages: list[int | None] = []
    typeset = typeset_levels(doc.blocks) if not any(b.level for b in doc.blocks) else {}
    for k, b in enumerate(doc.blocks):
        if b.line:
            pad = b.line - 1 - len(lines)
        else:
            pad = 1 if lines else 0
        lines.extend([""] * pad)
        pages.extend([b.page] * pad)
        text = b.text
        if b.kind == "table_row" and len(b.cells) > 1 and not b.line:
            text = "\t".join(b.cells)
        elif b.label:  # numbering the format rendered: the parsers read it as printed
            text = f"{b.label} {b.text}"
        # a heading, marked as Markdown marks one: at the level the format states (h3, Heading 3: "### "; Word's
        # Heading 7-9 as Markdown's deepest), else typography's (a PDF's); a rule of underscores is no heading
        if b.kind == "heading" and not b.line and any(c.isalnum() for c in text):
            text = "#" * min(b.level or typeset.get(k, 2), 6) + " " + " ".join(text.split())
        for line in text.split("\n"):
            lines.append(line)
            pages.append(b.page)
    return "\n".join(lines), pages


def typeset_levels(blocks) -> dict[int, int]:
    """Levels for the headings of a format that states none (a PDF), by block index: 1 for the largest type, and so
    on down; a bold line that is no heading's text ("Resolved: that the report be noted.") below them all, so a
    title never shares a level with it."""
    sizes = sorted({round(b.size, 1) for b in blocks if b.kind == "heading"}, reverse=True)
    return {k: (1 + sizes.index(round(b.size, 1)) if looks_like_heading(b.text) and not RUN_IN.search(b.text)
                else len(sizes) + 1) for k, b in enumerate(blocks) if b.kind == "heading"}


# "Resolved: that …", "Action: Clerk": a label with its text after it, set in bold; "Proposed Cllr Price, seconded
# Cllr Ward, carried": a motion's movers and outcome
RUN_IN = re.compile(r"^[^:]{1,40}:\s+\S|(?i:\bseconded\b|\b(?:carried|agreed|lost|defeated)\W*$)")


def parse_document(doc: Document, source: str, council: str | None = None, source_url: str | None = None) -> Meeting:
    """Parse a document as read (see qa.read); odd documents still become one citable item, with a warning."""
    text, pages = layout(doc)
    # Word and the web state heading levels; a PDF's are its type's (typeset_levels), as good for finding items
    stated = any(b.kind == "heading" for b in doc.blocks)
    return parse_text(text, source, council=council, source_url=source_url, warnings=doc.warnings,
                      pages=pages if doc.pages else None, stated=stated)


def parse_bytes(data: bytes, source: str, council: str | None = None, source_url: str | None = None,
                limits: ReadLimits | None = None) -> Meeting:
    """Parse raw file content named source; raises UnreadableDocument for content no reader can use."""
    return parse_document(read_bytes(data, source, limits), source, council=council, source_url=source_url)


def parse_file(path: str | Path, council: str | None = None, source_url: str | None = None,
               limits: ReadLimits | None = None) -> Meeting:
    """Parse one document file (see parse_bytes)."""
    p = Path(path)
    return parse_document(read_file(p, limits), p.name, council=council, source_url=source_url)
