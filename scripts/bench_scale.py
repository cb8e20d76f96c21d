"""Scale benchmark: build and query N-paragraph corpora on the embedded or the PostgreSQL backend.

    python scripts/bench_scale.py --backend embedded --paragraphs 10000 100000 1000000
    python scripts/bench_scale.py --backend postgres --paragraphs 10000

Paragraph texts recombine the bundled corpus's paragraphs (one paragraph plus a sentence of another).
Vectors are NOT encoded (a million texts would take days on two cores): each synthetic paragraph takes a
blend of the real model's vectors of its two source paragraphs (from a built index, --index) plus Gaussian
noise, renormalised, one vector per paragraph (a real build also indexes window and sentence vectors, about 3x as many).
Queries are the dev-set questions encoded by the real model; timings exclude query encoding.

Prints one JSON line per size: backend, paragraphs, build_s, p50_ms, p95_ms, recall_at_10 (approximate
nearest vectors against exact search on the same vectors), rss_mb (peak of the serving process; for
PostgreSQL the client plus the server's processes), disk_mb; and load_1m, the machine's load average while
it measured (latency on a busy machine measures the scheduler too). Run it by hand, under `nice`, and
report it with the CPU model.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NOISE = 0.01      # per-dimension Gaussian noise on unit vectors (a norm of about 0.2 at 384 dimensions)
QUERIES = 200     # timed questions (the dev set, repeated)
SEED = 13


def source(index: Path):
    """Texts and paragraph vectors of the bundled corpus from a built index: (texts, vectors)."""
    import faiss

    from qa.build import UNITS, VECTORS
    from qa.store import CONTENT_DB

    con = sqlite3.connect(index / CONTENT_DB)
    texts = [t for (t,) in con.execute("SELECT text FROM paragraphs ORDER BY row")]
    units = np.load(index / UNITS)
    vi = faiss.read_index(str(index / VECTORS))
    first = {}
    for i, (row, kind, _s, _e) in enumerate(units):
        if kind == 0 and row not in first:
            first[int(row)] = i
    vecs = np.stack([vi.reconstruct(first[r]) for r in range(len(texts))])
    return texts, vecs


def synthesise(texts, vecs, n: int, rng):
    """n paragraph texts and unit vectors recombined from the real ones: paragraph a with a sentence of b,
    its vector a random blend of a's and b's (mostly a's) plus noise, so vectors spread rather than cluster."""
    a = rng.integers(0, len(texts), n)
    b = rng.integers(0, len(texts), n)
    w = rng.uniform(0.6, 1.0, (n, 1)).astype(np.float32)
    out_texts = [f"{texts[i]} {texts[j].split('. ')[0]}" for i, j in zip(a, b)]
    out = w * vecs[a] + (1 - w) * vecs[b] + rng.normal(0, NOISE, (n, vecs.shape[1])).astype(np.float32)
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out_texts, np.ascontiguousarray(out, dtype=np.float32)


def write_store(path: Path, texts) -> None:
    """A paragraph store with the real schema: 100 paragraphs per meeting, dates spread over ten years."""
    from qa.store import SCHEMA

    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    n_meet = (len(texts) + 99) // 100
    con.executemany("INSERT INTO meetings (id, ord, council, body, date, kind, title, source, source_url, venue, "
                    "attendees, also_attended) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    ((f"m{i}", i, "Bench Council", f"Committee {i % 7}", f"{2015 + i % 10}-{1 + i % 12:02d}-15",
                      "minutes", "Minutes", "bench", None, None, "[]", "[]") for i in range(n_meet)))
    con.executemany("INSERT INTO paragraphs (row, cid, meeting_id, item_key, item_ord, ord, text, kind, is_decision, "
                    "decision, refs, citation) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    ((r, f"m{r // 100}/1/{r % 100}", f"m{r // 100}", "1", 0, r % 100, t, "paragraph",
                      int(r % 17 == 0), "null", "[]", json.dumps({"id": f"m{r // 100}/1/{r % 100}"}))
                     for r, t in enumerate(texts)))
    con.commit()
    con.close()


