"""Minutes: the heading block, numbered minute items with titles, bullets and decision blocks."""
from __future__ import annotations

import re
from dataclasses import replace

from qa.parse.body import build_paragraphs
from qa.parse.clean import TERMINAL, Block, join_page_breaks
from qa.parse.header import DATE_DMY, find_date, split_names, split_title_line, without_document_words
from qa.parse.common import Draft, DraftItem, content_words, item_key, title_overlap

ITEM_NO = r"(?:\d{1,3}/\d{2,4}|[A-Z]{1,3}\d{1,3}(?:/\d{2,4})?|\d{1,4})"
ITEM_LINE = re.compile(rf"^\s*(?:minute\s+(?:no\.?\s*)?)?({ITEM_NO})\.?\s*[-–:]?\s+(\S.*)$", re.I)
DANGLING = re.compile(r"(?i)\b(of|and|the|to|for|in|on|with|a|an|&|-|–)\s*$")
CLOSING = re.compile(r"(?i)^(in conclusion,?\s+)?the chair(man|woman|person)?\s+thanked\b")
LABELS = {
    "present": re.compile(r"(?i)^(present|members present|councillors present)\s*:?\s*"),
    "also": re.compile(r"(?i)^(also (attended|present|in attendance)|in attendance|officers (present|in attendance)|officers)\s*:?\s*"),
}
DECISION_WORDS = re.compile(r"(?i)^(resolved|agreed|recommended)\b")


def _number_value(number: str) -> tuple[int, int]:
    if "/" in number:
        n, y = number.split("/", 1)
        n = re.sub(r"\D", "", n) or "0"
        return int(re.sub(r"\D", "", y) or 0), int(n)
    return 0, int(re.sub(r"\D", "", number) or 0)


def _item_candidate(b: Block) -> tuple[str, str, str] | None:
    """(number, title, rest) when a block opens a minute item."""
    if b.kind == "table_row":
        cells = [c for c in b.cells if c]
        if len(cells) >= 2 and re.fullmatch(ITEM_NO, cells[0]) and not TERMINAL.search(cells[1]):
            return cells[0], cells[1], " ".join(cells[2:])
        return None
    if b.kind == "bullet":
        return None
    text = b.text if not b.number else f"{b.number}. {b.text}"
    m = ITEM_LINE.match(text)
    if not m:
        return None
    number, title = m.group(1), m.group(2).strip()
    if DATE_DMY.match(text.strip()):  # "15 May 2025 at 4.30 pm" dates the meeting; it is no item 15
        return None
    if DECISION_WORDS.match(title) or len(title.split()) > 14 or (TERMINAL.search(title) and not title.endswith(")")):
        return None
    if not title[0].isupper() and not title[0].isdigit():
        return None
    return number, title, ""


def find_items(blocks: list[Block]) -> list[tuple[int, str, str, str]]:
    """(block index, number, title, rest) of each minute item, numbers increasing."""
    cands = [(i, *c) for i, b in enumerate(blocks) if (c := _item_candidate(b))]
    slash = [c for c in cands if "/" in c[1]]
    if slash:
        cands = slash
    out, last = [], None
    for c in cands:
        v = _number_value(c[1])
        if last is None or v > last and (v[1] - last[1] <= 20 or v[0] != last[0]):
            out.append(c)
            last = v
    return out if len(out) >= 2 or (out and out[0][1].isdigit() and int(out[0][1]) > 20) else []


def header(blocks: list[Block]) -> dict:
    """Body, date, venue, attendance from the blocks before the first item."""
    info: dict = {"body": None, "date": None, "venue": None, "attendees": (), "also_attended": ()}
    for b in blocks[:6]:
        text = re.sub(r"(?i)^minutes\s+(of\s+(the|a)\s+)?(meeting\s+of\s+(the\s+)?)?", "", b.text).strip()
        m = re.match(r"(?i)(.+?)\s+(?:held|meeting held)\s+(?:on|at)\s+(.*)$", text)
        if m:
            iso, _ = find_date(m.group(2))
            if iso:
                info.update(body=without_document_words(m.group(1).strip(" ,")), date=iso)
                break
        body, iso, venue = split_title_line(text)
        if iso:
            info.update(body=body, date=iso, venue=venue)
            break
    for i, b in enumerate(blocks):
        text = " ".join(c for c in b.cells if c) if b.cells else b.text
        for key, rx in LABELS.items():
            m = rx.match(text)
            if not m:
                continue
            rest = text[m.end():]
            rest = re.sub(r"(?i)^available papers\s*", "", rest).strip()
            if not rest:
                nxt = next((x for x in blocks[i + 1:i + 4] if x.kind != "heading"), None)
                rest = nxt.text if nxt else ""
            for x in blocks[i + 1:]:  # a list that runs on in the next rows of the heading table
                if x.kind != "table_row" or x.cells[0]:
                    break
                rest += ", " + x.text
            rest = re.split(r"(?i)\s+the members had before them|\s+apologies\b", rest)[0]
            field = "attendees" if key == "present" else "also_attended"
            if not info[field]:
                info[field] = split_names(rest)
    return info


