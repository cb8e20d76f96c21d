"""A document's body from its header block, by general patterns (its kind: qa.parse.kind; dates: qa.parse.dates)."""
from __future__ import annotations

import re

from qa.parse.dates import HEAD_LINES, dates_in
from qa.parse.header import BODY_NOUN, ENDS_IN_BODY, MEETING_ADJECTIVES, WEEKDAY
# A header window holds as much text whether a reader gives printed lines or whole paragraphs (a PDF, a web
# page): a line counts once for each LINE_CHARS characters.
LINE_CHARS = 100


def first_lines(lines: list[str], n: int) -> list[str]:
    """The first lines of a document that n printed lines of LINE_CHARS characters would hold."""
    out, used = [], 0
    for line in lines:
        used += max(1, -(-len(line.strip()) // LINE_CHARS))
        if used > n and out:
            break
        out.append(line)
    return out


# The noun as a name sets it: capitalised or in capitals ("Planning Board", "CITY COUNCIL"), never "the next
# board meeting will be…" in a sentence.
_NOUN_AS_NAME = rf"(?:{BODY_NOUN}|{BODY_NOUN.upper()})"
# "Municipal District of Newcastle West", "Metropolitan District of Limerick": a body named by its place after it.
_NOT_PLACE = (r"(?!(?i:the|held|on|at|in|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|"
              rf"march|april|may|june|july|august|september|october|november|december|{MEETING_ADJECTIVES}|"
              r"meeting|minutes|agenda|date|time|venue|location|present)\b)")  # "… of Trustees / Date: February 18"
_OF_PLACE = rf"(?:\s+(?:of|OF)\s+{_NOT_PLACE}[A-Z][\w’'-]+(?:\s+{_NOT_PLACE}[A-Z][\w’'-]+){{0,3}})?"
# "COMMITTEE ON SCHOOL DISTRICT ORGANIZATION", "Commission on the Status of Women": a body named by its remit;
# not where it met ("Parish Council on Zoom", "Planning Committee on Site Visit")
_ON_TOPIC = rf"\s+(?:on|ON)\s+(?!(?i:zoom|teams|microsoft|skype|webex|google|youtube|facebook|site|line)\b)(?:(?:the|THE)\s+)?{_NOT_PLACE}[A-Z][\w’'-]+(?:\s+(?:of|OF|and|AND|&|the|THE)?\s*{_NOT_PLACE}[A-Z][\w’'-]+){{0,4}}"
# A name ends at its last body noun: "Kaimanawa District Council", not "Kaimanawa District"; its words are
# capitalised but its connectors, so it never runs on through a sentence ("Council will be held in the Council
# Chambers", "the Committee following his appointment to the Ballinure District").
_NAME = rf"(?:[A-Z](?:(?!\s(?!(?:of|and|the|for|on|in|to|with)\b)[a-z])(?:[^\W\d_]|[&’',.\- ])){{0,110}}?\b(?i:{BODY_NOUN})(?:\s+(?i:{BODY_NOUN}))?|{_NOUN_AS_NAME})\b(?:\s+(?:and|&)\s+[\w&’',\- ]{{0,80}}?\b(?i:{BODY_NOUN})\b|{_OF_PLACE})"
# A name of capitalised words and connectors ending in a body noun ("Joint meeting - X Committee and Y Committee");
# never across where it was held ("COUNCIL OF THE X MUNICIPALITY HELD IN THE COUNCIL CHAMBER"); a place's own
# connector too ("Carrick on Shannon Municipal District")
_CAPS_NAME = (rf"(?:[A-Z][\w’'&]*(?:\s+(?:(?!HELD\b|Held\b)[A-Z][\w’'&.-]*|of|and|the|for|in|on|&|-|–|meeting))*?\s+)?"
              rf"{_NOUN_AS_NAME}"
              rf"(?:\s+{_NOUN_AS_NAME})?"
              rf"(?:\s+(?:and|&)\s+[A-Z][\w’' &-]{{0,80}}?\b{_NOUN_AS_NAME}|{_OF_PLACE})")
# "MINUTES of a meeting of the Cabinet held…", "Minutes of the Transport & Connectivity Policy Committee",
# "MINUTES OF THE REGULAR CITY COUNCIL MEETING" (UK ModernGov, US city clerks)
# "MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT OF NEWCASTLE WEST" (Irish councils)
MINUTES_OF = re.compile(rf"(?i)\bminutes\s+of\s+(?:proceedings\s+(?:at|of)\s+)?(?:an?\s+|the\s+)?(?:(?:{MEETING_ADJECTIVES})\s+)?(?:meeting\s+of\s+(?:the\s+)?)?(?-i:(?P<body>{_CAPS_NAME}))")
# "MEETING MINUTES (DRAFT) Open Source Voting System Technical Advisory Committee (OSVTAC)", "Meeting Agenda
# Planning Board": a page title, the body's name straight after it (US boards' web pages)
PAGE_TITLE = re.compile(rf"\b(?:MEETING\s+(?:MINUTES|AGENDA)|Meeting\s+(?:Minutes|Agenda))"
                        rf"(?:\s*\((?i:draft|approved|unapproved|final)\))?\s+(?P<body>{_CAPS_NAME})")
# A title block: the document's kind on a line of its own, the body on the next ("ACTION SUMMARY MINUTES – REGULAR
# MEETING" / "BOARD OF DIRECTORS" / "SACRAMENTO METROPOLITAN FIRE DISTRICT"): the body, not the letterhead above
KIND_LINE = re.compile(rf"(?i)^(?:(?:action|summary|draft|approved|unapproved|confirmed|official|notice of|"
                       rf"{MEETING_ADJECTIVES}|meeting)\s+)*(?:minutes|agenda)"
                       rf"(?:\s*[–—-]\s*(?:(?:{MEETING_ADJECTIVES})\s+)?meeting)?$")
# The bodies a title block names under its kind line: not a forum or a group, which agendas head items with
TITLE_BLOCK_BODY = re.compile(r"(?i)(?:council|commission|committee|board|cabinet|panel|authority|assembly)\b")
# A title is looked for in the first lines only (further down, "minutes of" cites other minutes), and in so many
# characters of them: a first line can run to thousands (a text without line breaks).
TITLE_CHARS = 1000
# "Decision determined at Transport & Connectivity Policy Committee meeting on 19 March 2026"
AT_MEETING = re.compile(rf"\b(?:at|by)\s+(?:the\s+)?(?P<body>{_CAPS_NAME})\s+meeting\b")
# "REGULAR MEETING OF THE CITY COUNCIL", "Meeting of the X", "Ordinance of the City Commission"
MEETING_OF = re.compile(rf"(?i)\b(?:meeting|ordinance|resolution|decisions?)\s+of\s+(?:the\s+)?(?-i:(?P<body>{_NAME}))")
# "the next meeting of the Delivery Group", "the following ordinary meeting of …": another meeting, not this one
ANOTHER_MEETING = re.compile(r"(?i)\b(?:next|last|previous|future|following|subsequent)\s+(?:\w+\s+)?$")
# Welsh names the council before its place: "Cyngor Cymuned Manordeilo a Salem" (community council), "Cyngor
# Tref Aberteifi" (town), "Cyngor Sir Gâr" (county); "a"/"ac" (and) join places.
_WELSH_PLACE = r"[A-ZÂÊÎÔÛŴŶ][\w’'-]+"
WELSH_BODY = re.compile(rf"\b(?P<body>(?i:cyngor)[ \t]+(?i:cymuned|tref|sir|dinas)[ \t]+{_WELSH_PLACE}"
                        rf"(?:[ \t]+(?:a|ac)[ \t]+{_WELSH_PLACE}|[ \t]+{_WELSH_PLACE}){{0,3}})")
# "City of Coral Gables City Commission Meeting", "CITY COUNCIL REGULAR MEETING AGENDA": a line that opens with
# the meeting's name
NAME_MEETING = re.compile(rf"^(?P<body>{_CAPS_NAME})\s+(?i:(?:{MEETING_ADJECTIVES})\s+)?"
                          r"(?i:meeting)\b")
TITLE_BLOCK_LINES = 8  # a document's title block: its first lines, before attendance and items
# "Board of Education Minutes", "PLANNING COMMITTEE AGENDA": the body's name and the document's kind, a title block's
# line; not an item that handles another body's minutes ("Approval of Planning Commission Minutes")
NAME_RECORD = re.compile(rf"^(?!(?i:approv|adopt|confirm|receiv|review|consider|note|sign)\w*\b)(?P<body>{_CAPS_NAME})"
                         rf"\s+(?i:(?:{MEETING_ADJECTIVES})\s+)?(?i:minutes|agenda)$")
# "COMMITTEE: Transport and Connectivity Committee", "Report to: Cabinet" (report cover sheets), "Decision Body:
# Executive Committee"
LABEL_BODY = re.compile(rf"(?i)^\s*(?:committee|meeting|(?:decision\s+)?body|decision[- ]maker|report\s+to)\s*:\s*"
                        rf"(?-i:(?P<body>{_NAME}|{_NOUN_AS_NAME}\b))")
# "X Committee – Thursday 13 June 2024", "Milburn Parish Council - 26th January 2021" (the date line names it)
DATE_LINE_BODY = re.compile(rf"^(?i:agenda\s+for\s+|(?:(?:{MEETING_ADJECTIVES})\s+)?meeting,\s+)?(?P<body>{_CAPS_NAME})\s*(?i:(?:(?:{MEETING_ADJECTIVES})\s+)?(?:meeting|session)\s*)?(?i:to\s+be\s+held\s+|held\s+)?"
                            rf"(?:[-–,]|(?i:on)\b|(?={WEEKDAY},?\s+\d))")  # "Combined Authority Board Thursday, 25 …"
# "October 8, 2018 at 8:00 PM - Board of Education Regular Meeting": a board portal's title, the date first
DATED_TITLE_BODY = re.compile(rf"\d{{4}}\s+at\s+\d{{1,2}}:\d{{2}}\s*[AaPp]\.?[Mm]\.?\s*[-–]\s*(?P<body>{_CAPS_NAME})")
# "Manordeilo and Salem Community Council held their meeting via Zoom on…": a line that opens with the body
HELD_BY = re.compile(rf"^(?!(?:The|A|An|Members|All)\b)(?P<body>{_CAPS_NAME})\s+(?:held|met|convened)\b")
# A short line that is nothing but a body's name ("City Commission", "City Council")
BODY_LINE = re.compile(rf"^(?P<body>(?:(?:\(?[A-Z][\w&’'\-]*\)?|&)\s+){{0,6}}{BODY_NOUN})$", re.I)  # "Planning
# (Regulation) Committee", "Kilbrannoch & Glenmuir Community Council" too
# A line naming a body by its place after it, its words capitalised ("Zoning Board of Adjustment", "BOARD OF
# SUPERVISORS"); not an office of it ("Clerk of the Board of Supervisors")
BODY_OF_PLACE_LINE = re.compile(rf"^(?P<body>(?:[A-Z][\w&’'\-]*\s+){{0,3}}{_NOUN_AS_NAME}(?:{_OF_PLACE}|{_ON_TOPIC}))"
                                rf"(?:,\s+[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?)?$")  # "…, TEXAS": its state after it
ADJECTIVES = re.compile(rf"(?i)^(?:(?:{MEETING_ADJECTIVES})\s+)+(?=\S)")
# The meeting's count, spelt out before the body ("ONE THOUSAND FOUR HUNDRED AND TWENTY-SEVENTH BOARD OF DIRECTORS
# REGULAR MEETING", "Forty-Second Annual Meeting"): which meeting it is, not whose.
_COUNTING = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
             r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|and")
_ORDINAL = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|\w+ieth|hundredth|thousandth"
ORDINAL_COUNT = re.compile(rf"(?i)^(?:(?:{_COUNTING})[\s-]+)*(?:{_ORDINAL})\s+(?=\S)")

def _tidy_body(body: str, council: str | None) -> str:
    body = re.sub(r"\s+", " ", body).strip(" ,.-–:")
    last = re.split(r"(?i)\b(?:meeting|minutes)\s+of\s+(?:the\s+)?", body)[-1]
    if last != body and ENDS_IN_BODY.search(last):
        body = last  # "March Meeting of Wereham PC Minutes of the meeting of the Wereham Parish Council"
    body = ADJECTIVES.sub("", ORDINAL_COUNT.sub("", body))
    body = re.sub(r"(?i)\s+meeting$", "", body)
    if council and re.sub(rf"(?i)\b(?:{MEETING_ADJECTIVES})\s+", "", body).lower() == council.lower():
        return council  # "Stoke Ferry Annual Parish Council" is the Stoke Ferry Parish Council meeting
    own = re.compile(rf"(?i)\s+of\s+(?:the\s+)?{re.escape(council)}$") if council else None
    if own and own.search(body) and len(own.sub("", body).split()) >= 2:
        body = own.sub("", body)  # "Board of Directors of the Fair Oaks Water District": the council is said
        # elsewhere; not "Council of the City of Portland", which is its name
    if council and not council.endswith("Authority"):  # a combined authority's committees carry its name
        place = re.sub(r"(?i)^(city|town|county|borough|district|village) of\s+", "", council).strip()
        named = re.compile(rf"(?i)\s+of\s+(?:the\s+)?{re.escape(place)}\s+(?:county|city|town|borough)$")
        if named.search(body) and len(named.sub("", body).split()) >= 2:
            body = named.sub("", body)  # "Commissioners Court of Bramlett County" where the council is its county
        place = re.sub(r"(?i)^(city|town|county|borough|district|village) of\s+|\s+(parish|town|city|county|district|borough)?\s*council$", "", council).strip()
        rest = re.sub(rf"(?i)^(?:the\s+)?(?:city\s+of\s+)?{re.escape(place)}[,\s]+", "", body) if place else body
        if rest != body and body.lower() != council.lower() and re.search(BODY_NOUN + "$", rest, re.I) and len(rest.split()) >= 2:
            body = rest  # "City of Coral Gables City Commission": the council is said elsewhere
    if body.isupper():
        body = " ".join(w if w in ("&",) else w.capitalize() for w in body.lower().split())
        body = re.sub(r"\b(And|Of|The|For|On)\b", lambda m: m.group(1).lower(), body)
    return body


# "Christopher Jerdonek, Chair", "Chair: Cllr Hart": a letterhead line naming who chairs the body above it.
CHAIR_LINE = re.compile(r"(?i)^[\w .'’-]{2,60},\s*chair(?:man|person|woman)?$|^chair(?:man|person|woman)?\s*:")
# "City of Alameda" names the council, not the body that met; a town or village board is its municipality.
MUNICIPALITY = re.compile(r"(?i)^(city|town|township|county|borough|village)\s+of\b")
SMALL_PLACE = re.compile(r"^(?i:town|township|village)\s+(?i:of)(?:\s+[A-Z][\w'’.-]*){1,4}$")


# A parish, town or community council meets as itself: "the Parish Council" of a summons is the "Anytown Parish
# Council" its letterhead names.
SMALL_COUNCIL = re.compile(r"(?i)^(?:parish|town|community) council$")


# A body named by its noun alone ("REGULAR BOARD MEETING", "A REGULAR MEETING OF THE COUNCIL OF …") has its full
# name where the header says whose it is: "The Board of Directors of the Fair Oaks Water District holds …",
# "THE COUNCIL OF THE CITY OF PORTLAND, OREGON". Named after "the", in capitalised words up to a verb, a comma or
# what follows a name ("Present", "Regular Session"); not "the Sacramento Area Council of Governments".
_NAME_WORD = (r"(?!(?i:was|were|is|held|holds|will|on|at|in|for|and|to|meeting|meetings|minutes|agenda|present|absent|"
              r"regular|special|session|members|cllr|councillors?|mayor|chair\w*)\b)[A-Z][\w&’'-]*")
FULL_NAME = r"\b(?i:the)\s+(?P<body>{noun}\s+(?i:of)\s+(?:(?i:the)\s+)?" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){{0,5}}" + \
    r"(?:\s+(?i:of)\s+(?:(?i:the)\s+)?" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){{0,5}})?)"


COMMITTEE_NOUN = re.compile(r"(?i)\b(?:committee|sub-committee|board|panel|cabinet|commission)$")


def find_body(lines: list[str], council: str | None = None) -> str | None:
    """The meeting body named in the header block, by the patterns above in order of trust."""
    head = [l.strip() for l in lines[:HEAD_LINES] if l.strip()]
    near = first_lines(head, 40)
    body = _named_body(head, near, council)
    if body and council and body.lower() == council.lower():
        # the council's letterhead above the name of its committee, board or panel that met
        under = (m.group("body") for line in near[:TITLE_BLOCK_LINES] if (m := BODY_LINE.match(line)))
        body = next((_tidy_body(n, council) for n in under if COMMITTEE_NOUN.search(n)), body)
    if body and SMALL_COUNCIL.match(body):
        named = (m.group("body") for line in near if (m := BODY_LINE.match(line)))
        return next((_tidy_body(n, None) for n in named if n.lower().endswith(" " + body.lower())), body)
    if body and re.fullmatch(BODY_NOUN, body, re.I):
        rx = re.compile(FULL_NAME.format(noun=f"(?i:{re.escape(body)})"))
        return next((_tidy_body(m.group("body"), council) for line in near if (m := rx.search(line))), body)
    return body


def _named_body(head: list[str], near: list[str], council: str | None) -> str | None:
    """The first body the patterns above find, in order of trust, however generic ("Parish Council")."""
    joined = " ".join(near)
    top = " ".join(first_lines(head, 8))[:TITLE_CHARS]
    m = MINUTES_OF.search(top)
    if m:
        return _tidy_body(m.group("body"), council)
    for line in near:
        if dates_in(line):
            m = DATE_LINE_BODY.match(line) or DATED_TITLE_BODY.search(line)
            if m:
                return _tidy_body(m.group("body"), council)
    m = PAGE_TITLE.search(top)
    if m:
        return _tidy_body(m.group("body"), council)
    m = AT_MEETING.search(joined)
    if m:
        return _tidy_body(m.group("body"), council)
    m = next((m for m in MEETING_OF.finditer(joined) if not ANOTHER_MEETING.search(joined[:m.start()])), None)
    bare = None  # "a meeting of the Committee": a name only where the header's lines give none fuller
    if m and re.fullmatch(BODY_NOUN, m.group("body"), re.I):
        bare = _tidy_body(m.group("body"), council)
    elif m:
        return _tidy_body(m.group("body"), council)
    for line, nxt in zip(near[:8], near[1:9]):
        m = BODY_LINE.match(nxt) or BODY_OF_PLACE_LINE.match(nxt)
        if KIND_LINE.match(line) and m and _capitalised(m.group("body")) and TITLE_BLOCK_BODY.search(m.group("body")):
            return _tidy_body(m.group("body"), council)
    for line, nxt in zip(near, near[1:]):
        m = BODY_LINE.match(line)
        if m and CHAIR_LINE.search(nxt) and _capitalised(m.group("body")):
            return _tidy_body(m.group("body"), council)  # a letterhead: the body under its chair, not its parent
    for rx, keep in LINE_BODIES:
        for line in near[:TITLE_BLOCK_LINES] if rx is NAME_RECORD else near:
            m = rx.match(line)
            if m and keep(m.group("body"), line):
                return _tidy_body(m.group("body"), council)
    if bare:
        return bare
    for line in near:  # Welsh, after the English names a bilingual letterhead also prints
        m = WELSH_BODY.search(line)
        if m:
            return _tidy_body(m.group("body"), council)
    # Nothing else names it: a town or village board's minutes headed by the municipality alone.
    return next((_tidy_body(l, council) for l in near[:3] if SMALL_PLACE.match(l)), None)


def _capitalised(name: str) -> bool:
    """Every word of a name capitalised but its connectors ("Open Source Voting System Technical Advisory
    Committee", not "To all Members of the Council")."""
    return all(w[:1].isupper() for w in name.split() if w.lower() not in ("of", "and", "the", "for", "&", "on", "-", "–"))


# Business a meeting takes, headed on its own line as a body would be: "Public Forum", "Open Forum"
PROCEDURE = re.compile(r"(?i)^(?:public|open|community|members'?)\s+(?:forum|session|participation)$")
# Header lines that name the body on their own, each pattern over every line before the next, in order of trust;
# with what a match must also be: "Council met…" names no body, nor does "City of X" (the council itself).
LINE_BODIES = (
    (LABEL_BODY, lambda body, line: True),
    (NAME_RECORD, lambda body, line: True),
    (NAME_MEETING, lambda body, line: True),
    (HELD_BY, lambda body, line: len(body.split()) >= 2),
    (BODY_LINE, lambda body, line: not MUNICIPALITY.match(line) and not PROCEDURE.match(body)),
    (BODY_OF_PLACE_LINE, lambda body, line: re.search(r"(?i)\s(?:of|on)\s", body) and not MUNICIPALITY.match(line)),
)
