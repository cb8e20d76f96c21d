"""Any house style's items: where each top-level item starts (numbered scheme, capitals headings) and its paragraphs."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qa.parse.body import build_paragraphs
from qa.parse.clean import ATTACHMENT_LABEL, join_page_breaks, starts_element, to_blocks
from qa.parse.common import Draft, item_key, title_similarity
from qa.parse.headed import heading_items
from qa.parse.packs import report_end, report_starts
from qa.parse.header import ROLL_CALL
from qa.parse.schemes import choose_items, is_caps_heading
from qa.parse.subitems import same_level_headings
from qa.parse.titles import resolution_title, run_in_label

# Capitals lines that name the meeting, the document or the place, not an item ("REGULAR MEETING OF THE CITY
# COUNCIL", "AGENDA", "CITY COUNCIL CHAMBERS", "CITY OF X", "X PARISH COUNCIL").
NOT_ITEM_CAPS = re.compile(r"(?i)\bmeeting\b|\bchambers?\b|^agenda$|^minutes\b(?!\s*[/&])|^(city|town|county|village) of\b|"
                           r"\bparish council$|^(also\s+)?(present|absent|in attendance)\b|"  # attendance labels too
                           r"^(members|officials|officers|councillors|staff)\s+(present|absent|in attendance)\b|"
                           r"^present in the chair\b|"
                           # a roll call's labels under each vote (Legistar): "RESULT:", "MOVER:", "SECONDER:", "AYES:"
                           rf"^{ROLL_CALL}$")

# Capitals above the first numbered item that name where the meeting is or whose it is ("FAIR OAKS WATER DISTRICT
# OFFICE", "COMMUNITY CENTRE", "FAIR OAKS WATER DISTRICT"), not procedural business like "CALL TO ORDER"
PLACE_CAPS = re.compile(r"(?i)\b(?:district|offices?|building|cent(?:er|re)|hall|room|chambers?|clubhouse|library|"
                        r"council|authority)$|^(?:shire|city|town|county|village|borough|township|municipality) of\b|"
                        # ... or the document's own front matter: its contents list, a disclaimer
                        r"^(?:table of )?contents$|^index$|^disclaimer$")
ACROSS_TITLE_QUALITY = 0.7  # mean title quality of a numbered run that is one numbering across capitals sections
# Labels that open paragraphs of minutes without being items: attendance, decisions, signatures and fields.
NOT_ITEM_LABEL = re.compile(r"(?i)^(?:also\s+|and\s+)?(?:present|absent|in attendance|attendees|resolved|agreed|noted|decision|"
                            r"actions?|moved|seconded|proposed|note|date|time|venue|location|signed|chair(?:man)?|"
                            r"clerk|e-?mail|tel|telephone|web(?:site)?|address|minutes? taker|recommendations?)$")
# Unnumbered business printed after the numbered items, which closes a meeting rather than heading a report's part.
CLOSING_ITEM = re.compile(r"(?i)^\W*(adjournment|adjourn|close of (?:the )?meeting|meeting closed|date of (?:the )?next "
                          r"meeting|next meeting|public (?:participation|comments?|forum|session)|open session|"
                          r"closed session|any other business)\b")
# A line that opens with an item number ("1. INVOCATION"): a candidate of the numbered schemes, not a bare heading.
NUMBERED_LINE = re.compile(r"^[0-9IVXA-Z]{1,4}[.)]\s")


@dataclass(frozen=True)
class Start:
    """Where an item starts: its first line, printed number (None when unnumbered), title and last title line."""

    line: int
    number: str | None
    title: str
    title_end: int
    title_start: int | None = None  # the title's first line, where it runs over more than one (else title_end)
    title_cut: bool = False  # the title is a long sentence's first twenty-odd words: its lines are text too


def _caps_items(lines: list[str]) -> list[int]:
    """Lines that are capitals headings of items; three or more capitals lines in a row are a paragraph in capitals."""
    caps = [i for i, l in enumerate(lines) if is_caps_heading(re.sub(r"\s*\([^)]*\)\s*$", "", l.strip()))
            and not NUMBERED_LINE.match(l.strip())]
    run_of: dict[int, int] = {}
    k = 0
    while k < len(caps):
        j = k
        while j + 1 < len(caps) and caps[j + 1] == caps[j] + 1:
            j += 1
        for i in caps[k:j + 1]:
            run_of[i] = j - k + 1
        k = j + 1
    return [i for i in caps if (run_of[i] < 3 or lines[i].strip().endswith(":"))
            and not NOT_ITEM_CAPS.search(lines[i].strip().rstrip(":- ")) and not _continues(lines, i)]


CONTENTS_ROWS = 3  # capitals lines above the items that repeat their titles, to make a contents list


def _listed(line: str, run) -> bool:
    """A contents row above the items: its title (less a leading number) is a numbered item's below."""
    title = re.sub(r"^\s*\d+(?:\.\d+)*\.?\s+", "", _clean_title(line))
    return any(title_similarity(title, c.title) >= 0.75 for c in run)


