"""The best run of one scheme's item candidates: numbers going up in small steps, titles that read as titles."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the schemes (qa.parse.numbering) and candidates (qa.parse.schemes), read by their fields only
    from qa.parse.numbering import Scheme
    from qa.parse.schemes import Candidate

# A filler costs a little, so a run never ends on one and prefers a titled item of the same number; less than
# the 0.3 a skipped number costs, so numbers in exact step bridge a gap between titled items.
FILLER_COST = 0.1


def best_run(cands: list[Candidate], scheme: Scheme) -> tuple[float, list[Candidate]]:
    """The best run of this scheme's candidates: values up by 1-3 within one prefix, scored by title quality."""
    cs = [c for c in cands if c.scheme == scheme.name]
    if not cs:
        return 0.0, []
    vals = [scheme.value(c.number) for c in cs]
    best: list[float] = []
    back: list[int | None] = []
    for i, (c, (pre, n)) in enumerate(zip(cs, vals)):
        start_ok = (scheme.starts_anywhere or n <= 3) and not c.filler
        score, prev = (c.quality - (0.5 if n > 3 else 0)) if start_ok else float("-inf"), None
        for j in range(i):
            pj, nj = vals[j]
            if cs[j].line >= c.line or best[j] == float("-inf"):
                continue
            # on to the next parent's first sub-item ("3.2" to "4.1"), or where the items say so, to a parent
            # numbered whole ("Health and Safety (Item 3.0)" after "(Item 2.0)": NZ and Australian minutes)
            step_ok = pj == pre and (1 <= n - nj <= 3 or scheme.repeats and n == nj) or \
                pj != pre and scheme.sub_of and (n == 1 or n == 0 and c.explicit) and _after(pre, pj)
            if cs[j].whole != c.whole:
                continue  # one numbering keeps its printed form: "7." runs on to "8.", not to a report's "8.0"
            if (c.filler or cs[j].filler) and not (pj == pre and n - nj == 1):
                continue  # a filler joins a run only in exact step, both ways
            if c.filler and any(v[1] == 1 and cs[j].line < k.line < c.line for k, v in zip(cs, vals)):
                continue  # "4. Agree that …" of a list restarted at 1 inside the item before: the list's, not an item
            gain = c.quality - 0.3 * max(0, n - nj - 1) - (FILLER_COST if c.filler else 0.0)
            if step_ok and best[j] + gain > score:
                score, prev = best[j] + gain, j
        best.append(score)
        back.append(prev)
    k = max(range(len(cs)), key=lambda i: best[i])
    run = []
    while k is not None:
        run.append(cs[k])
        k = back[k]
    return best[max(range(len(cs)), key=lambda i: best[i])], _past_nested_lists(run[::-1], cs, vals)


def _after(pre: str, pj: str) -> bool:
    """True where parent number pre comes after pj ("10" after "9")."""
    return int(pre) > int(pj) if pre.isdigit() and pj.isdigit() else pre > pj


def _past_nested_lists(run: list[Candidate], cs: list[Candidate], vals: list[tuple]) -> list[Candidate]:
    """The run, where an item was taken from a list nested in the item before it, moved to its real line."""
    # Under item 5 a list of speakers runs 1..6, then the real "6." follows: the list's "6. Jo Sargeant" chains
    # as well as the real one, so where a restart at 1 sits between an item and the next, the last equal wins.
    value = {id(c): v for c, v in zip(cs, vals)}
    out = list(run)
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        nxt = out[k + 1].line if k + 1 < len(out) else float("inf")
        between = [c for c in cs if prev.line < c.line < cur.line]
        if not any(value[id(c)][1] == 1 for c in between):
            continue  # no list restarted at 1 inside the item before
        later = [c for c in cs if cur.line < c.line < nxt and value[id(c)] == value[id(cur)] and not c.filler]
        if later:
            out[k] = later[-1]
    return out
