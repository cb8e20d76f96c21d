"""Test helpers: the app behind a real waitress server (in this process, or `python -m qa serve` in a child)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def waitress_server(app, settings=None):
    """Serve app with the production waitress options on a free loopback port; yields the base URL."""
    import waitress

    from qa.web.serve import waitress_options
    from qa.web.settings import Settings

    server = waitress.create_server(app, host="127.0.0.1", port=0, **waitress_options(settings or Settings()))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.task_dispatcher.shutdown()
        server.close()


def raw_http(base: str, request: bytes, timeout: float = 30) -> tuple[int, dict, bytes]:
    """Send raw bytes to the server and parse the reply: (status, headers with lower-case names, body)."""
    host, port = base.rsplit("/", 1)[-1].split(":")
    data = b""
    with socket.create_connection((host, int(port)), timeout=timeout) as s:
        # Send from a thread while reading here: a server that refuses early answers and closes mid-send.
        def send():
            try:
                s.sendall(request)
                s.shutdown(socket.SHUT_WR)
            except OSError:
                pass

        sender = threading.Thread(target=send, daemon=True)
        sender.start()
        try:
            while chunk := s.recv(65536):
                data += chunk
        except ConnectionResetError:
            pass
        sender.join(timeout)
    if not data:
        raise ConnectionError("the server closed the connection without a reply")
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return status, headers, body


def http(url: str, data: bytes | None = None, headers: dict | None = None, timeout: float = 30):
    """One request: (status, headers, body bytes); HTTP errors are returned, not raised."""
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def start_serve(index: Path, port: int, env: dict | None = None, corpus: Path | None = None) -> subprocess.Popen:
    """`python -m qa serve` in a child process on 127.0.0.1:port."""
    cmd = [sys.executable, "-m", "qa", "serve", "--index", str(index), "--port", str(port)]
    if corpus is not None:
        cmd += ["--corpus", str(corpus)]
    return subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **OFFLINE, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_healthy(base: str, proc: subprocess.Popen, timeout: float = 240) -> dict:
    """Wait until /healthz answers; the health reply."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}: {proc.stderr.read()}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
                return json.loads(r.read())
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"server did not answer {base}/healthz within {timeout}s")


def stop(proc: subprocess.Popen) -> str:
    """Terminate a child server; its stderr."""
    proc.terminate()
    try:
        _out, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
    return err
