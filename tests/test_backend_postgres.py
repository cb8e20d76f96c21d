"""The PostgreSQL backend on a real server: the same answers as the embedded index, versions switched in one
transaction, killed builds harmless, unused versions cleaned, a streaming replica."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psycopg
import pytest

from conftest import SEARCH_DATA, TIMELINE_DATA
from live_server import ROOT

pytestmark = pytest.mark.postgres

@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    """Database builds keep their vector cache and work directory in the current directory: a scratch one."""
    monkeypatch.chdir(tmp_path)


QUESTIONS = ["library opening hours", "highways pothole repairs", "what was decided about the budget",
             "who sent apologies", "xqzt vrbl"]


def searchers(corpus, url, tmp_path):
    from qa.build import build_index
    from qa.embed import HashEncoder
    from qa.search import Searcher

    enc = HashEncoder()
    build_index(corpus, tmp_path / "index", encoder=enc)
    build_index(corpus, url, encoder=enc)
    return Searcher(tmp_path / "index", encoder=enc), Searcher(url, encoder=enc)


def versions(url):
    with psycopg.connect(url) as con:
        return dict(con.execute("SELECT version, state FROM minutebook.versions").fetchall())


def live(url):
    from qa.backend.postgres import read_live_version

    return read_live_version(url)


def test_same_ranking_answers_and_store_as_the_embedded_index(pg_url, tmp_path):
    from qa.search import Filters
    from qa.text import tokenize

    embedded, pg = searchers(SEARCH_DATA, pg_url, tmp_path)
    assert pg.manifest["index_version"] == live(pg_url)
    for q in QUESTIONS:
        a, b = embedded.ask(q), pg.ask(q)
        assert [p["citation"]["id"] for p in a["passages"]] == [p["citation"]["id"] for p in b["passages"]], q
        assert [p["score"] for p in a["passages"]] == pytest.approx([p["score"] for p in b["passages"]], abs=1e-4)
        assert a["answer"] == b["answer"], q
    assert embedded.ask("library")["passages"], "the comparison must compare something"
    found = 0
    for f in (Filters(decisions_only=True), Filters(body="nobody"), Filters(date_from="2023-01-01", kind="minutes")):
        ra, rb = embedded.retrieve("library highways", f)[0], pg.retrieve("library highways", f)[0]
        assert [r for r, *_ in ra] == [r for r, *_ in rb], f
        # Few candidates: the filtered keyword side asks for its best rows in several growing slices.
        qvec = embedded.encoder.encode_queries(["library highways"])[0]
        words = tokenize("library highways opening hours budget council")
        ca, cb = (s.backend.candidates(qvec, words, f, 1, 40) for s in (embedded, pg))
        assert cb.keyword == pytest.approx(ca.keyword) and cb.keyword_of == pytest.approx(ca.keyword_of), f
        found += len(ca.keyword)
    assert found, "some filter keeps a keyword match, so the slices are exercised"
    ea, pa = embedded.store, pg.store
    assert pa.stats() == ea.stats() and pa.meetings() == ea.meetings() and pa.decisions() == ea.decisions()
    for m in ea.meetings():
        assert pa.meeting(m["id"]) == ea.meeting(m["id"])
    cid = embedded.ask("library")["passages"][0]["citation"]["id"]
    assert pa.passage(cid) == ea.passage(cid) and pa.context(cid) == ea.context(cid)


def test_references_and_decision_filters_read_the_same(pg_url, tmp_path):
    embedded, pg = searchers(TIMELINE_DATA, pg_url, tmp_path)
    cited = [m["id"] for m in embedded.store.meetings() if embedded.store.referred_to_by(m["id"])]
    assert cited, "the timeline corpus has a meeting cited by another"
    for mid in cited:
        assert pg.store.referred_to_by(mid) == embedded.store.referred_to_by(mid)
    for kw in ({"status": "agreed"}, {"actions_only": True}, {"body": "environment committee"}):
        assert pg.store.decisions(**kw) == embedded.store.decisions(**kw), kw


def test_readers_refuse_writes_and_a_missing_database_index_is_clear(pg_url, tmp_path):
    from qa.search import IndexMismatch, Searcher

    with pytest.raises(IndexMismatch, match="no index in the database"):
        Searcher(pg_url)
    _embedded, pg = searchers(SEARCH_DATA, pg_url, tmp_path)
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        pg.store._db().execute("DELETE FROM paragraphs")


def test_a_version_with_postings_in_an_older_layout_is_refused_clearly(pg_url, tmp_path):
    from qa.embed import HashEncoder
    from qa.search import IndexMismatch, Searcher

    _embedded, pg = searchers(SEARCH_DATA, pg_url, tmp_path)
    with psycopg.connect(pg_url, autocommit=True) as con:  # postings as arrays, as versions before bytes had them
        con.execute(f'ALTER TABLE "{pg.backend.schema}".terms DROP COLUMN rows')
        con.execute(f'ALTER TABLE "{pg.backend.schema}".terms ADD COLUMN rows integer[]')
    with pytest.raises(IndexMismatch, match="older layout; rebuild it"):
        Searcher(pg_url, encoder=HashEncoder())


@pytest.mark.slow
def test_dev_set_through_postgres_matches_embedded(real_searcher, real_index, pg_url):
    """The bundled corpus's real index (vectors reused, not re-encoded), scored on the dev set by both backends;
    PostgreSQL's own ranking (ts_rank_cd over the same tokens, GIN) is measured beside them and reported."""
    from qa.backend.pgbuild import load_version_dir
    from qa.backend.postgres import PostgresBackend
    from qa.build import parse_corpus
    from qa.chunk import ChunkOptions, keyword_texts
    from qa.evaluate import load_questions, score
    from qa.search import Searcher

    meetings = parse_corpus(ROOT / "corpus")[0]
    texts = [t for m in meetings for t in keyword_texts(m, ChunkOptions(**real_searcher.manifest["chunking"]))]
    load_version_dir(pg_url, real_index, full_text=texts)
    pg = Searcher(pg_url, encoder=real_searcher.encoder)
    fts = PostgresBackend.open(pg_url)
    fts.keyword_ranking = "ts_rank"
    pg_fts = Searcher(fts, encoder=real_searcher.encoder)
    questions = load_questions(ROOT / "eval" / "dev-questions.jsonl")
    a, b, c = score(real_searcher, questions), score(pg, questions), score(pg_fts, questions)
    print(f"dev set recall@5 / MRR@10: embedded {a['recall@5']} / {a['mrr@10']}; postgres {b['recall@5']} / "
          f"{b['mrr@10']}; postgres with ts_rank_cd instead of BM25 {c['recall@5']} / {c['mrr@10']}")
    assert a["recall@5"] > 0.5
    assert abs(a["recall@5"] - b["recall@5"]) <= 0.02 and abs(a["mrr@10"] - b["mrr@10"]) <= 0.02
    assert c["recall@5"] > 0, "the full-text ranking was measured"


