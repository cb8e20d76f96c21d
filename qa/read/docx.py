"""Word (.docx) via python-docx: styles give headings, numbering gives labels, tables give rows."""
from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import replace

from qa.read.blocks import HEADING_SIZE, HEADING_WORDS, Block, Document, UnreadableDocument
from qa.read.docxnum import Numbering
from qa.read.limits import ReadLimits

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TYPED_PAGE = re.compile(r"(?i)^\s*page\s+(\d{1,4})\s+of\s+\d{1,4}\s*$")  # pagination typed into the body
HEADING_STYLE = re.compile(r"(?i)^(?:heading\s*(\d)|title)$")


def _check_zip(data: bytes, limits: ReadLimits) -> None:
    """A Word file is a zip; one that unpacks to far more than its size is a zip bomb, refused unopened."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UnreadableDocument("not a Word file: a .docx is a zip archive and this is not one") from None
    with zf:
        infos = zf.infolist()
        unpacked = sum(i.file_size for i in infos)
        if unpacked > limits.max_unpacked_bytes or len(infos) > 10000:
            raise UnreadableDocument(f"zip bomb: unpacks to {unpacked / 1e6:,.0f} MB in {len(infos):,} parts "
                                     f"(the limit is {limits.max_unpacked_mb:g} MB, MINUTEBOOK_MAX_UNPACKED_MB)")
        if "word/document.xml" not in zf.namelist():
            raise UnreadableDocument("not a Word file: the zip holds no word/document.xml")


def read_docx(data: bytes, limits: ReadLimits | None = None) -> Document:
    """Blocks of a Word document's body in order; UnreadableDocument for non-zips, zip bombs and corrupt files."""
    import docx
    from docx.table import Table

    _check_zip(data, limits or ReadLimits())
    try:
        doc = docx.Document(io.BytesIO(data))
        content = list(doc.iter_inner_content())
    except Exception as exc:  # python-docx raises many kinds for a damaged package
        raise UnreadableDocument(f"corrupt Word file ({type(exc).__name__}: {exc})") from None
    numbering = Numbering(doc)
    sizes = Counter()
    for p in doc.paragraphs:
        for r in p.runs:
            if r.text.strip() and _size(r, p):  # 0: the document default, whatever it is
                sizes[_size(r, p)] += len(r.text)
    body = max(sizes, key=sizes.get) if sizes else 11.0
    paged = any(_breaks(p._p) for p in doc.paragraphs) or any(TYPED_PAGE.match(p.text) for p in doc.paragraphs)
    page = 1
    blocks: list[Block] = []
    for part in content:
        if isinstance(part, Table):
            blocks.extend(_rows(part, page if paged else None))
            continue
        page += _breaks(part._p, before=True)
        text = re.sub(r"\s+", " ", part.text.replace("\t", " ")).strip()
        typed = TYPED_PAGE.match(text)
        if typed:  # typed pagination is furniture; it says where the next page starts
            page = int(typed.group(1)) + 1
            continue
        if text:
            blocks.append(_block(part, text, numbering, body, page if paged else None))
        page += _breaks(part._p, before=False)
    if not blocks:
        raise UnreadableDocument("empty Word file: no text in its body")
    if not any(b.kind == "heading" for b in blocks):
        blocks = [_typed_heading(b) for b in blocks]
    return Document(blocks=blocks, format="docx", pages=max(b.page for b in blocks) if paged else None)


# A clerk who types minutes without Word's heading styles sets each heading in bold or larger type on a line of its
# own ("Chairman's Report"): those lines are the headings, as a PDF's reader finds them by their type.
# Bold that is no heading: a decision's lead-in ("RESOLVED – That:"), a sentence, a label's run-in text.
LEAD_IN = re.compile(r"(?i)^\W*(?:resolved|agreed|decided|decision|recommendations?)\b|[:.;]\s*$|^[^:]{1,40}:\s+\S")


def _typed_heading(b: Block) -> Block:
    """A paragraph wholly in bold or larger type, short enough for a heading, as a heading; any other block as it is."""
    if b.kind == "paragraph" and (b.bold or b.size >= HEADING_SIZE) and len(b.text.split()) <= HEADING_WORDS \
            and not LEAD_IN.search(b.text):
        return replace(b, kind="heading")
    return b


def _breaks(p, before: bool | None = None) -> int:
    """Page breaks in a paragraph: Word's last rendered ones (at the start) and typed ones (at the end)."""
    rendered = len(p.findall(f".//{W}lastRenderedPageBreak"))
    typed = sum(1 for br in p.iter(f"{W}br") if br.get(f"{W}type") == "page")
    if before is None:
        return rendered + typed
    return rendered if before else typed


def _size(run, p) -> float:
    size = run.font.size or (p.style.font.size if p.style is not None else None)
    return size.pt if size else 0.0


def _block(p, text: str, numbering: Numbering, body: float, page: int | None) -> Block:
    style = p.style.name if p.style is not None else ""
    runs = [r for r in p.runs if r.text.strip()]
    style_bold = bool(p.style is not None and p.style.font.bold)
    bold = bool(runs) and all(r.bold or (r.bold is None and style_bold) for r in runs)
    size = max((_size(r, p) for r in runs), default=0.0) or body
    left = p.paragraph_format.left_indent
    indent = round(left.pt / body, 1) if left else 0.0
    m = HEADING_STYLE.match(style)
    label = numbering.label(p)
    if m:
        # Word's Title stands above its Heading 1: 1 for the Title, N + 1 for Heading N
        kind, level = "heading", int(m.group(1)) + 1 if m.group(1) else 1
    elif label is not None or "list" in style.lower():
        kind, level = "list_item", None
    else:
        kind, level = "paragraph", None
    return Block(text=text, page=page, kind=kind, bold=bold, size=round(size / body, 2), indent=max(0.0, indent),
                 level=level, label=label or None)


def _rows(table, page: int | None) -> list[Block]:
    """One block per row; a cell merged across columns is counted once."""
    out = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(re.sub(r"\s+", " ", cell.text).strip())
        if any(cells):
            out.append(Block(text=" ".join(c for c in cells if c), page=page, kind="table_row", cells=tuple(cells)))
    return out
