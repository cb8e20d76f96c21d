"""The kind of a document (minutes, agenda, report, decision record, transcript) from its header's words."""
from __future__ import annotations

import re

from qa.parse.dates import HEAD_LINES, dates_in
from qa.parse.header import BODY_NOUN
from qa.parse.meta import first_lines
from qa.parse.speech import spoken_turns

# The kinds of document, each with the header phrases that announce it, in order of trust.
KIND_PATTERNS = (
    ("transcript", re.compile(r"(?im)\bverbatim\b|\btranscript(ion)?\b")),
    # US boards' "Action Summary Minutes" record the actions taken, item by item ("Action Minutes" are minutes)
    # a licensing or planning hearing's "Notice of Determination" / "Notice of Decision" is its decision record
    ("decision-record", re.compile(r"(?im)\bdecision\s+(recording\s+form|notice|record|sheet|document)\b|\brecord\s+of\s+(the\s+)?decisions?\b|"
                                   r"^\W*notice\s+of\s+(?:the\s+)?(?:determination|decision)\b|"
                                   # a modern.gov meeting's decisions page: "Decisions", "This page lists the decisions …"
                                   r"^\W*decisions\s*$|\bthis\s+page\s+lists\s+the\s+decisions\b|"
                                   r"^\s*(?:#+\s*)?(?:\*\*|__)?action\s+summary\s+minutes\b|"
                                   r"^(?:(?!next\b)[^\n]{0,60}?\s)?(ordinance|resolution|by-?law)\s+no\.?\s*\d")),
    ("written-questions", re.compile(r"(?im)^\s*(written\s+questions|questions\s+and\s+answers)\b")),
    # Scottish councils keep a "Minute of Meeting"; Welsh ones, cofnodion
    # and a board's minutes attached to its next agenda are headed "Approved Minutes" or "Draft Minutes"
    # ... or end on the word, after the meeting's date or body ("June 6, 2022 Meeting Minutes"); not an agenda's
    # "5. Approval of Regular Meeting Minutes"
    ("minutes", re.compile(r"(?im)^\s*(?:#+\s*)?(?:\*\*|__)?(?:(?:approved|adopted|draft|unapproved|confirmed|official|summary|action)\s+)?"
                           r"(?:minutes|cofnodion|minute\s+of\s+(?:the\s+)?meeting)\b|"
                           r"^(?!\W*\d|[^\n]*\b(?:approv|adopt|confirm|consider|review))[^\n]{0,60}\bmeeting\s+minutes\s*$|"
                           # a Virginia county board's record: "The Board of Supervisors … met this day at …"
                           r"\bmet\s+this\s+day\b")),
    # "Committee of the Whole Agenda – October 16, 2023": the body's name, then the word
    ("agenda", re.compile(rf"(?im)^\s*(?:regular\s+|special\s+)?(?:meeting\s+)?agenda\b(?![ \t]+item)|\bmeeting\s+agenda\b|"
                          rf"^[^\n]{{0,80}}\b{BODY_NOUN}\s+agenda\b(?![ \t]+item)|"
                          r"\bnotice\s+of\s+(the\s+)?meeting\b|\bto\s+be\s+held\s+on\b|\bsummons\b")),
    # "REPORT TO CABINET", "Report of the Director", "Purpose of the report"; not "considered a report to…"
    ("report", re.compile(r"(?im)^\s*(?:committee\s+|cabinet\s+|officer\s+)?report\b|"
                          r"^\W*(?:\w+\s+){0,3}report\s+(to|of|title)\b|\bpurpose\s+of\s+(the\s+)?report\b")),
)
# One decision's page, titled as such ("Council Decision"; not a menu's "Council Decisions"), below a site's menus
DECISION_PAGE = re.compile(r"(?im)^\W*(?:council|committee|cabinet|board)\s+decision\s*$")
# A web page that carries an agenda with its minutes ("Agenda and minutes", "Agenda, decisions and draft minutes")
AGENDA_AND_MINUTES = re.compile(r"(?i)\bagenda,?\s+(?:decisions\s+)?and\s+(?:draft\s+|printed\s+)?minutes\b")
# "Minutes:" heading the record of each item on a meeting web page
MINUTES_LABEL = re.compile(r"(?i)^minutes\s*:\s*$")
# Words of a meeting yet to be held, or of one whose business is listed ("CALL TO ORDER")
MEETING_WORDS = re.compile(r"(?i)\bmeeting\b|\bcall\s+to\s+order\b|\bcyfarfod\b")
RECORD_CUES = re.compile(r"(?im)^\s*(present|apologies|members present|sederunt)\b|\b(resolved|it was agreed|were agreed|convened)\b|"
                         r"\b(moved by|seconded by|motion (?:was )?(?:carried|passed|approved)|meeting (?:was )?adjourned)\b|"
                         # what happened, in the past tense: "called the meeting to order at 9:01", a Texas court's
                         # "BE IT REMEMBERED that … met in Regular Session"
                         r"\bcalled the meeting to order\b|\bwas called to order\b|\bmet in (?:regular|special|called|adjourned) session\b|"
                         # Welsh: present, apologies, proposed by, seconded by, agreed, resolved, was held
                         r"^\s*(presennol|ymddiheuriadau)\b|\b(cynigiwyd gan|eiliwyd gan|cytunwyd|penderfynwyd|cynhaliwyd)\b")
# "REPORTS OF CABINET MEMBERS WITH RESPONSIBILITY": a title of reports, among a document's first lines only
# (further down, "Reports of Officers" heads an item of minutes).
REPORTS_TITLE = re.compile(r"(?i)^\W*reports\s+of\b")
# Past the top lines only a report's own opening ("REPORT OF THE DIRECTOR") or "Purpose of the report" counts.
REPORT_IN_HEAD = re.compile(r"(?im)^\s*(?:committee\s+|cabinet\s+|officer\s+)?report\s+(?:of|to|title)\b|"
                            r"\bpurpose\s+of\s+(the\s+)?report\b")


def find_kind(lines: list[str], meeting: str | None = None) -> str:
    """minutes | agenda | report | decision-record | transcript | written-questions, from the header's words.

    A line dated other than the meeting ("Minutes of the meeting held on 23 April") speaks of another document.
    """
    if spoken_turns(lines):
        return "transcript"
    own = [l.strip() for l in first_lines(lines[:HEAD_LINES], HEAD_LINES)
           if not (meeting and (ds := dates_in(l)) and all(iso != meeting for _, iso in ds))]
    head = "\n".join(own)
    top = "\n".join(first_lines(own, 12))
    if AGENDA_AND_MINUTES.search(head) or sum(1 for l in lines if MINUTES_LABEL.match(l.strip())) >= 2:
        return "minutes"
    for kind, rx in KIND_PATTERNS:
        if rx.search(top):
            return kind
    if DECISION_PAGE.search(head):
        return "decision-record"
    if any(REPORTS_TITLE.match(line) for line in [l for l in own if l][:5]):
        return "report"
    for kind, rx in KIND_PATTERNS:
        rx = REPORT_IN_HEAD if kind == "report" else rx
        if kind != "decision-record" and rx.search(head):  # "Resolution No." lines also sit inside agendas
            return kind
    if RECORD_CUES.search(head):
        return "minutes"
    return "agenda" if MEETING_WORDS.search(head) else "report"  # business listed, nothing recorded
