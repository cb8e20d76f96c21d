"""Service settings: every knob has a default and a line of help."""
from __future__ import annotations

from dataclasses import dataclass, fields, replace

from qa.envconfig import env_values


@dataclass(frozen=True)
class Settings:
    """Limits and behaviour of the web service; the defaults are the production values."""

    max_body_bytes: int = 64 * 1024
    max_question_chars: int = 2000
    default_k: int = 5
    max_k: int = 50
    max_decisions: int = 200
    reload_check_seconds: float = 2.0
    rate_limit_per_minute: int = 0
    workers: int = 0

    def worker_count(self, cores: int) -> int:
        """Server processes to run: the setting, else one per core (at most MAX_AUTO_WORKERS), but one while a
        rate limit is on, since each process counts its clients' requests on its own."""
        if self.workers < 0:
            raise ValueError(f"workers must be 0 (one per core) or more, got {self.workers}")
        if self.workers > 0:
            return self.workers
        return 1 if self.rate_limit_per_minute else max(1, min(cores, MAX_AUTO_WORKERS))

    @classmethod
    def help(cls) -> dict[str, str]:
        """Name -> one line of help, for docs and the health endpoint."""
        return dict(HELP)

    @classmethod
    def from_env(cls, environ) -> "Settings":
        """Defaults overridden by MINUTEBOOK_<NAME> variables (e.g. MINUTEBOOK_RATE_LIMIT_PER_MINUTE=120)."""
        return cls().updated(env_values(cls, environ))

    def updated(self, values: dict | None) -> "Settings":
        """A copy with values replaced; unknown names are refused so typos do not pass silently."""
        values = dict(values or {})
        known = {f.name for f in fields(self)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return replace(self, **values)


MAX_AUTO_WORKERS = 4  # each process holds its own model and index (about 0.6 GB for the bundled corpus)

HELP = {
    "max_body_bytes": "largest request body accepted; bigger bodies get 413",
    "max_question_chars": "longest question accepted; longer ones get 400",
    "default_k": "passages returned when the request gives no k",
    "max_k": "largest k a request may ask for",
    "max_decisions": "most decisions one /api/decisions reply lists (its default k); total says how many matched",
    "reload_check_seconds": "how often (at most) the index manifest is checked for a new index version",
    "rate_limit_per_minute": "requests one client address may make per minute (0 = no limit); over it gets 429",
    "workers": "server processes sharing the port (0 = one per CPU core, up to 4; 1 while a rate limit is on)",
}
