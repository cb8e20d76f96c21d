"""The body of one item: blocks to citable paragraphs, with sections where numbering restarts."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa import decisions, references
from qa.models import Paragraph, Section
from qa.parse.clean import Block
from qa.parse.segment import segments

LONG_WORDS = 400

# "(23-339) Ordinance No. 3341, “Impose a Temporary Moratorium…”", "(*23-340) Minutes of…": an entry of a council
# file in US city minutes. Its file number is the paragraph's printed number, and the discussion, motion and vote
# printed after it are about it, so its opening words head them.
FILE_ENTRY = re.compile(r"^\(\*?(\d{2,4}-\d{2,5}[A-Z]?)\)\s+(\S.*)$", re.S)
ENTRY_HEADING_WORDS = 25
# The sign-off of minutes: when the meeting closed and when the next one is, each often set as a short line of
# its own ("Next Meeting Tuesday, 12th November 2019", "The Chairman brought the meeting to a close at 8.35pm").
# Neither heads anything, and the two together answer "when did it end, and when do they meet again?", so
# adjacent sign-off lines are one paragraph. Each must carry its date or time: "DATE OF NEXT MEETING" over the
# sentence giving it is a heading, and "the Hall Committee meeting ended without agreement" or "the meeting was
# closed to the press and public" are the item's content.
SIGN_OFF = re.compile(r"(?i)^(?:(?:the )?(?:date|time|date and time|day) of (?:the )?next meeting|next meeting)\b(?=.*\d)|"
                      r"\bmeeting (?:was )?(?:closed|ended|finished|concluded|terminated|adjourned)\s+at\s+\d|"
                      r"\b(?:brought|declared) the meeting (?:to a )?clos(?:e|ed)\b(?=.*\d)|"
                      r"\b(?:closed|adjourned) the meeting\s+at\s+\d")
SIGN_OFF_CHARS = 200
LIST_START = re.compile(r"^\(?(?:1|a|i)\)?\.?$", re.I)  # the first number of a list: 1, (a), i.
# A form's row, a short label beside a sentence or more ("Reasons for decision | Greenline submitted the most …"):
# a field of the record, not a figure of the numbered paragraph above it.
FIELD_ROW_LABEL_WORDS = 6
FIELD_ROW_VALUE_WORDS = 12
APPENDIX_LINE = re.compile(r"^\s*(?:[-•]\s*)?((?:Appendix|Annex|Annexe|Schedule)\s+[A-Z0-9]{1,3}\b\s*[-–:.]?\s*.*)$", re.I)


def _num_key(number: str) -> tuple[int, ...]:
    return tuple(int(x) for x in number.split(".") if x.isdigit())


def _is_restart(number: str, seen: list[str]) -> bool:
    """Numbering goes back to its start (1 or 1.1) after running past it: a new report or appendix."""
    if not seen:
        return False
    key, last = _num_key(number), _num_key(seen[-1])
    first_of_run = key in ((1,), (1, 1), (1, 1, 1))
    return first_of_run and last > key and max(_num_key(s)[0] for s in seen) >= 2


def _resumes_parent(number: str, acc: "_Acc") -> bool:
    """A short numbered list (1-3) inside a report, after which the report's own numbering resumes."""
    if not acc.parent or not acc.parent[1] or len(acc.seen) > 5:
        return False
    before = _num_key(acc.parent[1][-1])
    return before < _num_key(number) <= (before[0] + 10,)


@dataclass
class _Acc:
    """Paragraphs being collected for one item."""

    genre: str
    paragraphs: list[dict] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    section: str | None = None
    seen: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)
    position: int = 0
    heading: str | None = None
    lead_in: str | None = None
    attach: dict | None = None  # the numbered paragraph that following bullets/rows fold into
    listing: bool = False  # the last block was a numbered paragraph
    parent: tuple | None = None  # (section, seen, position) of the run a restart interrupted

    def add(self, text: str, kind: str, number: str | None, page: int | None = None,
            speaker: str | None = None) -> dict:
        self.position += 1
        key = number if number else f"p{self.position}"
        key = re.sub(r"[^A-Za-z0-9.]+", "-", key).strip("-").lower() if number and not number[0].isdigit() else key
        base, n = key, 2
        while (self.section, key) in self.used:
            key, n = f"{base}-{n}", n + 1
        self.used.add((self.section, key))
        p = {"key": key, "number": number, "position": self.position, "text": text, "kind": kind,
             "section": self.section, "heading": self.heading, "page": page,
             "lead_in": self.lead_in if kind == "bullet" or number else None, "speaker": speaker}
        self.paragraphs.append(p)
        return p


