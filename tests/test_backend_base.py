"""Choosing the backend: MINUTEBOOK_DATABASE_URL names a database, otherwise --index names a directory."""
from __future__ import annotations

import pytest

from qa.backend.base import describe, index_exists, index_location, is_database_url, live_version


def test_the_database_url_overrides_the_index_directory(monkeypatch):
    monkeypatch.delenv("MINUTEBOOK_DATABASE_URL", raising=False)
    assert index_location("index") == "index"
    monkeypatch.setenv("MINUTEBOOK_DATABASE_URL", "postgresql://mb@db.example.org/minutebook")
    assert index_location("index") == "postgresql://mb@db.example.org/minutebook"
    monkeypatch.setenv("MINUTEBOOK_DATABASE_URL", "mysql://db/x")
    with pytest.raises(ValueError, match="postgresql://"):
        index_location("index")


def test_a_printed_location_hides_the_password():
    assert describe("postgresql://mb:s3cret@db:5432/x") == "postgresql://mb:***@db:5432/x"
    assert "s3cret" not in describe("postgres://u:s3cret@h/x") and describe("index") == "index"
    assert is_database_url("postgres://h/x") and not is_database_url("index") and not is_database_url(None)


def test_an_unreachable_database_is_a_connection_error_not_a_missing_index(tmp_path):
    from qa.backend.pglocal import free_port

    url = f"postgresql://nobody@127.0.0.1:{free_port()}/x"
    with pytest.raises(ConnectionError, match="cannot read the database"):
        index_exists(url)
    assert live_version(url) is None and not index_exists(tmp_path)
