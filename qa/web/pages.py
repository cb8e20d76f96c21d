"""The HTML pages: chat, citation permalinks and meetings; each has a JSON twin on the same URL."""
from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request

from qa.models import KINDS, pretty_date
from qa.web import validate
from qa.web.api import cite_reply, find_meeting, find_passage, meeting_id_of, searcher

bp = Blueprint("pages", __name__)


def prefers_json() -> bool:
    """True when the client asks for JSON rather than HTML (Accept: application/json)."""
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def anchor(cid: str) -> str:
    """A paragraph's anchor on its meeting page: its citation id without the meeting part."""
    return cid.split("/", 1)[1] if "/" in cid else cid


def body_names(store) -> list[str]:
    """The names of the bodies in the record, for filter menus."""
    return sorted({m["body"] for m in store.meetings() if m.get("body")})


def item_anchor(item: dict) -> str:
    return "item-" + (item.get("key") or "body")


@bp.app_template_filter("pretty_date")
def _pretty_date(value):
    try:
        return pretty_date(value)
    except (TypeError, ValueError):
        return value or "undated"


@bp.app_template_global("anchor")
def _anchor(cid: str) -> str:
    return anchor(cid)


@bp.app_template_global("item_anchor")
def _item_anchor(item: dict) -> str:
    return item_anchor(item)


@bp.after_app_request
def _vary(resp):
    # The same URL serves HTML or JSON by Accept, so caches must key on it.
    resp.headers.add("Vary", "Accept")
    return resp


@bp.get("/")
def chat():
    """The chat page: ask a question, read cited answers; earlier turns stay on the page."""
    return render_template("chat.html", bodies=body_names(searcher().store), kinds=KINDS)


@bp.get("/c/<path:cid>")
def citation(cid: str):
    """A citation permalink: the paragraph highlighted in its item, or the /api/cite JSON."""
    store = searcher().store
    if prefers_json():
        return jsonify(cite_reply(store, cid))
    passage = find_passage(store, cid)
    outline = find_meeting(store, meeting_id_of(cid))
    item = next((it for it in outline.get("items", [])
                 if any(p["citation"]["id"] == cid for p in it.get("paragraphs", []))), None)
    if item is None:  # the store knows the paragraph but not where it sits: show it alone
        item = {"key": None, "number": None, "title": passage["citation"].get("item_title"), "paragraphs": [passage]}
    return render_template("citation.html", meeting=outline["meeting"], item=item,
                           passage=passage, target=cid)


@bp.get("/meetings")
def meetings():
    """The list of meetings, filterable by body and dates; JSON twin: /api/meetings."""
    query = validate.meetings_query(request.args)
    store = searcher().store
    found = store.meetings(**query)
    if prefers_json():
        return jsonify({"meetings": found})
    return render_template("meetings.html", meetings=found, query=query, bodies=body_names(store))


@bp.get("/meetings/<path:mid>")
def meeting(mid: str):
    """One meeting as a readable page with an anchor on every paragraph; JSON twin: /api/meetings/<id>."""
    outline = find_meeting(searcher().store, mid)
    if prefers_json():
        return jsonify(outline)
    return render_template("meeting.html", meeting=outline["meeting"], items=outline.get("items", []),
                           referred_by=outline.get("referred_to_by", []))

