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
        """Index one text per paragraph row."""
        token_lists = [tokenize(t) for t in texts]
        n = len(token_lists)
        lens = np.array([len(t) for t in token_lists], dtype=np.float32)
        avg = float(lens.mean()) if n and lens.sum() else 1.0
        postings: dict[str, dict[int, int]] = {}
        for d, toks in enumerate(token_lists):
            for t in toks:
                postings.setdefault(t, {}).setdefault(d, 0)
                postings[t][d] += 1
        vocab = {t: i for i, t in enumerate(sorted(postings))}
        indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        docs, weights = [], []
        for t, i in vocab.items():
            plist = postings[t]
            df = len(plist)
            idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
            for d, tf in sorted(plist.items()):
                docs.append(d)
                weights.append(idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lens[d] / avg)))
            indptr[i + 1] = len(docs)
        return cls(vocab, indptr, np.array(docs, dtype=np.int32), np.array(weights, dtype=np.float32), n)

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
