"""Clean-up of PDF-extraction noise and the cut of a text into blocks (paragraphs, bullets, rows, headings)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

BULLET = re.compile(r"^\s*(?:[-•▪●◦○➤►*]|\u2022|\uf0b7|\uf0a7)\s+")
SUB_ITEM = re.compile(r"^\s*\((?:[a-z]{1,2}|[ivx]{1,4})\)\s+(?=\S)")  # "(a) the forecast …" under a resolution
NUMBERED = re.compile(r"^\s*(?:[-•]\s+)?(\d{1,2}(?:\.\d{1,2}){1,2}|\d{1,3})[.)]?\s+(?=\S)")
# "1. Text" needs the dot; "1.1 Text" does not. Keeps "2019 was a year" from reading as para 2019.
# "10.Following the results…": a PDF can set a paragraph number hard against its text, with no space.
NUMBERED_STRICT = re.compile(r"^\s*(?:[-•]\s+)?(?:(\d{1,2}(?:\.\d{1,2}){1,2})\.?\s+(?=\S)|"
                             r"(\d{1,3})\.(?:\s+(?=\S)|(?=[A-Z](?:[a-z]|\s))))")
RECOMMENDATION = re.compile(r"^\s*(?:[-•]\s+)?(Recommendation\s+(\d{1,3}))\s*[:.–-]\s*", re.I)
TERMINAL = re.compile(r"[.!?:;)\]\"'”’…]\s*$")
HEADING_MARK = re.compile(r"^#{1,6}\s+")  # a heading as the reader saw it (qa.parse.document.layout marks it)
LINK = re.compile(r"\[([^\[\]]{0,300}?)\]\((?:#|[a-z]+://[^)]{0,400}|mailto:[^)]{0,200})\)", re.S)
FURNITURE = [
    re.compile(r"(?i)^this page is intentionally left blank\.?$"),
    re.compile(r"(?i)^page\s+\d+(\s+of\s+\d+)?$"),
    re.compile(r"^\d{1,3}$"),
    re.compile(r"(?i)^date of issue\s*:.*$"),
    re.compile(r"(?i)^(draft|confidential)$"),
    # UK government protective markings printed on every page: "OFFICIAL", "OFFICIAL-SENSITIVE"
    re.compile(r"^OFFICIAL(?:[- ]SENSITIVE)?$"),
    re.compile(r"^[-_=.·\s]{3,}$"),
    re.compile(r"^(-+\t)+-+\s*$"),
]


@dataclass(frozen=True)
class Block:
    """One unit of text as laid out: kind is paragraph | bullet | table_row | heading."""

    text: str
    kind: str = "paragraph"
    number: str | None = None  # printed paragraph number ("81", "1.2") or "Recommendation 3"
    cells: tuple[str, ...] = ()
    markdown_heading: bool = False
    line: int = 0  # 1-based line of the source where the block starts
    gap_before: bool = True  # a blank line (or dropped furniture) separates it from the block above
    after_header: bool = False  # a dropped running header stands just above: often where a new report begins
    speaker: str | None = None  # in a transcript, who is speaking ("Mayor Lago")
    page: int | None = None  # page of the original where the block starts (None: the source has no pages)


def normalise(text: str) -> str:
    """Plain text from extraction output: no link remnants, bold markers, odd spaces or control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]", "", text)
    text = text.replace("\u00a0", " ")
    text = LINK.sub(lambda m: m.group(1), text)
    text = re.sub(r"\((?:#)\)", "", text)
    text = re.sub(r"(?<=\w)\*\*(?=\w)", " ", text)  # "2020**COVID" was two runs of text
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<![\w*])\*(\S[^*\n]{0,400}?\S|\S)\*(?![\w*])", r"\1", text)  # *emphasis* of one line
    return text


def is_furniture(line: str) -> bool:
    """Page furniture that carries no content: blank-page notes, page numbers, issue dates."""
    s = line.strip()
    return bool(s) and any(p.match(s) for p in FURNITURE)


