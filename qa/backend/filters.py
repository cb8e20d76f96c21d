"""Search filters over the embedded index as whole-array numpy operations (no Python loop per row)."""
from __future__ import annotations

import numpy as np


class FilterColumns:
    """Per paragraph row: codes for body (lower-cased), date (sorted, so ranges are code ranges), meeting kind,
    and is_decision; a few bytes a row, so a million rows filter in milliseconds."""

    def __init__(self, rows: list[tuple]):
        """rows: (row, body, date, kind, is_decision) in row order (qa.store.Store.filter_columns)."""
        bodies = [(b or "").lower() for _r, b, _d, _k, _x in rows]
        dates = [d or "" for _r, _b, d, _k, _x in rows]
        kinds = [k or "" for _r, _b, _d, k, _x in rows]
        self.body_names, self.body = np.unique(np.array(bodies, dtype=str), return_inverse=True)
        self.date_names, self.date = np.unique(np.array(dates, dtype=str), return_inverse=True)
        self.kind_names, self.kind = np.unique(np.array(kinds, dtype=str), return_inverse=True)
        self.decision = np.array([bool(x) for *_rest, x in rows], dtype=bool)
        self.n = len(rows)

    @staticmethod
    def _code(names: np.ndarray, value: str) -> int:
        i = int(np.searchsorted(names, value))
        return i if i < len(names) and names[i] == value else -1

    def mask(self, f) -> np.ndarray | None:
        """Boolean mask over rows for Filters f; None when f filters nothing."""
        if not f or not f.active():
            return None
        mask = np.ones(self.n, dtype=bool)
        if f.body:
            mask &= self.body == self._code(self.body_names, f.body.lower())
        if f.kind:
            mask &= self.kind == self._code(self.kind_names, f.kind)
        if f.decisions_only:
            mask &= self.decision
        if f.date_from or f.date_to:
            # Dates are ISO strings, so their sorted codes compare as the dates do; "" (no date) never matches.
            lo = int(np.searchsorted(self.date_names, f.date_from or "", side="left"))
            hi = int(np.searchsorted(self.date_names, f.date_to, side="right")) if f.date_to else len(self.date_names)
            empty = self._code(self.date_names, "")
            mask &= (self.date >= lo) & (self.date < hi) & (self.date != empty)
        return mask
