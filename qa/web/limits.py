"""Per-client rate limiting: a sliding one-minute window per client address, safe across threads."""
from __future__ import annotations

import threading
import time
from collections import deque


class RateLimiter:
    """Allows at most `per_minute` requests per client key in any 60 s window; 0 turns it off."""

    WINDOW = 60.0
    MAX_CLIENTS = 10_000  # bound memory: forget idle clients first

    def __init__(self, per_minute: int, clock=time.monotonic):
        self.per_minute = per_minute
        self._clock = clock
        self._hits: dict[str, deque] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> float | None:
        """None if the request may go ahead, else the seconds until it could."""
        if self.per_minute <= 0:
            return None
        now = self._clock()
        with self._lock:
            hits = self._hits.get(key)
            if hits is None:
                if len(self._hits) >= self.MAX_CLIENTS:
                    self._forget_idle(now)
                hits = self._hits[key] = deque()
            while hits and now - hits[0] >= self.WINDOW:
                hits.popleft()
            if len(hits) >= self.per_minute:
                return max(0.0, self.WINDOW - (now - hits[0]))
            hits.append(now)
            return None

    def _forget_idle(self, now: float) -> None:
        for key in [k for k, h in self._hits.items() if not h or now - h[-1] >= self.WINDOW]:
            del self._hits[key]
        if len(self._hits) >= self.MAX_CLIENTS:  # all active: drop the oldest half rather than grow
            for key in sorted(self._hits, key=lambda k: self._hits[k][-1])[: self.MAX_CLIENTS // 2]:
                del self._hits[key]
