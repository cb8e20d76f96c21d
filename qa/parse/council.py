"""The council or authority whose record a document is, from its letterhead or the council its text names."""
from __future__ import annotations

import re

from qa.parse.meta import MUNICIPALITY, WELSH_BODY

COUNCIL = re.compile(r"\b((?:City|Town|Village|Borough|County) of (?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+(?=\W)|(?:[A-Z][a-z]+[ -]){0,3}?[A-Z][a-z]+(?: County| City| Borough| District| Town| Parish)? Council)\b")


# A letterhead's line that is the authority's name alone: "San Juan Unified School District", "Fair Oaks Water
# District", "Greater Manchester Combined Authority" (US special districts and UK authorities name no council).
AUTHORITY_LINE = re.compile(r"^(?:The\s+)?(?:[A-Z][\w'’.&-]*\s+){1,6}(?:District|Authority)$")
LETTERHEAD_LINES = 6
# A council's own district or function, not an authority in its own right: "Killarney Municipal District",
# "Housing Authority", "Local Planning Authority".
PART_OF_COUNCIL = re.compile(r"(?i)\bmunicipal\s+district\b|^(?:local\s+)?(?:housing|planning|licensing|"
                             r"highways?|education|fire)\s+authority$")


def council_from_text(text: str) -> str | None:
    """The council or authority whose document this is: a letterhead line naming an authority, else the first
    council the text names."""
    for line in [l.strip() for l in text[:3000].split("\n") if l.strip()][:LETTERHEAD_LINES]:
        if COUNCIL.fullmatch(line) or MUNICIPALITY.match(line) and len(line.split()) <= 6:
            break  # a council named first is the council; an authority under it is one of its bodies
        if AUTHORITY_LINE.match(line) and not PART_OF_COUNCIL.search(line):
            return re.sub(r"^The\s+", "", line)
    m = COUNCIL.search(text[:20000])
    if not m:
        welsh = WELSH_BODY.search(text[:20000])  # "Cyngor Cymuned Manordeilo a Salem": the council itself (one line)
        return welsh.group("body") if welsh else None
    name = re.sub(r"^(The|At|Of|By|In|To)\s+", "", m.group(1).strip())
    return name if name not in ("County Council", "Council") else None
