"""The document model: meetings, items, sections and citable paragraphs.

Every civic term used across Minutebook is defined here, once.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date as _date

KINDS = ("minutes", "agenda", "report", "transcript", "decision-record", "written-questions")
PARAGRAPH_KINDS = ("paragraph", "bullet", "table_row", "heading", "decision", "title")
DECISION_STATUSES = ("agreed", "proposed")


@dataclass(frozen=True)
class Decision:
    """What a paragraph records as decided or proposed.

    status: "agreed" (the record says the body resolved/agreed/approved it) or
    "proposed" (a recommendation not yet decided, e.g. in an agenda pack).
    is_action: someone is to do something (an agreed action is still agreed).
    owner / due: who is to act and by when, where the text names them.
    """

    status: str
    is_action: bool = False
    owner: str | None = None
    due: str | None = None


@dataclass(frozen=True)
class Reference:
    """A mention of another meeting: "the Minutes of the Meeting held on 2 February 2021"."""

    text: str
    date: str | None  # ISO date when the mention gives a full date
    body: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """The smallest citable unit of the record.

    key: the printed number where the document numbers its paragraphs ("81"),
    otherwise "p" + its position within its item section ("p5").
    kind: paragraph | bullet | table_row | heading | decision | title; a title is the item's own title standing
    as its one paragraph, where the record of the item is its title alone (an agenda's line).
    section: key of the Section it belongs to inside its item (None = item body).
    heading: the nearest heading above it, for context.
    speaker: in a transcript, who says it ("Mayor Lago", "THE CHAIR"), where the record names speakers.
    page: the page of the original where it starts (the first, for one that spans two); None where the
    source has no pages. Pages never enter citation ids.
    """

    key: str
    number: str | None
    position: int
    text: str
    kind: str = "paragraph"
    section: str | None = None
    heading: str | None = None
    decision: Decision | None = None
    references: tuple[Reference, ...] = ()
    speaker: str | None = None
    page: int | None = None

    @property
    def is_decision(self) -> bool:
        return self.decision is not None


@dataclass(frozen=True)
class Section:
    """A sub-report or appendix inside an item, e.g. "Appendix 1 – Draft Scrutiny Report".

    A new Section starts where paragraph numbering restarts inside one item, so
    that no two paragraphs of an item share a citation.
    """

    key: str
    title: str

    @property
    def short(self) -> str:
        """The name a person would write in a citation ("Appendix 1")."""
        m = re.match(r"(?i)(appendix|annex|schedule|part)\s+([A-Z0-9]+)\b", self.title)
        if m:
            return f"{m.group(1).title()} {m.group(2)}"
        return self.title if len(self.title) <= 60 else self.title[:57].rstrip() + "…"


@dataclass(frozen=True)
class Item:
    """An agenda or minute item: its number as printed ("308", "5", "45/21"), its title.

    key: the number made safe for a URL ("45-21"), "front" for matter before the
    first item, or "" when the document has no items at all (a report to council).
    """

    key: str
    number: str | None
    title: str
    paragraphs: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = ()

    def section(self, key: str | None) -> Section | None:
        for s in self.sections:
            if s.key == key:
                return s
        return None


@dataclass(frozen=True)
class Meeting:
    """One document of the record, understood as a meeting of a body on a date.

    kind: minutes (what was done), agenda (the pack sent before: agenda table and
    reports), report (a report to a meeting), transcript (what was said), decision-record
    (the decisions taken, one record per item: a decision notice, an ordinance as adopted),
    written-questions (questions put in writing and the answers given).
    """

    id: str
    council: str
    body: str
    date: str | None  # ISO date
    kind: str
    title: str
    source: str
    attendees: tuple[str, ...] = ()
    also_attended: tuple[str, ...] = ()
    venue: str | None = None
    items: tuple[Item, ...] = ()
    warnings: tuple[str, ...] = ()
    source_url: str | None = None

    def paragraphs(self):
        """Yield (item, paragraph) in document order."""
        for item in self.items:
            for p in item.paragraphs:
                yield item, p

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Citation:
    """Where a paragraph sits, as an id, a URL path and a label a person would write."""

    id: str
    url: str
    label: str


def pretty_date(iso: str | None) -> str:
    """'2021-03-11' -> '11 March 2021'."""
    if not iso:
        return "undated"
    d = _date.fromisoformat(iso)
    return f"{d.day} {d.strftime('%B')} {d.year}"


LABEL_TITLE_WORDS = 8  # of an unnumbered item's title in a citation's label


def cite(meeting: Meeting, item: Item, para: Paragraph) -> Citation:
    """The citation of one paragraph: stable for the same input, distinct within a meeting."""
    parts = [meeting.id]
    if item.key:
        parts.append(item.key)
    if para.section:
        parts.append(para.section)
    parts.append(para.key)
    cid = "/".join(parts)
    label = [meeting.body, pretty_date(meeting.date)]
    if item.number:
        label.append(f"{'minute' if meeting.kind == 'minutes' else 'item'} {item.number}")
    elif item.key == "front":
        label.append("front matter")
    elif item.title and meeting.kind != "transcript" and sum(i.key != "front" for i in meeting.items) > 1:
        # an unnumbered item among others is cited by its title ("Finance"); a lone one is the document
        words = item.title.split()
        label.append(" ".join(words[:LABEL_TITLE_WORDS]) + ("…" if len(words) > LABEL_TITLE_WORDS else ""))
    sec = item.section(para.section)
    if sec:
        label.append(sec.short)
    if para.speaker:
        label.append(para.speaker)
    unit = "segment" if meeting.kind == "transcript" else "para"
    if para.number and not para.number[0].isdigit():
        label.append(para.number)  # "Recommendation 3" is how a reader cites it
    else:
        label.append(f"{unit} {para.number or para.position}")
    return Citation(id=cid, url=f"/c/{cid}", label=", ".join(label))
