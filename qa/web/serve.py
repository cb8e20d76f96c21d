"""`python -m qa serve`: build the index if there is none, then serve with waitress (never Flask's debug server)."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from qa.web.settings import Settings

THREADS = 8
MAX_HEADER_BYTES = 64 * 1024  # far above any browser's headers; bounds what one request holds


def waitress_options(settings: Settings) -> dict:
    """How waitress is configured for production; tests serve the app with the same options."""
    return {
        "threads": THREADS,
        "ident": "minutebook",  # no server name or version in the Server header or waitress's own error pages
        "max_request_body_size": settings.max_body_bytes * 4,  # Flask answers 413 first, with the JSON error
        "max_request_header_size": MAX_HEADER_BYTES,  # bigger header blocks get waitress's 431
    }


def run_serve(index_dir, host: str = "127.0.0.1", port: int = 8000, corpus="corpus", workers: int | None = None) -> int:
    """Serve the API and pages over index_dir, building it from corpus first when it has no manifest; workers
    (else the setting) says how many server processes share the port."""
    configure_logging()
    from qa.backend.base import describe, index_exists, is_database_url

    if not is_database_url(index_dir):
        index_dir = Path(index_dir)
    try:
        exists = index_exists(index_dir)
    except ConnectionError as exc:
        print(f"cannot serve: {exc}", file=sys.stderr)
        return 2
    if not exists:
        print(f"no index at {describe(index_dir)}; building it from {corpus} first", file=sys.stderr, flush=True)
        from qa.build import run_build

        rc = run_build(corpus, index_dir)
        if rc:
            print(f"build failed (exit {rc}); not serving", file=sys.stderr)
            return rc

    try:
        settings = Settings.from_env(os.environ)
        if workers is not None:
            settings = settings.updated({"workers": workers})
        count = settings.worker_count(available_cores())
    except ValueError as exc:
        print(f"bad setting: {exc}", file=sys.stderr)
        return 2
    if count > 1:
        from qa.web.workers import serve_workers

        return serve_workers(index_dir, host, port, corpus, count)
    app = open_app(index_dir, settings, corpus)
    if isinstance(app, int):
        return app

    import waitress

    print(f"Minutebook serving {describe(index_dir)} on http://{host}:{port}/  (Ctrl+C stops)", file=sys.stderr, flush=True)
    try:
        waitress.serve(app, host=host, port=port, **waitress_options(settings))
    except OSError as exc:
        print(f"cannot listen on {host}:{port}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    return 0


def configure_logging() -> None:
    """Warnings from every library, our own progress and waitress's notices at INFO."""
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name in ("qa", "waitress"):  # our own progress, not every library's chatter
        logging.getLogger(name).setLevel(logging.INFO)


def available_cores() -> int:
    """The CPU cores this process may run on (a container's or taskset's share, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def open_app(index_dir, settings: Settings, corpus):
    """The app over index_dir with the search model loaded and warmed up, or the exit code after saying why not."""
    from qa.backend.base import describe
    from qa.search import IndexMismatch
    from qa.web.app import create_app

    try:
        app = create_app(index_dir=index_dir, settings=settings)
    except IndexMismatch as exc:
        print(f"cannot serve {describe(index_dir)}: {exc}\nrebuild it with: python -m qa build {corpus} --index {index_dir}",
              file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        print(f"cannot serve {describe(index_dir)}: {exc}", file=sys.stderr)
        return 2
    # Load the model now, so the first person to ask does not wait for it.
    print("loading the search model...", file=sys.stderr, flush=True)
    app.extensions["minutebook"].holder.get().ask("warm up", k=1)
    return app