def test_killed_build_leaves_the_live_version_and_the_next_build_cleans_it(pg_url, tmp_path):
    from qa.build import build_index
    from qa.embed import HashEncoder
    from qa.search import Searcher

    enc = HashEncoder()
    first = build_index(SEARCH_DATA, pg_url, encoder=enc)["index_version"]
    # A build process killed while it loads its version (it stops itself just before going live).
    script = ("import os, signal, sys; from qa.backend import pgversions; from qa.build import build_index; "
              "from qa.embed import HashEncoder; "
              "pgversions.switch = lambda *a: os.kill(os.getpid(), signal.SIGKILL); "
              f"build_index({str(TIMELINE_DATA)!r}, sys.argv[1], encoder=HashEncoder())")
    proc = subprocess.run([sys.executable, "-c", script, pg_url], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    assert live(pg_url) == first and "building" in versions(pg_url).values()
    s = Searcher(pg_url, encoder=enc)
    assert s.manifest["index_version"] == first and s.ask("library")["passages"]
    third = build_index(SEARCH_DATA, pg_url, encoder=enc)["index_version"]
    assert live(pg_url) == third and versions(pg_url) == {first: "ready", third: "ready"}


def test_old_versions_are_dropped_only_once_no_reader_pins_them(pg_url):
    import gc

    from qa.build import build_index
    from qa.embed import HashEncoder
    from qa.search import Searcher

    enc = HashEncoder()
    v1 = build_index(SEARCH_DATA, pg_url, encoder=enc)["index_version"]
    reader = Searcher(pg_url, encoder=enc)  # serves v1 throughout
    v2 = build_index(SEARCH_DATA, pg_url, encoder=enc)["index_version"]
    v3 = build_index(SEARCH_DATA, pg_url, encoder=enc)["index_version"]
    assert set(versions(pg_url)) == {v1, v2, v3}, "v1 is neither live nor previous, but still read"
    assert reader.ask("library")["passages"]
    del reader
    gc.collect()
    v4 = build_index(SEARCH_DATA, pg_url, encoder=enc)["index_version"]
    assert set(versions(pg_url)) == {v3, v4}
    with psycopg.connect(pg_url) as con:
        schemas = {r[0] for r in con.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'mb\\_%'")}
    assert len(schemas) == 2


def test_a_streaming_replica_answers_the_same_refuses_writes_and_follows_builds(pg_server, tmp_path):
    from qa.backend.postgres import PostgresBackend
    from qa.build import build_index
    from qa.embed import HashEncoder
    from qa.search import Searcher

    enc = HashEncoder()
    url = pg_server.url
    first = build_index(SEARCH_DATA, url, encoder=enc)["index_version"]
    replica = pg_server.replica()
    try:
        with psycopg.connect(replica.url) as con:
            assert con.execute("SELECT pg_is_in_recovery()").fetchone()[0]
            with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
                con.execute("CREATE TABLE nope (x int)")
        primary = Searcher(url, encoder=enc)
        secondary = Searcher(PostgresBackend.open(url, replica_url=replica.url), encoder=enc)
        assert secondary.manifest["index_version"] == first
        for q in QUESTIONS:
            assert primary.ask(q)["passages"] == secondary.ask(q)["passages"]
        second = build_index(TIMELINE_DATA, url, encoder=enc)["index_version"]
        t0 = time.monotonic()
        from qa.backend.postgres import read_live_version

        while read_live_version(url, replica.url) != second:
            assert time.monotonic() - t0 < 10, "the replica did not see the new build within 10 s"
            time.sleep(0.1)
        print(f"replica saw the new build {time.monotonic() - t0:.2f} s after it went live")
        fresh = Searcher(PostgresBackend.open(url, replica_url=replica.url), encoder=enc)
        assert fresh.manifest["index_version"] == second and fresh.store.stats() == Searcher(url, encoder=enc).store.stats()
    finally:
        replica.stop()