def build_paragraphs(blocks: list[Block], *, genre: str, numbered: bool | None = None,
                     appendix_hint: list[str] | None = None) -> tuple[tuple[Paragraph, ...], tuple[Section, ...]]:
    """Paragraphs of one item from its blocks; numbered paragraphs keep printed numbers."""
    digit_numbers = [b for b in blocks if b.number and b.number[0].isdigit()]
    if numbered is None:
        numbered = len(digit_numbers) >= 3
    acc = _Acc(genre=genre)
    appendices = list(appendix_hint or [])
    for b in blocks:
        number = b.number if (b.number and (numbered or not b.number[0].isdigit())) else None
        text = b.text if number or not b.number else f"{b.number}. {b.text}"
        if b.kind == "paragraph" and not number:
            m = APPENDIX_LINE.match(text)
            if m and acc.section is None:
                appendices.append(m.group(1).strip())
        if b.kind in ("bullet", "heading"):
            m = APPENDIX_LINE.match(b.text)
            if m and acc.section is None:
                appendices.append(m.group(1).strip())
        if number and number[0].isdigit():
            if _is_restart(number, acc.seen):
                _new_section(acc, appendices)
            elif _resumes_parent(number, acc):
                acc.section, acc.seen, acc.position = acc.parent
                acc.parent = None
            acc.seen.append(number)
        if not number and not b.speaker and genre != "transcript" and b.kind in ("heading", "paragraph") \
                and _sign_off(text):  # a turn of speech is its speaker's, whatever it says
            acc.attach = None
            last = acc.paragraphs[-1] if acc.paragraphs else None
            if last and not last["number"] and last.get("sign_off"):
                last["text"] += "\n" + text
            else:
                acc.add(text, "paragraph", None, b.page)["sign_off"] = True
            continue
        if b.kind == "heading":
            if not b.text[:1].islower():  # "information": the tail of a wrapped table header, not a heading
                acc.heading = b.text
            acc.attach = None
            acc.lead_in = None
            acc.add(b.text, "heading", None, b.page)
            continue
        if number:
            if not (acc.lead_in and (acc.listing or LIST_START.match(number))):
                acc.lead_in = None  # a lead-in carries to the list it opens ("RESOLVED:" / "1. To award …")
            acc.listing = True
            acc.attach = acc.add(text, "paragraph", number, b.page)
            continue
        acc.listing = False
        if acc.attach is not None and b.kind == "table_row" and _field_row(b.cells):
            acc.attach = None
        if acc.attach is not None and (b.kind in ("bullet", "table_row") or re.match(r"^\(?[a-z]{1,3}\)", text)):
            sep = "\n- " if b.kind == "bullet" else "\n"
            acc.attach["text"] += sep + text
            continue
        if b.kind == "paragraph" and len(text.split()) > LONG_WORDS:
            acc.attach = None  # a wall of text (one huge line): cut it where sentences end
            for seg, _ in segments(text):
                acc.add(seg, "paragraph", None, b.page)
            continue
        entry = FILE_ENTRY.match(text) if b.kind == "paragraph" else None
        if entry:
            acc.attach = None
            acc.heading = " ".join(entry.group(2).split()[:ENTRY_HEADING_WORDS])
            acc.add(text, "paragraph", entry.group(1), b.page, b.speaker)
            acc.lead_in = None
            continue
        if b.kind == "paragraph":
            acc.attach = None
            acc.add(text, "paragraph", None, b.page, b.speaker)
            acc.lead_in = text if decisions.is_lead_in(text) else None
            continue
        acc.add(text, b.kind, None, b.page)
        if b.kind == "table_row":  # a form's row can open the list: "Decision | Cabinet RESOLVED:"
            acc.lead_in = text if decisions.is_lead_in(text) else None
    return _finish(acc)


def _field_row(cells: tuple[str, ...]) -> bool:
    """A label beside prose: two cells, the first a few words without figures, the second a sentence or more."""
    if len(cells) != 2 or re.search(r"\d", cells[0]) or not cells[0][:1].isupper():
        return False
    return len(cells[0].split()) <= FIELD_ROW_LABEL_WORDS and len(cells[1].split()) >= FIELD_ROW_VALUE_WORDS \
        and bool(re.search(r"[.!?]$", cells[1]))


def _sign_off(text: str) -> bool:
    """A short line saying when the meeting closed or when the next one is."""
    return len(text) <= SIGN_OFF_CHARS and bool(SIGN_OFF.search(text))


def _new_section(acc: _Acc, appendices: list[str]) -> None:
    k = len(acc.sections) + 1
    title = appendices[k - 1] if k - 1 < len(appendices) else (acc.heading or f"Part {k + 1}")
    m = re.match(r"(?i)(appendix|annexe?|schedule)\s+([A-Z0-9]{1,3})\b", title)
    key = f"{m.group(1).lower()}-{m.group(2).lower()}" if m else f"s{k + 1}"
    if any(s.key == key for s in acc.sections):
        key = f"s{k + 1}"
    acc.sections.append(Section(key=key, title=title))
    acc.parent = (acc.section, acc.seen, acc.position)
    acc.section = key
    acc.seen = []
    acc.position = 0
    acc.attach = None


def _finish(acc: _Acc) -> tuple[tuple[Paragraph, ...], tuple[Section, ...]]:
    out = []
    for p in acc.paragraphs:
        kind = p["kind"]
        dec = None
        if kind != "heading":
            dec = decisions.detect(p["text"], lead_in=p["lead_in"], genre=acc.genre, heading=p["heading"])
        out.append(Paragraph(
            key=p["key"], number=p["number"], position=p["position"], text=p["text"],
            kind="decision" if dec else kind, section=p["section"], heading=p["heading"],
            decision=dec, references=references.find_references(p["text"]), speaker=p["speaker"],
            page=p["page"],
        ))
    return tuple(out), tuple(acc.sections)
