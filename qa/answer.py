"""The extractive answer: 1-3 verbatim sentences from the top passages, each cited; or None when nothing is good enough."""
from __future__ import annotations

import re

import numpy as np

from qa.expect import expected, months_named, of_month, supplies
from qa.text import tokenize

# A passage is strong evidence when its best vector (paragraph, window or sentence) has cosine >= a
# threshold with the question. Cosine scales differ between models, so each encoder carries its own
# (qa/embed.py); this default is all-MiniLM-L6-v2's. One number on an absolute scale, not a per-question rule.
STRONG = 0.55
COVERAGE_WEIGHT = 0.2    # sentence choice: keyword coverage breaks near-ties in cosine
MAX_SENTENCES = 3
SENTENCE_MARGIN = 0.05   # further sentences must score within this of the best one
ANSWER_PASSAGES = 3      # sentences are drawn from this many top passages
# A heading or a label ("Scrutiny Task Group Membership") is not an answer, and very short texts get
# high cosines with almost any question, nonsense included: neither counts as evidence.
MIN_WORDS = 5
URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
# A passage that shares no word with the question must be closer in meaning by this much more:
# nonsense ("xqzt vrbl") shares no word with anything, yet on a model with compressed cosines
# (e5) it lands near real matches. Measured on e5: nonsense tops 0.846-0.852, threshold 0.845.
NO_SHARED_WORD_MARGIN = 0.02


def coverage(searcher, question: str, text: str) -> float:
    """Share of the question's keyword weight (idf) that text contains."""
    q = list(dict.fromkeys(tokenize(question)))
    if not q:
        return 0.0
    have = set(tokenize(text))
    w = [searcher.backend.idf(t) for t in q]
    total = sum(w)
    return sum(x for t, x in zip(q, w) if t in have) / total if total else 0.0


def sentence_score(cosine: float, cover: float) -> float:
    """How well one sentence answers the question: mostly meaning, partly shared words."""
    return (1 - COVERAGE_WEIGHT) * max(cosine, 0.0) + COVERAGE_WEIGHT * cover


def substantive(text: str) -> bool:
    """True for text that can answer something: MIN_WORDS words or more, and not mostly a web address
    (a line of a list of links, which is close to many questions and answers none)."""
    links = sum(len(m) for m in URL.findall(text))
    return len(re.findall(r"\w+", text)) >= MIN_WORDS and links * 2 < len(text.strip())


def is_strong(dense: float, threshold: float = STRONG, text: str | None = None, keyword: float | None = None) -> bool:
    """True when a passage is strong evidence (not a weak match): close in meaning and not a mere heading.

    keyword is the passage's keyword score for the question; with no shared word the bar is higher.
    """
    bar = threshold + (NO_SHARED_WORD_MARGIN if keyword is not None and keyword <= 0 else 0.0)
    return dense >= bar and (text is None or substantive(text))


# A sentence opening with one of these leans on the sentence before it ("These sales grossed £2.6m").
_ANAPHOR = re.compile(r"^\W*(this|these|that|those|it|its|they|their|such|he|she|the latter)\b", re.I)


def extract_answer(searcher, question: str, qvec: np.ndarray, rows: list[int], passages: list[dict],
                   strong: list[bool]) -> dict | None:
    """{"text": "... [1] ... [2]", "sentences": [{"text", "passage"}]} from strong top passages, or None."""
    cands, order = [], {}
    months = months_named(question)
    for rank, (row, p, ok) in enumerate(zip(rows[:ANSWER_PASSAGES], passages, strong)):
        # A question about "May 2021" is not answered by a January 2021 meeting that never mentions May.
        if not ok or not of_month(months, p["citation"].get("date"), p["text"]):
            continue
        for i, (s, e, vec) in enumerate(searcher.backend.sentences(row)):
            text = (p["text"][s:e] if e >= 0 else p["text"]).strip()
            if not substantive(text):
                continue
            order[(rank, i)] = text
            cos, cover = float(vec @ qvec), coverage(searcher, question, text)
            # A whole one-sentence paragraph is scored by its paragraph's vector, which carries its placing words
            # (body, item title): sharing no word with the question, its closeness may be the title's alone.
            if e < 0 and cover <= 0 and cos < searcher.strong + NO_SHARED_WORD_MARGIN:
                continue
            cands.append((sentence_score(cos, cover), rank, i, text))
    if not cands:
        return None
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    best = cands[0][0]
    kind = expected(question)
    if kind is not None:
        # The answer must hold what was asked (an amount, a person, a vote): close passages without it
        # are the record not answering.
        cands = [c for c in cands if supplies(kind, c[3], question)]
        if not cands:
            return None
        best = cands[0][0]
    chosen: dict[tuple[int, int], str] = {}
    for score, rank, i, text in cands:
        if len(chosen) >= MAX_SENTENCES or score < best - SENTENCE_MARGIN:
            break
        if text.lower() not in {t.lower() for t in chosen.values()}:
            chosen[(rank, i)] = text
    # Keep a chosen sentence readable on its own: bring in the sentence it leans on, or the one leaning on it.
    for (rank, i), text in list(chosen.items()):
        for j in ((i - 1,) if _ANAPHOR.match(text) else ()) + ((i + 1,) if _ANAPHOR.match(order.get((rank, i + 1), "")) else ()):
            if (rank, j) in order and len(chosen) < MAX_SENTENCES:
                chosen.setdefault((rank, j), order[(rank, j)])
    sentences = [{"text": chosen[key], "passage": key[0] + 1} for key in sorted(chosen)]
    return {"text": " ".join(f"{x['text']} [{x['passage']}]" for x in sentences), "sentences": sentences}
