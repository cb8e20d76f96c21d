"""The OpenAPI 3.1 description of the JSON API; its component schemas are plain JSON Schema."""
from __future__ import annotations

import copy

from qa import __version__
from qa.models import KINDS
from qa.timeline import SORTS, STATUSES
from qa.web.settings import Settings

DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"}
STR_OR_NULL = {"type": ["string", "null"]}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(props: dict, required: list[str] | None = None, extra: bool = True) -> dict:
    schema = {"type": "object", "properties": props, "required": required if required is not None else list(props)}
    if not extra:
        schema["additionalProperties"] = False
    return schema


SCHEMAS = {
    "Error": _obj({"error": _obj({"status": {"type": "integer"}, "message": {"type": "string"}})}),
    "Filters": _obj({
        "body": {"type": ["string", "null"], "maxLength": 200},
        "date_from": {"anyOf": [DATE, {"type": "null"}]},
        "date_to": {"anyOf": [DATE, {"type": "null"}]},
        "kind": {"anyOf": [{"enum": list(KINDS)}, {"type": "null"}]},
        "decisions_only": {"type": ["boolean", "null"]},
    }, required=[], extra=False),
    "Citation": _obj({
        "id": {"type": "string"}, "url": {"type": "string"}, "label": {"type": "string"},
        "council": STR_OR_NULL, "body": STR_OR_NULL, "date": {"anyOf": [DATE, {"type": "null"}]},
        "kind": {"enum": list(KINDS)}, "item": STR_OR_NULL, "item_title": STR_OR_NULL,
        "section": STR_OR_NULL, "paragraph": STR_OR_NULL, "heading": STR_OR_NULL, "speaker": STR_OR_NULL,
        "source": {"type": "string"}, "source_url": STR_OR_NULL, "page": {"type": ["integer", "null"], "minimum": 1},
    }),
    "Passage": _obj({
        "rank": {"type": "integer", "minimum": 1}, "score": {"type": "number"}, "weak": {"type": "boolean"},
        "text": {"type": "string"}, "is_decision": {"type": "boolean"},
        "decision": {"anyOf": [_ref("DecisionStatus"), {"type": "null"}]}, "citation": _ref("Citation"),
    }),
    "DecisionStatus": _obj({
        "status": {"enum": list(STATUSES)}, "is_action": {"type": "boolean"},
        "owner": STR_OR_NULL, "due": STR_OR_NULL,
    }),
    "Answer": _obj({
        "text": {"type": "string"},
        "sentences": {"type": "array", "items": _obj({"text": {"type": "string"},
                                                      "passage": {"type": "integer", "minimum": 1}})},
    }),
    "AskReply": _obj({
        "question": {"type": "string"},
        "answer": {"anyOf": [_ref("Answer"), {"type": "null"}]},
        "passages": {"type": "array", "items": _ref("Passage")},
        "took_ms": {"type": "number", "minimum": 0},
    }),
    "ContextPassage": _obj({"citation": _ref("Citation"), "text": {"type": "string"}}),
    "CiteReply": _obj({
        "citation": _ref("Citation"), "text": {"type": "string"},
        "context": _obj({"before": {"type": "array", "items": _ref("ContextPassage")},
                         "after": {"type": "array", "items": _ref("ContextPassage")}}),
    }),
    "MeetingHeader": _obj({
        "id": {"type": "string"}, "council": STR_OR_NULL, "body": STR_OR_NULL,
        "date": {"anyOf": [DATE, {"type": "null"}]}, "kind": {"enum": list(KINDS)}, "title": STR_OR_NULL,
        "source": {"type": "string"}, "source_url": STR_OR_NULL, "venue": STR_OR_NULL,
        "attendees": {"type": "array", "items": {"type": "string"}},
        "also_attended": {"type": "array", "items": {"type": "string"}}, "url": {"type": "string"},
    }),
    "MeetingList": _obj({"meetings": {"type": "array", "items": _ref("MeetingHeader")}}),
    "MeetingOutline": _obj({
        "meeting": _ref("MeetingHeader"),
        "items": {"type": "array", "items": _obj({
            "key": STR_OR_NULL, "number": STR_OR_NULL, "title": STR_OR_NULL,
            "paragraphs": {"type": "array", "items": _ref("ContextPassage")},
        })},
        "referred_to_by": {"type": "array", "description": "later paragraphs that refer to this meeting",
                           "items": _obj({"citation": _ref("Citation"), "text": {"type": "string"},
                                          "reference": {"type": "string"}, "meeting": _ref("MeetingBrief")})},
    }, required=["meeting", "items"]),
    "MeetingBrief": _obj({
        "id": {"type": "string"}, "body": STR_OR_NULL, "date": {"anyOf": [DATE, {"type": "null"}]},
        "kind": {"enum": list(KINDS)}, "url": {"type": "string"},
    }),
    "Vote": {"type": "object", "description": "a recorded vote: counts and names for, against and abstaining",
             "properties": {"for": {"type": ["integer", "null"]}, "against": {"type": ["integer", "null"]},
                            "abstain": {"type": ["integer", "null"]}, "outcome": {"enum": ["carried", "lost", None]},
                            "unanimous": {"type": "boolean"}}},
    "Decision": _obj({
        "status": {"enum": list(STATUSES), "description": "agreed: the record says it was decided; "
                                                          "proposed: a recommendation not yet decided"},
        "is_action": {"type": "boolean", "description": "someone is to do something"},
        "owner": STR_OR_NULL, "due": STR_OR_NULL, "vote": {"anyOf": [_ref("Vote"), {"type": "null"}]},
        "text": {"type": "string"}, "citation": _ref("Citation"), "date": {"anyOf": [DATE, {"type": "null"}]},
        "meeting": _ref("MeetingBrief"), "score": {"type": ["number", "null"]},
    }),
    "DecisionList": _obj({
        "decisions": {"type": "array", "items": _ref("Decision")},
        "total": {"type": "integer", "minimum": 0, "description": "how many matched; at most k are listed"},
    }),
    "Health": _obj({
        "status": {"const": "ok"}, "index_version": {"type": ["string", "integer", "null"]},
        "model": {}, "stats": {"type": "object"},
    }),
}


