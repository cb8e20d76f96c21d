"""The numbering schemes councils print their items with: each a named pattern and how to read a number's value."""
from __future__ import annotations

import re
from dataclasses import dataclass

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(s: str) -> int:
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = ROMAN[ch]
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total


@dataclass(frozen=True)
class Scheme:
    """One way councils number items: the number's pattern, how to read its value, and what it serves."""

    name: str
    number: str  # regex for the printed number (no surrounding punctuation)
    value: object  # number text -> (prefix, n): items of one run share the prefix and n goes up
    starts_anywhere: bool = False  # minute numbers run on through the year ("292."): any first value
    sub_of: str | None = None  # a sub-numbering ("A.-1.") whose parent is the number before the separator
    repeats: bool = False  # a letter's own sub-items share its value ("(E-1a)", "(E-2)" after "(D)")


def _int(s: str) -> tuple[str, int]:
    return "", int(s)


def _last(s: str) -> tuple[str, int]:
    head, _, tail = s.rpartition(".")
    return head, int(tail)


def _seq(s: str) -> tuple[str, int]:
    head, tail = re.match(r"(.*)[./](\d+)$", s).groups()
    return head, int(tail)


def _letter(s: str) -> tuple[str, int]:
    return "", ord(s.upper()) - 64


def _roman(s: str) -> tuple[str, int]:
    return "", roman_value(s)


def _slash(s: str) -> tuple[str, int]:
    letters, n, year = re.match(r"([A-Z]*)(\d+)/(\d+)", s).groups()
    return letters + year, int(n)


def _prefixed(s: str) -> tuple[str, int]:
    m = re.match(r"([A-Za-z]+)\.?-?(\d+)", s)
    return m.group(1).upper(), int(m.group(2))


def _initials(s: str) -> tuple[str, int]:
    head, _, n = s.rpartition("/")
    return head, int(n)


def _number_over_meeting(s: str) -> tuple[str, int]:
    letters, n, meeting = re.match(r"([A-Z]+)(\d+)/(.+)", s).groups()
    return f"{letters}/{meeting}", int(n)


def _code_number_year(s: str) -> tuple[str, int]:
    code, n, year = s.split(".")
    return f"{code}.{year}", int(n)


def _letter_of(s: str) -> tuple[str, int]:
    return "", ord(s[0]) - 64


def _ref(s: str) -> tuple[str, int]:
    m = re.match(r"([A-Za-z]*\d{4})[-/](\d+)", s)
    return m.group(1), int(m.group(2))


SCHEMES = (
    # "7", "292.", "1." — most UK committee minutes (ModernGov prints the number alone in a margin column),
    # US agendas ("1. INVOCATION"), parish agendas. No leading zero: "01" is a table's reference column.
    Scheme("number", r"[1-9]\d{0,3}", _int, starts_anywhere=True),
    # "21.01.05", "19.09.01", "16/05/3" — parish minutes numbered year.month.sequence.
    Scheme("year-month-seq", r"\d{2}\.\d{2}\.\d{2}|\d{2}/\d{2}/\d{1,2}", _seq),
    # "45/21", "12/2024", "C048/23" — minute number / year (many English district and parish councils), the
    # number perhaps lettered for the council or committee that minuted it.
    Scheme("number/year", r"(?:[A-Z]{1,2}(?=\d{2,4}/))?\d{1,4}/\d{2,4}", _slash, starts_anywhere=True),
    # "23/145", "24/012" — the year, then the minute's number, counting on from meeting to meeting (parish councils).
    Scheme("year/number", r"\d{2}/\d{3}", _initials, starts_anywhere=True),
    # "R2024-214", "2024/15" style references printed as item numbers (decision lists, Canadian agendas).
    Scheme("reference", r"[A-Z]{0,3}\d{4}[-/]\d{1,4}", _ref, starts_anywhere=True),
    # "FRA/23/38", "CAB/24/112", "C24/09" — a body's initials, the year and the minute's number (fire and police
    # authorities, some county committees, South African municipal councils).
    Scheme("initials/year/number", r"[A-Z]{1,5}/\d{2,4}/\d{1,4}|[A-Z]{1,3}\d{2}/\d{1,3}", _initials,
           starts_anywhere=True),
    # "R5/1-21" — a resolution's number over the meeting it was taken at, the meeting's number and year (South
    # African municipal councils).
    Scheme("number/meeting", r"[A-Z]{1,3}\d{1,3}/\d{1,2}-\d{2}", _number_over_meeting, starts_anywhere=True),
    # "CMD.74.21" — a municipal district's code, the minute's number and the year (Irish councils' modern.gov pages).
    Scheme("initials.number.year", r"[A-Z]{2,5}\.\d{1,3}\.\d{2,4}", _code_number_year, starts_anywhere=True),
    # "EC7.1", "PH12.3" — a Canadian city committee's code, meeting number and item (Toronto's decision documents).
    Scheme("committee-code", r"[A-Z]{2,4}\d{1,3}\.\d{1,3}", _last),
    # "Minutes Approved (D)", "Recognition: School Psychology Week (E-1a)" — US school boards' minutes give each
    # item's agenda code after its title, a letter and its sub-items' numbers.
    Scheme("trailing-code", r"[A-Z](?:-(?:\d{1,2}[a-z]?|[IVX]{1,4}))?(?:/[A-Z]-\d{1,2})?", _letter_of, repeats=True),
    # "IV." — US agendas (Legistar) and some Irish and Scottish agendas number sections in roman numerals.
    Scheme("roman", r"[IVXL]{1,6}", _roman),
    # "A." — lettered agenda sections (US city commissions; English parish agendas).
    Scheme("letter", r"[A-Z]", _letter),
    # "8.1", "3.2" — sub-items of a numbered item; chosen only where no parent item is printed.
    Scheme("decimal-sub", r"[1-9]\d?\.\d{1,2}", _last, sub_of="."),
    # "A.-1.", "E-2", "H.-1." — lettered sections' items (Legistar agendas, items named in transcripts).
    Scheme("letter-number", r"[A-Z]\.?-\d{1,2}", _prefixed, sub_of="-"),
)
# Numbers no ordinary sentence starts with: a line opening with one opens an item even if its title runs on.
DISTINCT = ("year-month-seq", "number/year", "year/number", "reference", "letter-number", "initials/year/number",
            "initials.number.year", "number/meeting", "committee-code")
