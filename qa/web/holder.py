"""Holds the live Searcher and swaps in a new one when the index on disk changes version."""
from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Callable

from qa.backend.base import is_database_url, live_version

log = logging.getLogger(__name__)


def read_index_version(index_dir: str | Path) -> str | None:
    """The live index version at index_dir (a directory or a database URL), or None if it cannot be read now."""
    return live_version(index_dir)


class SearcherHolder:
    """The one Searcher requests use; re-checks the index manifest at most every `interval` seconds.

    A new Searcher is loaded by one request thread while the others keep using the old one,
    so a rebuild never makes a request wait or fail; a load that fails keeps the old Searcher.
    """

    def __init__(self, searcher, index_dir: str | Path | None = None, *,
                 factory: Callable | None = None, interval: float = 2.0):
        self._searcher = searcher
        self._index_dir = index_dir if index_dir is None or is_database_url(index_dir) else Path(index_dir)
        self._factory = factory
        self._interval = interval
        self._version = self._current_version(searcher)
        self._next_check = time.monotonic() + interval
        self._failed: tuple[str, float] | None = None  # (version, when) of the last load that failed
        self._check_lock = threading.Lock()
        self._load_lock = threading.Lock()

    @staticmethod
    def _current_version(searcher) -> str | None:
        manifest = getattr(searcher, "manifest", None) or {}
        version = manifest.get("index_version")
        return None if version is None else str(version)

    @property
    def version(self) -> str | None:
        return self._version

    def get(self):
        """The Searcher to use for this request (possibly a freshly loaded one)."""
        if self._index_dir is not None and self._factory is not None and self._due():
            self._maybe_reload()
        return self._searcher

    def _due(self) -> bool:
        with self._check_lock:
            now = time.monotonic()
            if now < self._next_check:
                return False
            self._next_check = now + self._interval
            return True

    def _maybe_reload(self) -> None:
        on_disk = read_index_version(self._index_dir)
        if on_disk is None or on_disk == self._version:
            return
        if self._failed and self._failed[0] == on_disk and time.monotonic() - self._failed[1] < 15 * self._interval:
            return
        # Only one thread loads; the others carry on with the current Searcher.
        if not self._load_lock.acquire(blocking=False):
            return
        try:
            old = self._searcher
            try:
                new = self._factory(self._index_dir, getattr(old, "encoder", None))
            except Exception as exc:  # a half-written or mismatched index must not take the service down
                log.warning("index version %s not loaded, still serving %s: %s", on_disk, self._version, exc)
                self._failed = (on_disk, time.monotonic())
                return
            self._searcher = new
            self._version = self._current_version(new) or on_disk
            log.info("now serving index version %s", self._version)
        finally:
            self._load_lock.release()