def _json(schema_name: str, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref(schema_name)}}}


ERRORS = {
    "400": _json("Error", "bad request: the message says what to fix"),
    "404": _json("Error", "no such citation or meeting"),
    "405": _json("Error", "method not allowed"),
    "413": _json("Error", "request body too large"),
    "429": _json("Error", "too many requests from this address (only when a rate limit is configured)"),
}


def _query(name: str, schema: dict, description: str, required: bool = False) -> dict:
    return {"name": name, "in": "query", "required": required, "schema": schema, "description": description}


UNSET = {"type": "string", "maxLength": 0}  # an empty query value means "no filter", as an HTML form sends it
FILTER_PARAMS = [
    _query("body", {"type": "string", "maxLength": 200}, "only this body (committee); empty = any"),
    _query("date_from", {"anyOf": [DATE, UNSET]}, "on or after this date (YYYY-MM-DD); not after date_to"),
    _query("date_to", {"anyOf": [DATE, UNSET]}, "on or before this date (YYYY-MM-DD)"),
]


def _ask_request(s: Settings) -> dict:
    return _obj({
        "question": {"type": "string", "minLength": 1, "maxLength": s.max_question_chars,
                     "description": "must contain a letter or digit and no control characters"},
        "k": {"type": ["integer", "null"], "minimum": 1, "maximum": s.max_k, "default": s.default_k},
        "filters": {"anyOf": [_ref("Filters"), {"type": "null"}]},
    }, required=["question"], extra=False)


