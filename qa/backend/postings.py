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
        parts = [self.long.get(i) or self._full(i) for i in
                 (self.keyword.vocab.get(t) for t in dict.fromkeys(tokens)) if i is not None]
        if not parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        docs = np.concatenate([d for d, _w in parts])
        rows, inv = np.unique(docs, return_inverse=True)
        acc = np.zeros(len(rows), dtype=np.float32)
        np.add.at(acc, inv, np.concatenate([w for _d, w in parts]))
        return rows, acc