def running_headers(lines: list[str], keep: set[str] = frozenset()) -> set[str]:
    """Lines repeated three or more times that carry a date or number, or are set in capitals: running headers.

    Repeated section headings ("Background", "Summary") and "Agenda Item N" marks are content, not furniture.
    """
    counts = Counter(l.strip() for l in lines if l.strip())
    return {
        s for s, n in counts.items()
        if n >= 3 and len(s) <= 80 and "\t" not in s and not BULLET.match(s) and s not in keep
        and not re.match(r"^[a-z]", s) and not re.match(r"(?i)^agenda\s+item\b", s)
        and (re.search(r"\d", s) or (s.isupper() and len(s.split()) >= 3))
    }


def strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1)


# The label a committee website (ModernGov and the like) puts after a link to a document: "PDF 142 KB".
ATTACHMENT_LABEL = re.compile(r"(?<!\S)(?:PDF|DOCX?|XLSX?|PPTX?|ODT|RTF|ZIP|HTML?)\s+\d+(?:\.\d+)?\s*[KMG]B\s*$")


def looks_like_heading(text: str) -> bool:
    """A short line with no closing punctuation: a section heading as council reports set them (not a link to
    an attached document, "Appendix 2 Highlighted Proposed Amendments , item 8. PDF 142 KB")."""
    s = text.strip()
    if not s or len(s) > 100 or "\t" in s or ATTACHMENT_LABEL.search(s):
        return False
    words = s.split()
    if len(words) > 12 or TERMINAL.search(s) and not s.endswith(")"):
        return False
    first = s.lstrip("➤►○•-–* ")
    return bool(first) and (first[0].isupper() or first[0].isdigit())


def paragraph_number(text: str) -> tuple[str | None, str]:
    """Split "81. Grass cutting…" into ("81", "Grass cutting…"); (None, text) when unnumbered."""
    m = RECOMMENDATION.match(text)
    if m:
        return m.group(1).title(), text.strip()
    m = NUMBERED_STRICT.match(text)
    if m:
        return (m.group(1) or m.group(2)), text[m.end():].strip()
    return None, text


def starts_element(line: str) -> bool:
    """True when line opens a new element: a bullet, a numbered paragraph, a sub-item, a recommendation, a row."""
    return bool(BULLET.match(line) or SUB_ITEM.match(line) or NUMBERED_STRICT.match(line)
                or RECOMMENDATION.match(line) or "\t" in line)


def to_blocks(text: str, *, drop: set[str] = frozenset(), pages: list[int | None] | None = None) -> list[Block]:
    """Cut normalised text into blocks; drops furniture and the given running headers.

    pages: the page of each line of text, where the source has pages; a block takes its first line's.
    """
    blocks: list[Block] = []
    cur: list[str] = []
    start = 0
    gap = True
    header = False

    def flush():
        nonlocal cur, header
        if cur:
            page = pages[start - 1] if pages and start <= len(pages) else None
            blocks.append(replace(_make_block(cur, start), gap_before=gap, after_header=header, page=page))
            header = False
        cur = []

    for i, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip()
        if not line.strip() or is_furniture(line) or line.strip() in drop:
            flush()
            gap = True
            header = header or line.strip() in drop
            continue
        if cur and (starts_element(line) or "\t" in cur[-1] or re.match(r"^\s*#", line)):
            flush()
            gap = False
        if not cur:
            start = i
        cur.append(line)
        if len(cur) == 1 and _heading_line(line):
            flush()  # a heading set on its own line, with its text straight below
            gap = False
    flush()
    return blocks


def _heading_line(line: str) -> bool:
    s = line.strip()
    if not looks_like_heading(s) or BULLET.match(s):
        return False
    letters = re.sub(r"[^A-Za-z]", "", s)
    return (len(letters) > 3 and letters.isupper()) or bool(re.match(r"^\d{1,4}(/\d{2,4})?\.?\s+[A-Z]|^(?i:agenda item)\b", s))


