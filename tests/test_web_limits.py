"""Per-client rate limiting: a window per address, off unless configured, 429 with Retry-After over it."""
from __future__ import annotations

import pytest

from qa.web import create_app
from qa.web.limits import RateLimiter
from qa.web.settings import Settings


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_window_per_client_and_recovery():
    clock = Clock()
    limiter = RateLimiter(3, clock=clock)
    assert [limiter.check("a") for _ in range(3)] == [None, None, None]
    wait = limiter.check("a")
    assert wait is not None and 0 < wait <= 60
    assert limiter.check("b") is None, "another client has its own window"
    clock.now += 60
    assert limiter.check("a") is None


def test_off_by_default():
    limiter = RateLimiter(Settings().rate_limit_per_minute)
    assert all(limiter.check("a") is None for _ in range(1000))


def test_memory_stays_bounded():
    clock = Clock()
    limiter = RateLimiter(5, clock=clock)
    for i in range(RateLimiter.MAX_CLIENTS + 50):
        limiter.check(f"client-{i}")
    assert len(limiter._hits) <= RateLimiter.MAX_CLIENTS


class Answering:
    """Enough of a search layer to reach the limiter: it answers nothing."""

    manifest: dict = {}

    def ask(self, question, k=5, filters=None):
        return {"question": question, "answer": None, "passages": [], "took_ms": 0.0}


def test_app_answers_429_with_retry_after_over_the_limit():
    client = create_app(Answering(), settings={"rate_limit_per_minute": 2}).test_client()
    assert [client.get("/api/ask?q=levy").status_code for _ in range(2)] == [200, 200]
    r = client.get("/api/ask?q=levy")
    assert r.status_code == 429 and r.get_json()["error"]["status"] == 429
    assert 1 <= int(r.headers["Retry-After"]) <= 60
    assert client.get("/static/app.css").status_code == 200, "static files are not limited"


def test_settings_from_environment():
    s = Settings.from_env({"MINUTEBOOK_RATE_LIMIT_PER_MINUTE": "120", "MINUTEBOOK_RELOAD_CHECK_SECONDS": "0.5"})
    assert s.rate_limit_per_minute == 120 and s.reload_check_seconds == 0.5
    with pytest.raises(ValueError, match="MINUTEBOOK_MAX_K"):
        Settings.from_env({"MINUTEBOOK_MAX_K": "lots"})
    with pytest.raises(ValueError, match="unknown setting"):
        Settings().updated({"max_kk": 3})
