"""An agenda pack read by its numbering: where the report of each item listed with its pages begins."""
from __future__ import annotations

import re

from qa.parse.agenda import AGENDA_ITEM_MARK
from qa.parse.common import item_key, title_similarity
from qa.parse.titles import PAGE_REF

# A report's cover grid names its subject: "Report title | Review of Household Waste …", "Subject: Parking".
REPORT_TITLE = re.compile(r"(?i)^\s*(?:report\s+title|title\s+of\s+report|subject|report)\s*(?::|\t)\s*"
                          r"(?P<title>\S.*)$")
# The minutes of the last meeting, printed in the pack for confirmation: "Minutes of the … held on …".
PRINTED_MINUTES = re.compile(r"(?i)^\s*minutes\s+of\s+(?:a|an|the)\b.*\bheld\b")
SIMILAR = 0.75  # title_similarity at which a line names the item's report
LONGEST = 200  # characters: a longer line is text, not a report's title


def report_starts(lines: list[str], starts: list, headings: frozenset[int] | set[int] = frozenset()) -> dict[int, int]:
    """{index in starts: line where that item's report begins}, after the agenda's last item, for the items the
    agenda lists with their pages ("5. | Review of … | Pages 6 - 7"): the others have none in the pack.

    First the marks that name an item for sure, in the agenda's order: a report's cover naming it, "Agenda Item 5",
    the printed minutes of the last meeting. Then, between those, a heading that is an item's title and no other's,
    not numbered (the minutes' "24. Waste Collection Services" is a minute of theirs, "2. Capital Programme" a
    report's section)."""
    after = starts[-1].title_end + 1
    paged = [k for k, s in enumerate(starts)
             if any(PAGE_REF.search(lines[j]) for j in range(s.line, min(s.title_end + 2, len(lines))))]
    if not paged:
        return _appended(lines, starts, after)
    titles = {k: PAGE_REF.sub("", starts[k].title).strip() for k in paged}
    found: dict[int, int] = {}
    cursor = after
    for k in paged:
        for i in range(cursor, len(lines)):
            if _names(lines[i].strip(), starts[k], titles[k]):
                found[k] = i
                cursor = i + 1
                break
    for k in (k for k in paged if k not in found):
        lo = max((found[j] for j in found if j < k), default=after - 1) + 1
        hi = min((found[j] for j in found if j > k), default=len(lines))
        for i in range(lo, hi):
            text = lines[i].strip()
            if i in headings and text and not text[:1].isdigit() and _best(text, titles) == k:
                found[k] = i
                break
    return found


# The mark atop each report of an agenda pack, alone on its line, naming the item it is for: "AGENDA ITEM 5.1",
# "Agenda Item 6", a US city's "Item No. 3".
REPORT_MARK = re.compile(r"(?i)^(?:agenda\s+item|item\s+no\.?)\s*(?:no\.?\s*)?(\d{1,3}(?:\.\d{1,2})?)\b\.?\s*$")
# An appendix headed with the item it belongs to: "Appendix A – Item TC/24/011", "APPENDIX 2 (Agenda Item 7)".
APPENDIX_MARK = re.compile(r"(?i)^\W*(?:appendix|annexe?|schedule)\s+[A-Z0-9]{1,3}\b[^\n]{0,20}?\bitem\s+(?:no\.?\s*)?"
                           r"(?P<n>[A-Z]{0,4}[\d./-]*\d)\b")


def _appended(lines: list[str], starts: list, after: int) -> dict[int, int]:
    """{index in starts: line} for appendices and reports after the agenda's last item that each name their item."""
    index = {item_key(s.number): k for k, s in enumerate(starts) if s.number}
    found: dict[int, int] = {}
    for i in range(after, len(lines)):
        m = APPENDIX_MARK.match(lines[i].strip()) or REPORT_MARK.match(lines[i].strip())
        k = index.get(item_key(m.group(m.lastindex))) if m else None
        if k is not None and k not in found:
            found[k] = i
    return found


def _names(text: str, start, title: str) -> bool:
    """True for a line that names this item's report for sure."""
    if not text or len(text) > LONGEST:
        return False
    mark, cover = AGENDA_ITEM_MARK.match(text), REPORT_TITLE.match(text)
    return bool(mark and mark.group(1) == start.number
                or cover and title_similarity(title, cover.group("title")) >= SIMILAR
                or re.match(r"(?i)minutes\b", title) and PRINTED_MINUTES.match(text))


def _best(text: str, titles: dict[int, str]) -> int | None:
    """The one item whose title the text is, closer than to any other's; else None."""
    if len(text) > LONGEST:
        return None
    scores = sorted(((title_similarity(t, text), k) for k, t in titles.items()), reverse=True)
    if scores[0][0] < SIMILAR or len(scores) > 1 and scores[1][0] >= scores[0][0]:
        return None
    return scores[0][1]


def report_end(found: dict[int, int], k: int, last: int) -> int:
    """Where item k's report ends: at the next report's start, else at the end of the pack."""
    return min((line for line in found.values() if line > found[k]), default=last)
