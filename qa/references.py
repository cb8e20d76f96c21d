"""References between meetings: "the Minutes of the Meeting held on 2 February 2021"."""
from __future__ import annotations

from qa.models import Reference


def find_references(text: str) -> tuple[Reference, ...]:
    """Mentions of other meetings in a paragraph (body if named, ISO date)."""
    return ()
