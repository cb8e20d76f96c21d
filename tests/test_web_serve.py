"""`python -m qa serve`: a production server over the index, built first when missing; bad indexes refused clearly."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from qa.web.serve import run_serve

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, proc: subprocess.Popen, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}: {proc.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"server did not answer {url} within {timeout}s")


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.status, dict(r.headers), json.loads(r.read())


@pytest.mark.slow
def test_serve_builds_a_missing_index_then_answers(tmp_path, hostile_corpus):
    index, port = tmp_path / "index", free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "qa", "serve", "--index", str(index), "--corpus",
                             str(hostile_corpus), "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/healthz", proc)
        assert (index / "manifest.json").exists()
        status, headers, reply = get_json(base + "/api/ask?q=zebra+crossing+resurfaced")
        assert status == 200 and reply["passages"]
        assert "waitress" not in headers.get("Server", "").lower()
        try:
            urllib.request.urlopen(base + "/api/ask?q=", timeout=10)
            raise AssertionError("an empty question must be refused")
        except urllib.error.HTTPError as e:
            assert e.code == 400 and json.loads(e.read())["error"]["status"] == 400
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert "Traceback" not in proc.stderr.read()


def test_serve_refuses_a_damaged_index_with_a_clear_message(tmp_path, capsys):
    (tmp_path / "manifest.json").write_text("{half a manifest")
    assert run_serve(tmp_path, host="127.0.0.1", port=free_port(), corpus=tmp_path) == 2
    err = capsys.readouterr().err
    assert "cannot serve" in err and "rebuild" in err and "Traceback" not in err