def _continues(lines: list[str], i: int) -> bool:
    """A capitals line inside a sentence ("… A RESOLUTION OF" / "THE CITY COUNCIL OF …") is not a heading."""
    prev = next((lines[j].strip() for j in range(i - 1, max(-1, i - 3), -1) if lines[j].strip()), "")
    return bool(re.search(r"(?i)(?:\b(?:of|and|the|to|for|in|on|with|a|an|by)|,)$", prev)
                or re.search(r"(?i)(?:\b(?:of|and|the|to|for|in|on|with|a|an|by)|,)$", lines[i].strip()))


def item_starts(lines: list[str], capitals: bool = True, headings: frozenset[int] | set[int] = frozenset(),
                levels: dict[int, int] | None = None) -> tuple[str | None, list[Start]]:
    """(how the items were found, their starts in order): the best numbering scheme, capitals headings, or both.

    capitals: whether unnumbered capitals headings may be items (agendas and minutes; not an ordinance's signatures).
    levels: the level of each heading whose format states one, where the stated headings may be items.
    """
    scheme, run = choose_items(lines, headings)
    title_lines = {c.title_line for c in run} | {c.line for c in run}
    caps = [i for i in _caps_items(lines) if i not in title_lines] if capitals else []
    # a filler's title is its long instruction's first words: the whole line is the item's text too
    numbered = [Start(c.line, c.number, c.title, c.title_line, title_cut=c.filler) for c in run]
    if run:
        # the meeting's closing business after the last numbered item ("ADJOURNMENT") is an item of its own
        post = [Start(i, None, _clean_title(lines[i]), i) for i in caps if i > run[-1].title_line
                and CLOSING_ITEM.search(lines[i])]
        caps_titled = sum(is_caps_heading(c.title) for c in run) >= len(run) / 2
        if caps_titled:  # procedural items before the numbering starts ("CALL TO ORDER") are items too
            pre = [i for i in caps if i < run[0].line and not PLACE_CAPS.search(_clean_title(lines[i]))]
            listed = [i for i in pre if _listed(lines[i], run)]
            if len(listed) >= CONTENTS_ROWS and len(listed) > len(pre) / 2:  # a contents list, not business
                pre = [i for i in pre if i not in listed]  # taken before the numbering ("CALL TO ORDER")
            pre = [Start(i, None, _clean_title(lines[i]), i) for i in pre]
            return scheme, pre + numbered + post
        # the numbered run is the top level unless capitals headings outnumber it, or it runs on across them
        # ("CONSENT AGENDA" / "2. …" / "OTHER BUSINESS" / "3. …": sections of one numbering)
        # — where the numbered titles read as headings, not as the first sentences of numbered paragraphs
        across = sum(run[0].line < i < run[-1].line for i in caps)
        headed = sum(c.quality for c in run) / len(run) >= ACROSS_TITLE_QUALITY
        if len(caps) <= sum(not c.filler for c in run) or headed and across >= 2 and across >= len(caps) / 2:
            grouped = [Start(i, None, _clean_title(lines[i]), i) for i in
                       same_level_headings([s.line for s in numbered], levels or {}, lines) if i not in title_lines]
            return scheme, sorted(_preliminaries(lines, numbered) + numbered + grouped, key=lambda s: s.line) + post
    if len(caps) >= 3:
        return "capitals headings", [Start(i, None, _clean_title(lines[i]), i) for i in caps]
    labels = _label_items(lines)
    if len(labels) >= 3:
        # a capitals heading among the labels is an item too ("PRESIDENT MICHAEL D. HIGGINS – FREEDOM OF LIMERICK:")
        at = {s.line for s in labels}
        caps_among = [Start(i, None, _clean_title(lines[i]), i) for i in caps if i > labels[0].line and i not in at
                      and not NOT_ITEM_LABEL.match(_clean_title(lines[i]))]
        return "run-in labels", sorted(labels + caps_among, key=lambda s: s.line)
    # nothing numbered, no capitals, no labels: the headings a web page or Word file states (qa.parse.headed)
    typeset = heading_items(lines, levels or {})
    return ("headings", [Start(i, None, _clean_title(lines[i]), i) for i in typeset]) if typeset else (None, [])


