"""Transcripts: speech cut into segments, each with its speaker where turns are named, tied to the items named."""
from __future__ import annotations

import re
from collections import Counter

from qa.parse.body import build_paragraphs
from qa.parse.clean import Block, to_blocks, join_page_breaks
from qa.parse.common import Draft, item_key
from qa.parse.header import split_title_line
from qa.parse.segment import MAX_WORDS, segments
from qa.parse.speech import SPEAKER

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_N = r"(\d{1,2}[a-z]?|[A-Z]-\d{1,2}(?![\w-])|" + "|".join(NUMBER_WORDS) + r")"
# An item heading printed in a transcript: "Agenda Item E-2 [2:52 p.m.]", "Item 4 – Budget", "ITEM 4. BUDGET"
ITEM_HEADING = re.compile(r"(?i)^(?:agenda\s+)?item\s+(?:no\.?\s*)?([A-Z]?-?\d{1,3}(?:\.\d{1,2})?[a-z]?)\b(?:[.:)](?!\d))?\s*"
                          r"(?:\[[^\]]*\])?\s*(.*)$")
HEADING_WORDS = 12  # a printed heading's title; past it, the line is a caption said under the item
TRANSITION = [
    re.compile(rf"(?i)\bitem\s+number\s+{_N}\s+on\s+the\s+agenda\b"),
    # "moving on to item 5", "That brings us to Item 3, a public hearing"
    re.compile(rf"(?i)\b(?:move|moving|go|going|turn|turning|come|coming|now|onto|on|(?:brings?|takes?|leads?)\s+us)\s+(?:on\s+)?(?:to\s+|on\s+to\s+)?(?:agenda\s+)?item\s+(?:number\s+)?{_N}\b"),
    re.compile(rf"(?i)\bagenda\s+item\s+(?:number\s+)?{_N}\b(?=\s*(?:,|which|is|-|–|:|\.))"),
    # a clerk reading the agenda aloud: "Item 4, Consent Calendar.", "Item 6, Route 31 Service Change."
    re.compile(rf"^\W*(?i:item)\s+{_N}\b(?=,\s+[A-Z])"),
    # a chairman opening a sentence with the next item: "Item three is approval of the agenda.", "Item four,
    # approval of the minutes", "… item number six. This is a public hearing"
    re.compile(rf"(?:^|[.?!,;]\s+)(?i:item)\s+(?i:number\s+)?{_N}\b(?=\s+is\b|[,.]\s)"),
]
FINAL = re.compile(r"(?i)\bthe\s+(?:final|last|next)\s+item\s+on\s+the\s+agenda\s+is\s+(?:the\s+)?([^.?!,]{3,80})")
TAIL_HEADING = re.compile(r"(?i)^(summary|attendees|documents|decisions|minutes|key points)$")


def _number(token: str) -> str:
    t = token.lower()
    return str(NUMBER_WORDS[t]) if t in NUMBER_WORDS else t


def transition(sentence: str) -> tuple[str | None, str] | None:
    """(item number or None for "the final item", title words) when a sentence moves the meeting on."""
    for rx in TRANSITION:
        m = rx.search(sentence)
        if m:
            rest = sentence[m.end():]
            t = re.match(r"(?i)\s*(?:,|-|–|:)?\s*(?:which\s+is|is|on)?\s*(?:the\s+)?([^.?!]{3,90})", rest)
            title = _title(t.group(1)) if t else ""
            return _number(m.group(1)), title
    m = FINAL.search(sentence)
    if m:
        return None, _title(m.group(1))
    return None


def _title(words: str) -> str:
    """The item's name as spoken, up to where the speaker goes on ("… so I'm gonna ask")."""
    words = re.split(r"(?i)\s+(?:so|and|which|but|because|then|if)\s+", words, maxsplit=1)[0]
    return " ".join(words.split()[:10])


def _word_pages(lines: list[str], pages: list[int | None]) -> list[int | None]:
    """The page of every word of the speech, in order: segments are found by their first word's place."""
    out: list[int | None] = []
    for line, page in zip(lines, pages):
        out.extend([page] * len(line.split()))
    return out


def parse_transcript(text: str, draft: Draft, pages: list[int | None] | None = None) -> None:
    """Fill draft from a transcript: header lines, speech segments tied to items, and any trailing summary.

    pages: the page of each line of text, where the source has pages.
    """
    lines = text.split("\n")
    pages = list(pages) if pages else [None] * len(lines)
    head, head_pages = [], []
    while lines and len(lines[0]) < 300 and not (head and len(" ".join(head)) > 400):
        line = lines.pop(0)
        page = pages.pop(0)
        if line.strip():
            head.append(line.strip())
            head_pages.append(page)
        if len(head) >= 2:
            break
    for h in head:
        body, iso, venue = split_title_line(h)
        if iso:
            draft.update({"body": body, "date": iso, "venue": venue})
            break
    tail_at = next((i for i, l in enumerate(lines) if TAIL_HEADING.match(l.strip()) and i > len(lines) * 0.5), len(lines))
    items: list[tuple[str, str | None, str, list[Block]]] = [("front", None, "Opening of the meeting", [Block(text=h, kind="heading", page=p) for h, p in zip(head, head_pages)])]
    cur = 0  # the item speech is being said under
    for heading, run, run_pages in _runs(lines[:tail_at], pages[:tail_at]):
        if heading:  # a printed "Item 4 – Budget" opens its item, or goes back to it; the speech under it is said there
            cur = _go_to(items, heading.group(1), _heading_title(heading), replace_title=True)
        speech = " ".join(l.strip() for l in run if l.strip())
        word_pages, at = _word_pages(run, run_pages), 0
        for seg, opens in segments(speech, transition):
            if opens:
                cur = _go_to(items, opens[0], opens[1])
            page = word_pages[at] if at < len(word_pages) else None
            at += len(seg.split())
            items[cur][3].append(Block(text=seg, kind="paragraph", page=page))
    tail = []
    for b in join_page_breaks(to_blocks("\n".join(lines[tail_at:]), pages=pages[tail_at:])):
        long = b.kind in ("paragraph", "bullet") and len(b.text.split()) > MAX_WORDS
        tail.extend([Block(text=seg, kind="paragraph", page=b.page) for seg, _ in segments(b.text)] if long else [b])
    if tail:
        items.append(("summary", None, "Summary published with the transcript", tail))
        names, in_att = [], False
        for b in tail:
            if b.kind in ("heading", "paragraph") and TAIL_HEADING.match(b.text):
                in_att = b.text.lower() == "attendees"
            elif in_att and b.kind == "bullet":
                names.append(b.text)
        draft.update({"attendees": tuple(names)})
    for key, number, title, blocks in items:
        paras, sections = build_paragraphs(blocks, genre="transcript", numbered=False)
        draft.add_item(key, number, title, paras, sections)
    if not any(n for _, n, _, _ in items):
        draft.warn("no agenda item named in the speech; segments are not tied to items")