def manifest(n: int, dims: int) -> dict:
    from qa.build import SCHEMA_VERSION

    return {"schema_version": SCHEMA_VERSION, "index_version": f"bench-{n}-{time.time_ns()}",
            "model": {"name": "bench", "dims": dims}, "counts": {"paragraphs": n, "vectors": n}}


def build(backend: str, work: Path, texts, vecs, url: str | None) -> float:
    """Write the index; seconds taken (keyword + vectors + store load, not the text generation)."""
    import faiss

    from qa.backend.ann import vector_index
    from qa.keyword import KeywordIndex

    t0 = time.perf_counter()
    write_store(work / "content.sqlite", texts)
    kw = KeywordIndex.build(texts)
    units = np.column_stack([np.arange(len(texts)), np.zeros((len(texts), 3), dtype=np.int64)]).astype(np.int32)
    man = manifest(len(texts), vecs.shape[1])
    if backend == "embedded":
        kw.save(work / "keyword")
        faiss.write_index(vector_index(vecs), str(work / "vectors.faiss"))
        np.save(work / "units.npy", units)
        (work / "manifest.json").write_text(json.dumps(man))
    else:
        from qa.backend import pgbuild

        pgbuild.write_version(url, man["index_version"], man, work / "content.sqlite", kw, units, vecs,
                              log=lambda m: print(m, file=sys.stderr))
    return time.perf_counter() - t0


def serve_and_measure(args) -> dict:
    """In a fresh process: open the index, time retrieval for the dev-set questions, recall@10 of the ANN."""
    from qa.backend.base import open_backend
    from qa.search import CANDIDATES, DENSE_UNITS, fuse
    from qa.text import tokenize

    qs = json.loads(Path(args.queries).read_text())
    qvecs = np.array([q["vec"] for q in qs], dtype=np.float32)
    backend = open_backend(args.location).load()
    times = []
    for i in range(QUERIES):
        q = qs[i % len(qs)]
        t0 = time.perf_counter()
        c = backend.candidates(qvecs[i % len(qs)], tokenize(q["text"]), None, CANDIDATES, DENSE_UNITS)
        fused = fuse(c.dense, c.keyword, "minmax", 0.7)
        sorted(fused, key=lambda r: (-fused[r], r))
        times.append((time.perf_counter() - t0) * 1000)
    rss = peak_rss_mb()  # the serving peak, before the exact scan below
    vecs = np.load(args.vectors, mmap_mode="r")
    hits = 0
    for qv in qvecs:
        exact = set(np.argsort(-(vecs @ qv))[:10].tolist())
        hits += len(exact & set(nearest_ids(backend, qv, 10, DENSE_UNITS)))
    times = np.array(times[10:])  # the first few warm caches
    return {"p50_ms": round(float(np.percentile(times, 50)), 2), "p95_ms": round(float(np.percentile(times, 95)), 2),
            "recall_at_10": round(hits / (10 * len(qvecs)), 4), "client_rss_mb": round(rss, 1),
            "load_1m": round(os.getloadavg()[0], 1)}


def peak_rss_mb() -> float:
    """This process's peak resident set since it started (VmHWM; ru_maxrss would carry the parent's over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def nearest_ids(backend, qv, k: int, depth: int) -> list[int]:
    """The k nearest vector ids among the `depth` the backend fetches when it serves a question."""
    if hasattr(backend, "vectors"):
        sims, ids = backend._nearest(qv, None, depth)
    else:
        got = backend._query("SELECT id, -(embedding <#> %s) FROM units ORDER BY embedding <#> %s LIMIT %s",
                             (qv, qv, depth)).fetchall()
        ids, sims = np.array([g[0] for g in got]), np.array([g[1] for g in got])
    return ids[np.argsort(-sims, kind="stable")[:k]].tolist()  # pgvector's relaxed order: sort here


def server_rss_mb(pg) -> float:
    """Summed proportional set size of the PostgreSQL server's processes."""
    import psutil

    proc = psutil.Process(pg.pid)
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            info = p.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except psutil.Error:
            pass
    return total / 2**20


