"""Hybrid search: dense (max-sim over paragraph, window and sentence vectors) and BM25, fused; no web code."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass

import numpy as np

from qa.answer import STRONG, extract_answer, is_strong
from qa.backend.base import IndexDamaged, describe, open_backend
from qa.backend.filters import FilterColumns
from qa.embed import Encoder, default_encoder
from qa.expect import expected, supplies
from qa.glossary import query_tokens
from qa.parse.header import ROLL_CALL
from qa.text import tokenize

# Fusion, chosen on the dev set (see README): min-max normalised scores, weighted; the weight is the model's.
FUSION = "minmax"
DENSE_WEIGHT = 0.5  # for encoders that carry no fusion_weight
RRF_K = 60
CANDIDATES = 100  # per retriever, before fusion
DENSE_UNITS = 400  # nearest vectors fetched before pooling them per paragraph
# A paragraph's dense score: mostly its best vector (the paragraph, a window with its neighbours, or one
# sentence), partly its own paragraph vector, so that a paragraph matching as a whole beats one carried by a
# neighbour's words in a window or by one sentence. Measured with fusion weight 0.6, 0.7 of the best:
# dev corpus recall@5 0.791 -> 0.814, MRR@10 0.621 -> 0.624; seeds MRR@10 0.906 -> 0.924, recall@5 1.0 kept.
BEST_SHARE = 0.7
# A passage needs about a sentence to answer anything. Fragments (a label such as "DATE: 19 March 2026", a
# table cell, a heading, an attachment link) carry their item's context words and so rank high on both
# retrievers while answering nothing. Below SENTENCE_WORDS words a passage keeps words / SENTENCE_WORDS of its
# fused score. As sqrt(words / SENTENCE_WORDS): dev corpus recall@5 0.674 -> 0.744, MRR@10 0.540 -> 0.569, the
# seed questions unmoved; the prior peaks at 10-12 words and falls away above 15. Linear rather than sqrt:
# dev MRR@10 0.669 -> 0.680 (a six-word interjection no longer tops a transcript's answer), seeds unmoved;
# steeper powers changed nothing more.
SENTENCE_WORDS = 10
PRIOR_DEPTH = 50  # the priors below reorder the best 50 fused rows, which hold the top ten after them
# A passage holding what the question asks for (a figure for "how many", a person for "who", someone against
# for "who opposed": qa/expect.py) gains this share of its score. At 0.1: MRR@10 0.643 -> 0.650 on the dev
# corpus, 0.924 -> 0.946 on the seed questions, recall@5 unchanged. Raised to 0.3 with the "against" type:
# dev recall@5 0.837 -> 0.860, MRR@10 0.662 -> 0.669; the seed questions and abstentions unchanged. Raised to
# 0.6 once "when" asked for a date rather than any word of time: dev MRR@10 0.744 -> 0.768, the further set
# 0.582 -> 0.586, seeds unchanged, no question lower on any set (0.4: 0.745; 0.5: 0.766; 1.0: 0.780, which
# comes near to a filter on the patterns of qa/expect.py).
TYPE_BOOST = 0.6
# An item's title standing as its only paragraph (an agenda's line) keeps this share: it names a topic and can
# be found, but a paragraph of the record about that topic says more. Indexing such titles unweighted cost dev
# recall@5 0.860 -> 0.837 (an agenda's titles over the minutes' answer); at 0.7 and at 0.5 both question sets
# scored as without them.
TITLE_ONLY = 0.7
# A roll call's list of names under a vote ("Aye: 6 - Mayor Kowalczyk, …", "Excused: 1 - …") answers who voted
# how, and nothing else; under an item whose title the question names it matches as well as the item's text.
ROLL_LIST = re.compile(rf"(?i)^\W*(?:{ROLL_CALL}|present|absent|excused)\s*:")
NAMES_ANSWER = ("against", "vote", "movers", "who")
ROLL_LIST_SHARE = 0.7  # seventh blind set MRR@10 0.803 -> 0.821 (0.5 the same); no other set moves
_WORD = re.compile(r"\w+")


def brevity(text: str) -> float:
    """The share of its fused score a passage of this text keeps: 1 for a sentence or more, less for a fragment."""
    n = len(_WORD.findall(text))
    return 1.0 if n >= SENTENCE_WORDS else n / SENTENCE_WORDS


def roll_list_share(text: str, kind) -> float:
    """The share of its score a roll call's list of names keeps for a question of this answer type: all of it for
    who voted how, ROLL_LIST_SHARE for any other question; any other text keeps all."""
    return ROLL_LIST_SHARE if ROLL_LIST.match(text) and not (kind and kind.name in NAMES_ANSWER) else 1.0


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
    return FilterColumns(columns).mask(f)


class Searcher:
    """Answers questions from one index version (a directory or a database); refuses an index built with
    another model or schema."""

    def __init__(self, index, encoder: Encoder | None = None):
        from qa.build import SCHEMA_VERSION

        try:
            self.backend = index if hasattr(index, "candidates") else open_backend(index)
        except (FileNotFoundError, IndexDamaged, ConnectionError) as e:
            raise IndexMismatch(str(e)) from None
        self.manifest = m = self.backend.manifest
        where = describe(index) if not hasattr(index, "candidates") else "the database"
        self.encoder = encoder or default_encoder(for_queries=True)
        if m.get("schema_version") != SCHEMA_VERSION:
            raise IndexMismatch(f"index at {where} has schema version {m.get('schema_version')}, this "
                                f"Minutebook reads version {SCHEMA_VERSION}: rebuild it with `python -m qa build`")
        model = m.get("model") or {}
        if model.get("name") != self.encoder.name or model.get("dims") != self.encoder.dims:
            raise IndexMismatch(f"index at {where} was built with model {model.get('name')} "
                                f"({model.get('dims')} dims) but the search model is {self.encoder.name} "
                                f"({self.encoder.dims} dims): rebuild it with `python -m qa build`")
        try:
            self.backend.load()
        except IndexDamaged as e:
            raise IndexMismatch(str(e)) from None
        if self.backend.dims != self.encoder.dims:
            raise IndexMismatch(f"index at {where} is inconsistent (counts differ from its manifest); rebuild it")
        self.store = self.backend.store
        self.n_rows = self.backend.n_rows
        self.fusion, self.dense_weight = FUSION, getattr(self.encoder, "fusion_weight", DENSE_WEIGHT)
        self.strong = getattr(self.encoder, "strong", STRONG)
        self.encoder.encode_queries(["warm up"])  # load the model now, not on the first question

    def retrieve(self, question: str, filters: Filters | None = None, qvec: np.ndarray | None = None):
        """Ranked [(row, fused, dense, keyword)] best first, and the question vector."""
        if qvec is None:
            qvec = self.encoder.encode_queries([question])[0]
        c = self.backend.candidates(qvec, query_tokens(question), filters, CANDIDATES, DENSE_UNITS)
        own = self.backend.own_similarity(qvec, list(c.dense))
        dense = {r: BEST_SHARE * s + (1 - BEST_SHARE) * own.get(r, s) for r, s in c.dense.items()}
        fused = fuse(dense, c.keyword, self.fusion, self.dense_weight)
        ranked = sorted(fused, key=lambda r: (-fused[r], r))
        head = ranked[:PRIOR_DEPTH]
        kind = expected(question)
        for r, (para_kind, text) in self.store.texts_by_row(head).items():
            fused[r] *= brevity(text) * (1 + TYPE_BOOST if kind and supplies(kind, text, question) else 1)
            if para_kind == "title":
                fused[r] *= TITLE_ONLY
            fused[r] *= roll_list_share(text, kind)
        ranked = sorted(ranked, key=lambda r: (-fused[r], r))  # the rest keep their scores, in one order
        return [(r, fused[r], c.dense_of[r], c.keyword_of[r]) for r in ranked], qvec

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
        strong = [is_strong(dense, self.strong, p["text"], kw) for (_r, _f, dense, kw), p in zip(top, passages)]
        answer = extract_answer(self, question, qvec, [r for r, *_ in top], passages, strong)
        out = [{"rank": i + 1, "score": round(fused, 4), "weak": answer is None or not strong[i],
                "text": p["text"], "is_decision": p["is_decision"], "decision": p["decision"],
                "citation": p["citation"]}
               for i, ((_r, fused, _d, _kw), p) in enumerate(zip(top, passages))]
        return {"question": question, "answer": answer, "passages": out,
                "took_ms": round((time.perf_counter() - t0) * 1000, 2)}
