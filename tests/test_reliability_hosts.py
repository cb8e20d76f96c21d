"""Two `qa serve` hosts on one PostgreSQL: a rebuild and a killed build while both serve, with no failed request."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import psycopg
import pytest

from live_server import OFFLINE, ROOT, free_port, http, start_serve, stop, wait_healthy
from test_reliability_rebuild import LIBRARIES, PARKS, Firing, health, wait_for_version

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def cli_build(workspace, url) -> subprocess.Popen:
    """`python -m qa build` into the database, run where the vector cache of the bundled corpus sits."""
    env = {**os.environ, **OFFLINE, "MINUTEBOOK_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "qa", "build", str(workspace / "corpus")], cwd=workspace, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def build_ok(workspace, url) -> None:
    proc = cli_build(workspace, url)
    _out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err[-2000:]


def building(url) -> bool:
    with psycopg.connect(url) as con:
        return bool(con.execute("SELECT count(*) FROM minutebook.versions WHERE state = 'building'").fetchone()[0])


def test_two_hosts_serve_through_a_rebuild_and_a_killed_build(real_index, pg_url, tmp_path):
    workspace = tmp_path
    shutil.copytree(ROOT / "corpus", workspace / "corpus")
    cache = real_index.parent / f"{real_index.name}.cache"
    if cache.is_dir():
        shutil.copytree(cache, workspace / "index.cache")
    build_ok(workspace, pg_url)
    env = {"MINUTEBOOK_DATABASE_URL": pg_url, "MINUTEBOOK_RELOAD_CHECK_SECONDS": "0.2"}
    ports = [free_port(), free_port()]
    hosts = [start_serve(workspace / "no-index-here", port, env=env) for port in ports]
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        first = {wait_healthy(b, h)["index_version"] for b, h in zip(bases, hosts)}
        assert len(first) == 1
        first = first.pop()
        assert not (workspace / "no-index-here").exists(), "a database host keeps no index of its own"
        firings = [Firing(b, threads=2) for b in bases]
        for f in firings:
            f.__enter__()
        try:
            time.sleep(1.0)
            (workspace / "corpus" / "testshire-parks-2024-06-01-minutes.txt").write_text(PARKS, encoding="utf-8")
            build_ok(workspace, pg_url)
            second = {wait_for_version(b, first) for b in bases}
            assert len(second) == 1
            second = second.pop()
            for b in bases:
                status, _h, data = http(b + "/api/ask?q=bandstand+in+Victoria+Park+repainted")
                assert status == 200 and b"bandstand" in data

            # A build killed while it loads its version: both hosts keep serving the live one.
            (workspace / "corpus" / "testshire-libraries-2024-07-09-minutes.txt").write_text(LIBRARIES, encoding="utf-8")
            proc = cli_build(workspace, pg_url)
            deadline = time.monotonic() + 300
            while not building(pg_url):
                assert proc.poll() is None, "the build finished before it could be killed half way"
                assert time.monotonic() < deadline
                time.sleep(0.02)
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=30)
            time.sleep(1.0)
            assert all(health(b)["index_version"] == second for b in bases)
        finally:
            for f in firings:
                f.__exit__(None, None, None)
        total = sum(f.count() for f in firings)
        failed = [x for f in firings for x in f.failed]
        print(f"two hosts through a rebuild and a killed build: {total} requests, {len(failed)} failed")
        assert total > 50 and all(f.ok for f in firings)
        assert not failed, failed[:5]
    finally:
        for h in hosts:
            stop(h)