def _make_block(lines: list[str], line_no: int) -> Block:
    first = lines[0]
    md = bool(re.match(r"^\s*#{1,6}\s", first))
    if md:
        lines = [re.sub(r"^\s*#{1,6}\s*", "", first)] + lines[1:]
        first = lines[0]
    if "\t" in first and len(lines) == 1:
        cells = tuple(c.strip() for c in first.split("\t"))
        text = " ".join(c for c in cells if c)
        return Block(text=text, kind="table_row", cells=cells, line=line_no)
    text = " ".join(l.strip() for l in lines)
    text = re.sub(r"\s+", " ", text).strip()
    if BULLET.match(first) and not NUMBERED_STRICT.match(first) and not RECOMMENDATION.match(first):
        marker_is_heading = first.lstrip().startswith(("➤", "►")) and looks_like_heading(strip_bullet(text))
        return Block(text=strip_bullet(text), kind="heading" if marker_is_heading else "bullet", line=line_no)
    if SUB_ITEM.match(first):
        return Block(text=text, kind="bullet", line=line_no)
    number, rest = paragraph_number(text)
    if number:
        body = rest if not number.startswith("Recommendation") else text
        return Block(text=body if not number[0].isdigit() else rest, kind="paragraph", number=number, line=line_no)
    kind = "heading" if (md or (len(lines) == 1 and looks_like_heading(text) and not MOVER.match(text))) \
        and not OUTCOME.match(text) else "paragraph"
    return Block(text=text, kind=kind, markdown_heading=md, line=line_no)


def continues(prev: Block, nxt: Block) -> bool:
    """True when nxt is the rest of prev cut by a page break: prev unfinished, nxt starting lower-case.

    Only across a gap: consecutive lower-case bullets with no blank line between are a list.
    """
    if prev.kind in ("table_row", "heading") or nxt.kind in ("table_row",) or nxt.number or not nxt.gap_before:
        return False
    if OUTCOME.match(prev.text):
        return False  # "Carried" is whole: "c) Lacombe County – …" below it starts anew
    body = nxt.text.lstrip()
    return bool(body) and body[0].islower() and not TERMINAL.search(prev.text)


# Who moved or seconded a motion, on a line of its own above it ("Motion made by A. Hopkins" / "Seconded by
# S. Hillier" / "That Council rise …", Ontario's minutes): one record with the motion, not headings.
MOVER = re.compile(r"(?i)^(?:motion\s+(?:made|moved)\s+by|moved\s+by|seconded\s+by|proposed\s+by)\s+[A-Z][^!?;:]{0,60}$")
# A motion's outcome on its line, however set ("CARRIED", "#### Carried", "DEFEATED Opposed: Mayor Brodie and …"):
# the record of a decision, not a heading over what follows.
OUTCOME = re.compile(r"(?i)^(?:the\s+)?(?:motion\s+)?(?:carried|defeated|lost|failed|passed)(?:\s+unanimously)?\.?"
                     r"(?:\s+(?:opposed|against|ayes?|nays?|abstain\w*|for)\s*:.*)?$")
MOTION_TEXT = re.compile(r"^(?:That|THAT)\b")


def _moves(prev: Block, nxt: Block) -> bool:
    """True where nxt goes on with the motion whose mover or seconder prev names."""
    return prev.kind == "paragraph" and bool(MOVER.match(prev.text)) and \
        nxt.kind in ("paragraph", "heading") and bool(MOVER.match(nxt.text) or MOTION_TEXT.match(nxt.text))


def join_page_breaks(blocks: list[Block]) -> list[Block]:
    """A bullet or paragraph split across a page break becomes one block again; so do a motion's mover, seconder
    and text, set on lines of their own."""
    out: list[Block] = []
    for b in blocks:
        if out and (continues(out[-1], b) or _moves(out[-1], b)):
            out[-1] = replace(out[-1], text=f"{out[-1].text} {b.text.strip()}")
        else:
            out.append(b)
    return out