def _absorb_title_fragments(title: str, body: list[Block]) -> tuple[str, list[Block]]:
    """A title cut by the layout ("Confirmation of" … "the Minutes of" … "Meeting") is made whole."""
    if not DANGLING.search(title):
        return title, body
    kept, frags, done, cut = [], [], False, False
    for j, b in enumerate(body):
        short = len(b.text.split()) <= 6 and not TERMINAL.search(b.text) and b.kind != "bullet"
        if not done and j < 10 and short:
            title = f"{title} {b.text}"
            frags.append(b)
            cut = True
            if b.text[:1].isupper() and not DANGLING.search(title):
                done = True
            continue
        if cut and kept and kept[-1].kind == "paragraph" and b.kind == "paragraph" and not TERMINAL.search(kept[-1].text):
            kept[-1] = replace(kept[-1], text=f"{kept[-1].text} {b.text}")  # the title cut this sentence in two
        else:
            kept.append(b)
        cut = False
    if not frags:
        return title, body
    # pieces of one sentence cut around the title: the unfinished pieces come before the finished one
    head = [b for b in kept[:4] if b.kind == "paragraph" and not TERMINAL.search(b.text)]
    tail = [b for b in kept[:4] if b.kind == "paragraph" and TERMINAL.search(b.text) and b.text[:1].islower()]
    if tail:
        rest = [b for b in kept if b not in head and b not in tail]
        merged = " ".join(b.text for b in head + tail)
        kept = [replace(head[0] if head else tail[0], text=merged)] + rest
    return title, kept


def _shift_interleaved(items: list[DraftItem]) -> None:
    """Text of one minute extracted after the next minute's heading goes back where it belongs."""
    for prev, item in zip(items, items[1:]):
        if not prev.blocks or not item.blocks or prev.key == "front":
            continue
        while item.blocks and CLOSING.match(item.blocks[0].text) and len(item.blocks) > 1:
            prev.blocks.append(item.blocks.pop(0))
        first = item.blocks[0]
        unfinished = not TERMINAL.search(prev.blocks[-1].text) and prev.blocks[-1].kind != "heading"
        if not (first.text[:1].islower() or unfinished):
            continue
        need = min(2, len(content_words(item.title)))
        opener = next((j for j, b in enumerate(item.blocks) if b.kind == "paragraph" and b.text[:1].isupper()
                       and need and title_overlap(item.title, b.text) >= need), None)
        cut = opener if opener else 1
        moved, item.blocks = item.blocks[:cut], item.blocks[cut:]
        if unfinished and moved:
            last = prev.blocks.pop()
            moved[0] = replace(last, text=f"{last.text} {moved[0].text}")
        prev.blocks.extend(moved)


def parse_minutes(blocks: list[Block], draft: Draft) -> None:
    """Fill draft (header and items) from the blocks of a minutes document."""
    found = find_items(blocks)
    first = found[0][0] if found else len(blocks)
    draft.update(header(blocks[:first]))
    items = [DraftItem(key="front", number=None, title="Heading and attendance", blocks=list(blocks[:first]))]
    for n, (i, number, title, rest) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(blocks)
        body = list(blocks[i + 1:end])
        if rest:
            body.insert(0, Block(text=rest, kind="paragraph", line=blocks[i].line, page=blocks[i].page))
        title, body = _absorb_title_fragments(title, body)
        items.append(DraftItem(key=item_key(number), number=number, title=title, blocks=body, page=blocks[i].page))
    _shift_interleaved(items)
    for it in items:
        paras, sections = build_paragraphs(join_page_breaks(it.blocks), genre="minutes")
        draft.add_item(it.key, it.number, it.title, paras, sections, page=it.page)
    if not found:
        draft.warn("no numbered minute items found; the document is one item")
