"""The command line: `python -m qa parse | build | ask | eval | eval-structure | serve`. Thin: each command calls one module."""
from __future__ import annotations

import argparse
import os
import sys

# Weights come from an installed package; never reach for a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DEFAULT_INDEX = "index"  # MINUTEBOOK_DATABASE_URL, when set, names the index instead (qa.backend.base)
DEFAULT_CORPUS = "corpus"


def index_location(index: str):
    """--index, or the database MINUTEBOOK_DATABASE_URL names; a bad URL ends the command with its reason."""
    from qa.backend.base import index_location as location

    try:
        return location(index)
    except ValueError as e:
        raise SystemExit(f"error: {e}") from None


def _parse(args) -> int:
    from qa.parse.outline import run_parse

    return run_parse(args.file, as_json=args.json)


def _build(args) -> int:
    from qa.build import run_build

    return run_build(args.corpus, index_location(args.index))


def _ask(args) -> int:
    from qa.ask import run_ask

    return run_ask(args.question, index_location(args.index), k=args.k, as_json=args.json)


def _eval(args) -> int:
    from qa.evaluate import run_eval

    return run_eval(args.file, index_location(args.index), as_json=args.json)


def _eval_structure(args) -> int:
    from qa.structure_eval import run_eval_structure

    return run_eval_structure(args.outlines, args.dir, as_json=args.json)


def _serve(args) -> int:
    from qa.web.serve import run_serve

    return run_serve(index_location(args.index), host=args.host, port=args.port, corpus=args.corpus, workers=args.workers)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m qa", description="Minutebook: question a council's record.")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("parse", help="show what the parser understood of one document")
    s.add_argument("file")
    s.add_argument("--json", action="store_true", help="print the full structure as JSON")
    s.set_defaults(func=_parse)

    s = sub.add_parser("build", help="parse a corpus directory and build the index")
    s.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    s.add_argument("--index", default=DEFAULT_INDEX)
    s.set_defaults(func=_build)

    s = sub.add_parser("ask", help="answer a question from the index")
    s.add_argument("question")
    s.add_argument("--index", default=DEFAULT_INDEX)
    s.add_argument("-k", type=int, default=5)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=_ask)

    s = sub.add_parser("eval", help="score a question set (JSONL) against the index")
    s.add_argument("file")
    s.add_argument("--index", default=DEFAULT_INDEX)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=_eval)

    s = sub.add_parser("eval-structure", help="score parses of a directory against gold outlines (JSONL)")
    s.add_argument("outlines")
    s.add_argument("dir")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=_eval_structure)

    s = sub.add_parser("serve", help="serve the API and pages (builds the index first if none exists)")
    s.add_argument("--index", default=DEFAULT_INDEX)
    s.add_argument("--corpus", default=DEFAULT_CORPUS)
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--workers", type=int, default=None,
                   help="server processes sharing the port (default MINUTEBOOK_WORKERS, else one per core, up to 4)")
    s.set_defaults(func=_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except BrokenPipeError:
        # The reader went away (`python -m qa parse F | head`): stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
