"""`python -m qa serve`: a production server over the index, built first when missing; bad indexes refused clearly."""
from __future__ import annotations

import json

import pytest

from live_server import free_port, http, start_serve, stop, wait_healthy
from qa.web.serve import run_serve


@pytest.mark.slow
def test_serve_builds_a_missing_index_then_answers(tmp_path, hostile_corpus):
    index, port = tmp_path / "index", free_port()
    proc = start_serve(index, port, corpus=hostile_corpus)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base, proc)
        assert (index / "manifest.json").exists()
        status, headers, body = http(base + "/api/ask?q=zebra+crossing+resurfaced")
        assert status == 200 and json.loads(body)["passages"]
        assert "waitress" not in headers.get("Server", "").lower()
        status, _headers, body = http(base + "/api/ask?q=", timeout=10)
        assert status == 400 and json.loads(body)["error"]["status"] == 400, "an empty question must be refused"
    finally:
        err = stop(proc)
    assert "Traceback" not in err


def test_serve_refuses_a_damaged_index_with_a_clear_message(tmp_path, capsys):
    (tmp_path / "manifest.json").write_text("{half a manifest")
    assert run_serve(tmp_path, host="127.0.0.1", port=free_port(), corpus=tmp_path) == 2
    err = capsys.readouterr().err
    assert "cannot serve" in err and "rebuild" in err and "Traceback" not in err
