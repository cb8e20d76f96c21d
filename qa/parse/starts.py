"""Where each top-level item starts: the best numbering scheme, capitals headings, run-in labels or stated headings."""
from __future__ import annotations

import re
from dataclasses import dataclass

from qa.parse.common import title_similarity
from qa.parse.dates import dates_in
from qa.parse.headed import heading_items
from qa.parse.packs import REPORT_MARK
from qa.parse.header import ROLL_CALL
from qa.parse.schemes import choose_items
from qa.parse.subitems import same_level_headings
from qa.parse.titles import is_caps_heading, run_in_label

# Capitals lines that name the meeting, the document or the place, not an item ("REGULAR MEETING OF THE CITY
# COUNCIL", "AGENDA", "CITY COUNCIL CHAMBERS", "CITY OF X", "X PARISH COUNCIL").
NOT_ITEM_CAPS = re.compile(r"(?i)\bmeeting\b|\bchambers?\b|^agenda(?:\s+items)?$|^minutes\b(?!\s*[/&])|^(city|town|county|village) of\b|"
                           r"\b(?:parish|city|town|county|district|borough|shire|regional|community) council$|^(also\s+)?(present|absent|in attendance)\b|"  # attendance labels too
                           r"^(members|officials|officers|councillors|staff)\s+(present|absent|in attendance)\b|"
                           r"^(officials|officers)$|^(documents?|attachments?)\s*:|"  # "DOCUMENTS: Weekly Update"
                           r"^present in the chair\b|"
                           # a roll call's labels under each vote (Legistar): "RESULT:", "MOVER:", "SECONDER:", "AYES:"
                           rf"^{ROLL_CALL}$|^{ROLL_CALL}\s*:\s")  # "AYES: <tab> Supervisors Brittle, Burton"

# "IN RE: CONSENT AGENDA": the caption mark a Virginia county board's minutes set before each item's title.
CAPTION_MARK = re.compile(r"^IN\s+RE\s*:\s*")
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
    top = _title_block_end(lines)
    return [i for i in caps if (run_of[i] < 3 or lines[i].strip().endswith(":"))
            and not NOT_ITEM_CAPS.search(lines[i].strip().lstrip("# ").rstrip(":- ")) and not _continues(lines, i)
            and not (i < top and PLACE_CAPS.search(re.sub(r",.*$", "", lines[i].strip().lstrip("# "))))]


TITLE_BLOCK = 15  # non-blank lines: where a document names itself, its body, place and date


def _title_block_end(lines: list[str]) -> int:
    """The line of the meeting's date in the document's title block (its first lines); 0 when none is there."""
    seen = 0
    for i, line in enumerate(lines):
        if line.strip():
            if dates_in(line):
                return i
            seen += 1
            if seen >= TITLE_BLOCK:
                break
    return 0


SECTION_RESTARTS = 3  # capitals headings each straight over a "1.": sections numbering their own matters


def _restarts_under(lines: list[str], caps: list[int]) -> int:
    """How many capitals headings have a "1." as the first line under them."""
    n = 0
    for i in caps:
        below = next((l.strip() for l in lines[i + 1:i + 4] if l.strip()), "")
        n += bool(re.match(r"^1[.)]\s", below))
    return n


CONTENTS_ROWS = 3  # capitals lines above the items that repeat their titles, to make a contents list


def _under_one_heading(run, typeset: list[int]) -> bool:
    """True where the stated headings outnumber a numbered run that stands all under one of them."""
    if not run or len(typeset) <= len(run) or run[0].line < typeset[0]:
        return False
    below = max(i for i in typeset if i <= run[0].line)
    after = min((i for i in typeset if i > below), default=float("inf"))
    return run[-1].line < after


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
    lines = lines[:_reports_start(lines)]  # a pack's reports: their numbering and capitals are no items
    scheme, run = choose_items(lines, headings)
    title_lines = {c.title_line for c in run} | {c.line for c in run}
    caps = [i for i in _caps_items(lines) if i not in title_lines] if capitals else []
    # a filler's title is its long instruction's first words: the whole line is the item's text too
    numbered = [Start(c.line, c.number, c.title, c.title_line, title_cut=c.filler) for c in run]
    if run:
        # the meeting's closing business after the last numbered item ("ADJOURNMENT") is an item of its own
        post = [Start(i, None, _clean_title(lines[i]), i) for i in caps if i > run[-1].title_line
                and CLOSING_ITEM.search(lines[i])]
        if _restarts_under(lines, caps) >= SECTION_RESTARTS:  # "CONSENT AGENDA" / "1. Approve …", "ITEMS FOR
            # INDIVIDUAL CONSIDERATION" / "1. Approve …": each capitals section numbers its own matters
            return "capitals headings", [Start(i, None, _clean_title(lines[i]), i) for i in caps]
        caps_titled = sum(is_caps_heading(c.title) for c in run) >= len(run) / 2
        if caps_titled:  # procedural items before the numbering starts ("CALL TO ORDER") are items too
            pre = [i for i in caps if i < run[0].line and not PLACE_CAPS.search(_clean_title(lines[i]))]
            # an index above that lists the items by their numbers ("R1/1-21 | OPENING | 3"), its rows' wrapped
            # titles with them: the list's, not business
            numbers = {c.number for c in run}
            rows = [i for i in range(run[0].line) if re.split(r"[\t ]", lines[i].strip(), maxsplit=1)[0] in numbers]
            pre = [i for i in pre if not (rows and rows[0] <= i <= rows[-1])]
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
            typeset = heading_items(lines, levels) if levels else []
            if _under_one_heading(run, typeset):  # "Consent Agenda:" / "1) Approval of Bills" / "2) …": one item's list
                return "headings", [Start(i, None, _clean_title(lines[i]), i) for i in typeset]
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


LISTED_LINE = re.compile(r"^(\d{1,3}(?:\.\d{1,2})?)(?:[.)]|\s)")
REPORT_MARKS = 2  # marks naming items listed above them, to make a pack of reports


def _reports_start(lines: list[str]) -> int:
    """The line where a pack's reports begin: the first of two or more "Agenda Item N" marks standing alone that
    each name an item listed above it; else the end."""
    listed: set[str] = set()
    marks = []
    for i, line in enumerate(lines):
        text = line.strip()
        if (m := REPORT_MARK.match(text)) and m.group(1) in listed:
            marks.append(i)
        elif not marks and (m := LISTED_LINE.match(text)):
            listed.add(m.group(1))
    return marks[0] if len(marks) >= REPORT_MARKS else len(lines)


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
    line = CAPTION_MARK.sub("", line.strip())
    head, colon, rest = line.partition(":")
    if colon and rest.strip() and is_caps_heading(line):
        line = head  # "PLEDGE OF ALLEGIANCE: To be announced": the note stays in the item's text
    return line.rstrip(":-– ").strip()
