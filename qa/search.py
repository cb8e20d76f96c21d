"""Hybrid search: dense (max-sim over paragraph, window and sentence vectors) and BM25, fused; no web code."""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa.answer import STRONG, extract_answer, is_strong
from qa.embed import Encoder, default_encoder
from qa.keyword import KeywordIndex
from qa.store import CONTENT_DB, MANIFEST, Store
from qa.text import tokenize

# Fusion, chosen on the dev set (see README): min-max normalised scores, weighted; the weight is the model's.
FUSION = "minmax"
DENSE_WEIGHT = 0.5  # for encoders that carry no fusion_weight
RRF_K = 60
CANDIDATES = 100  # per retriever, before fusion
DENSE_UNITS = 400  # nearest vectors fetched before pooling them per paragraph


class IndexMismatch(Exception):
    """The index cannot be searched here: another model, another schema version, or damaged files."""


@dataclass(frozen=True)
class Filters:
    """Restrict results: body (exact, case-insensitive), ISO dates inclusive, meeting kind, decisions only."""

    body: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    kind: str | None = None
    decisions_only: bool = False

    def active(self) -> bool:
        return bool(self.body or self.date_from or self.date_to or self.kind or self.decisions_only)


def fuse(dense: dict[int, float], keyword: dict[int, float], method: str = FUSION,
         dense_weight: float = DENSE_WEIGHT) -> dict[int, float]:
    """One score per candidate row from two retrievers' scores (min-max weighted sum, or RRF)."""
    rows = set(dense) | set(keyword)
    if method == "rrf":
        out = dict.fromkeys(rows, 0.0)
        for scores, w in ((dense, dense_weight), (keyword, 1 - dense_weight)):
            for rank, r in enumerate(sorted(scores, key=scores.get, reverse=True)):
                out[r] += 2 * w / (RRF_K + rank + 1)
        return out
    if method != "minmax":
        raise ValueError(f"unknown fusion method {method!r}")

    def norm(scores):
        if not scores:
            return {}
        lo, hi = min(scores.values()), max(scores.values())
        if hi <= lo:
            return {r: (1.0 if hi > 0 else 0.0) for r in scores}
        return {r: (s - lo) / (hi - lo) for r, s in scores.items()}

    d, k = norm(dense), norm(keyword)
    return {r: dense_weight * d.get(r, 0.0) + (1 - dense_weight) * k.get(r, 0.0) for r in rows}


def filter_mask(columns: list[tuple], f: Filters | None) -> np.ndarray | None:
    """Boolean mask over rows from (row, body, date, kind, is_decision) columns; None = no filter."""
    if not f or not f.active():
        return None
    body = f.body.lower() if f.body else None
    mask = np.ones(len(columns), dtype=bool)
    for i, (_row, b, date, kind, dec) in enumerate(columns):
        if (body and (b or "").lower() != body) or (f.kind and kind != f.kind) or (f.decisions_only and not dec) \
                or (f.date_from and (not date or date < f.date_from)) or (f.date_to and (not date or date > f.date_to)):
            mask[i] = False
    return mask


