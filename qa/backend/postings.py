"""Keyword postings cut for scale: a term's highest-weighted postings first, at most MAX_POSTINGS of them.

A question sums the postings of its terms. A term found in more paragraphs than MAX_POSTINGS keeps only its
highest-weighted ones (impact-ordered lists cut short, as search engines do): a paragraph past the cut gets
nothing from that term, and at most the cut weight, which is small for so common a term. Below the cut (every
term of the bundled corpus) scores are exact. Both backends apply the same cut, so they rank alike at scale.
"""
from __future__ import annotations

import numpy as np

MAX_POSTINGS = 10_000


def impact_ordered(docs: np.ndarray, weights: np.ndarray, cut: int = MAX_POSTINGS) -> tuple[np.ndarray, np.ndarray]:
    """One term's postings, highest weight first (ties: lower row first), at most cut of them."""
    order = np.lexsort((docs, -weights))[:cut] if len(docs) <= cut else _top(docs, weights, cut)
    return docs[order], weights[order]


def _top(docs, weights, cut):
    part = np.argpartition(-weights, cut - 1)[:cut]
    return part[np.lexsort((docs[part], -weights[part]))]


def top_rows(scores: np.ndarray, n: int, above: float) -> list[int]:
    """Indices of the n highest scores strictly above `above`, best first (ties: lower index first)."""
    ok = np.flatnonzero(scores > above)
    if len(ok) > n:
        part = ok[np.argpartition(-scores[ok], n - 1)[:n]]
        cut = scores[part].min()  # keep every row tied at the cut, then order and trim deterministically
        ok = np.concatenate([ok[scores[ok] > cut], ok[scores[ok] == cut]])
    order = np.lexsort((ok, -scores[ok]))
    return [int(r) for r in ok[order][:n]]


def summed(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """(rows, scores): each row's weights summed in float32, in the order of parts (one per query term)."""
    if not parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    docs = np.concatenate([d for d, _w in parts])
    rows, inv = np.unique(docs, return_inverse=True)
    acc = np.zeros(len(rows), dtype=np.float32)
    np.add.at(acc, inv, np.concatenate([w for _d, w in parts]).astype(np.float32, copy=False))
    return rows, acc


def scores_at(rows: np.ndarray, scores: np.ndarray, want) -> dict[int, float]:
    """The score of each wanted row in the sorted (rows, scores) of summed; 0.0 for a row with none."""
    want = sorted(want)
    at = np.minimum(np.searchsorted(rows, want), max(len(rows) - 1, 0))
    return {r: float(scores[i]) if len(rows) and rows[i] == r else 0.0 for r, i in zip(want, at)}


# Postings as bytes (a database column): little-endian int32 rows, float32 weights, readable without parsing.
ROW_BYTES, WEIGHT_BYTES = np.dtype("<i4"), np.dtype("<f4")


def to_bytes(docs: np.ndarray, weights: np.ndarray) -> tuple[bytes, bytes]:
    """One term's postings as two byte strings."""
    return docs.astype(ROW_BYTES).tobytes(), weights.astype(WEIGHT_BYTES).tobytes()


def from_bytes(docs: bytes, weights: bytes) -> tuple[np.ndarray, np.ndarray]:
    """The arrays of to_bytes, without copying."""
    return np.frombuffer(docs, dtype=ROW_BYTES), np.frombuffer(weights, dtype=WEIGHT_BYTES)


class CutPostings:
    """Per question: the summed weights of its terms' (cut) postings, over the rows they touch only."""

    def __init__(self, keyword, cut: int = MAX_POSTINGS):
        self.keyword = keyword
        lens = np.diff(keyword.indptr)
        self.long = {int(i): impact_ordered(*self._full(int(i)), cut) for i in np.flatnonzero(lens > cut)}

    def _full(self, i: int):
        s, e = self.keyword.indptr[i], self.keyword.indptr[i + 1]
        return self.keyword.docs[s:e], self.keyword.weights[s:e]

    def scores(self, tokens: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(rows, scores) of every row sharing a term with the question; float32 sums in the terms' order,
        so they equal the full-array scatter-add of KeywordIndex.scores where nothing is cut."""
        return summed([self.long.get(i) or self._full(i) for i in
                       (self.keyword.vocab.get(t) for t in dict.fromkeys(tokens)) if i is not None])