# Business a meeting takes before its numbered items, unnumbered ("Election of Chairman" above "1. Minutes of
# the last Meeting"). Not apologies: a front page's "Apologies:" is a field of its attendance.
PRELIMINARY = re.compile(r"(?i)^(declarations? of (?:[\w’']+ ){0,3}interests?|election of (?:the )?(?:(?:vice[- ]|deputy )?"
                         r"chair(?:man|person|woman)?|(?:deputy |town )?mayor))\b")


def _preliminaries(lines: list[str], run: list[Start]) -> list[Start]:
    """Procedural items standing unnumbered before the first numbered one, each opening a paragraph; not a
    summons's note on an item the agenda numbers later ("Declarations of Interest" above "2. Declarations …")."""
    out = []
    for i in range(run[0].line):
        line = lines[i].strip()
        if not PRELIMINARY.match(line) or (i and lines[i - 1].strip()):
            continue
        label = run_in_label(line) or _bare_label(line) or (line if len(line.split()) <= 6 else None)
        if label and PRELIMINARY.match(label) and not any(title_similarity(label, s.title) >= 0.75 for s in run):
            out.append(Start(i, None, label.rstrip(":"), i))
    return out


def _label_items(lines: list[str]) -> list[Start]:
    """Items of minutes that number nothing: paragraphs opening with a label and a colon ("Apologies: None")."""
    out = []
    for i, line in enumerate(lines):
        if i and lines[i - 1].strip():
            continue  # a label opens a paragraph
        label = run_in_label(line.strip()) or _bare_label(line.strip())
        if label and not NOT_ITEM_LABEL.match(label):
            out.append(Start(i, None, label, i))
    return out


def _bare_label(line: str) -> str | None:
    """The label of "Planning: None" or "Correspondence:" (a label with little or nothing after its colon)."""
    head, sep, tail = line.partition(":")
    words = head.split()
    if sep and 1 <= len(words) <= 5 and len(tail.split()) <= 2 and all(w[:1].isupper() or w in ("of", "and", "for")
                                                                      for w in words):
        return head.strip()
    return None


def _clean_title(line: str) -> str:
    line = line.strip()
    head, colon, rest = line.partition(":")
    if colon and rest.strip() and is_caps_heading(line):
        line = head  # "PLEDGE OF ALLEGIANCE: To be announced": the note stays in the item's text
    return line.rstrip(":-– ").strip()


# A title left open: ending in a connecting word ("… the procurement of"), or with a bracket or a quotation
# not yet closed. A bracket or quotation runs on only into a line that goes on with it: lower-case, or
# closing it; otherwise the next line is the item's text ("2. Finance (see attached" / "The clerk …").
_CONNECTS = re.compile(r"(?i)(?:\b(?:of|and|the|to|for|in|on|with)|\s[&–-])$")