class Searcher:
    """Answers questions from one index version; refuses an index built with another model or schema."""

    def __init__(self, index_dir, encoder: Encoder | None = None):
        from qa.build import KEYWORD_DIR, SCHEMA_VERSION, UNITS, VECTORS

        self.index_dir = Path(index_dir).resolve()  # pin the version: a rebuild swaps the link, not us
        try:
            self.manifest = json.loads((self.index_dir / MANIFEST).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise IndexMismatch(f"no index at {index_dir}: run `python -m qa build` first") from None
        except (OSError, ValueError) as e:
            raise IndexMismatch(f"index manifest at {index_dir} is unreadable ({e}); rebuild the index") from None
        self.encoder = encoder or default_encoder(for_queries=True)
        m = self.manifest
        if m.get("schema_version") != SCHEMA_VERSION:
            raise IndexMismatch(f"index at {index_dir} has schema version {m.get('schema_version')}, this "
                                f"Minutebook reads version {SCHEMA_VERSION}: rebuild it with `python -m qa build`")
        model = m.get("model") or {}
        if model.get("name") != self.encoder.name or model.get("dims") != self.encoder.dims:
            raise IndexMismatch(f"index at {index_dir} was built with model {model.get('name')} "
                                f"({model.get('dims')} dims) but the search model is {self.encoder.name} "
                                f"({self.encoder.dims} dims): rebuild it with `python -m qa build`")
        try:
            import faiss

            self.vectors = faiss.read_index(str(self.index_dir / VECTORS))
            self.units = np.load(self.index_dir / UNITS, allow_pickle=False)
            self.keyword = KeywordIndex.load(self.index_dir / KEYWORD_DIR)
            self.store = Store(self.index_dir)
            self.columns = self.store.filter_columns()
        except Exception as e:  # any damaged file: refuse clearly rather than answer wrongly
            raise IndexMismatch(f"index at {index_dir} is damaged ({type(e).__name__}: {e}); rebuild it") from None
        counts = m.get("counts", {})
        n = len(self.columns)
        if (self.vectors.ntotal != len(self.units) or counts.get("vectors") != len(self.units)
                or counts.get("paragraphs") != n or self.keyword.n_docs != n or self.vectors.d != self.encoder.dims):
            raise IndexMismatch(f"index at {index_dir} is inconsistent (counts differ from its manifest); rebuild it")
        self.n_rows = n
        self.fusion, self.dense_weight = FUSION, getattr(self.encoder, "fusion_weight", DENSE_WEIGHT)
        self.strong = getattr(self.encoder, "strong", STRONG)
        self.encoder.encode_queries(["warm up"])  # load the model now, not on the first question

    def retrieve(self, question: str, filters: Filters | None = None, qvec: np.ndarray | None = None):
        """Ranked [(row, fused, dense, keyword)] best first, and the question vector."""
        if qvec is None:
            qvec = self.encoder.encode_queries([question])[0]
        mask = filter_mask(self.columns, filters)
        k = self.vectors.ntotal if mask is not None else min(DENSE_UNITS, self.vectors.ntotal)
        sims, ids = self.vectors.search(qvec.reshape(1, -1).astype(np.float32), k)
        sims, ids = sims[0], ids[0]
        ok = ids >= 0
        rows = self.units[ids[ok], 0]
        dense = np.full(self.n_rows, -1.0, dtype=np.float32)  # per call: requests run on many threads
        np.maximum.at(dense, rows, sims[ok])  # max-sim: a paragraph scores by its best vector
        kw = self.keyword.scores(tokenize(question))
        if mask is not None:
            dense = np.where(mask, dense, -1.0)
            kw = np.where(mask, kw, 0.0)
        top_d = [int(r) for r in np.argsort(-dense)[:CANDIDATES] if dense[r] > -1.0]
        top_k = [int(r) for r in np.argsort(-kw)[:CANDIDATES] if kw[r] > 0]
        fused = fuse({r: float(dense[r]) for r in top_d}, {r: float(kw[r]) for r in top_k},
                     self.fusion, self.dense_weight)
        ranked = sorted(fused, key=lambda r: (-fused[r], r))
        return [(r, fused[r], float(dense[r]), float(kw[r])) for r in ranked], qvec

    def ask(self, question: str, k: int = 5, filters: Filters | None = None) -> dict:
        """The API reply: an extractive cited answer (or None) and the top k passages."""
        t0 = time.perf_counter()
        question = (question or "").strip()
        if not tokenize(question) and not any(c.isalnum() for c in question):
            return {"question": question, "answer": None, "passages": [],
                    "took_ms": round((time.perf_counter() - t0) * 1000, 2)}
        ranked, qvec = self.retrieve(question, filters)
        top = ranked[:max(1, k)]
        passages = self.store.passages_by_row([r for r, *_ in top])
        strong = [is_strong(dense, self.strong) for _r, _f, dense, _k in top]
        answer = extract_answer(self, question, qvec, [r for r, *_ in top], passages, strong)
        out = [{"rank": i + 1, "score": round(fused, 4), "weak": answer is None or not strong[i],
                "text": p["text"], "is_decision": p["is_decision"], "decision": p["decision"],
                "citation": p["citation"]}
               for i, ((_r, fused, _d, _kw), p) in enumerate(zip(top, passages))]
        return {"question": question, "answer": answer, "passages": out,
                "took_ms": round((time.perf_counter() - t0) * 1000, 2)}
