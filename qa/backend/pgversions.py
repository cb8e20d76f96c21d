"""Index versions in PostgreSQL: a registry of schemas, the live pointer switched in one transaction, cleaning.

Readers pin the version they serve with a shared advisory lock held on their own connection; the builder
drops an old version only when it can take that lock exclusively, i.e. once nothing on the primary reads it.
"""
from __future__ import annotations

import json
import re

REGISTRY = """
CREATE SCHEMA IF NOT EXISTS minutebook;
CREATE TABLE IF NOT EXISTS minutebook.versions (
    version text PRIMARY KEY,
    schema_name text NOT NULL UNIQUE,
    state text NOT NULL CHECK (state IN ('building', 'ready')),
    manifest jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS minutebook.live (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version text NOT NULL REFERENCES minutebook.versions,
    previous text);
"""
BUILD_LOCK = 7_051_914  # advisory lock key: one build at a time per database


def _connect(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True, connect_timeout=10)


def _lock_key(version: str) -> str:
    return f"minutebook:{version}"


def schema_name(version: str) -> str:
    """The schema holding one version: a safe identifier derived from the version name."""
    return "mb_" + re.sub(r"[^a-z0-9_]", "_", version.lower())[:56]


def ensure_registry(con) -> None:
    con.execute("CREATE EXTENSION IF NOT EXISTS vector")
    con.execute(REGISTRY)


def read_live(url: str, version: str | None = None):
    """(version, schema, manifest) of the live version (or the named one); None when there is none."""
    with _connect(url) as con:
        if con.execute("SELECT to_regclass('minutebook.live')").fetchone()[0] is None:
            return None
        if version is None:
            got = con.execute("SELECT v.version, v.schema_name, v.manifest FROM minutebook.live l "
                              "JOIN minutebook.versions v ON v.version = l.version").fetchone()
        else:
            got = con.execute("SELECT version, schema_name, manifest FROM minutebook.versions "
                              "WHERE version = %s", (version,)).fetchone()
    if got is None:
        return None
    manifest = got[2] if isinstance(got[2], dict) else json.loads(got[2])
    return got[0], got[1], manifest


def pin_version(url: str, version: str):
    """A connection holding a shared lock on version for as long as it stays open (closed with its owner)."""
    con = _connect(url)
    con.execute("SELECT pg_advisory_lock_shared(hashtext(%s))", (_lock_key(version),))
    return con


class BuildLock:
    """Held for the whole build: one builder at a time, so any 'building' version it finds is a killed build's."""

    def __init__(self, url: str):
        self.url = url

    def __enter__(self):
        self.con = _connect(self.url)
        self.con.execute("SELECT pg_advisory_lock(%s)", (BUILD_LOCK,))
        ensure_registry(self.con)
        return self.con

    def __exit__(self, *exc):
        self.con.close()  # the session lock goes with the session


def register(con, version: str, manifest: dict) -> str:
    """Record a version as building and create its empty schema; return the schema's name."""
    schema = schema_name(version)
    con.execute("INSERT INTO minutebook.versions (version, schema_name, state, manifest) VALUES (%s, %s, 'building', %s)",
                (version, schema, json.dumps(manifest)))
    con.execute(f'CREATE SCHEMA "{schema}"')
    return schema


def switch(con, version: str, manifest: dict) -> str | None:
    """Make version live in one transaction (readers see the old or the new, never neither); the previous one."""
    with con.transaction():
        prev = con.execute("SELECT version FROM minutebook.live FOR UPDATE").fetchone()
        con.execute("UPDATE minutebook.versions SET state = 'ready', manifest = %s WHERE version = %s",
                    (json.dumps(manifest), version))
        con.execute("INSERT INTO minutebook.live (only_row, version, previous) VALUES (true, %s, NULL) "
                    "ON CONFLICT (only_row) DO UPDATE SET version = EXCLUDED.version, previous = minutebook.live.version",
                    (version,))
    return prev[0] if prev else None


def clean(con) -> list[str]:
    """Drop killed builds and versions other than the live and previous one that no reader pins; their names."""
    keep = con.execute("SELECT version, previous FROM minutebook.live").fetchone() or ()
    dropped = []
    for version, schema, state in con.execute("SELECT version, schema_name, state FROM minutebook.versions").fetchall():
        if version in keep:
            continue
        if not con.execute("SELECT pg_try_advisory_lock(hashtext(%s))", (_lock_key(version),)).fetchone()[0]:
            continue  # a reader still serves it: the next build cleans it
        try:
            with con.transaction():
                con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
                con.execute("DELETE FROM minutebook.versions WHERE version = %s", (version,))
            dropped.append(version)
        finally:
            con.execute("SELECT pg_advisory_unlock(hashtext(%s))", (_lock_key(version),))
    return dropped
