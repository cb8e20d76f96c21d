"""Write one index version into PostgreSQL: the store's tables, BM25 postings and pgvector units, then go live."""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import numpy as np

from qa.backend.postings import impact_ordered, to_bytes
from qa.backend.pgversions import BuildLock, clean, register, switch

# The graph's degree and build depth. Synthetic bench (scripts/bench_scale.py, 2-core EPYC, see README): at 1M
# paragraphs recall@10 0.632 with pgvector's defaults (16, 64) and 0.964 with these, at ef_search 400.
HNSW_M, HNSW_EF_CONSTRUCTION = 32, 200
POSTINGS_LAYOUT = "rows bytea NOT NULL, weights bytea NOT NULL"  # a version written otherwise must be rebuilt
_TYPES = {"INTEGER": "bigint", "REAL": "double precision", "TEXT": "text"}


def copy_sqlite_tables(con, sqlite_path: Path) -> None:
    """Create and fill every table of the SQLite paragraph store (same columns, same indexes) in the current schema."""
    src = sqlite3.connect(f"{sqlite_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        for (table,) in src.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall():
            cols = src.execute(f'PRAGMA table_info("{table}")').fetchall()  # cid, name, type, notnull, default, pk
            keys = [c[1] for c in sorted(cols, key=lambda c: c[5]) if c[5]]
            defs = [f'"{c[1]}" {_TYPES.get(c[2].upper(), "text")}' for c in cols]
            if keys:
                defs.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in keys) + ")")
            con.execute(f'CREATE TABLE "{table}" ({", ".join(defs)})')
            names = ", ".join(f'"{c[1]}"' for c in cols)
            with con.cursor().copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for row in src.execute(f'SELECT {names} FROM "{table}"'):
                    copy.write_row(row)
            for _seq, index, unique, origin, _partial in src.execute(f'PRAGMA index_list("{table}")').fetchall():
                if origin != "pk":  # the primary key is declared above; UNIQUE columns and CREATE INDEX here
                    on = ", ".join(f'"{c[2]}"' for c in src.execute(f'PRAGMA index_info("{index}")'))
                    con.execute(f'CREATE {"UNIQUE " if unique else ""}INDEX ON "{table}" ({on})')
    finally:
        src.close()


def copy_postings(con, keyword) -> None:
    """BM25 postings, one row per term: rows and weights as bytes, highest weight first, cut at MAX_POSTINGS."""
    # Bytes rather than integer[] and real[]: the search host sums a question's postings with numpy, as the
    # embedded backend does, and reads bytes without parsing them. Summing in SQL (unnest, GROUP BY) took 13.6 ms
    # at p50 for 100k synthetic paragraphs on the 2-core EPYC; fetching the bytes and summing them, 2.4 ms.
    con.execute(f"CREATE TABLE terms (term text PRIMARY KEY, df integer NOT NULL, {POSTINGS_LAYOUT})")
    with con.cursor().copy("COPY terms (term, df, rows, weights) FROM STDIN") as copy:
        for term, i in keyword.vocab.items():
            s, e = int(keyword.indptr[i]), int(keyword.indptr[i + 1])
            copy.write_row((term, e - s, *to_bytes(*impact_ordered(keyword.docs[s:e], keyword.weights[s:e]))))


def add_full_text(con, texts: list[str]) -> None:
    """PostgreSQL's own full text over our tokens (one tokenizer): a tsvector per paragraph and its GIN index."""
    from qa.text import tokenize

    con.execute("CREATE TEMP TABLE kw (row integer PRIMARY KEY, toks text)")
    with con.cursor().copy("COPY kw (row, toks) FROM STDIN") as copy:
        for row, text in enumerate(texts):
            copy.write_row((row, " ".join(tokenize(text))))
    con.execute("ALTER TABLE paragraphs ADD COLUMN keywords tsvector")
    con.execute("UPDATE paragraphs p SET keywords = to_tsvector('simple', kw.toks) FROM kw WHERE kw.row = p.row")
    con.execute("CREATE INDEX ON paragraphs USING gin (keywords)")