def _runs_on(title: str, nxt: str) -> bool:
    if _CONNECTS.search(title):
        return True
    n = nxt.strip()
    if title.count("(") > title.count(")"):
        return n[:1].islower() or n.count(")") > n.count("(")
    if title.count("“") > title.count("”"):
        return n[:1].islower() or "”" in n or not starts_element(n)
    return title.endswith(",") and n[:1].islower()


def _title_with_continuation(lines: list[str], s: Start, end: int) -> Start:
    """A title that runs onto the next lines ("… the procurement of" / "the Village Green", or a bracket left
    open: "(Inspector Reidy from" / "Newcastle West Garda Station)") is made whole; a title still open after
    twenty-odd words is a sentence's start, marked cut."""
    t, k = s.title, s.title_end
    while k + 1 < end and lines[k + 1].strip() and len(t.split()) < 20 and _runs_on(t, lines[k + 1]):
        k += 1
        t = f"{t} {lines[k].strip()}"
    cut = k + 1 < end and bool(lines[k + 1].strip()) and _runs_on(t, lines[k + 1])
    return replace(s, title=t, title_end=k, title_start=s.title_end, title_cut=cut or s.title_cut)


def _from_title(line: str, title: str) -> str:
    """line from where title starts on it (a number before it, "8. “I will ask…", is the item's, not text)."""
    at = line.find(title[:20])
    return line[at:] if at >= 0 else line


def _after_title(line: str, s: Start) -> str:
    """Text on an item's title line after its title (so no word is lost), else ""."""
    at = line.find(s.title)
    rest = line[at + len(s.title):].strip().lstrip(":-–— ") if at >= 0 and s.title else ""
    return "" if rest.startswith("(") else rest  # "Apologies (Item 1)": a number in brackets, not text


def _blocks(lines: list[str], lo: int, hi: int, drop: set[str], pages: list[int | None] | None = None):
    blocks = to_blocks("\n".join(lines[lo:hi]), drop=drop, pages=pages[lo:hi] if pages else None)
    return [replace(b, line=b.line + lo) for b in blocks]


