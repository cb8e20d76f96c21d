"""References between meetings: "the Minutes of the Meeting held on 2 February 2021".

A reference names a meeting by its date and, where the text says, its body ("OSPB",
"Council", "Cabinet"), kept as written. Only mentions that are plainly about a meeting
count: a minutes phrase, "at its meeting on …", "considered by <body> on …", or
"On <date> <body> agreed/noted …" with a body word (Council, Cabinet, Board, …).
A date without a year gives date None: the year is the reader's inference, not the text's.
"""
from __future__ import annotations

import re
from datetime import date as _date

from qa.models import Reference

_MONTHS = ("january february march april may june july august september october november december").split()
_MONTH = r"(?:" + "|".join(m.capitalize() for m in _MONTHS) + r")"
_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_ONE = _WEEKDAY + _DAY + r"\s+" + _MONTH + r"(?:,?\s+\d{4})?"
# "9 July and 16 July 2019", "9 and 16 July 2019", "2 February 2021"
_LEAD_DAYS = r"(?:" + _WEEKDAY + _DAY + r"\s*(?:,|and|&)\s*)*"
_DATES = r"(?P<dates>" + _LEAD_DAYS + _ONE + r"(?:\s*(?:,|and|&)\s*" + _ONE + r")*)"

_BODY_WORD = r"(?:Council|Cabinet|Committee|Sub-Committee|Board|Panel|Group|Forum|Executive|Commission|Authority|Assembly|Partnership)"
# A named body as written: "the Overview and Scrutiny Performance Board (OSPB)", "Cabinet", "OSPB".
_NAMED_BODY = (r"(?:[A-Z][\w&'-]*\s+(?:(?:and|of|for|&)\s+)?){0,7}" + _BODY_WORD + r"(?:\s*\([A-Z&]{2,8}\))?")
_ACRONYM = r"[A-Z][A-Z&]{1,7}"
_BODY = r"(?:the\s+)?(?P<body>" + _NAMED_BODY + r"|" + _ACRONYM + r")"
_BODY2 = _BODY.replace("?P<body>", "?P<body2>")
_VERB = r"(?:agreed|resolved|approved|noted|received|considered|decided|endorsed|delegated|accepted|adopted|discussed|recommended)"

_PATTERNS = [
    # the Minutes of the Meeting(s) (of the Planning Committee) held on …
    re.compile(r"(?i:the\s+)?(?i:minutes\s+of\s+the\s+(?:previous\s+|last\s+)?meetings?)(?:\s+of\s+" + _BODY + r")?"
               r"\s+(?i:held\s+on|of|on)\s+" + _DATES),
    # <body> agreed at its meeting on …   /   at its meeting on …, the Council agreed
    re.compile(r"(?:\b" + _BODY + r"\s+(?:had\s+)?(?:" + _VERB + r"\s+)?)?(?i:at|during)\s+(?:its|their|the|a)\s+"
               r"(?:(?:previous|last|recent|next|informal)\s+)?(?i:meeting)(?:\s+of\s+" + _BODY2.replace("body2", "body3") + r")?"
               r"\s+(?:held\s+)?(?:on\s+)?" + _DATES + r"(?:,?\s+" + _BODY2 + r"\s+(?:had\s+)?" + _VERB + r")?"),
    # considered by OSPB on 29 January 2020; presented … to the OSPB on 29 January 2020
    re.compile(r"\b(?:" + _VERB + r"|presented|reported|submitted|taken|referred)\s+(?:[\w ]{0,40}?\s+)?(?:by|to)\s+" + _BODY +
               r"\s+(?:at\s+its\s+meeting\s+)?on\s+" + _DATES),
    # the meeting of Cabinet on 26 March 2020; Agenda for Cabinet held on 4 June 2020; the Cabinet meeting on …
    re.compile(r"\b(?:(?i:meeting)\s+of|(?i:agenda|minutes)\s+for)\s+" + _BODY + r"\s+(?:held\s+)?on\s+" + _DATES),
    re.compile(r"\b(?:the\s+)?(?P<body>" + _NAMED_BODY + r")\s+meeting\s+(?:held\s+)?on\s+" + _DATES),
    # On 26 March Cabinet noted …  (a body word is required: "On 14 May the DfE issued" is not a meeting)
    re.compile(r"\b[Oo]n\s+" + _DATES + r",?\s+(?:the\s+)?(?P<body>" + _NAMED_BODY + r")\s+(?:had\s+)?" + _VERB),
]


def _clean(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [14 February 2019](#) -> 14 February 2019
    return re.sub(r"\s+", " ", text.replace("**", ""))


def _iso(day: str, month: str | None, year: str | None) -> str | None:
    if not (month and year):
        return None
    try:
        return _date(int(year), _MONTHS.index(month.lower()) + 1, int(re.sub(r"\D", "", day))).isoformat()
    except ValueError:
        return None


def parse_dates(s: str) -> list[str | None]:
    """ISO dates in a run like "9 July and 16 July 2019" (a later month or year carries back)."""
    found = re.findall(r"(\d{1,2})(?:st|nd|rd|th)?(?:\s+(" + _MONTH + r"))?(?:,?\s+(\d{4}))?", s)
    out: list[str | None] = []
    month = year = None
    for day, mon, yr in reversed(found):  # walk back so "9 and 16 July 2019" gives July 2019 to 9
        month = mon or month
        year = yr or year
        out.append(_iso(day, month, year))
    return list(reversed(out))


def _body(m: re.Match) -> str | None:
    for name in ("body", "body2", "body3"):
        b = m.groupdict().get(name)
        if b:
            b = re.sub(r"\s*\([A-Z&]{2,8}\)$", "", b.strip())
            return re.sub(r"^(?:[Tt]he)\s+", "", b)
    return None


def find_references(text: str) -> tuple[Reference, ...]:
    """Mentions of other meetings in a paragraph (body if named, ISO date)."""
    text = _clean(text)
    refs: list[Reference] = []
    seen: set[tuple] = set()
    taken: list[tuple[int, int]] = []
    for rx in _PATTERNS:
        for m in rx.finditer(text):
            span = m.span("dates")
            if any(a <= span[0] < b for a, b in taken):
                continue  # the same date already read by an earlier, more specific pattern
            taken.append(span)
            body = _body(m)
            for iso in parse_dates(m.group("dates")):
                if iso is None and body is None:
                    continue  # "the Meeting held on 2 February" names no meeting we could find
                key = (iso, body, m.group(0) if iso is None else "")
                if key in seen:
                    continue
                seen.add(key)
                refs.append(Reference(text=m.group(0).strip(), date=iso, body=body))
    return tuple(refs)
