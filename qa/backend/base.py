"""The one interface search needs of an index version, and how a location picks its backend."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

DATABASE_URL = "MINUTEBOOK_DATABASE_URL"          # postgresql://...: build into and serve from PostgreSQL
REPLICA_URL = "MINUTEBOOK_DATABASE_REPLICA_URL"   # optional: serve reads from this streaming replica


class IndexDamaged(Exception):
    """An index version whose files or tables are missing, unreadable or disagree with its manifest."""


@dataclass(frozen=True)
class Candidates:
    """What both retrievers found for one question, before fusion.

    dense / keyword: the top rows of each retriever with their scores (best cosine of a paragraph's
    nearest vectors; BM25). dense_of / keyword_of: both scores for every row in either list
    (-1.0 when none of a row's vectors was among the nearest, 0.0 when it shares no query term).
    """

    dense: dict[int, float]
    keyword: dict[int, float]
    dense_of: dict[int, float]
    keyword_of: dict[int, float]


class Backend(Protocol):
    """One index version, wherever it is stored; `store` reads meetings and paragraphs (qa.store.Store's API)."""

    manifest: dict
    store: object
    n_rows: int

    def candidates(self, qvec: np.ndarray, tokens: list[str], filters, n: int, units: int) -> Candidates:
        """Top n rows per retriever; the dense side pools the `units` nearest vectors per paragraph."""

    def own_similarity(self, qvec: np.ndarray, rows: list[int]) -> dict[int, float]:
        """Cosine of the question with each row's own paragraph vector (not its windows or sentences)."""

    def idf(self, token: str) -> float:
        """Inverse document frequency of a token in this version (0 when unseen)."""

    def sentences(self, row: int) -> list[tuple[int, int, np.ndarray]]:
        """(start, end, vector) of a row's sentence vectors; (0, -1, paragraph vector) when it has none."""


def is_database_url(location) -> bool:
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def describe(location) -> str:
    """A location fit to print: a database URL without its password."""
    if is_database_url(location):
        return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", location)
    return str(location)


def index_location(index_dir) -> str | Path:
    """Where the index lives: the database named by MINUTEBOOK_DATABASE_URL when set, else index_dir."""
    url = os.environ.get(DATABASE_URL, "").strip()
    if url:
        if not is_database_url(url):
            raise ValueError(f"{DATABASE_URL} must be a postgresql:// URL, not {url[:40]!r}")
        return url
    return index_dir


def open_backend(location) -> Backend:
    """The live version at location: an index directory, or a postgresql:// URL (reads may go to a replica)."""
    if is_database_url(location):
        from qa.backend.postgres import PostgresBackend

        return PostgresBackend.open(location, replica_url=os.environ.get(REPLICA_URL, "").strip() or None)
    from qa.backend.embedded import EmbeddedBackend

    return EmbeddedBackend(location)


def index_exists(location) -> bool:
    """Whether location holds a built index; ConnectionError when its database cannot be reached."""
    if not is_database_url(location):
        return (Path(location) / "manifest.json").exists()
    from qa.backend.postgres import read_live

    try:
        return read_live(location) is not None
    except Exception as e:  # psycopg's errors are not OSErrors: name the cause plainly
        raise ConnectionError(f"cannot read the database {describe(location)}: {e}") from None


def live_version(location) -> str | None:
    """The version a new reader of location would get now, or None when it cannot be read right now."""
    if is_database_url(location):
        from qa.backend.postgres import read_live_version

        return read_live_version(location, os.environ.get(REPLICA_URL, "").strip() or None)
    import json

    try:
        manifest = json.loads((Path(location) / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    version = manifest.get("index_version") if isinstance(manifest, dict) else None
    return None if version is None else str(version)