def printed_heading(line: str) -> re.Match | None:
    """An item heading as printed: "Item"/"ITEM" capitalised, a title that is no run of speech ("item 5 is the …")."""
    m = ITEM_HEADING.match(line)
    return m if m and line[:1] in "IA" and not m.group(2)[:1].islower() else None


def _heading_title(m: re.Match) -> str:
    return " ".join(m.group(2).strip(" –-").split()[:HEADING_WORDS])


def _go_to(items: list, number: str | None, title: str, replace_title: bool = False) -> int:
    """The index of the item numbered so (in any case), opened if new; a printed title replaces a spoken one."""
    number = number.upper() if number else None
    at = next((k for k, (_, n, _, _) in enumerate(items) if number and n == number), None)
    if at is None:
        items.append((number or "final", number, title or (f"Item {number}" if number else "Final item"), []))
        return len(items) - 1
    if replace_title and title:
        items[at] = (*items[at][:2], title, items[at][3])
    return at


def _runs(lines: list[str], pages: list[int | None]):
    """(printed item heading match or None, the lines under it, their pages): speech cut at "Item 4 – Budget"."""
    heading, run, run_pages = None, [], []
    for line, page in zip(lines, pages):
        m = printed_heading(line.strip())
        if m and len(m.group(2).split()) <= HEADING_WORDS:
            if heading or run:
                yield heading, run, run_pages
            heading, run, run_pages = m, [], []
        else:
            run.append(line)
            run_pages.append(page)
    if heading or run:
        yield heading, run, run_pages


def _turn_lines(lines: list[str]):
    """(line number, text) with a line cut where a known speaker's turn starts inside it ("… them. Mayor Lago: If …")."""
    names = Counter(m.group("name") for l in lines if (m := SPEAKER.match(l.strip())))
    known = [re.escape(n) for n, k in names.items() if k >= 3]
    cut = re.compile(rf"(?<=[.?!…”)])\s+(?=(?:{'|'.join(known)}):\s)") if known else None
    for n, line in enumerate(lines):
        for piece in (cut.split(line) if cut else [line]):
            yield n, piece


def parse_turns(lines: list[str], draft: Draft, drop: set[str], pages: list[int | None] | None = None) -> None:
    """Fill draft from a transcript of speaker turns ("Mayor Lago: …"): each turn's segments carry its speaker
    and the page the turn starts on; a printed "Agenda Item E-2" heading, or a turn that moves on to an item,
    opens that item."""
    counts = Counter(l.strip() for l in lines if l.strip())
    furniture = {s for s, n in counts.items() if n >= 3 and not SPEAKER.match(s)} | set(drop)
    items: list[tuple[str, str | None, str, list[Block]]] = [("front", None, "Opening of the meeting", [])]
    speaker, said, page, cur = None, [], None, 0

    def flush():
        text = " ".join(said)
        for seg, _ in segments(text):
            items[cur][3].append(Block(text=seg, kind="paragraph", speaker=speaker, page=page))
        said.clear()

    for n, raw in _turn_lines(lines):
        s = raw.strip()
        if not s or s in furniture or re.fullmatch(r"\d{1,4}|\d{1,3}\s*\[|\]\s*\d*|Date\]", s):
            continue
        m = printed_heading(s)
        if m:
            flush()
            speaker = None
            cur = _go_to(items, m.group(1), _heading_title(m), replace_title=True)
            if len(m.group(2).split()) <= HEADING_WORDS:
                continue
            s = m.group(2)  # the caption runs on after the heading: it is said under the item
        m = SPEAKER.match(s)
        if m:
            flush()
            speaker, page = m.group("name").strip(), pages[n] if pages else None
            moved = transition(s[m.end():])
            if moved and moved[0]:
                cur = _go_to(items, moved[0], moved[1])
            said.append(s[m.end():].strip())
            continue
        if not said:
            page = pages[n] if pages else None
        said.append(s)
    flush()
    for key, number, title, blocks in items:
        if number and not blocks and key != "front":
            continue
        paras, sections = build_paragraphs(blocks, genre="transcript", numbered=False)
        draft.add_item(key.lower() if key == "front" else item_key(number), number, title, paras, sections)
    if not any(n for _, n, _, _ in items):
        draft.warn("no agenda item named in the transcript; segments are not tied to items")
