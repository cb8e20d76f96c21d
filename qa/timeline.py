"""What was agreed: decision paragraphs on a topic, ranked by the hybrid search or laid out newest first."""
from __future__ import annotations

from dataclasses import dataclass

from qa.answer import is_strong
from qa.search import Filters
from qa.votes import vote

STATUSES = ("agreed", "proposed")
SORTS = ("relevance", "date")


@dataclass(frozen=True)
class DecisionQuery:
    """Which decisions to list, and in what order.

    q: the topic; empty lists every decision. status: "agreed" (the record says the body
    decided it) or "proposed" (a recommendation not yet decided, as in an agenda pack);
    None for both. actions_only: only decisions that give someone something to do.
    sort: "relevance" (best match to q first, adjacent decisions kept together) or "date" (newest meeting
    first, the record's order within a meeting); without q the order is always by date.
    limit: at most this many decisions (None: all).
    """

    q: str = ""
    body: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    kind: str | None = None
    status: str | None = None
    actions_only: bool = False
    sort: str = "relevance"
    limit: int | None = None


def on_topic(dense: float, keyword: float) -> bool:
    """A decision is on the topic when it shares a word with it or its meaning is a strong match."""
    return keyword > 0 or is_strong(dense)


def runs(found: list[dict]) -> list[list[dict]]:
    """Decisions that follow one another in the record (adjacent paragraphs of one item), in record order."""
    out: list[list[dict]] = []
    for d in sorted(found, key=lambda d: d["row"]):
        last = out[-1][-1] if out else None
        if last and d["row"] == last["row"] + 1 and (d["meeting"]["id"], d["item_key"]) == \
                (last["meeting"]["id"], last["item_key"]):
            out[-1].append(d)
        else:
            out.append([d])
    return out


def by_run(found: list[dict], scores: dict[int, float]) -> list[dict]:
    """Relevance order that keeps adjacent decisions together: runs by their best score, record order within.

    The bullets under one "It was agreed that:" are one resolution; ordering them by score
    alone would interleave other meetings' decisions between them.
    """
    ranked = sorted(runs(found), key=lambda run: (-max(scores[d["row"]] for d in run), run[0]["row"]))
    return [d for run in ranked for d in run]


def entry(d: dict, score: float | None) -> dict:
    """One decision as the API serves it."""
    p = d["passage"]
    dec = p["decision"] or {}
    return {
        "status": dec.get("status"), "is_action": bool(dec.get("is_action")),
        "owner": dec.get("owner"), "due": dec.get("due"), "vote": vote(p["text"]),
        "text": p["text"], "citation": p["citation"], "date": d["meeting"]["date"], "meeting": d["meeting"],
        "score": None if score is None else round(score, 4),
    }


def find_decisions(searcher, query: DecisionQuery) -> dict:
    """{"decisions": [...], "total": n}: the decisions the query selects, in its order, at most query.limit."""
    found = searcher.store.decisions(body=query.body, date_from=query.date_from, date_to=query.date_to,
                                     kind=query.kind, status=query.status, actions_only=query.actions_only)
    scores: dict[int, float] = {}
    if query.q.strip() and found:
        filters = Filters(body=query.body, date_from=query.date_from, date_to=query.date_to, kind=query.kind,
                          decisions_only=True)
        ranked, _ = searcher.retrieve(query.q, filters)
        wanted = {d["row"] for d in found}
        scores = {r: fused for r, fused, dense, kw in ranked if r in wanted and on_topic(dense, kw)}
        found = [d for d in found if d["row"] in scores]
        if query.sort == "relevance":
            found = by_run(found, scores)
    shown = found if query.limit is None else found[:query.limit]
    return {"decisions": [entry(d, scores.get(d["row"])) for d in shown], "total": len(found)}
