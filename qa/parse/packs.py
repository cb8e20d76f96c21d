"""An agenda pack read by its numbering: where the report of each item listed with its pages begins."""
from __future__ import annotations

import re

from qa.parse.agenda import AGENDA_ITEM_MARK
from qa.parse.common import title_similarity
from qa.parse.titles import PAGE_REF

# A report's cover grid names its subject: "Report title | Review of Household Waste …", "Subject: Parking".
REPORT_TITLE = re.compile(r"(?i)^\s*(?:report\s+title|title\s+of\s+report|subject|report)\s*(?::|\t)\s*(?P<title>\S.*)$")
# The minutes of the last meeting, printed in the pack for confirmation: "Minutes of the … held on …".
PRINTED_MINUTES = re.compile(r"(?i)^\s*minutes\s+of\s+(?:a|an|the)\b.*\bheld\b")
SIMILAR = 0.75  # title_similarity at which a line names the item's report
LONGEST = 200  # characters: a longer line is text, not a report's title


def report_starts(lines: list[str], starts: list) -> dict[int, int]:
    """{index in starts: line where that item's report begins}, searched in order after the agenda's last item,
    for the items the agenda lists with their pages ("5. | Review of … | Pages 6 - 7"): the others have none."""
    if not starts:
        return {}
    found: dict[int, int] = {}
    cursor = starts[-1].title_end + 1
    for k, s in enumerate(starts):
        if not PAGE_REF.search(lines[s.line]):
            continue
        for i in range(cursor, len(lines)):
            text = lines[i].strip()
            if not text or len(text) > LONGEST:
                continue
            mark, cover = AGENDA_ITEM_MARK.match(text), REPORT_TITLE.match(text)
            if (mark and mark.group(1) == s.number or title_similarity(s.title, cover.group("title") if cover else text)
                    >= SIMILAR or re.match(r"(?i)minutes\b", s.title) and PRINTED_MINUTES.match(text)):
                found[k] = cursor = i
                cursor += 1
                break
    return found


def report_end(found: dict[int, int], k: int, last: int) -> int:
    """Where item k's report ends: at the next report's start, else at the end of the pack."""
    return min((line for line in found.values() if line > found[k]), default=last)