def _ask_params(s: Settings) -> list[dict]:
    return [
        _query("q", {"type": "string", "minLength": 1, "maxLength": s.max_question_chars}, "the question",
               required=True),
        _query("k", {"type": "integer", "minimum": 1, "maximum": s.max_k}, f"how many passages (default {s.default_k})"),
        *FILTER_PARAMS,
        _query("kind", {"anyOf": [{"enum": list(KINDS)}, UNSET]}, "only this kind of document"),
        _query("decisions_only", {"anyOf": [{"type": "boolean"}, UNSET]}, "only paragraphs that record a decision"),
    ]


def _decisions_params(s: Settings) -> list[dict]:
    return [
        _query("q", {"type": "string", "maxLength": s.max_question_chars},
               "the topic; empty lists every decision (newest first)"),
        _query("k", {"type": "integer", "minimum": 1, "maximum": s.max_decisions},
               f"at most this many decisions (default {s.max_decisions})"),
        *FILTER_PARAMS,
        _query("kind", {"anyOf": [{"enum": list(KINDS)}, UNSET]}, "only this kind of document"),
        _query("status", {"anyOf": [{"enum": list(STATUSES)}, UNSET]}, "only agreed, or only proposed, decisions"),
        _query("actions", {"anyOf": [{"type": "boolean"}, {"enum": [0, 1, "0", "1"]}, UNSET]},
               "1: only actions (someone is to do something)"),
        _query("sort", {"anyOf": [{"enum": list(SORTS)}, UNSET]},
               "relevance (default; adjacent decisions stay together) or date (newest meeting first)"),
    ]


ID_PARAM = {"in": "path", "required": True, "schema": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9._/-]*$"}}


def openapi_document(settings: Settings | None = None) -> dict:
    """The whole OpenAPI document for these limits, built fresh (it is small) so no caller shares a copy."""
    s = settings or Settings()
    ask_params = _ask_params(s)
    ask_ok = _json("AskReply", "the answer (null when the record has no good match) and the ranked passages")
    return {
        "openapi": "3.1.0",
        "info": {"title": "Minutebook", "version": __version__,
                 "description": "Question a council's record; every answer is verbatim and cited. "
                                "Each JSON reply has an HTML twin: /c/{cid} (a citation permalink; JSON with "
                                "Accept: application/json), /meetings, /meetings/{mid} and /decisions. "
                                "Errors are always "
                                '{"error": {"status": int, "message": str}}.'},
        "paths": {
            "/api/ask": {
                "get": {"summary": "Answer a question", "parameters": ask_params,
                        "responses": {"200": ask_ok, **ERRORS}},
                "post": {"summary": "Answer a question",
                         "requestBody": {"required": True,
                                         "content": {"application/json": {"schema": _ref("AskRequest")}}},
                         "responses": {"200": ask_ok, **ERRORS}},
            },
            "/api/cite/{cid}": {"get": {
                "summary": "One paragraph by citation id, with the paragraphs around it",
                "parameters": [{"name": "cid", **ID_PARAM}],
                "responses": {"200": _json("CiteReply", "the cited paragraph"), **ERRORS}}},
            "/api/meetings": {"get": {
                "summary": "The meetings in the record", "parameters": FILTER_PARAMS,
                "responses": {"200": _json("MeetingList", "meeting headers"), **ERRORS}}},
            "/api/meetings/{mid}": {"get": {
                "summary": "One meeting's outline with every paragraph's citation",
                "parameters": [{"name": "mid", **ID_PARAM}],
                "responses": {"200": _json("MeetingOutline", "the meeting"), **ERRORS}}},
            "/api/decisions": {"get": {
                "summary": "What was agreed or proposed on a topic, with citations",
                "parameters": _decisions_params(s),
                "responses": {"200": _json("DecisionList", "the decisions, best match or newest first"), **ERRORS}}},
            "/healthz": {"get": {"summary": "What is being served",
                                 "responses": {"200": _json("Health", "index version, model and counts")}}},
        },
        "components": {"schemas": {**copy.deepcopy(SCHEMAS), "AskRequest": _ask_request(s)}},
    }
