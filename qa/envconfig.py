"""Settings from the environment: MINUTEBOOK_<NAME> variables over a dataclass's numeric fields."""
from __future__ import annotations

from dataclasses import fields

ENV_PREFIX = "MINUTEBOOK_"


def env_values(cls, environ) -> dict:
    """{field: number} for each field of dataclass cls set as MINUTEBOOK_<FIELD> in environ; a non-number is refused."""
    values = {}
    for f in fields(cls):
        raw = environ.get(ENV_PREFIX + f.name.upper())
        if raw is None:
            continue
        try:
            values[f.name] = float(raw) if f.type in (float, "float") else int(raw)
        except ValueError:
            raise ValueError(f"{ENV_PREFIX}{f.name.upper()} must be a number, got {raw!r}") from None
    return values
