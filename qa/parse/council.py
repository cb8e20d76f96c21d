"""The council or authority whose record a document is, from its letterhead or the council its text names."""
from __future__ import annotations

import re
from collections import Counter

from qa.parse.header import MEETING_ADJECTIVES
from qa.parse.meta import WELSH_BODY

# The small words inside a place's name: "West of England", "Kingston upon Thames", "Manordeilo and Salem".
_SMALL = {"of", "and", "upon", "on", "under", "in", "le", "la", "the", "y", "a", "ac"}

# A word of a place's name ("Stoke-on-Trent", "St. Albans"), and the small words joining them.
_WORD = r"(?:(?:St|Ste|Mt|Ft)\.|[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*)"
_JOIN = "(?:" + "|".join(sorted(_SMALL)) + "|&)"
_PLACE = rf"{_WORD}(?:[ ](?:{_JOIN}[ ])?{_WORD}){{0,5}}"
# What a council calls itself after its place: "Bristol City Council", "Eden District Council", "Llanfair Dyffryn
# Town Council", "West of England Mayoral Combined Authority", "Inkwenkwezi Local Municipality" (South Africa).
NAMED = re.compile(rf"\b(?P<place>{_PLACE}) (?P<kind>(?:(?:City|County|Borough|District|Town|Parish|Community|"
                   rf"Village|Shire|Regional|Township|Metropolitan Borough|Metropolitan District|Island|Rural) )?"
                   rf"Council|(?:Mayoral )?Combined Authority|(?:Local|District|Metropolitan) Municipality)\b")
# ... or before it: "City of Coral Gables", "Township of North Bexley", "Municipal District of Newcastle West",
# "City and County of San Francisco", "Port of Alsea".
_OF_KINDS = (r"(?:City and County|City|Town|Village|Borough|Royal Borough|London Borough|County|Township|"
             r"Municipality|Shire|Port|(?:Municipal |Metropolitan )?District) of")
OF_PLACE = re.compile(rf"\b(?P<kind>{_OF_KINDS}) (?P<place>{_PLACE})")
# The words before the place in such a name, which an id leaves out: "City of Coral Gables" is "coral".
OF_PLACE_PREFIX = re.compile(rf"^(?:The\s+)?(?:{_OF_KINDS}\s+)?")
# A letterhead that names an authority, not a council: "San Juan Unified School District", "Fair Oaks Water
# District", "Greater Manchester Combined Authority" (US special districts and UK authorities name no council).
AUTHORITY = re.compile(rf"^(?P<place>{_PLACE}) (?P<kind>District|Authority)\b")
# A US county governs as itself, its board under its name: "BEAVERDAM COUNTY BOARD OF COMMISSIONERS".
US_COUNTY = re.compile(rf"^(?P<name>{_WORD}(?: {_WORD}){{0,2}} County) (?:Board|Commission)\b")
# A council's own district or function, not an authority in its own right: "Killarney Municipal District",
# "Housing Authority", "Local Planning Authority".
PART_OF_COUNCIL = re.compile(r"(?i)\bmunicipal\s+district\b|^(?:local\s+)?(?:housing|planning|licensing|"
                             r"highways?|education|fire)\s+authority$")

# A meeting's own adjectives, which may stand inside a council's name as a meeting's title gives it.
MEETING_WORDS = set(MEETING_ADJECTIVES.split("|")) | {"full", "monthly", "general", "statutory", "reconvened",
                                                       "joint"}
# Words a sentence or a meeting's name sets before a council's name, none of them part of it: "That Kilbarra
# County Council", "the Special City Council", "Next Ayton Community Council", "Full Council", "Cr Ruth McInnes
# That Council". The name is what follows the last of them.
NOT_PLACE = MEETING_WORDS | {w.lower() for w in """The That This These Next Previous Last Minutes Minute Meeting
    Meetings Agenda Notice Summons Cr Cllr Councillor Councillors Mayor At Of By In To From With For And Or View
    Newly Elected Dear Parent Host Each Every Our Your Their Neighbouring Adjoining Whole Local Relevant Principal
    Attached Appendix Report Said Such Upon Within Dated Re Held On""".split()}
# Words that alone are a council's kind, not a place: "City Council", "County Council".
KIND_WORDS = {"city", "county", "borough", "district", "town", "parish", "community", "village", "shire",
              "regional", "township", "metropolitan", "municipal", "island", "rural", "mayoral", "combined"}
# A meeting's name, a sentence's or a letterhead's words before the council it names: "MINUTES OF THE MEETING
# OF", "The Corporation of the", "Board of Directors of the", "Joint meeting -".
_LEADING = re.compile(r"(?i)^(?:(?:the|a|an|of|at|minutes?|meeting|agenda|notice|proceedings|corporation|regular|"
                      r"special|ordinary|monthly|annual|joint|board|directors|supervisors|trustees|governors|held|"
                      r"summons|to|for)\b[\s:–-]*)+")
BODY_WORD = re.compile(r"\b(?:Committee|Board|Commission|Panel|Cabinet)\b")  # a body, not an authority
LETTERHEAD_LINES = 15
MENTION_CHARS = 20000
EARLY_CHARS = 3000  # a council named once, this near the top, is the document's own; further down, any council


