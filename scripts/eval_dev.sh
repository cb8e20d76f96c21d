#!/usr/bin/env bash
# Score the dev question set against the index, building the index first if there is none.
# Usage: scripts/eval_dev.sh [--json]   (PY and INDEX may be set in the environment)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
INDEX=${INDEX:-index}
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
[ -e "$INDEX/manifest.json" ] || "$PY" -m qa build corpus --index "$INDEX"
exec "$PY" -m qa eval eval/dev-questions.jsonl --index "$INDEX" "$@"
