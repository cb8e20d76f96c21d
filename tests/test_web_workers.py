"""`python -m qa serve` with several worker processes on one port: they answer, one that dies is replaced,
SIGTERM stops them all, and a refusal or a taken port is said as clearly as with one process."""
from __future__ import annotations

import json
import os
import signal
import socket
import time

import pytest

from live_server import free_port, http, start_serve, stop, wait_healthy
from qa.web.serve import run_serve
from qa.web.settings import Settings


def children(pid: int) -> set[int]:
    """The live child processes of pid (Linux)."""
    with open(f"/proc/{pid}/task/{pid}/children") as f:
        return {int(x) for x in f.read().split()}


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_worker_count_is_one_per_core_up_to_four_and_one_under_a_rate_limit():
    assert Settings().worker_count(2) == 2
    assert Settings().worker_count(1) == 1
    assert Settings().worker_count(64) == 4
    assert Settings(workers=3).worker_count(2) == 3
    assert Settings(rate_limit_per_minute=60).worker_count(8) == 1, "each process would count its own clients"
    assert Settings(rate_limit_per_minute=60, workers=2).worker_count(8) == 2
    with pytest.raises(ValueError, match="workers"):
        Settings(workers=-1).worker_count(2)


def test_a_negative_worker_count_is_a_bad_setting(tmp_path, capsys, monkeypatch):
    (tmp_path / "manifest.json").write_text("{}")
    monkeypatch.setenv("MINUTEBOOK_WORKERS", "-2")
    assert run_serve(tmp_path, port=free_port(), corpus=tmp_path) == 2
    assert "bad setting" in capsys.readouterr().err


def test_workers_refuse_a_damaged_index_with_the_same_message(tmp_path, capsys):
    (tmp_path / "manifest.json").write_text("{half a manifest")
    assert run_serve(tmp_path, host="127.0.0.1", port=free_port(), corpus=tmp_path, workers=2) == 2
    err = capsys.readouterr().err
    assert "cannot serve" in err and "rebuild" in err and "Traceback" not in err


def test_workers_say_when_the_port_is_taken(tmp_path, capsys):
    (tmp_path / "manifest.json").write_text("{}")
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        assert run_serve(tmp_path, host="127.0.0.1", port=port, corpus=tmp_path, workers=2) == 2
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


@pytest.mark.slow
def test_two_workers_answer_replace_a_dead_one_and_stop_together(real_index):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_serve(real_index, port, env={"MINUTEBOOK_WORKERS": "2"})
    try:
        wait_healthy(base, proc)
        first = children(proc.pid)
        assert len(first) == 2
        for _ in range(6):
            status, _h, body = http(base + "/api/ask?q=apprenticeship+levy+returned&k=2")
            assert status == 200 and json.loads(body)["passages"]

        victim = min(first)
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 120
        statuses = []
        while time.monotonic() < deadline:
            statuses.append(http(base + "/healthz", timeout=10)[0])  # the other worker answers meanwhile
            now = children(proc.pid)
            if len(now) == 2 and victim not in now:
                break
            time.sleep(0.2)
        now = children(proc.pid)
        assert len(now) == 2 and victim not in now and (first - {victim}) <= now, "the dead worker was not replaced"
        assert set(statuses) == {200}
        assert proc.poll() is None
    finally:
        err = stop(proc)
    assert proc.returncode == 0
    assert "with 2 worker processes" in err and "starting another" in err and "Traceback" not in err
    deadline = time.monotonic() + 10
    while any(alive(p) for p in now) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(p) for p in now), "a worker outlived the server"
