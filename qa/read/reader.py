"""One entry point for every format: a file's bytes to a Document of blocks, or UnreadableDocument."""
from __future__ import annotations

from pathlib import Path

from qa.read.blocks import Document, UnreadableDocument
from qa.read.pdf import read_pdf
from qa.read.text import read_text

MAX_BYTES = 25 * 1024 * 1024
READERS = {".pdf": read_pdf, ".txt": read_text, ".md": read_text}


def suffixes() -> tuple[str, ...]:
    """The file endings a corpus may hold."""
    return tuple(READERS)


def read_bytes(data: bytes, name: str) -> Document:
    """Read content named name (its ending picks the reader); UnreadableDocument says why not."""
    reader = READERS.get(Path(name).suffix.lower())
    if reader is None:
        raise UnreadableDocument(f"unsupported file type {Path(name).suffix or '(none)'!r}; "
                                 f"reads {', '.join(READERS)}")
    if len(data) > MAX_BYTES:
        raise UnreadableDocument(f"file too large ({len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)")
    return reader(data)


def read_file(path: str | Path) -> Document:
    """Read one file; its size is checked before it is loaded."""
    p = Path(path)
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise UnreadableDocument(f"file too large ({size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)")
    return read_bytes(p.read_bytes(), p.name)
