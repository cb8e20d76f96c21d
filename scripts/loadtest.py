"""Load test: concurrent clients against a running Minutebook server over loopback.

    python scripts/loadtest.py --url http://127.0.0.1:8000 --clients 32 --seconds 30 [--pid PID] [--asks-only]

Each client loops over a mix of requests (questions, citation pages, meeting lists) until the
time or request budget runs out. Prints requests/s, latency p50/p95/p99, errors, and — given
the server's pid — its resident memory (with its worker processes') before, after warm-up and at the end. Only loopback
addresses are accepted: this is a tool for testing your own server.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

QUESTIONS = [
    "how much did apprenticeships cost the council?",
    "what did the panel agree about the work programme?",
    "when will the member portal go live?",
    "what happened to weddings during lockdown?",
    "how many people are on an apprenticeship programme?",
    "what was said about agency social workers?",
    "complaints completed within 65 days",
    "capital receipts from property sales",
]


def rss_kb(pid: int) -> int | None:
    """Resident memory in kB (Linux) of a process and its children (a server's worker processes), or None when it
    cannot be read."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            kids = [int(x) for x in f.read().split()]
    except OSError:
        kids = []
    total = None
    for p in [pid, *kids]:
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total = (total or 0) + int(line.split()[1])
        except OSError:
            continue
    return total


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


class Load:
    """Shared counters of one run; every update is under the lock."""

    def __init__(self, base: str, deadline: float, budget: int, asks_only: bool = False):
        self.base, self.deadline, self.budget = base.rstrip("/"), deadline, budget
        self.asks_only = asks_only
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.sent = 0
        self.cite_urls: list[str] = []

    def take(self) -> bool:
        with self.lock:
            if time.monotonic() > self.deadline or self.sent >= self.budget:
                return False
            self.sent += 1
            return True

    def request(self, rng: random.Random) -> tuple[str, bytes | None]:
        r = rng.random()
        if r < 0.6 or not self.cite_urls or self.asks_only:
            body = json.dumps({"question": rng.choice(QUESTIONS), "k": 5}).encode()
            return "/api/ask", body
        if r < 0.85:
            return rng.choice(self.cite_urls), None
        return "/api/meetings", None

    def one(self, rng: random.Random) -> None:
        path, body = self.request(rng)
        req = urllib.request.Request(self.base + path, data=body, headers={
            "Content-Type": "application/json", "Accept": "application/json"})
        t0 = time.perf_counter()
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                data = resp.read()
                status = resp.status
        except urllib.error.HTTPError as e:
            data, status = e.read(), e.code
        except Exception as e:  # a refused or reset connection is an error of the run
            with self.lock:
                self.errors.append(f"{path}: {type(e).__name__}: {e}")
            return
        ms = (time.perf_counter() - t0) * 1000
        with self.lock:
            self.latencies.append(ms)
            if status >= 400:
                self.errors.append(f"{path}: HTTP {status}")
            elif path == "/api/ask" and len(self.cite_urls) < 200:
                try:
                    for p in json.loads(data)["passages"]:
                        self.cite_urls.append(p["citation"]["url"])
                except (ValueError, KeyError, TypeError):
                    self.errors.append(f"{path}: reply is not the documented shape")


def run(url: str, clients: int, seconds: float, max_requests: int, pid: int | None, warmup: float,
        asks_only: bool = False) -> dict:
    host = urllib.parse.urlparse(url).hostname or ""
    if not (host == "localhost" or host.startswith("127.") or host == "::1"):
        raise SystemExit(f"refusing to load {host}: only loopback addresses are allowed")
    before = rss_kb(pid) if pid else None
    warm = Load(url, time.monotonic() + warmup, max_requests)
    threads = [threading.Thread(target=_loop, args=(warm, random.Random(i))) for i in range(min(clients, 8))]
    [t.start() for t in threads]
    [t.join() for t in threads]
    after_warmup = rss_kb(pid) if pid else None
    load = Load(url, time.monotonic() + seconds, max_requests, asks_only)
    load.cite_urls = warm.cite_urls[:]
    t0 = time.perf_counter()
    threads = [threading.Thread(target=_loop, args=(load, random.Random(100 + i))) for i in range(clients)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    elapsed = time.perf_counter() - t0
    end = rss_kb(pid) if pid else None
    lat = load.latencies
    return {
        "clients": clients, "asks_only": asks_only, "requests": len(lat) + len(load.errors), "seconds": round(elapsed, 2),
        "requests_per_s": round((len(lat) + len(load.errors)) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(percentile(lat, 0.50), 1), "p95_ms": round(percentile(lat, 0.95), 1),
        "p99_ms": round(percentile(lat, 0.99), 1), "mean_ms": round(statistics.fmean(lat), 1) if lat else 0.0,
        "errors": len(load.errors), "error_samples": load.errors[:5] + warm.errors[:5],
        "rss_kb_before": before, "rss_kb_after_warmup": after_warmup, "rss_kb_end": end,
        "rss_growth_after_warmup_pct": round(100 * (end - after_warmup) / after_warmup, 1) if end and after_warmup else None,
    }


def _loop(load: Load, rng: random.Random) -> None:
    while load.take():
        load.one(rng)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", default="http://127.0.0.1:8000")
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--max-requests", type=int, default=100_000)
    ap.add_argument("--warmup", type=float, default=5.0)
    ap.add_argument("--pid", type=int, help="server process id, to report its memory")
    ap.add_argument("--asks-only", action="store_true", help="every timed request a question (/api/ask alone)")
    args = ap.parse_args(argv)
    result = run(args.url, args.clients, args.seconds, args.max_requests, args.pid, args.warmup, args.asks_only)
    print(json.dumps(result, indent=2))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
