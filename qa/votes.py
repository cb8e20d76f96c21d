"""Recorded votes: counts and names for, against and abstaining, and the outcome."""
from __future__ import annotations

import re

_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen twenty").split()
_NUM = r"(\d{1,3}|" + "|".join(_WORDS) + r")"
_SIDES = {
    "for": r"(?:for|in favour)(?:\s+of)?(?:\s+the\s+(?:motion|amendment|recommendations?|proposal))?",
    "against": r"against(?:\s+the\s+(?:motion|amendment|recommendations?|proposal))?",
    "abstain": r"(?:abstentions?|abstained|abstaining|abstain)",
}
# "For: 7", "Against – 2", "Abstentions (1)"
# (a capitalised label may drop the colon in a tally line: "For 5, Against 6, Abstentions 0")
_TALLY = {"for": r"(?:For|In favour)", "against": r"Against", "abstain": r"(?:Abstentions?|Abstained|Abstain)"}
_LABELLED = {k: re.compile(r"(?i:\b" + v + r"\s*[:\-–(]\s*" + _NUM + r"\b)|\b" + _TALLY[k] + r"\s+" + _NUM + r"\b")
             for k, v in _SIDES.items()}
# "7 for", "7 votes in favour", "2 against", "1 abstention", "3 members abstained"
_COUNTED = {
    "for": re.compile(r"(?i)\b" + _NUM + r"\s+(?:votes?\s+|members?\s+|councillors?\s+)?(?:voted\s+)?(?:for|in favour)\b"),
    "against": re.compile(r"(?i)\b" + _NUM + r"\s+(?:votes?\s+|members?\s+|councillors?\s+)?(?:voted\s+)?against\b"),
    "abstain": re.compile(r"(?i)\b" + _NUM + r"\s+(?:members?\s+|councillors?\s+)?(?:abstentions?|abstained)\b"),
}
# "carried by 7 votes to 2 (with 1 abstention)"
_BY_VOTES = re.compile(r"(?i)\bby\s+" + _NUM + r"\s+votes?\s+to\s+" + _NUM + r"\b")
# "For the motion: Councillors Adams, Brown and Carr" (names run to the end of the clause)
_NAMED = {k: re.compile(r"\b(?i:" + v + r")\s*[:\-–]\s*(?P<names>(?:(?i:councillors?|cllrs?\.?)\s+)[^.;:\n]+)")
          for k, v in _SIDES.items()}
_CARRIED = re.compile(r"(?i)\b(carried|passed|agreed|adopted|approved)\b")
_LOST = re.compile(r"(?i)\b(lost|defeated|fell|not carried|rejected)\b")
_UNANIMOUS = re.compile(r"(?i)\b(unanimous(?:ly)?|nem\.?\s*con\.?)\b")
_NEXT_SIDE = re.compile(r"(?i)\s*[,;]?\s*\b(?:against|abstentions?|abstained|abstaining|abstain)\b.*$")


def _num(s: str) -> int:
    s = s.lower()
    return int(s) if s.isdigit() else _WORDS.index(s)


def _names(raw: str) -> list[str]:
    raw = _NEXT_SIDE.sub("", raw)
    raw = re.sub(r"(?i)^\s*(councillors?|cllrs?\.?)\s+", "", raw)
    raw = re.sub(r"\(\d+\)\s*$", "", raw).strip()
    parts = re.split(r"\s*,\s*|\s+and\s+", raw)
    return [re.sub(r"(?i)^(councillors?|cllrs?\.?)\s+", "", p).strip() for p in parts if p.strip()]


def vote(text: str) -> dict | None:
    """The recorded vote in a paragraph: counts/names for, against, abstaining and the outcome (None if no vote)."""
    counts: dict[str, int | None] = {"for": None, "against": None, "abstain": None}
    names: dict[str, list[str]] = {}
    for side in counts:
        m = _LABELLED[side].search(text) or _COUNTED[side].search(text)
        if m:
            counts[side] = _num(next(g for g in m.groups() if g))
        n = _NAMED[side].search(text)
        if n:
            names[side] = _names(n.group("names"))
            if counts[side] is None:
                counts[side] = len(names[side])
    m = _BY_VOTES.search(text)
    if m:
        counts["for"], counts["against"] = _num(m.group(1)), _num(m.group(2))
    known = [k for k, v in counts.items() if v is not None]
    # A lone "7 for" is too weak (e.g. "Level 2 for"); a vote names at least two sides or is "by N votes to M".
    if len(known) < 2 and not names and not m:
        return None
    outcome = None
    if _LOST.search(text):
        outcome = "lost"
    elif _CARRIED.search(text):
        outcome = "carried"
    elif counts["for"] is not None and counts["against"] is not None and counts["for"] != counts["against"]:
        outcome = "carried" if counts["for"] > counts["against"] else "lost"
    return {
        "for": counts["for"], "against": counts["against"], "abstain": counts["abstain"],
        "for_names": names.get("for", []), "against_names": names.get("against", []),
        "abstain_names": names.get("abstain", []),
        "unanimous": bool(_UNANIMOUS.search(text)), "outcome": outcome,
    }
