"""Rebuilds while serving: the real server picks up each new index version with no failed request;
a build killed half way changes nothing; a damaged or mismatched index is refused at startup."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from live_server import OFFLINE, ROOT, free_port, http, start_serve, stop, wait_healthy

pytestmark = pytest.mark.slow
CORPUS = ROOT / "corpus"

PARKS = """Parks Committee
Saturday, 1 June 2024, Online - 10.00 am

Minutes

Present: Mr D Green (Chairman), Mrs E Hill

7 Bandstand

The Committee agreed that the bandstand in Victoria Park would be repainted in July.

8 Allotments

Members noted that the waiting list for allotments at Riverside had grown to 140 households.
"""

LIBRARIES = """Libraries Panel
Tuesday, 9 July 2024, County Hall - 2.00 pm

Minutes

Present: Mrs F Ward (Chairman), Mr G Lee

3 Mobile Library

The Panel agreed that the mobile library would visit the villages of Ashby, Brook and Carlton every fortnight
from September, and that the timetable would be published on the council website and in each parish newsletter.

4 Reading Challenge

Officers reported that 3,200 children had joined the summer reading challenge, up from 2,700 the year before.
"""


def cli_build(corpus: Path, index: Path, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "qa", "build", str(corpus), "--index", str(index)], cwd=ROOT,
                            env={**os.environ, **OFFLINE}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **kw)


def build_ok(corpus: Path, index: Path) -> str:
    proc = cli_build(corpus, index)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err[-2000:]
    return out


@pytest.fixture(scope="module")
def workspace(real_index, tmp_path_factory):
    """A copy of the bundled corpus, its index built by the CLI (vectors reused from the session's cache)."""
    root = tmp_path_factory.mktemp("rebuild")
    shutil.copytree(CORPUS, root / "corpus")
    cache = real_index.parent / f"{real_index.name}.cache"
    if cache.is_dir():
        shutil.copytree(cache, root / "index.cache")
    build_ok(root / "corpus", root / "index")
    return root


class Firing:
    """Questions, meeting lists and health checks from a few threads until stopped; every outcome counted."""

    def __init__(self, base: str, threads: int = 4):
        self.base, self.ok, self.failed, self.versions = base, 0, [], []
        self.lock, self.stopping = threading.Lock(), threading.Event()
        self.threads = [threading.Thread(target=self._loop, args=(i,), daemon=True) for i in range(threads)]

    def _one(self, i: int, n: int) -> None:
        kind = (i + n) % 3
        if kind == 0:
            body = json.dumps({"question": "what did the committee agree?", "k": 3}).encode()
            status, _h, data = http(self.base + "/api/ask", body, {"Content-Type": "application/json"})
            good = status == 200 and json.loads(data)["passages"]
        elif kind == 1:
            status, _h, data = http(self.base + "/api/meetings")
            good = status == 200 and json.loads(data)["meetings"]
        else:
            status, _h, data = http(self.base + "/healthz")
            good = status == 200
            if good:
                with self.lock:
                    self.versions.append(json.loads(data)["index_version"])
        with self.lock:
            if good:
                self.ok += 1
            else:
                self.failed.append((status, data[:200]))

    def _loop(self, i: int) -> None:
        n = 0
        while not self.stopping.is_set():
            try:
                self._one(i, n)
            except Exception as e:  # a refused or reset connection is a failed request too
                with self.lock:
                    self.failed.append(repr(e))
            n += 1

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for t in self.threads:
            t.join(60)

    def count(self) -> int:
        with self.lock:
            return self.ok + len(self.failed)


def health(base: str) -> dict:
    status, _h, data = http(base + "/healthz")
    assert status == 200
    return json.loads(data)


def wait_for_version(base: str, not_version: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        version = health(base)["index_version"]
        if version != not_version:
            return version
        time.sleep(0.2)
    raise AssertionError(f"the server still serves {not_version} after {timeout}s")


def test_rebuilds_while_serving_never_fail_a_request(workspace, record_property):
    corpus, index = workspace / "corpus", workspace / "index"
    versions_dir = workspace / "index.versions"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_serve(index, port, env={"MINUTEBOOK_RELOAD_CHECK_SECONDS": "0.2"})
    try:
        first = wait_healthy(base, proc)["index_version"]
        with Firing(base) as firing:
            time.sleep(1.0)
            # 1. A rebuild with one more meeting goes live without a restart.
            (corpus / "testshire-parks-2024-06-01-minutes.txt").write_text(PARKS, encoding="utf-8")
            build_ok(corpus, index)
            second = wait_for_version(base, first)
            time.sleep(1.0)
            status, _h, data = http(base + "/api/ask?q=bandstand+in+Victoria+Park+repainted")
            assert status == 200 and "bandstand" in json.loads(data)["passages"][0]["text"]

            # 2. A build killed half way (while it writes its new version) leaves the live one serving.
            (corpus / "testshire-libraries-2024-07-09-minutes.txt").write_text(LIBRARIES, encoding="utf-8")
            live_target = os.readlink(index)
            build = cli_build(corpus, index)
            deadline = time.monotonic() + 300
            while not list(versions_dir.glob(".tmp-*")):
                assert build.poll() is None, "the build finished before it could be killed half way"
                assert time.monotonic() < deadline
                time.sleep(0.02)
            time.sleep(0.3)
            build.send_signal(signal.SIGKILL)
            build.communicate(timeout=30)
            assert build.returncode == -signal.SIGKILL
            assert os.readlink(index) == live_target and list(versions_dir.glob(".tmp-*"))
            time.sleep(1.0)
            assert health(base)["index_version"] == second
            status, _h, data = http(base + "/api/ask?q=mobile+library+Ashby+Brook+Carlton")
            assert status == 200 and not any("Carlton" in p["text"] for p in json.loads(data)["passages"])

            # 3. The next build succeeds, clears the half-written version, and goes live.
            out = build_ok(corpus, index)
            documents = sum(1 for f in corpus.iterdir() if f.name != "manifest.json")
            assert f"indexed {documents} documents" in out, out
            assert not list(versions_dir.glob(".tmp-*"))
            third = wait_for_version(base, second)
            time.sleep(1.0)
            status, _h, data = http(base + "/api/ask?q=mobile+library+Ashby+Brook+Carlton")
            assert status == 200 and "Carlton" in json.loads(data)["passages"][0]["text"]
        total = firing.count()
        print(f"rebuild while serving: {total} requests, {len(firing.failed)} failed, "
              f"versions {first} -> {second} -> {third}")
        record_property("requests_during_rebuilds", total)
        assert not firing.failed, firing.failed[:5]
        assert total >= 100
        assert {first, second, third} <= set(firing.versions), "the firing threads saw every version served"
    finally:
        err = stop(proc)
    assert "Traceback" not in err, err[-3000:]


def damaged_copies(live: Path, root: Path) -> dict[str, tuple[Path, tuple[str, ...]]]:
    """Copies of a good index version, each broken one way: name -> (dir, words the refusal must contain)."""
    out = {}

    def copy(name: str) -> Path:
        d = root / name
        shutil.copytree(live, d)
        return d

    def edit_manifest(d: Path, **changes) -> None:
        m = json.loads((d / "manifest.json").read_text())
        m.update(changes)
        (d / "manifest.json").write_text(json.dumps(m))

    d = copy("other-model")
    edit_manifest(d, model={"name": "some/other-model", "dims": 768})
    out["other model"] = (d, ("some/other-model", "768", "rebuild"))
    d = copy("newer-schema")
    edit_manifest(d, schema_version=99)
    out["newer schema"] = (d, ("schema version 99", "rebuild"))
    d = copy("truncated-vectors")
    (d / "vectors.faiss").write_bytes((d / "vectors.faiss").read_bytes()[:1000])
    out["truncated vectors"] = (d, ("damaged", "rebuild"))
    d = copy("no-store")
    (d / "content.sqlite").unlink()
    out["missing paragraph store"] = (d, ("damaged", "content.sqlite"))
    d = copy("garbage-store")
    (d / "content.sqlite").write_bytes(b"not a database" * 100)
    out["garbage paragraph store"] = (d, ("damaged", "rebuild"))
    d = copy("wrong-counts")
    m = json.loads((d / "manifest.json").read_text())
    edit_manifest(d, counts={**m["counts"], "paragraphs": m["counts"]["paragraphs"] + 1})
    out["counts differ"] = (d, ("inconsistent", "rebuild"))
    d = copy("torn-manifest")
    (d / "manifest.json").write_text((d / "manifest.json").read_text()[:200])
    out["torn manifest"] = (d, ("manifest", "unreadable", "rebuild"))
    return out


def test_a_damaged_or_mismatched_index_is_refused_at_startup(workspace, tmp_path):
    live = (workspace / "index").resolve()
    cases = damaged_copies(live, tmp_path)
    for name, (index, words) in cases.items():
        port = free_port()
        proc = start_serve(index, port, corpus=tmp_path / "no-corpus")
        try:
            _out, err = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise AssertionError(f"{name}: the server started on a broken index")
        assert proc.returncode == 2, (name, proc.returncode, err[-1000:])
        assert "cannot serve" in err and "Traceback" not in err, (name, err[-1000:])
        for word in words:
            assert word in err, (name, word, err[-1000:])
