"""The JSON API: /api/ask, /api/cite, /api/meetings, /healthz. Every reply comes from the search layer."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from qa.web import validate
from qa.web.errors import ApiError
from qa.web.openapi import openapi_document

bp = Blueprint("api", __name__)


def searcher():
    """The live Searcher (swapped by the holder when a new index version appears)."""
    return current_app.extensions["minutebook"].holder.get()


def settings():
    return current_app.extensions["minutebook"].settings


def meeting_id_of(cid: str) -> str:
    """The meeting part of a citation id: everything before the first '/'."""
    return cid.split("/", 1)[0]


def shown(value: str) -> str:
    """An id as it may be echoed in a message: printable, at most 120 characters."""
    value = "".join(ch if ch.isprintable() else "?" for ch in value)
    return value if len(value) <= 120 else value[:117] + "..."


def find_passage(store, cid: str) -> dict:
    """The passage a citation id names, or a 404 that points at the meeting page when the meeting exists."""
    passage = store.passage(cid) if validate.is_plausible_id(cid) else None
    if passage is not None:
        return passage
    message = f"no paragraph has the citation id '{shown(cid)}'"
    mid = meeting_id_of(cid)
    if validate.is_plausible_id(mid) and store.meeting(mid) is not None:
        message += f"; the meeting exists: see /meetings/{mid}"
    else:
        message += "; see /meetings for the meetings in the record"
    raise ApiError(404, message)


def find_meeting(store, mid: str) -> dict:
    """The meeting outline for an id, or a 404 pointing at the list of meetings."""
    outline = store.meeting(mid) if validate.is_plausible_id(mid) else None
    if outline is None:
        raise ApiError(404, f"no meeting has the id '{shown(mid)}'; see /meetings for the meetings in the record")
    return outline


def cite_reply(store, cid: str) -> dict:
    """The /api/cite body: the citation, its verbatim text and the paragraphs around it."""
    passage = find_passage(store, cid)
    context = store.context(cid)
    return {
        "citation": passage["citation"],
        "text": passage["text"],
        "context": {"before": list(context.get("before", [])), "after": list(context.get("after", []))},
    }


@bp.route("/api/ask", methods=["GET", "POST"])
def ask():
    """Answer a question from the record, with cited passages."""
    if request.method == "POST":
        data = validate.parse_json_body(request.get_data(cache=False), request.content_type)
        req = validate.ask_from_json(data, settings())
    else:
        req = validate.ask_from_query(request.args, settings())
    return jsonify(searcher().ask(req.question, k=req.k, filters=req.filters))


@bp.get("/api/cite/<path:cid>")
def cite(cid: str):
    """One paragraph by citation id, with its context."""
    return jsonify(cite_reply(searcher().store, cid))


@bp.get("/api/meetings")
def meetings():
    """The meetings in the record, filterable by body and dates."""
    query = validate.meetings_query(request.args)
    return jsonify({"meetings": searcher().store.meetings(**query)})


@bp.get("/api/meetings/<path:mid>")
def meeting(mid: str):
    """One meeting's outline: items, sections and every paragraph with its citation."""
    return jsonify(find_meeting(searcher().store, mid))


@bp.get("/healthz")
def healthz():
    """Liveness plus what is being served: index version, model and counts."""
    s = searcher()
    manifest = s.manifest or {}
    return jsonify({
        "status": "ok",
        "index_version": manifest.get("index_version"),
        "model": manifest.get("model"),
        "stats": s.store.stats(),
    })


@bp.get("/api/openapi.json")
def openapi():
    """The OpenAPI 3 description of this API."""
    return jsonify(openapi_document(settings()))
