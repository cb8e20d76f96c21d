"""The one error shape, {"error": {"status", "message"}}, for every failure a client can meet."""
from __future__ import annotations

import logging

from flask import Flask, jsonify, make_response, render_template, request
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

# Werkzeug's default texts mention the server; these say what the client can do.
MESSAGES = {
    400: "bad request",
    404: "not found",
    405: "method not allowed",
    413: "request body too large",
    429: "too many requests",
    500: "internal error; the request was not processed",
}


class ApiError(Exception):
    """A client error with the status and message to return."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def wants_html() -> bool:
    """True when the client prefers an HTML page (a browser) to JSON; API paths always get JSON."""
    if request.path.startswith("/api/") or request.path == "/healthz":
        return False
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "text/html" and request.accept_mimetypes["text/html"] > request.accept_mimetypes["application/json"]


def error_response(status: int, message: str, headers: dict | None = None):
    """The documented error body, as JSON, or as a small HTML page for a browser."""
    if wants_html():
        resp = make_response(render_template("error.html", status=status, message=message), status)
    else:
        resp = jsonify({"error": {"status": status, "message": message}})
        resp.status_code = status
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    return resp


def register_errors(app: Flask) -> None:
    """Route every exception to the error shape; unexpected ones are logged, never shown."""

    @app.errorhandler(ApiError)
    def _api_error(e: ApiError):
        return error_response(e.status, e.message)

    @app.errorhandler(HTTPException)
    def _http_error(e: HTTPException):
        status = e.code or 500
        headers = {}
        message = MESSAGES.get(status, e.name.lower())
        if status == 404:
            message = f"no such page or endpoint: {request.path}"
        elif status == 405:
            allowed = sorted(m for m in (getattr(e, "valid_methods", None) or []) if m != "OPTIONS")
            headers["Allow"] = ", ".join(getattr(e, "valid_methods", None) or [])
            message = f"method {request.method} not allowed here; use {' or '.join(allowed) or 'another method'}"
        elif status == 413:
            limit = app.config.get("MAX_CONTENT_LENGTH")
            message = f"request body too large; the limit is {limit} bytes" if limit else MESSAGES[413]
        return error_response(status, message, headers)

    @app.errorhandler(Exception)
    def _unexpected(e: Exception):
        log.exception("unhandled error on %s %s", request.method, request.path)
        return error_response(500, MESSAGES[500])
