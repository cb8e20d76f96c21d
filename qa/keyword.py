"""The keyword index: BM25 over the tokens of qa.text, as plain .npy arrays (term-major postings)."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from qa.text import tokenize

K1 = 1.2
B = 0.75


class KeywordIndex:
    """BM25 weights precomputed per (term, paragraph) posting, so a query is one scatter-add per term."""

    def __init__(self, vocab: dict[str, int], indptr: np.ndarray, docs: np.ndarray, weights: np.ndarray, n_docs: int):
        self.vocab, self.indptr, self.docs, self.weights, self.n_docs = vocab, indptr, docs, weights, n_docs

    @classmethod
    def build(cls, texts: list[str], k1: float = K1, b: float = B) -> "KeywordIndex":
        """Index one text per paragraph row; postings are counted in numpy arrays, not a dict per posting."""
        n = len(texts)
        ids: dict[str, int] = {}
        term_ids, lens = [], np.zeros(n, dtype=np.float32)
        for d, text in enumerate(texts):
            toks = tokenize(text)
            lens[d] = len(toks)
            term_ids.append(np.fromiter((ids.setdefault(t, len(ids)) for t in toks), dtype=np.int64, count=len(toks)))
        avg = float(lens.mean()) if n and lens.sum() else 1.0
        names = np.array(list(ids), dtype=object)
        order = np.argsort(names.astype(str), kind="stable")  # vocabulary in sorted order, as before
        rank = np.empty(len(ids), dtype=np.int64)
        rank[order] = np.arange(len(ids))
        terms = rank[np.concatenate(term_ids)] if term_ids else np.zeros(0, dtype=np.int64)
        docs_of = np.repeat(np.arange(n, dtype=np.int64), lens.astype(np.int64))
        # One key per (term, paragraph): sorting the keys gives term-major postings, counting them gives tf.
        keys, tf = np.unique(terms * max(n, 1) + docs_of, return_counts=True)
        term, docs = keys // max(n, 1), keys % max(n, 1)
        df = np.bincount(term, minlength=len(ids))
        idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
        # The same float32/float64 steps as the per-posting formula, so weights are bit-identical to it.
        den = tf.astype(np.float32) + np.float32(k1) * (np.float32(1 - b) + np.float32(b) * lens[docs] / np.float32(avg))
        weights = (idf[term] * tf * (k1 + 1)) / den.astype(np.float64)
        indptr = np.zeros(len(ids) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum(df)
        vocab = {str(t): i for i, t in enumerate(names[order])}
        return cls(vocab, indptr, docs.astype(np.int32), weights.astype(np.float32), n)

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every row for the (deduplicated) query tokens."""
        out = np.zeros(self.n_docs, dtype=np.float32)
        for t in dict.fromkeys(tokens):
            i = self.vocab.get(t)
            if i is not None:
                s, e = self.indptr[i], self.indptr[i + 1]
                out[self.docs[s:e]] += self.weights[s:e]
        return out

    def idf(self, token: str) -> float:
        """Inverse document frequency of a token (0 when unseen)."""
        i = self.vocab.get(token)
        if i is None:
            return 0.0
        df = int(self.indptr[i + 1] - self.indptr[i])
        return float(np.log(1.0 + (self.n_docs - df + 0.5) / (df + 0.5)))

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "vocab.json").write_text(json.dumps({"n_docs": self.n_docs, "terms": list(self.vocab)}), encoding="utf-8")
        np.save(directory / "indptr.npy", self.indptr)
        np.save(directory / "docs.npy", self.docs)
        np.save(directory / "weights.npy", self.weights)

    @classmethod
    def load(cls, directory: Path) -> "KeywordIndex":
        meta = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))
        vocab = {t: i for i, t in enumerate(meta["terms"])}
        arrays = [np.load(directory / f, allow_pickle=False) for f in ("indptr.npy", "docs.npy", "weights.npy")]
        if len(arrays[0]) != len(vocab) + 1 or len(arrays[1]) != len(arrays[2]):
            raise ValueError("keyword index arrays are inconsistent")
        return cls(vocab, *arrays, meta["n_docs"])