def encode_queries(path: Path) -> list[dict]:
    from qa.embed import default_encoder

    qs = [json.loads(line)["question"] for line in (ROOT / "eval" / "dev-questions.jsonl").read_text().splitlines() if line.strip()]
    vecs = default_encoder(for_queries=True).encode_queries(qs)
    out = [{"text": q, "vec": v.tolist()} for q, v in zip(qs, vecs)]
    path.write_text(json.dumps(out))
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--backend", choices=("embedded", "postgres"), default="embedded")
    p.add_argument("--paragraphs", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    p.add_argument("--index", default=str(ROOT / "index"), help="a built index of the bundled corpus (its vectors)")
    p.add_argument("--work", default=None, help="where to write the benchmark indexes (default: a temporary dir)")
    p.add_argument("--measure", nargs=3, metavar=("LOCATION", "VECTORS", "QUERIES"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.measure:
        args.location, args.vectors, args.queries = args.measure
        print(json.dumps(serve_and_measure(args)))
        return 0
    index = Path(args.index)
    if not (index / "manifest.json").exists():
        print(f"no index at {index}: run `python -m qa build` first (its vectors seed the benchmark)", file=sys.stderr)
        return 2
    texts, vecs = source(index)
    base = Path(tempfile.mkdtemp(prefix="minutebook-bench-", dir=args.work))
    pg = None
    try:
        encode_queries(base / "queries.json")
        if args.backend == "postgres":
            from qa.backend.pglocal import LocalPostgres

            pg = LocalPostgres.create(settings={"shared_buffers": "2GB", "maintenance_work_mem": "'3GB'",
                                                "max_parallel_maintenance_workers": "2"}).start()
        for n in args.paragraphs:
            rng = np.random.default_rng(SEED)
            stexts, svecs = synthesise(texts, vecs, n, rng)
            work = base / f"n{n}"
            work.mkdir()
            np.save(base / "vectors.npy", svecs)
            url = None
            if pg:
                import psycopg

                url = pg.url.rsplit("/", 1)[0] + f"/bench{n}"
                with psycopg.connect(pg.url, autocommit=True) as con:
                    con.execute(f"CREATE DATABASE bench{n}")
            build_s = build(args.backend, work, stexts, svecs, url)
            del stexts, svecs
            location = url or str(work)
            out = subprocess.run([sys.executable, __file__, "--measure", location, str(base / "vectors.npy"),
                                  str(base / "queries.json")], capture_output=True, text=True, check=True)
            m = json.loads(out.stdout.strip().splitlines()[-1])
            if pg:
                with psycopg.connect(url) as con:
                    disk = con.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 2**20
                rss = m["client_rss_mb"] + server_rss_mb(pg)
            else:
                disk = sum(f.stat().st_size for f in work.rglob("*") if f.is_file()) / 2**20
                rss = m["client_rss_mb"]
            print(json.dumps({"backend": args.backend, "paragraphs": n, "build_s": round(build_s, 1),
                              "p50_ms": m["p50_ms"], "p95_ms": m["p95_ms"], "recall_at_10": m["recall_at_10"],
                              "rss_mb": round(rss, 1), "disk_mb": round(disk, 1), "load_1m": m["load_1m"]}), flush=True)
            shutil.rmtree(work, ignore_errors=True)
            if pg:
                with psycopg.connect(pg.url, autocommit=True) as con:
                    con.execute(f"DROP DATABASE bench{n}")
    finally:
        if pg:
            pg.stop()
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
