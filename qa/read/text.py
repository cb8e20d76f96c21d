"""Plain text and Markdown: blocks cut at blank lines, line breaks kept, pages at form feeds."""
from __future__ import annotations

from qa.read.blocks import Block, Document, UnreadableDocument


def decode(data: bytes) -> tuple[str, list[str]]:
    """Bytes to text; invalid UTF-8 is replaced, never fatal. Returns (text, warnings)."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), ["invalid UTF-8 replaced with U+FFFD"]


def check_text(data: bytes) -> None:
    """UnreadableDocument for an empty file or one whose first bytes are binary, not text."""
    if not data.strip():
        raise UnreadableDocument("empty file")
    sample = data[:8192]
    if b"\x00" in sample or sum(c < 9 or 13 < c < 32 for c in sample if c != 12) > len(sample) * 0.1:
        raise UnreadableDocument("binary file, not text")


def read_text(data: bytes, limits=None) -> Document:
    """One block per run of non-blank lines; a form feed starts a new page (pdftotext's output has them)."""
    check_text(data)
    text, warnings = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    has_pages = "\f" in text
    blocks: list[Block] = []
    cur: list[str] = []
    start = page = 1

    def flush():
        if cur:
            blocks.append(Block(text="\n".join(cur), page=page if has_pages else None, line=start))
            cur.clear()

    for i, line in enumerate(text.split("\n"), 1):
        parts = line.split("\f")
        for j, part in enumerate(parts):
            if j:  # a form feed: the page ends here
                flush()
                page += 1
            if not part.strip():
                flush()
                continue
            if not cur:
                start = i
            cur.append(part)
    flush()
    return Document(blocks=blocks, format="text", pages=page if has_pages else None, warnings=warnings)
