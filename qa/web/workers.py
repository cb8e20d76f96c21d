"""Several server processes on one listening socket, so that questions use every core.

A question spends about half its time in Python (search, answer, JSON) and half in the encoder, which runs
outside Python's lock. In one process every request queues for that one lock, and the threads waiting to
take it back leave cores idle; processes each have their own lock, model and index. The parent binds the
port, starts the workers with the socket, waits until each has loaded its index, and starts a new worker
when one dies.
"""
from __future__ import annotations

import argparse
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

BACKLOG = 1024          # waitress's own default
READY_TIMEOUT = 900     # seconds a worker may take to load its index and model (slow disks, cold caches)
STOP_GRACE = 10         # seconds workers get to finish before they are killed
RESTART_WINDOW = 60     # a worker that dies this soon after starting counts as failing to start ...
MAX_QUICK_DEATHS = 5    # ... and this many such deaths in a row stop the server rather than loop forever


class Stop(Exception):
    """SIGTERM: stop the workers and exit cleanly."""


class Worker:
    """One child serving process: its Popen, its readiness pipe and when it started."""

    def __init__(self, cmd: list[str], listen_fd: int):
        r, w = os.pipe()
        self.ready_r = r
        self.started = time.monotonic()
        self.ready = False
        self.proc = subprocess.Popen(cmd + ["--ready-fd", str(w)], pass_fds=(listen_fd, w), stderr=subprocess.PIPE)
        os.close(w)
        # The worker's messages go to our stderr, so whoever runs the server sees them as from one program.
        threading.Thread(target=_relay, args=(self.proc.stderr,), daemon=True).start()

    def poll_ready(self) -> bool:
        """True once the worker has said it is serving (its index and model are loaded)."""
        if not self.ready and select.select([self.ready_r], [], [], 0)[0]:
            self.ready = os.read(self.ready_r, 16).startswith(b"ready")
            os.close(self.ready_r)
            self.ready_r = -1
        return self.ready

    def close(self) -> None:
        if self.ready_r >= 0:
            os.close(self.ready_r)
            self.ready_r = -1


def _relay(stream) -> None:
    for line in iter(stream.readline, b""):
        sys.stderr.write(line.decode("utf-8", "replace"))
        sys.stderr.flush()


def serve_workers(index_dir, host: str, port: int, corpus, count: int) -> int:
    """Serve with count worker processes until SIGINT or SIGTERM; the exit code."""
    from qa.backend.base import describe

    try:
        sock = socket.create_server((host, port), backlog=BACKLOG)
    except OSError as exc:
        print(f"cannot listen on {host}:{port}: {exc}", file=sys.stderr)
        return 2
    sock.set_inheritable(True)
    cmd = [sys.executable, "-m", "qa.web.workers", "--fd", str(sock.fileno()), "--index", str(index_dir),
           "--corpus", str(corpus)]
    previous = signal.signal(signal.SIGTERM, _raise_stop)
    workers = [Worker(cmd, sock.fileno()) for _ in range(count)]
    try:
        rc = _wait_ready(workers)
        if rc:
            return rc
        print(f"Minutebook serving {describe(index_dir)} on http://{host}:{port}/ with {count} worker processes "
              "(Ctrl+C stops)", file=sys.stderr, flush=True)
        return _supervise(workers, cmd, sock.fileno())
    except (KeyboardInterrupt, Stop):
        return 0
    finally:
        _stop_all(workers)
        signal.signal(signal.SIGTERM, previous)
        sock.close()


def _raise_stop(_signum, _frame):
    raise Stop()


def _wait_ready(workers: list[Worker]) -> int:
    """0 once every worker serves; else the exit code of the first that gave up (it has said why)."""
    deadline = time.monotonic() + READY_TIMEOUT
    while not all(w.poll_ready() for w in workers):
        for w in workers:
            if not w.ready and w.proc.poll() is not None:
                return w.proc.returncode or 1
        if time.monotonic() > deadline:
            print(f"a server process did not load its index within {READY_TIMEOUT} s", file=sys.stderr)
            return 1
        time.sleep(0.1)
    return 0


def _supervise(workers: list[Worker], cmd: list[str], listen_fd: int) -> int:
    """Replace workers that die; give up (exit 1) when replacements keep dying as they start."""
    quick_deaths = 0
    while True:
        time.sleep(0.5)
        for i, w in enumerate(workers):
            w.poll_ready()
            if w.proc.poll() is None:
                continue
            quick = time.monotonic() - w.started < RESTART_WINDOW
            quick_deaths = quick_deaths + 1 if quick else 0
            if quick_deaths >= MAX_QUICK_DEATHS:
                print(f"server processes keep exiting (last with {w.proc.returncode}); stopping", file=sys.stderr)
                return 1
            print(f"a server process exited with {w.proc.returncode}; starting another", file=sys.stderr, flush=True)
            w.close()
            workers[i] = Worker(cmd, listen_fd)


def _stop_all(workers: list[Worker]) -> None:
    for w in workers:
        if w.proc.poll() is None:
            w.proc.terminate()
    deadline = time.monotonic() + STOP_GRACE
    for w in workers:
        try:
            w.proc.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            w.proc.kill()
            w.proc.wait()
        w.close()


def _die_with_parent() -> None:
    """Ask Linux to end this worker when the process that started it ends, however that ends."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the parent's own SIGTERM handling still stops the workers


def worker_main(argv: list[str] | None = None) -> int:
    """One worker: load the index and model, say so on the readiness pipe, serve the inherited socket."""
    ap = argparse.ArgumentParser(prog="python -m qa.web.workers", description="one worker of `python -m qa serve`")
    ap.add_argument("--fd", type=int, required=True, help="the listening socket, inherited")
    ap.add_argument("--ready-fd", type=int, required=True, help="pipe to write 'ready' to once serving")
    ap.add_argument("--index", required=True)
    ap.add_argument("--corpus", required=True)
    args = ap.parse_args(argv)
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the parent, which stops us with SIGTERM

    from qa.backend.base import is_database_url
    from qa.web.serve import configure_logging, open_app, waitress_options
    from qa.web.settings import Settings

    configure_logging()
    index = args.index if is_database_url(args.index) else Path(args.index)
    try:
        settings = Settings.from_env(os.environ)
    except ValueError as exc:
        print(f"bad setting: {exc}", file=sys.stderr)
        return 2
    app = open_app(index, settings, args.corpus)
    if isinstance(app, int):
        return app
    import waitress

    os.write(args.ready_fd, b"ready\n")
    os.close(args.ready_fd)
    waitress.serve(app, sockets=[socket.socket(fileno=args.fd)], **waitress_options(settings))
    return 0


if __name__ == "__main__":
    sys.exit(worker_main())
