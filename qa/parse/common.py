"""Pieces every genre parser shares: the draft a parser fills, item keys, title matching."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa.models import Item, Paragraph, Section
from qa.parse.clean import Block

STOP = set("""a an and the of to for in on at by with from into as is are was were be been this that these those
its it their our your his her or not no including include update report reports item items""".split())


def content_words(text: str) -> set[str]:
    """Lower-case stems of the meaningful words of a title or sentence."""
    return {w[:6] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP and len(w) > 1}


def title_overlap(title: str, text: str) -> int:
    return len(content_words(title) & content_words(text))


def title_similarity(a: str, b: str) -> float:
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / max(len(wa), len(wb))


def item_key(number: str | None) -> str:
    """The printed item number made safe for a URL path segment ("45/21" -> "45-21")."""
    if not number:
        return "front"
    return re.sub(r"[^A-Za-z0-9]+", "-", number).strip("-").lower() or "front"


@dataclass
class DraftItem:
    """An item while its blocks are still being gathered."""

    key: str
    number: str | None
    title: str
    blocks: list[Block] = field(default_factory=list)
    page: int | None = None  # where its title is printed


@dataclass
class Draft:
    """What a genre parser has understood so far; document.py turns it into a Meeting."""

    kind: str
    body: str | None = None
    date: str | None = None
    venue: str | None = None
    title: str | None = None
    attendees: tuple[str, ...] = ()
    also_attended: tuple[str, ...] = ()
    items: list[Item] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def update(self, info: dict) -> None:
        for k, v in info.items():
            if v and not getattr(self, k):
                setattr(self, k, v)

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def add_item(self, key: str, number: str | None, title: str,
                 paragraphs: tuple[Paragraph, ...], sections: tuple[Section, ...], page: int | None = None) -> None:
        """Add an item (not an empty front one; a repeated key gets a suffix), its title its paragraph if alone."""
        if key == "front" and not paragraphs:
            return
        if not paragraphs and title.strip():  # "No Declarations of Interest made.", an agenda's line: findable
            paragraphs = (Paragraph(key="p1", number=None, position=1, text=title.strip(), kind="title", page=page),)
        used = {i.key for i in self.items}
        base, n = key, 2
        while key in used:
            key, n = f"{base}-{n}", n + 1
        self.items.append(Item(key=key, number=number, title=title.strip(), paragraphs=paragraphs, sections=sections))
