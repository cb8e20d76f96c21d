"""The app factory: one Flask app around one SearcherHolder, with limits and security headers."""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, request

from qa.web.errors import error_response, register_errors
from qa.web.holder import SearcherHolder
from qa.web.limits import RateLimiter
from qa.web.settings import Settings

# No inline script or style, nothing from another origin: document text can never run.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@dataclass
class WebState:
    """What the views share: the searcher holder and the settings (kept on app.extensions, not globals)."""

    holder: SearcherHolder
    settings: Settings


def load_searcher(index_dir, encoder=None):
    """A Searcher over index_dir; IndexMismatch propagates with its message."""
    from qa.search import Searcher

    return Searcher(index_dir, encoder=encoder)


def create_app(searcher=None, *, index_dir: str | Path | None = None, settings: Settings | dict | None = None) -> Flask:
    """The web app over an injected Searcher, or one loaded from index_dir (reloaded when its version changes)."""
    if searcher is None and index_dir is None:
        raise ValueError("create_app needs a searcher or an index_dir")
    if not isinstance(settings, Settings):
        settings = Settings().updated(settings)
    if searcher is None:
        searcher = load_searcher(index_dir)
    holder = SearcherHolder(searcher, index_dir, factory=load_searcher, interval=settings.reload_check_seconds)

    app = Flask(__name__)
    app.config.update(
        DEBUG=False,  # never the debugger, whatever FLASK_DEBUG says: errors go to the JSON error handler
        MAX_CONTENT_LENGTH=settings.max_body_bytes,
        JSON_SORT_KEYS=False,
        TEMPLATES_AUTO_RELOAD=False,
    )
    app.json.sort_keys = False
    app.json.ensure_ascii = False
    app.extensions["minutebook"] = WebState(holder=holder, settings=settings)

    from qa.web import api, decisions, pages

    app.register_blueprint(api.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(decisions.bp)
    register_errors(app)

    limiter = RateLimiter(settings.rate_limit_per_minute)

    @app.before_request
    def _rate_limit():
        if request.endpoint in ("static", "api.healthz"):
            return None
        wait = limiter.check(request.remote_addr or "unknown")
        if wait is None:
            return None
        seconds = max(1, math.ceil(wait))
        return error_response(429, f"too many requests from this address; try again in {seconds} s",
                              {"Retry-After": str(seconds)})

    @app.after_request
    def _headers(resp):
        for name, value in SECURITY_HEADERS.items():
            resp.headers.setdefault(name, value)
        return resp

    return app
