"""What every reader yields: a document as a sequence of blocks, with page and typography."""
from __future__ import annotations

from dataclasses import dataclass, field

BLOCK_KINDS = ("heading", "paragraph", "list_item", "table_row")
# Where a format states no headings (a PDF, a Word file typed without heading styles), a short line set in bold or
# in larger type than the body is one: at most this many words, at least this size relative to the body's.
HEADING_WORDS = 25
HEADING_SIZE = 1.15


@dataclass(frozen=True)
class Block:
    """One unit of text as the original lays it out, before any genre is understood.

    text: the block's words. Plain-text sources keep their line breaks ("\\n"), since the line layout is
    all the structure they carry; layout formats (PDF, Word, HTML) give one line of joined text.
    page: 1-based page of the original where the block starts (None where the format has no pages).
    kind: what the format says it is: heading | paragraph | list_item | table_row.
    bold: the whole block is set in bold (or strong / b).
    size: font size relative to the document's body text (1.0 = body size; 1.4 = a larger heading).
    indent: left indent beyond the body text's left margin, in body-font ems (0 = at the margin).
    level: heading level where the format states one (HTML h1-h6; Word's Title 1, its "Heading N" style N + 1).
    label: numbering the format renders itself and the text does not hold (a Word list's "3.", an
    HTML <ol>'s "2."), else None.
    cells: a table row's cells, in order.
    line: for plain-text sources, the 1-based source line where the block starts.
    """

    text: str
    page: int | None = None
    kind: str = "paragraph"
    bold: bool = False
    size: float = 1.0
    indent: float = 0.0
    level: int | None = None
    label: str | None = None
    cells: tuple[str, ...] = ()
    line: int = 0


@dataclass
class Document:
    """A file as read: its blocks in reading order, the format, its page count and what went oddly."""

    blocks: list[Block]
    format: str  # pdf | docx | html | markdown | text
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)


class UnreadableDocument(ValueError):
    """A file that holds no text to parse: empty, binary, encrypted, corrupt or too large. The message says which."""
