"""One entry point for every format: a file's bytes to a Document of blocks, or UnreadableDocument."""
from __future__ import annotations

from pathlib import Path

from qa.read.blocks import Document, UnreadableDocument
from qa.read.docx import read_docx
from qa.read.html import read_html
from qa.read.limits import ReadLimits
from qa.read.markdown import read_markdown
from qa.read.pdf import read_pdf
from qa.read.text import read_text

READERS = {
    ".pdf": read_pdf, ".docx": read_docx, ".html": read_html, ".htm": read_html,
    ".txt": read_text, ".md": read_markdown,
}


def suffixes() -> tuple[str, ...]:
    """The file endings a corpus may hold."""
    return tuple(READERS)


def _too_large(size: int, limits: ReadLimits) -> UnreadableDocument | None:
    if size > limits.max_bytes:
        return UnreadableDocument(f"file too large ({size / 1e6:.1f} MB; the limit is {limits.max_file_mb:g} MB, "
                                  "MINUTEBOOK_MAX_FILE_MB)")
    return None


def read_bytes(data: bytes, name: str, limits: ReadLimits | None = None) -> Document:
    """Read content named name (its ending picks the reader); UnreadableDocument says why not."""
    limits = limits or ReadLimits.from_env()
    # An unknown ending is read as text: the text reader refuses what is binary, so nothing readable is lost.
    reader = READERS.get(Path(name).suffix.lower(), read_text)
    err = _too_large(len(data), limits)
    if err:
        raise err
    return reader(data, limits)


def read_file(path: str | Path, limits: ReadLimits | None = None) -> Document:
    """Read one file; its size is checked before it is loaded."""
    limits = limits or ReadLimits.from_env()
    p = Path(path)
    err = _too_large(p.stat().st_size, limits)
    if err:
        raise err
    return read_bytes(p.read_bytes(), p.name, limits)
