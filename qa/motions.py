"""A motion's course through the minutes: which earlier paragraph moved the motion that a vote paragraph decides.

Minutes record a motion in steps, often paragraphs apart: "An amendment was moved by Councillor Coombes as
follows:", its wording, the debate, then "On being put to the vote the amendment FELL with 2 voting FOR and 7
AGAINST." The vote paragraph names the motion only as "the amendment", so a question about Councillor Coombes's
amendment finds the mover and the debate, not the outcome. A vote paragraph is therefore also indexed after the
paragraph that moved its motion, as a transcript segment is indexed after the question it answers.
"""
from __future__ import annotations

import re

# The kinds of motion minutes put to a vote, by stem: "the amendment", "the substantive motion", "the
# recommendations", "the proposal", "the resolution".
_MOTION = r"(amendment|motion|recommendation|proposal|resolution)s?"
# A paragraph that refers back to a motion by a definite phrase: "the amendment", "this motion", "the
# substantive recommendations", "the original motion as amended".
_REFERS_BACK = re.compile(r"\b(?:the|this|that|said)\s+(?:(?:substantive|original|revised|amended|main|above)\s+)?"
                          + _MOTION + r"\b", re.I)
# ... and says what became of it: "put to the vote", "CARRIED", "FELL", "was LOST", "which carried by the
# following roll call vote", "was withdrawn".
_OUTCOME = re.compile(r"\b(?:vot(?:e|ed|ing)|carried|fell|lost|defeated|rejected|approved|agreed|adopted|passed|"
                      r"failed|withdrawn|unanimous(?:ly)?)\b", re.I)
# A paragraph that moves a motion: "An amendment was moved by Councillor Coombes", "Vice Mayor Daysog moved
# approval of the staff recommendation", "Councillor Ash moved to approve", "Proposed by Cllr Hurn, seconded
# by Cllr Dodd", "Cllr Hurn proposed the motion". Not "the bus stop was moved to Mill Lane", "moved on to
# item 6" or "the proposed new bus lane", which move things or describe them.
_MOVES = re.compile(r"\b(?:moved|proposed)\s+(?:by|that|approval|adoption|acceptance|"
                    r"to\s+(?:approve|adopt|accept|amend|refer|defer|note|receive|recommend|reject|add|delete|"
                    r"remove|introduce|waive|continue|suspend|table)|"
                    r"(?:an?|the|his|her|their)\s+(?:\w+\s+){0,2}?"
                    r"(?:amendment|motion|recommendations?|proposal|resolution|report|item|ordinance|minutes))\b|"
                    r"\b(?:moved|proposed)[,;]?\s+(?:and\s+)?seconded\b|\b(?:mover|proposer)\b", re.I)
LOOK_BACK = 15  # paragraphs: a motion's debate rarely runs longer within one item
# A vote recorded on its own, naming no motion: a roll call's lists ("For: Crs Hartigan, Wren. Against: Crs
# Doyle", "Ayes: Trustees Novak, Delgado"), a tally ("CARRIED 4/2"), a casting vote ("The vote being tied,
# President Brennan cast his vote in the affirmative."). It decides the motion just set out above it.
_VOTE_RECORD = re.compile(r"(?i)^\W*(?:for|against|ayes?|nays?|noes|yeas|abstain(?:ed|ing|s)?|abstentions?|"
                          r"in\s+fav(?:ou)?r|opposed)\s*:|^\W*(?:motion\s+)?(?:carried|lost|defeated)\b[^.]{0,30}\d|"
                          r"^\W*(?:motion\s+)?(?:carried|lost|defeated)\W+(?:opposed|against)\s*:|"
                          r"\bvote\s+being\s+tied\b|\bcast(?:ing)?\s+(?:his|her|their|the|a)\s+(?:casting\s+)?vote\b")
MOTION_CHARS = 60  # shorter paragraphs above a roll call are its tally or labels ("CARRIED 4/2", "Moved: Cr X")


def motion_paragraph(texts: list[str], n: int, first: int) -> int | None:
    """Index of the paragraph (first..n-1, one item's) moving the motion texts[n] votes on, or None."""
    text = texts[n]
    ref = _REFERS_BACK.search(text)
    if not ref and _VOTE_RECORD.search(text) and not _MOVES.search(text):
        return next((j for j in range(n - 1, max(first, n - LOOK_BACK) - 1, -1)
                     if len(texts[j]) >= MOTION_CHARS and not _VOTE_RECORD.search(texts[j])), None)
    if not ref or not _OUTCOME.search(text) or _MOVES.search(text):
        return None  # not a vote on an earlier motion, or one naming its own mover
    named = re.compile(rf"\b{ref.group(1)}", re.I)  # "the amendment" -> "An amendment was moved"; not "promotion"
    movers = [j for j in range(n - 1, max(first, n - LOOK_BACK) - 1, -1) if _MOVES.search(texts[j])]
    same = [j for j in movers if named.search(texts[j])]
    return (same or movers or [None])[0]  # the nearest mover of that kind of motion, else the nearest


def motion_context(texts: list[str], n: int, first: int, budget: int) -> str:
    """The paragraph moving texts[n]'s motion and the wording it sets out, cut at a word to budget; else ""."""
    j = motion_paragraph(texts, n, first)
    if j is None:
        return ""
    out = texts[j].strip()
    k = j + 1
    while out.endswith(":") and k < n and len(out) < budget:  # the motion's wording is set out below it
        out += " " + texts[k].strip()
        k += 1
    if len(out) > budget:
        cut = out.rfind(" ", 0, budget)
        out = out[:cut if cut > budget // 2 else budget]
    return out
