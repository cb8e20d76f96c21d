"""Agenda packs and reports: the agenda table gives the items; each report that follows joins its item."""
from __future__ import annotations

import re

from qa.parse.body import build_paragraphs
from qa.parse.clean import Block, join_page_breaks
from qa.parse.common import Draft, item_key, title_similarity
from qa.parse.header import split_title_line

AGENDA_ITEM_MARK = re.compile(r"(?i)^agenda\s+item\s+(?:no\.?\s*)?(\d{1,3}(?:\.\d{1,2})?[a-z]?)\b\.?\s*(.*)$")
PAGES = re.compile(r"^\d{1,3}\s*[-–]\s*\d{1,3}$|^\d{1,3}$")


def agenda_table(blocks: list[Block]) -> list[tuple[int, str, str]]:
    """(block index, item number, title) for the rows of the agenda table, numbered from 1 upward."""
    return [(i, n, t) for i, n, t, _ in _agenda_rows(blocks)]


def _agenda_rows(blocks: list[Block]) -> list[tuple[int, str, str, bool]]:
    """Agenda rows as (block index, number, title, whether the row gives pages, i.e. a report follows)."""
    rows, expect = [], None
    for i, b in enumerate(blocks):
        if b.kind != "table_row":
            continue
        cells = [c for c in b.cells if c]
        if len(cells) < 2 or not re.fullmatch(r"\d{1,3}[a-z]?", cells[0]):
            continue
        n = int(re.sub(r"\D", "", cells[0]))
        if expect is None and n in (1, 2) or expect is not None and n == expect:
            title = cells[1]
            if len(title) > 70:  # the subject cell also holds notes: keep the words before them
                title = title[:70].rsplit(" ", 1)[0] + "…"
            rows.append((i, cells[0], title, bool(PAGES.match(cells[-1])) and len(cells) >= 3))
            expect = n + 1
        elif rows and n != expect:
            break
    return rows if len(rows) >= 2 else []


def _report_starts(blocks: list[Block], items: list[tuple[int, str, str, bool]], after: int) -> dict[str, int]:
    """Block index where each item's report begins: an "Agenda Item N" mark, or a heading that is its title.

    An item whose pages say a report follows, but whose title is not found, takes the first
    report-start (a block under a running header) between its neighbours' reports.
    """
    starts: dict[str, int] = {}
    for i in range(after, len(blocks)):
        m = AGENDA_ITEM_MARK.match(blocks[i].text)
        if m and any(n == m.group(1) for _, n, _, _ in items) and m.group(1) not in starts:
            starts[m.group(1)] = i
    if starts:
        return starts
    cursor = after
    for _, number, title, _ in items:
        for i in range(cursor, len(blocks)):
            b = blocks[i]
            if len(b.text) > 160 or b.kind in ("bullet", "table_row"):
                continue
            if title_similarity(title.rstrip("…"), b.text) >= 0.75:
                starts[number] = i
                cursor = i + 1
                break
    heads = [i for i in range(after, len(blocks)) if blocks[i].after_header]
    lo = after
    for k, (_, number, _, has_pages) in enumerate(items):
        if number in starts:
            lo = starts[number] + 1
            continue
        hi = next((starts[n] for _, n, _, _ in items[k + 1:] if n in starts), len(blocks))
        free = [i for i in heads if lo <= i < hi and i not in starts.values()]
        if has_pages and free:
            starts[number] = free[0]
            lo = free[0] + 1
    return starts


def _header(blocks: list[Block]) -> dict:
    info: dict = {}
    for j, b in enumerate(blocks[:12]):
        if b.text.strip().lower() == "agenda":
            continue
        body, iso, venue = split_title_line(b.text)
        if iso:
            info["date"] = iso
            info["venue"] = re.sub(r"(?i)^at\s+", "", venue).strip() if venue else None
            if body:  # the line that carries the date names the body ("Health and Wellbeing Board Wednesday, …")
                info["body"] = body
            break
        if not info.get("body") and b.kind in ("heading", "paragraph") and len(b.text) < 90:
            info["body"] = b.text.strip()
    return info


def parse_agenda(blocks: list[Block], draft: Draft) -> None:
    """Fill draft from an agenda pack: front matter, then one item per agenda row with its report."""
    rows = _agenda_rows(blocks)
    draft.update(_header(blocks))
    if not rows:
        draft.warn("no agenda table found; reading the pack as one report")
        parse_report(blocks, draft)
        return
    table_end = rows[-1][0] + 1
    starts = _report_starts(blocks, rows, table_end)
    row_at = {n: i for i, n, _, _ in rows}
    ordered = sorted((i, n) for n, i in starts.items())
    front_end = ordered[0][0] if ordered else len(blocks)
    front = [b for k, b in enumerate(blocks[:front_end]) if k not in row_at.values()]
    paras, sections = build_paragraphs(join_page_breaks(front), genre="agenda", numbered=False)
    draft.add_item("front", None, "Front matter", paras, sections)
    bounds = {n: (i, ordered[k + 1][0] if k + 1 < len(ordered) else len(blocks)) for k, (i, n) in enumerate(ordered)}
    for _, number, title, _ in rows:
        body = [blocks[row_at[number]]]
        if number in bounds:
            a, z = bounds[number]
            body += blocks[a:z]
        paras, sections = build_paragraphs(join_page_breaks(body), genre="agenda")
        draft.add_item(item_key(number), number, title, paras, sections)


def parse_report(blocks: list[Block], draft: Draft) -> None:
    """Fill draft from a report to a meeting: a title block, then headings and numbered paragraphs."""
    for j, b in enumerate(blocks[:8]):
        body, iso, _ = split_title_line(b.text)
        if iso:
            if not body and j and len(blocks[j - 1].text) < 80:
                body = blocks[j - 1].text  # "REPORT TO CABINET" on the line above the date
            if body:
                body = re.sub(r"(?i)^reports?\s+(?:of\s+.+?\s+)?to\s+(?:the\s+)?", "", body).strip() or body
                body = body.title() if body.isupper() else body
            draft.update({"date": iso, "body": body})
            nxt = next((x for x in blocks[j + 1:j + 4] if x.kind in ("heading", "paragraph")), None)
            if nxt and not draft.title:
                draft.title = nxt.text[:200]
            break
    marks = [(i, m.group(1), m.group(2)) for i, b in enumerate(blocks) if (m := AGENDA_ITEM_MARK.match(b.text))]
    if marks:
        front = blocks[:marks[0][0]]
        paras, sections = build_paragraphs(join_page_breaks(front), genre="report")
        draft.add_item("front", None, "Front matter", paras, sections)
        for k, (i, number, title) in enumerate(marks):
            z = marks[k + 1][0] if k + 1 < len(marks) else len(blocks)
            paras, sections = build_paragraphs(join_page_breaks(blocks[i:z]), genre="report")
            draft.add_item(item_key(number), number, title or draft.title or "Report", paras, sections)
        return
    paras, sections = build_paragraphs(join_page_breaks(blocks), genre="report")
    draft.add_item("", None, draft.title or "Report", paras, sections)
