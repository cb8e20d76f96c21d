"""Checks what a client sends before the search layer sees it; every refusal is an ApiError(400)."""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from qa.models import KINDS
from qa.search import Filters
from qa.timeline import SORTS, STATUSES, DecisionQuery
from qa.web.errors import ApiError
from qa.web.settings import Settings

ASK_KEYS = ("question", "k", "filters")
FILTER_KEYS = ("body", "date_from", "date_to", "kind", "decisions_only")
ASK_QUERY_KEYS = ("q", "k") + FILTER_KEYS
MEETINGS_QUERY_KEYS = ("body", "date_from", "date_to")
MAX_BODY_NAME = 200
MAX_ID_CHARS = 300
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Citation and meeting ids are slugs joined by "/"; anything else cannot name a paragraph.
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*")
_FLAGS = {"true": True, "false": False, "": False}


@dataclass(frozen=True)
class AskRequest:
    """A checked question: the text, how many passages, and the filters."""

    question: str
    k: int
    filters: Filters | None


def _bad(message: str) -> ApiError:
    return ApiError(400, message)


def parse_json_body(raw: bytes, content_type: str | None) -> dict:
    """The request body as a JSON object, or a 400 saying what is wrong with it."""
    mime = (content_type or "").split(";")[0].strip().lower()
    if not raw.strip():
        raise _bad('empty body; send a JSON object such as {"question": "..."}')
    if mime != "application/json" and not mime.endswith("+json"):
        raise _bad(f"send the body as JSON with Content-Type: application/json (got {mime or 'no content type'})")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _bad(f"body is not valid JSON: {str(exc)[:120]}") from None
    except RecursionError:  # "[[[[..." thousands deep exhausts the parser's stack
        raise _bad("body is not valid JSON: nested too deeply") from None
    try:  # a lone surrogate ("\ud800") decodes but cannot be encoded again, so no reply could echo it
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise _bad("body is not valid JSON: it contains a lone surrogate escape (\\ud800-\\udfff)") from None
    except RecursionError:
        raise _bad("body is not valid JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise _bad(f"body must be a JSON object, not {type(data).__name__}")
    return data


def check_question(value, limit: int) -> str:
    """A non-empty question of at most `limit` characters, with words in it."""
    if value is None:
        raise _bad('"question" is required')
    if not isinstance(value, str):
        raise _bad('"question" must be a string')
    text = value.strip()
    if not text:
        raise _bad('"question" is empty')
    if len(value) > limit:
        raise _bad(f'"question" is {len(value)} characters; the limit is {limit}')
    if any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r" for ch in text):
        raise _bad('"question" contains control characters')
    if not any(ch.isalnum() for ch in text):
        raise _bad('"question" has no words in it')
    return " ".join(text.split())


def check_k(value, settings: Settings) -> int:
    """k as an int in 1..max_k; the default when absent."""
    if value is None:
        return settings.default_k
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(f'"k" must be an integer from 1 to {settings.max_k}')
    if not 1 <= value <= settings.max_k:
        raise _bad(f'"k" must be from 1 to {settings.max_k}, got {value}')
    return value


def check_date(name: str, value) -> str | None:
    """A real calendar date written YYYY-MM-DD, or None."""
    if value is None:
        return None
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise _bad(f'"{name}" must be a date written YYYY-MM-DD')
    try:
        date.fromisoformat(value)
    except ValueError:
        raise _bad(f'"{name}" is not a real date: {value}') from None
    return value


def check_body_name(value) -> str | None:
    """A body (committee) name to filter on, or None."""
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > MAX_BODY_NAME:
        raise _bad(f'"body" must be a string of at most {MAX_BODY_NAME} characters')
    return value.strip() or None


def check_date_range(date_from: str | None, date_to: str | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise _bad(f'"date_from" ({date_from}) is after "date_to" ({date_to})')


def check_filters(value) -> Filters | None:
    """The filters object with only known keys and valid values, or None when absent or empty."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _bad('"filters" must be an object')
    unknown = sorted(set(value) - set(FILTER_KEYS))
    if unknown:
        raise _bad(f"unknown filter(s): {', '.join(unknown)}; known: {', '.join(FILTER_KEYS)}")
    body = check_body_name(value.get("body"))
    date_from = check_date("date_from", value.get("date_from"))
    date_to = check_date("date_to", value.get("date_to"))
    check_date_range(date_from, date_to)
    kind = value.get("kind")
    if kind is not None and kind not in KINDS:
        raise _bad(f'"kind" must be one of {", ".join(KINDS)}')
    decisions_only = value.get("decisions_only", False)
    if decisions_only is None:
        decisions_only = False
    if not isinstance(decisions_only, bool):
        raise _bad('"decisions_only" must be true or false')
    filters = Filters(body=body, date_from=date_from, date_to=date_to, kind=kind, decisions_only=decisions_only)
    return None if filters == Filters() else filters


def ask_from_json(data: dict, settings: Settings) -> AskRequest:
    """A checked AskRequest from a POSTed JSON object."""
    unknown = sorted(set(data) - set(ASK_KEYS))
    if unknown:
        raise _bad(f"unknown field(s): {', '.join(unknown)}; known: {', '.join(ASK_KEYS)}")
    return AskRequest(
        question=check_question(data.get("question"), settings.max_question_chars),
        k=check_k(data.get("k"), settings),
        filters=check_filters(data.get("filters")),
    )


def _unknown_params(args, known: tuple[str, ...]) -> None:
    unknown = sorted(set(args) - set(known))
    if unknown:
        raise _bad(f"unknown parameter(s): {', '.join(unknown)}; known: {', '.join(known)}")


def _single(args, name: str) -> str | None:
    values = args.getlist(name)
    if len(values) > 1:
        raise _bad(f'parameter "{name}" given more than once')
    return values[0] if values else None


def ask_from_query(args, settings: Settings) -> AskRequest:
    """A checked AskRequest from GET parameters q, k and the filter names; empty filter values are unset."""
    _unknown_params(args, ASK_QUERY_KEYS)
    if _single(args, "q") is None:
        raise _bad('parameter "q" (the question) is required')
    k = _single(args, "k")
    if k is not None:
        if not re.fullmatch(r"\d{1,6}", k):
            raise _bad(f'"k" must be an integer from 1 to {settings.max_k}')
        k = int(k)
    raw = {name: _single(args, name) or None for name in FILTER_KEYS}
    flag = raw.pop("decisions_only") or ""
    if flag not in _FLAGS:
        raise _bad('"decisions_only" must be true or false')
    raw["decisions_only"] = _FLAGS[flag]
    return AskRequest(
        question=check_question(_single(args, "q"), settings.max_question_chars),
        k=check_k(k, settings),
        filters=check_filters(raw),
    )


def meetings_query(args) -> dict:
    """Checked body/date_from/date_to parameters for the meeting list."""
    _unknown_params(args, MEETINGS_QUERY_KEYS)
    body = check_body_name(_single(args, "body"))
    date_from = check_date("date_from", _single(args, "date_from") or None)
    date_to = check_date("date_to", _single(args, "date_to") or None)
    check_date_range(date_from, date_to)
    return {"body": body, "date_from": date_from, "date_to": date_to}


def is_plausible_id(value: str) -> bool:
    """Whether value could be a citation or meeting id at all (no "..", no odd characters, not huge)."""
    return len(value) <= MAX_ID_CHARS and bool(_ID.fullmatch(value)) and ".." not in value


DECISIONS_QUERY_KEYS = ("q", "k", "body", "date_from", "date_to", "kind", "status", "actions", "sort")
_ACTION_FLAGS = {"1": True, "true": True, "0": False, "false": False, "": False}


def _choice(args, name: str, allowed: tuple[str, ...]) -> str | None:
    value = _single(args, name) or None
    if value is not None and value not in allowed:
        raise _bad(f'"{name}" must be one of {", ".join(allowed)} (or empty for any)')
    return value


def decisions_query(args, settings: Settings, default_sort: str = "relevance") -> DecisionQuery:
    """A checked DecisionQuery from GET parameters; every parameter is optional and empty values are unset."""
    _unknown_params(args, DECISIONS_QUERY_KEYS)
    q = _single(args, "q") or ""
    q = check_question(q, settings.max_question_chars) if q.strip() else ""
    k = _single(args, "k")
    if k is not None:
        if not re.fullmatch(r"\d{1,6}", k) or not 1 <= int(k) <= settings.max_decisions:
            raise _bad(f'"k" must be an integer from 1 to {settings.max_decisions}')
        k = int(k)
    flag = _single(args, "actions") or ""
    if flag not in _ACTION_FLAGS:
        raise _bad('"actions" must be 1 or 0 (or true or false)')
    date_from = check_date("date_from", _single(args, "date_from") or None)
    date_to = check_date("date_to", _single(args, "date_to") or None)
    check_date_range(date_from, date_to)
    return DecisionQuery(q=q, body=check_body_name(_single(args, "body")), date_from=date_from, date_to=date_to,
                         kind=_choice(args, "kind", KINDS), status=_choice(args, "status", STATUSES),
                         actions_only=_ACTION_FLAGS[flag], sort=_choice(args, "sort", SORTS) or default_sort,
                         limit=k or settings.max_decisions)