def copy_units(con, units: np.ndarray, vecs: np.ndarray, log=None) -> None:
    """One row per vector (paragraph row, kind, sentence span, embedding), then the HNSW index."""
    from pgvector.psycopg import register_vector

    register_vector(con)
    con.execute(f"CREATE TABLE units (id integer PRIMARY KEY, row integer NOT NULL, kind smallint NOT NULL, "
                f"start integer NOT NULL, stop integer NOT NULL, embedding vector({vecs.shape[1]}) NOT NULL)")
    with con.cursor().copy("COPY units (id, row, kind, start, stop, embedding) FROM STDIN WITH (FORMAT BINARY)") as copy:
        copy.set_types(["integer", "integer", "smallint", "integer", "integer", "vector"])
        for i in range(len(units)):
            r, k, s, e = (int(x) for x in units[i])
            copy.write_row((i, r, k, s, e, vecs[i]))
    con.execute("CREATE INDEX ON units (row)")
    # pgvector builds the graph fastest when it fits in memory: ask for what it needs, within 4 GB.
    need_mb = min(4096, 64 + int(len(units) * (vecs.shape[1] * 4 + 320) * 1.3 / 2**20))
    con.execute(f"SET maintenance_work_mem = '{need_mb}MB'")
    if log:
        log(f"indexing {len(units):,} vectors (HNSW)")
    con.execute(f"CREATE INDEX ON units USING hnsw (embedding vector_ip_ops) "
                f"WITH (m = {HNSW_M}, ef_construction = {HNSW_EF_CONSTRUCTION})")


def write_version(url: str, version: str, manifest: dict, sqlite_path: Path, keyword, units, vecs,
                  verify=None, log=lambda m: print(m, file=sys.stderr), lock=None, full_text=None) -> str | None:
    """Write version beside the live one, verify it, switch to it in one transaction; clean unused ones.

    A build killed part-way leaves its schema marked 'building' and the live version untouched; the next
    build drops it. `lock` is the BuildLock connection when the caller holds it already; `full_text`, the
    keyword texts, adds PostgreSQL's own full-text index (to measure its ranking). Returns the version
    that was live before.
    """
    from qa.backend.postgres import connect

    if lock is None:
        with BuildLock(url) as con:
            return write_version(url, version, manifest, sqlite_path, keyword, units, vecs, verify, log, con, full_text)
    dropped = clean(lock)  # killed builds first: they hold space and nobody reads them
    if dropped:
        log(f"removed unused versions: {', '.join(dropped)}")
    schema = register(lock, version, manifest)
    with connect(url, schema) as work:
        copy_sqlite_tables(work, sqlite_path)
        copy_postings(work, keyword)
        if full_text is not None:
            add_full_text(work, full_text)
        copy_units(work, units, vecs, log)
        work.execute("ANALYZE")
    if verify:
        verify(version)  # the new version must open and answer before it goes live
    previous = switch(lock, version, manifest)
    clean(lock)
    return previous


def load_version_dir(url: str, directory: Path, verify=None, lock=None, full_text=None) -> str | None:
    """Copy one embedded index version directory (its manifest, store, postings and vectors) into the database
    as a new version and switch to it; the previously live version."""
    import json

    import faiss

    from qa.build import KEYWORD_DIR, UNITS, VECTORS
    from qa.keyword import KeywordIndex
    from qa.store import CONTENT_DB, MANIFEST

    directory = Path(directory).resolve()
    manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    index = faiss.read_index(str(directory / VECTORS))
    return write_version(url, manifest["index_version"], manifest, directory / CONTENT_DB,
                         KeywordIndex.load(directory / KEYWORD_DIR), np.load(directory / UNITS, allow_pickle=False),
                         index.reconstruct_n(0, index.ntotal), verify, lock=lock, full_text=full_text)


def build_into_database(corpus_dir, url: str, encoder, opts, cache: Path, t0: float, verify: bool = True) -> dict:
    """`python -m qa build` into PostgreSQL: the version is prepared as files in a work directory beside the
    vector cache (the same parse, chunking, vectors and BM25 as the embedded index), then loaded and switched to."""
    import os
    import shutil

    from qa.build import prepare_version

    with BuildLock(url) as lock:  # one build at a time: a work directory of a dead process is a killed build's
        for old in cache.parent.glob(".index-build-*"):
            if not _alive(old.name.rsplit("-", 1)[-1]):
                shutil.rmtree(old, ignore_errors=True)
        work = cache.parent / f".index-build-{os.getpid()}"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        try:
            manifest, probe = prepare_version(corpus_dir, work, encoder, opts, cache, t0)

            def check(version):
                from qa.backend.postgres import PostgresBackend
                from qa.search import Searcher

                Searcher(PostgresBackend.open(url, version=version), encoder=encoder).ask(probe, k=1)

            load_version_dir(url, work, check if verify else None, lock=lock)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return manifest


def _alive(pid: str) -> bool:
    import os

    try:
        os.kill(int(pid), 0)
        return True
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
