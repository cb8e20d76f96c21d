"""Cutting long runs of text into paragraph-sized segments at sentence ends."""
from __future__ import annotations

import re
from typing import Callable

MAX_WORDS = 120
TARGET_WORDS = 90
SENTENCE = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z\"'“‘(\-])")


def sentences(text: str) -> list[str]:
    """Sentences of a text, split after . ! ? before a capital; the text is kept verbatim."""
    return [s.strip() for s in SENTENCE.split(text) if s.strip()]


def _split_long(sentence: str) -> list[str]:
    words = sentence.split()
    if len(words) <= MAX_WORDS:
        return [sentence]
    return [" ".join(words[i:i + TARGET_WORDS]) for i in range(0, len(words), TARGET_WORDS)]


def segments(text: str, opener: Callable[[str], object] | None = None) -> list[tuple[str, object]]:
    """Segments of at most MAX_WORDS words cut at sentence ends.

    opener(sentence) may return a marker: that sentence then starts a new segment,
    returned with the marker (the transcript uses it for "agenda item seven").
    """
    out: list[tuple[str, object]] = []
    cur: list[str] = []
    count = 0
    opens = None
    for s in sentences(text):
        t = opener(s) if opener else None
        for piece in _split_long(s):
            n = len(piece.split())
            if cur and (t or count + n > MAX_WORDS or count >= TARGET_WORDS):
                out.append((" ".join(cur), opens))
                cur, count, opens = [], 0, None
            if t:
                opens, t = t, None
            cur.append(piece)
            count += n
    if cur:
        out.append((" ".join(cur), opens))
    return out
