"""What kind of thing a question asks for (an amount, a person, a date, a vote) and whether a sentence supplies it.

A passage on the right topic can still not answer: "How did the commissioners vote on H-1?" is close in meaning
to the agenda line that lists H-1, and an agenda records no vote. Question-answering systems have long checked
the expected answer type; here it is a handful of named patterns, each with the questions it serves. A question
that matches none expects nothing in particular, and every sentence qualifies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from qa.parse.dates import WEEKDAY, dates_in

_NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                 r"hundred|thousand|million|billion|dozen|half|quarter|third|single|double|twice|none|no one")
# Month names; "May" only capitalised, since "the council may consider it" names no month.
_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May|MAY)|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")

# Words that make a "how much" question about money rather than a count or a share.
_MONEY_QUESTION = re.compile(r"\b(cost\w*|spen[dt]\w*|pa(?:y|id)\w*|price\w*|rent\w*|fees?|charg\w+|fund\w*|"
                             r"budget\w*|grants?|rais\w+|worth|sav\w+|precept|levy|income|revenue)\b", re.I)

# Marks of a person or of someone acting for a body: an honorific or an office ("Councillor Plowden",
# "the Head of Human Resources", "Vice Mayor Anderson", "the Clerk"), as minutes and transcripts name people.
_OFFICE = re.compile(r"\b(cllrs?|councill?ors?|councilmembers?|council ?members?|commissioners?|mayor|chair\w*|"
                     r"clerk|officers?|director|head of|managers?|member|leader|attorney|solicitor|secretary|"
                     r"treasurer|supervisor|alderm[ae]n|trustees?|mr|mrs|ms|miss|dr|sir|dame|lord|lady)\b", re.I)
# Or a name: two capitalised words in a row ("Paul Robinson", "Alex Birtles"), where neither is a word that
# capitalised pairs in council papers are mostly made of (bodies, places, days, months).
_NAME = re.compile(r"\b([^\W\d_][\w'’-]*) (?=([^\W\d_][\w'’-]*))")  # pairs of words; capitals checked below
_NOT_NAME = {"the", "council", "parish", "city", "county", "district", "town", "borough", "committee", "meeting",
             "cabinet", "panel", "board", "authority", "combined", "joint", "policy", "report", "item", "minutes",
             "agenda", "street", "road", "hall", "house", "centre", "center", "scheme", "plan", "fund", "due",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             *"january february march april may june july august september october november december".split()}


# What a council puts to a vote: "the amendment", "Cllr Coombes's motion", "the recommendations".
_MOTIONS = r"(?:amendments?|motions?|recommendations?|proposals?|resolutions?|ordinances?|bills?)"


# What answers "when": each a form of date, time or period as minutes, reports and ordinances print them.
_COUNT = r"(?:\d+|a|an|few|several|couple of|" + _NUMBER_WORDS + r")"
_SPAN = r"(?:days?|weeks?|months?|years?)"
_WHEN = (
    r"\b(?:" + _MONTHS + r")\b",                                   # "in May", "12 March"
    r"\b(?:19|20)\d\d\b(?![/-]\d{3})|\b(?:19|20)\d0s\b",        # "2024", "the 1990s"; not "RESOLUTION 2023/207"
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",                          # "12/03/2025"
    r"\b\d{1,2}(?:[.:]\d\d)?\s?(?:am\b|pm\b|[ap]\.m\.)",             # "7pm", "3.15 p.m."
    r"\b(?:[01]?\d|2[0-3]):[0-5]\d\b",                              # "19:30"
    r"\b" + WEEKDAY + r"\b",                                         # "on Tuesday"
    r"\b(?:spring|summer|autumn|winter|today|tomorrow|yesterday|immediately|annually|daily|weekly|monthly)\b",
    r"\b(?:next|last|this|coming|following|each|every)\s+(?:week|month|year|quarter|spring|summer|autumn|fall|"
    r"winter|financial year)\b",                                     # "next year", "each spring"
    r"\bQ[1-4]\b|\b(?:first|second|third|fourth|final|last) quarter\b",
    r"\b(?:in|within|after|over)\s+(?:the\s+)?(?:next\s+|coming\s+)?" + _COUNT + r"(?:\s+|-)" + _SPAN + r"\b",
    r"\b" + _COUNT + r"\s+" + _SPAN + r"\s+(?:after|from|following)\b",  # "thirty days after its passage"
    r"\bend of (?:the |this )?(?:month|year|financial year|quarter|term)\b|\byear[- ]end\b|"
    r"\bin the fall\b|\b(?:after|before|by|over|until|till|during|at|in|from)\s+(?:the\s+)?"
    r"(?:new year|christmas|easter|thanksgiving|half[- ]term)\b",  # "after the New Year", not "the Christmas lights"
    r"\b(?:upon|on|from) (?:its |the )?(?:adoption|passage|publication|enactment|approval)\b",  # ordinances
)


@dataclass(frozen=True)
class AnswerType:
    """One kind of answer: the questions that expect it, and the text that supplies it."""

    name: str
    asks: re.Pattern      # the question expects this kind of answer when this matches it
    supplies: re.Pattern | None  # a sentence supplies it when this matches (None: the rule is in supplies())


ANSWER_TYPES = [
    # "How much did the clock cost?", "What was the final outturn cost?", "What did the gate cost?", "what would
    # Sunday hours cost the county": money.
    AnswerType("money", re.compile(r"\bhow much\b.*" + _MONEY_QUESTION.pattern + r"|"
                                   r"\bwhat(?:'s|’s| is| was| were| are| will be)\b[^?]{0,40}"
                                   r"\b(?:cost|price|rent|fee|fine(?! print)|penalty|charge(?!s? against))s?\b(?! of living)|"
                                   # "what did it cost to …", "what will the expansion cost and who pays?": the
                                   # verb, not "the cost-of-living scheme", "low-cost housing", "cost overruns"
                                   r"\bwhat (?:did|does|do|will|would)\b[^?]{0,60}(?<![-\w])(?<!\bthe )(?<!\bof )cost(?![-\w])"
                                   r"(?!\s+(?:overruns?|savings?|centres?|centers?|pressures?|estimates?|codes?|benefits?|"
                                   r"recovery|sharing|cutting|effective|of living)\b)",
                                   re.I),
               re.compile(r"[£$€]|\b\d[\d,.]*\s?(?:k|m|bn|p)\b|\b(?:pounds?|dollars?|euros?|pence|cents?)\b", re.I)),
    # "How many people signed?", "How long before the meeting?", "What proportion of schools?": a figure.
    AnswerType("number", re.compile(r"\bhow (?:many|much|long|big|large|old|often|far)\b|"
                                    r"\bwhat (?:proportion|percentage|share|number)\b", re.I),
               None),
    # "Who opposed the ordinance?", "Who voted against the budget?": someone against, not the many for it.
    # Before "vote", which any vote supplies; roll calls print "Herrera Spencer: No".
    AnswerType("against", re.compile(r"\bwho\b[^?]{0,80}\b(?:oppos(?:e|ed|es|ing)|object(?:ed|s)?|against|"
                                     r"dissent(?:ed|s)?|disagreed|voted (?:no|nay))\b", re.I),
               re.compile(r"(?i:\b(?:against|oppos\w+|(?<!no )object(?:ed|s|ions?|ing)?|dissent\w*|disagree\w*|"
                          r"not\s+(?:be\s+)?support\w*|unable\s+to\s+support|voted\s+(?:no|nay)|nays?|noes)\b)|"
                          r":\s*(?:No|Nay)(?=\s*[;,)]|\s*$|\.(?!\s*\d))")),
    # "How did the members vote?", "What was the vote?", "What happened to the amendment?", "Did the motion
    # pass?": a vote, a count or an outcome.
    AnswerType("vote", re.compile(r"\bhow did\b[^?]{0,200}\bvote\b|\b(?:what|how) was the vote\b|\bvote (?:go|went)\b|"
                                  r"\bwho voted\b|\bhow (?:was|were)\b[^?]{0,200}\bvoted\b|\bvoted (?:for|against|on)\b|"
                                  r"\bwhat happened (?:to|with)\b[^?]{0,200}\b" + _MOTIONS + r"\b|"
                                  r"^\W*(?:did|was|were)\b[^?]{0,200}\b" + _MOTIONS + r"\b[^?]{0,200}\b(?:pass(?:ed)?|carr(?:y|ied)|"
                                  r"fail(?:ed)?|fall|fell|succeed(?:ed)?|defeated|rejected|adopted)\b", re.I),
               re.compile(r"\b(?:vot\w+|carried|approved|adopted|passed|fell|failed|defeated|rejected|lost|"
                          r"unanimous\w*|motion|moved|seconded|ayes?|nays?|noes|yeas|abstain\w*|abstentions?|"
                          r"resolved|agreed)\b|\b\d+\s*(?:for|against|in favou?r)\b", re.I)),
    # "When will it open?", "What time does it start?": a date, a time, a season or a period counted from now.
    # Not the bare words of time ("a six-month season", "year-round", "before", "now"), which rules and
    # descriptions are full of: "From when does the shutter rule apply?" wants "effective on the 1st day of
    # December, 2024", not "may be closed during the six-month hurricane season".
    AnswerType("when", re.compile(r"^\W*(?:\w+ )?when\b|\bwhat (?:time|date|day|year|month)\b|\bby when\b", re.I),
               re.compile("|".join(_WHEN), re.I)),
    # "Who proposed the motion and who seconded?", "who put forward the moratorium?": its mover, as minutes record
    # one ("Proposed by Cllr. Mary Walsh, Seconded by Cllr. Declan Fahy", "Moved: Cr Smith"), not any name.
    AnswerType("movers", re.compile(r"\bwho\b[^?]{0,60}\b(?:propos(?:ed|es)|moved|second(?:ed|s)|put (?:it )?forward|"
                                    r"tabled|brought forward)\b", re.I),
               re.compile(r"\b(?:propos(?:ed|er|ing)|mov(?:ed|er|ing)|second(?:ed|er|ing)|on the proposal of)\b", re.I)),
    # "Who presented the report?", "In whose names?": a person, by office or by name.
    AnswerType("who", re.compile(r"^\W*(?:(?:and|so|but|in|by|on behalf of|from) )?(?:who|whom|whose)\b", re.I),
               None),
]


def expected(question: str) -> AnswerType | None:
    """The first answer type the question asks for, or None."""
    return next((t for t in ANSWER_TYPES if t.asks.search(question or "")), None)


# A figure: digits not part of a reference ("2026-478", "11-99-1", "24/25"), or a number word.
_FIGURE = re.compile(r"(?<![\w\-/.])\d(?:[\d,]*\d)?(?:\.\d+)?(?![\d\-/])")
_NUMBER_WORD = re.compile(r"\b(?:" + _NUMBER_WORDS + r")\b", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")


# A house number: "4109 Broyles Ave", "12 High Street" (planning and nuisance items are full of addresses).
_ADDRESS = re.compile(r"(?<!\d)\d+\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:Ave|Avenue|St|Street|Rd|Road|Lane|Ln|Drive|Dr|Way|Close|"
                      r"Court|Ct|Place|Pl|Blvd|Boulevard|Crescent|Terrace|Gardens|Square|Hill|Row)\b")


# A day of the month: "April 23, 2026", "23rd April", "the 1st day of December".
_DAY = re.compile(r"\b(?:" + _MONTHS + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|"
                  r"\b\d{1,2}(?:st|nd|rd|th)?(?:\s+day)?\s+(?:of\s+)?(?:" + _MONTHS + r")\b", re.I)


# Numbers that count nothing: a file's size, as a link to an attachment gives it ("PDF 175 KB"), and a
# reference to a part of a document ("item 5", "minute 12", "page 3", "section 8", "No. 3341").
_NOT_COUNTS = re.compile(r"\b\d+(?:\.\d+)?\s?[KMG]B\b|\b(?:items?|minutes?|pages?|paras?|paragraphs?|sections?|"
                         r"appendix|annex|schedule|clauses?|rules?|no\.)\s*\d+[a-z]?\b", re.I)


def _figures(text: str) -> set[str]:
    """The figures of text that can answer "how many": not years, days of the month, house numbers, file sizes
    or references to parts of a document."""
    text = _NOT_COUNTS.sub(" ", _DAY.sub(" ", _ADDRESS.sub(" ", text)))
    return {m.group(0).replace(",", "") for m in _FIGURE.finditer(text) if not _YEAR.fullmatch(m.group(0))}


def supplies(kind: AnswerType | None, text: str, question: str = "") -> bool:
    """True when text holds what the question asks for (always, when it asks for nothing in particular)."""
    if kind is None:
        return True
    if kind.name == "number":
        return bool(_figures(text) - _figures(question) or _NUMBER_WORD.search(text))
    if kind.supplies is not None:
        return bool(kind.supplies.search(text))
    if _OFFICE.search(text):
        return True
    return any(a[:1].isupper() and b[:1].isupper() and not a.isupper() and a.lower() not in _NOT_NAME
               and b.lower() not in _NOT_NAME for a, b in _NAME.findall(text))  # "Seán Ó Briain", "Zoë Smith"


# "at the annual meeting in May 2021", "the 23 March 2026 meeting": a month the question is about. Not after
# "before", "since", "until" and the like, which name a bound rather than the month itself.
_MONTH_NAMES = "january february march april may june july august september october november december".split()
_NAMED_MONTH = re.compile(r"(?<!\w)(?:(before|after|since|until|till|by|from|prior to|ahead of)\s+)?"
                          r"(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(" + "|".join(_MONTH_NAMES) +
                          r")\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)\b", re.I | re.ASCII)


def _month(name: str, year: str) -> str:
    return f"{year}-{_MONTH_NAMES.index(name.lower()) + 1:02d}"


def months_named(question: str) -> set[str]:
    """The months ("2021-05") a question is about, from "May 2021" or "23 March 2026" without a bounding word."""
    return {_month(m, y) for bound, m, y in _NAMED_MONTH.findall(question or "") if not bound}


def of_month(months: set[str], meeting_date: str | None, text: str) -> bool:
    """True when a passage can speak of one of the months: its meeting was held then, or its text names it."""
    if not months or (meeting_date or "")[:7] in months:
        return True
    named = {_month(m, y) for _b, m, y in _NAMED_MONTH.findall(text)} | {iso[:7] for _o, iso in dates_in(text)}
    return bool(months & named)  # "May 2021", "12 May 2021", "May 12, 2021", "12/05/2021"