def _titled(segment: str) -> str:
    """A segment in capitals as a name is written ("KILBARRA COUNTY COUNCIL" -> "Kilbarra County Council")."""
    letters = [c for c in segment if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return segment
    def word(w: str) -> str:
        return "-".join(p.lower() if p.lower() in _SMALL else p[:1].upper() + p[1:].lower() for p in w.split("-"))
    return " ".join(word(w) for w in segment.split(" "))


def _name(place: str, kind: str, before: bool = False) -> str | None:
    """The council's name from a match's place and kind, or None where the place is no place."""
    words = place.split()
    while words and words[-1].lower() in MEETING_WORDS | _SMALL:  # "Stoke Ferry Annual Council"
        words = words[:-1]
    i = len(words)
    while i > 0 and words[i - 1].lower() in KIND_WORDS:
        i -= 1
    while i > 1 and words[i - 1].lower() in MEETING_WORDS:
        del words[i - 1]  # "Stoke Ferry Annual Parish Council": a meeting's adjective inside the name
        i -= 1
    cut = max((k + 1 for k, w in enumerate(words) if w[0].isupper() and w.lower() in NOT_PLACE), default=0)
    words = words[cut:]
    while words and words[0].lower() in _SMALL:
        words = words[1:]
    if not words or all(w.lower() in KIND_WORDS | _SMALL for w in words):
        return None
    place = " ".join(words).rstrip(".")
    return f"{kind} {place}" if before else f"{place} {kind}"


def _of_place(m: re.Match) -> str | None:
    """ "City of Coral Gables City Commission" -> "City of Coral Gables": the place ends at the body's words."""
    words = []
    for w in m.group("place").split():
        if w.lower() in KIND_WORDS | NOT_PLACE - _SMALL or w.lower() in ("council", "commission", "committee",
                                                                           "board", "hall", "clerk"):
            break
        words.append(w)
    return _name(" ".join(words), m.group("kind"), before=True) if words else None


def _letterhead(line: str) -> str | None:
    """The council a letterhead's segment opens with ("MILBURN PARISH COUNCIL MEETING TO BE HELD ON …")."""
    seg = _LEADING.sub("", _titled(re.sub(r"\s+", " ", re.sub(r"^\s*#+", "", line)).strip()))
    for pattern in (NAMED, OF_PLACE):
        m = pattern.match(seg)
        name = m and (_of_place(m) if pattern is OF_PLACE else _name(m.group("place"), m.group("kind")))
        if name:
            return name
    m = US_COUNTY.match(seg)
    if m and m.group("name").split()[0].lower() not in NOT_PLACE | KIND_WORDS:
        return m.group("name")
    m = AUTHORITY.match(seg)
    if m and (m.end() == len(seg.rstrip(" .,")) or len(m.group(0).split()) >= 3):
        name = _name(m.group("place"), m.group("kind"))
        if name and not PART_OF_COUNCIL.search(name) and not BODY_WORD.search(name):
            return name
    return None


def mentions(text: str) -> Counter:
    """Each council the text names in its own words, with how often."""
    found: Counter = Counter()
    for m in NAMED.finditer(text):
        name = _name(m.group("place"), m.group("kind"))
        if name:
            found[name] += 1
    for m in OF_PLACE.finditer(text):
        name = _of_place(m)
        if name:
            found[name] += 1
    return found


def _self_named(name: str, text: str) -> bool:
    """A council named once, far down, is the document's own where the text otherwise calls itself by its kind:
    "the Community Council" of the Ayton Community Council's minutes; not the "Ashwell Council" owning a company."""
    kind = re.search(r"(?:[A-Z]\w+ )?(?:Council|Combined Authority)$", name)
    return bool(kind) and " " in kind.group(0) and text[:MENTION_CHARS].count(kind.group(0)) >= 2


def council_from_text(text: str, us: bool = False) -> str | None:
    """The council or authority whose document this is: its letterhead's, else the council its text names most.

    us: a US document, where "Rancho Palos Verdes City Council" is the body of the "City of Rancho Palos Verdes".
    """
    named = mentions(text[:MENTION_CHARS])
    lines = [l for l in text[:6000].split("\n") if l.strip()][:LETTERHEAD_LINES]
    head = next((n for l in lines for seg in re.split(r"\t|\s{3,}", l) if (n := _letterhead(seg))), None)
    if head:
        # "COMHAIRLE CONTAE CHILL BHARRA KILBARRA COUNTY COUNCIL": the name the text uses is the name
        head = next((n for n in sorted(named, key=len, reverse=True) if head.endswith(" " + n)), head)
    else:
        early = {n for n in named if n in text[:EARLY_CHARS]}
        ranked = sorted(named, key=lambda n: (-named[n], text.find(n)))
        head = next((n for n in ranked if named[n] >= 2 or n in early or _self_named(n, text)), None)
    if head is None:
        welsh = WELSH_BODY.search(text[:MENTION_CHARS])  # "Cyngor Cymuned Manordeilo a Salem": the council itself
        return welsh.group("body") if welsh else None
    m = re.fullmatch(r"(.+) City Council", head)
    return f"City of {m.group(1)}" if us and m else head
