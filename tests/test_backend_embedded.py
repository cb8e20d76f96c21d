"""The embedded backend at scale: filters as array operations, top-n selection, the HNSW index past a threshold."""
from __future__ import annotations

import numpy as np
import pytest

from qa.backend import ann
from qa.backend.postings import top_rows
from qa.backend.filters import FilterColumns
from qa.search import Filters, Searcher


def loop_mask(rows, f):
    """The per-row rule the arrays must reproduce (the filter's definition, written the slow way)."""
    body = f.body.lower() if f.body else None
    return [not ((body and (b or "").lower() != body) or (f.kind and k != f.kind) or (f.decisions_only and not x)
                 or (f.date_from and (not d or d < f.date_from)) or (f.date_to and (not d or d > f.date_to)))
            for _r, b, d, k, x in rows]


def test_vectorised_filters_agree_with_the_per_row_rule_on_random_rows():
    rng = np.random.default_rng(3)
    bodies, kinds = ["Cabinet", "cabinet", "Council", None, "Scrutiny Panel"], ["minutes", "agenda", None]
    dates = [None, "", "2019-12-31", "2020-01-01", "2020-06-15", "2021-01-01", "2024-02-29"]
    rows = [(i, bodies[rng.integers(5)], dates[rng.integers(7)], kinds[rng.integers(3)], int(rng.integers(2)))
            for i in range(500)]
    cols = FilterColumns(rows)
    filters = [Filters(body="CABINET"), Filters(body="nobody"), Filters(kind="agenda"), Filters(decisions_only=True),
               Filters(date_from="2020-01-01"), Filters(date_to="2020-06-15"), Filters(date_from="2020-02-01", date_to="2020-12-31"),
               Filters(date_from="2030-01-01"), Filters(body="council", kind="minutes", date_to="2021-01-01", decisions_only=True)]
    for f in filters:
        got = cols.mask(f).tolist()
        assert got == loop_mask(rows, f), f
    assert any(cols.mask(Filters(body="cabinet"))) and not any(cols.mask(Filters(body="nobody")))


def test_top_rows_orders_by_score_then_row_and_keeps_only_positive():
    scores = np.array([0.0, 2.0, 5.0, 2.0, -1.0, 2.0, 7.0], dtype=np.float32)
    assert top_rows(scores, 3, 0.0) == [6, 2, 1]
    assert top_rows(scores, 4, 0.0) == [6, 2, 1, 3]
    assert top_rows(scores, 10, 0.0) == [6, 2, 1, 3, 5]
    assert top_rows(np.zeros(4, dtype=np.float32), 2, 0.0) == []


def test_past_the_threshold_the_index_is_hnsw_and_answers_as_the_exact_one(tiny_corpus, tmp_path, monkeypatch):
    from qa.build import build_index
    from qa.embed import HashEncoder

    enc = HashEncoder()
    build_index(tiny_corpus, tmp_path / "exact", encoder=enc)
    monkeypatch.setattr(ann, "ANN_THRESHOLD", 10)
    build_index(tiny_corpus, tmp_path / "ann", encoder=enc)
    exact, approx = Searcher(tmp_path / "exact", encoder=enc), Searcher(tmp_path / "ann", encoder=enc)
    assert approx.backend.vectors.ntotal > 10 and not approx.backend.exact and exact.backend.exact
    for q, f in [("pothole repairs", None), ("library opening hours", None), ("library", Filters(decisions_only=True)),
                 ("highways", Filters(body="nobody")), ("budget", Filters(date_from="2023-01-01"))]:
        a, b = exact.retrieve(q, f)[0], approx.retrieve(q, f)[0]
        assert [r for r, *_ in b][:5] == [r for r, *_ in a][:5], (q, f)
        assert exact.ask(q)["answer"] == approx.ask(q)["answer"]


def test_vector_index_choice():
    small = ann.vector_index(np.eye(8, dtype=np.float32))
    assert not hasattr(small, "hnsw") and small.ntotal == 8


def test_filtered_hnsw_search_returns_only_allowed_rows(tiny_corpus, tmp_path, monkeypatch):
    from qa.build import build_index
    from qa.embed import HashEncoder

    enc = HashEncoder()
    monkeypatch.setattr(ann, "ANN_THRESHOLD", 10)
    build_index(tiny_corpus, tmp_path / "ann", encoder=enc)
    s = Searcher(tmp_path / "ann", encoder=enc)
    b = s.backend
    mask = b.columns.mask(Filters(decisions_only=True))
    assert mask.any() and not mask.all()
    _sims, ids = b._nearest(enc.encode_queries(["library"])[0], mask, 20)
    assert len(ids) and all(mask[b.units[i, 0]] for i in ids)


def test_cut_postings_sum_exactly_as_the_full_scatter_add_below_the_cut():
    from qa.backend.postings import CutPostings
    from qa.keyword import KeywordIndex

    texts = ["the road was resurfaced", "road safety near the school", "library opening hours", "the the road",
             "", "school library and road"]
    kw = KeywordIndex.build(texts)
    cut = CutPostings(kw)
    for q in (["road"], ["road", "school", "road"], ["nothing"], [], ["librari", "the", "road"]):
        from qa.text import tokenize

        toks = [t for w in q for t in tokenize(w)]
        rows, scores = cut.scores(toks)
        full = kw.scores(toks)
        assert rows.tolist() == np.flatnonzero(full > 0).tolist()
        assert np.array_equal(scores, full[rows])  # bit for bit


def test_a_term_past_the_cut_keeps_only_its_highest_weighted_postings():
    from qa.backend.postings import CutPostings, impact_ordered
    from qa.keyword import KeywordIndex

    texts = ["road " * (i % 5 + 1) + f"filler{i}" for i in range(40)]
    kw = KeywordIndex.build(texts)
    rows, scores = CutPostings(kw, cut=8).scores(["road"])
    full = kw.scores(["road"])
    assert len(rows) == 8 and set(rows.tolist()) == set(np.argsort(-full, kind="stable")[:8].tolist())
    assert np.array_equal(scores, full[rows])
    docs, weights = impact_ordered(np.array([3, 1, 2]), np.array([0.5, 0.9, 0.5], dtype=np.float32))
    assert docs.tolist() == [1, 2, 3] and weights.tolist() == pytest.approx([0.9, 0.5, 0.5])


@pytest.mark.parametrize("threshold", [None, 10])  # the exact index, then HNSW
def test_own_similarity_is_the_cosine_with_each_rows_paragraph_vector(tiny_corpus, tmp_path, monkeypatch, threshold):
    from qa.build import build_index
    from qa.embed import HashEncoder

    if threshold:
        monkeypatch.setattr(ann, "ANN_THRESHOLD", threshold)
    enc = HashEncoder()
    build_index(tiny_corpus, tmp_path / "index", encoder=enc)
    backend = Searcher(tmp_path / "index", encoder=enc).backend
    q = enc.encode_queries(["pothole repairs since January"])[0]
    rows = [3, 0, backend.n_rows - 1]
    got = backend.own_similarity(q, rows + [backend.n_rows + 5])  # a row the index lacks is left out
    assert sorted(got) == sorted(rows)
    for r in rows:
        first = int(np.flatnonzero(backend.units[:, 0] == r)[0])
        assert backend.units[first, 1] == 0  # the paragraph's own vector, not a window or a sentence
        assert got[r] == pytest.approx(float(backend.vectors.reconstruct(first) @ q), abs=1e-6)
    assert backend.own_similarity(q, []) == {}
