"""Load and thread safety: a short load run through the real server with 0 errors, and the shared state
(SQLite connections, the rate limiter, the searcher holder) safe when many request threads meet it.

The full run, 32 clients for 30 s, is `scripts/loadtest.py` against `python -m qa serve`; its figures
are a benchmark, not a timed test.
"""
from __future__ import annotations

import importlib.util
import json
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from live_server import ROOT, waitress_server
from qa.web import create_app
from qa.web.holder import SearcherHolder
from qa.web.limits import RateLimiter


def load_script():
    spec = importlib.util.spec_from_file_location("loadtest", ROOT / "scripts" / "loadtest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_load_smoke_through_the_real_server_has_no_errors(real_searcher, real_index):
    app = create_app(real_searcher, index_dir=real_index)
    with waitress_server(app) as base:
        result = load_script().run(base, clients=6, seconds=4, max_requests=100_000, pid=os.getpid(), warmup=1.5)
    print("load smoke:", json.dumps({k: result[k] for k in ("requests", "requests_per_s", "p50_ms", "p95_ms",
                                                             "p99_ms", "errors")}))
    assert result["errors"] == 0, result["error_samples"]
    assert result["requests"] >= 20
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["p99_ms"]


def test_the_load_script_refuses_other_hosts():
    with pytest.raises(SystemExit, match="loopback"):
        load_script().run("http://example.org", 1, 1, 1, None, 0)


def test_each_thread_gets_its_own_sqlite_connection(tiny_index):
    from qa.store import Store

    index, _enc = tiny_index
    store = Store(index)
    seen = {}

    def use(i):
        con = store._db()
        assert con is store._db(), "one thread keeps its connection"
        assert store.stats()["paragraphs"] > 0
        seen[i] = (threading.get_ident(), id(con), con)

    threads = [threading.Thread(target=use, args=(i,)) for i in range(6)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert len({c for _t, c, _con in seen.values()}) == 6
    main = store._db()
    assert all(main is not con for _t, _c, con in seen.values())


def test_the_rate_limiter_counts_exactly_under_contention():
    limiter = RateLimiter(100)
    with ThreadPoolExecutor(16) as pool:
        allowed = list(pool.map(lambda _i: limiter.check("one-client") is None, range(1000)))
    assert sum(allowed) == 100


class Slow:
    """A searcher whose load takes a while, counting how often it is loaded."""

    loads = 0
    lock = threading.Lock()

    def __init__(self, index_dir, encoder=None):
        with Slow.lock:
            Slow.loads += 1
        time.sleep(0.3)
        self.manifest = json.loads((index_dir / "manifest.json").read_text())
        self.encoder = encoder


def test_one_thread_loads_a_new_index_while_the_others_keep_the_old(tmp_path):
    (tmp_path / "manifest.json").write_text(json.dumps({"index_version": "v1"}))
    first = Slow(tmp_path)
    Slow.loads = 0
    holder = SearcherHolder(first, tmp_path, factory=Slow, interval=0.0)
    (tmp_path / "manifest.json").write_text(json.dumps({"index_version": "v2"}))
    t0 = time.monotonic()
    with ThreadPoolExecutor(12) as pool:
        got = list(pool.map(lambda _i: holder.get(), range(48)))
    assert Slow.loads == 1, "only one thread loads the new version"
    assert any(g is first for g in got), "the others carried on with the old searcher meanwhile"
    assert holder.get().manifest["index_version"] == "v2" and holder.version == "v2"
    assert time.monotonic() - t0 < 5
