"""What was agreed: /api/decisions and its HTML twin /decisions, a timeline of decisions on a topic."""
from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request, url_for

from qa.timeline import find_decisions
from qa.web import validate
from qa.web.api import searcher, settings
from qa.web.pages import body_names, prefers_json

bp = Blueprint("decisions", __name__)


def by_meeting(decisions: list[dict]) -> list[tuple[dict, list[dict]]]:
    """Consecutive decisions of the same meeting as (meeting, decisions): the timeline's entries."""
    runs: list[tuple[dict, list[dict]]] = []
    for d in decisions:
        if runs and runs[-1][0]["id"] == d["meeting"]["id"]:
            runs[-1][1].append(d)
        else:
            runs.append((d["meeting"], [d]))
    return runs


def query_args(query, default_sort: str) -> dict:
    """The query as URL parameters (unset ones left out), for links to the same list."""
    args = {"q": query.q, "body": query.body, "date_from": query.date_from, "date_to": query.date_to,
            "kind": query.kind, "status": query.status, "actions": "1" if query.actions_only else None,
            "sort": query.sort if query.sort != default_sort else None}
    return {k: v for k, v in args.items() if v}


@bp.get("/api/decisions")
def api_decisions():
    """Decisions relevant to q (all when q is empty), filterable by body, dates, kind, status and actions."""
    query = validate.decisions_query(request.args, settings())
    return jsonify(find_decisions(searcher(), query))


@bp.get("/decisions")
def timeline():
    """The decisions as a timeline, newest first unless sort=relevance; JSON twin: /api/decisions?sort=date."""
    query = validate.decisions_query(request.args, settings(), default_sort="date")
    s = searcher()
    reply = find_decisions(s, query)
    if prefers_json():
        return jsonify(reply)
    twin = url_for("decisions.api_decisions", **{**query_args(query, "date"), "sort": query.sort})
    return render_template("decisions.html", reply=reply, runs=by_meeting(reply["decisions"]), query=query,
                           bodies=body_names(s.store), twin=twin)