def parse_items(lines: list[str], draft: Draft, drop: set[str], genre: str,
                pages: list[int | None] | None = None, capitals: bool = True, marked: list[str] | None = None,
                headings: frozenset[int] | set[int] = frozenset(), levels: dict[int, int] | None = None) -> bool:
    """Fill draft with a front item and one item per start found; False when no structure was found.

    pages: the page of each line, where the source has pages. marked: the same lines with the reader's headings
    marked ("## "), for the paragraphs; headings: which lines those are, for the schemes; levels: see item_starts.
    """
    how, starts = item_starts(lines, capitals=capitals, headings=headings, levels=levels)
    text_lines = marked or lines
    if not starts:
        return False
    if how != "headings":  # a stated heading is whole: its title runs on into no line below
        starts = [_title_with_continuation(lines, s, (starts[k + 1].line if k + 1 < len(starts) else len(lines)))
                  for k, s in enumerate(starts)]
    reports = report_starts(lines, starts, headings) if genre == "agenda" else {}  # a pack's reports join items
    front = _blocks(text_lines, 0, starts[0].line, drop, pages)
    paras, sections = build_paragraphs(join_page_breaks(front), genre=genre, numbered=False)
    draft.add_item("front", None, "Heading and attendance" if genre == "minutes" else "Front matter", paras, sections)
    for k, s in enumerate(starts):
        end = starts[k + 1].line if k + 1 < len(starts) else min(reports.values(), default=len(lines))
        rest = _after_title(lines[s.line], s) if s.title_end == s.line else ""
        line = lines[s.line]
        after = line[line.find(s.number) + len(s.number):].lstrip(" .:)\t") if s.number and s.title_end == s.line else ""
        if after and resolution_title(after) == s.title:
            rest = after  # the movers and their resolution: the item's text, whole
        if rest:  # "21.01.04 Matters Arising The sign placed…": the text run into the title line is the item's
            body = text_lines[:s.line] + [rest] + text_lines[s.line + 1:]
            blocks = _blocks(body, s.line, end, drop, pages)
        else:
            blocks = _blocks(text_lines, s.title_end + 1, end, drop, pages)
        # a stated heading's words after a colon are its title's ("Planning: Rear Extension at 4 Mill Close")
        note = (lines[s.line].strip().partition(":")[2].strip()
                if s.number is None and not rest and how != "headings" else "")
        if note and s.title_end == s.line:  # "PLEDGE OF ALLEGIANCE: To be announced": the note is the item's text
            blocks = [replace(b, text=note) for b in _blocks(text_lines, s.line, s.line + 1, drop, pages)][:1] + blocks
        first = s.title_end if s.title_start is None else s.title_start
        if s.title_cut:  # "“I will ask at the next meeting (a) what …": the whole sentence is the item's text
            body = text_lines[:first] + [_from_title(text_lines[first], s.title)] + text_lines[first + 1:]
            blocks = _blocks(body, first, end, drop, pages)
        if s.line < first:  # lines between the number and its title (a file number) stay as text
            blocks = _blocks(text_lines, s.line + 1, first, drop | {s.title}, pages) + blocks
        if k in reports:
            blocks += _blocks(text_lines, reports[k], report_end(reports, k, len(lines)), drop, pages)
        paras, sections = build_paragraphs(join_page_breaks(blocks), genre=genre)
        title = ATTACHMENT_LABEL.sub("", s.title).rstrip() or s.title  # "Minutes PDF 162 KB": the link's label is no title
        key = item_key(s.number) if s.number else item_key(title)[:40]
        draft.add_item(key, s.number, title, paras, sections, page=pages[s.line] if pages else None)
    return True


# "Agenda Item: E-2" anywhere in a record: the agenda item the whole record was taken under.
NAMED_ITEM = re.compile(r"(?i)\bagenda\s+item\s*(?:no\.?)?\s*:?\s*((?-i:[A-Z])\.?-?\d{1,3}[a-z]?|\d{1,3}[a-z]?)\b")
RECORD_TITLE = re.compile(r"(?i)^\s*an?\s+(?:ordinance|resolution|by-?law)\b|^\s*(?:decision|resolution)\b")


def _record_title(lines: list[str], at: int) -> str:
    """An ordinance's or resolution's title from line at on, over its capitals lines, at most thirty words."""
    # "AN ORDINANCE OF THE CITY COMMISSION" / "PROVIDING FOR A TEXT AMENDMENT …", blank lines between
    parts = [" ".join(lines[at].split())]
    k = at + 1
    while not parts[-1].endswith(".") and len(" ".join(parts).split()) < 30:
        while k < len(lines) and not lines[k].strip():
            k += 1
        letters = re.sub(r"[^A-Za-z]", "", lines[k]) if k < len(lines) else ""
        if not letters or sum(c.isupper() for c in letters) < 0.9 * len(letters):
            break
        parts.append(" ".join(lines[k].split()))
        k += 1
    return " ".join(" ".join(parts).split()[:30])


def parse_single_item(lines: list[str], draft: Draft, drop: set[str], genre: str,
                      pages: list[int | None] | None = None) -> bool:
    """A record of one agenda item that names it somewhere ("Agenda Item: E-2"): the whole record is that item."""
    named = next((m.group(1) for l in lines if (m := NAMED_ITEM.search(l))), None)
    if not named:
        return False
    at = next((k for k, l in enumerate(lines) if RECORD_TITLE.match(l)), None)
    title = _record_title(lines, at) if at is not None else draft.title or "Decision record"
    blocks = _blocks(lines, 0, len(lines), drop, pages)
    paras, sections = build_paragraphs(join_page_breaks(blocks), genre=genre)
    draft.add_item(item_key(named), named, " ".join(title.split()[:30]), paras, sections)
    return True
