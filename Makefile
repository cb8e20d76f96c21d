# Minutebook: `make run` serves the bundled corpus, `make test` runs the tests.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
INDEX ?= index
CORPUS ?= corpus
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: run test test-fast build eval bench clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

$(INDEX)/manifest.json: | $(BIN)/.installed
	$(BIN)/python -m qa build $(CORPUS) --index $(INDEX)

run: $(BIN)/.installed $(INDEX)/manifest.json
	$(BIN)/python -m qa serve --port $(PORT) --index $(INDEX)

build: $(BIN)/.installed
	$(BIN)/python -m qa build $(CORPUS) --index $(INDEX)

test: $(BIN)/.installed
	bash scripts/ensure_browser.sh
	$(BIN)/python -m pytest -q

test-fast: $(BIN)/.installed
	$(BIN)/python -m pytest -q -m "not slow"

eval: $(BIN)/.installed $(INDEX)/manifest.json
	$(BIN)/python -m qa eval eval/dev-questions.jsonl --index $(INDEX)

bench: $(BIN)/.installed
	$(BIN)/python scripts/bench_search.py

clean:
	rm -rf $(INDEX) $(INDEX).versions $(INDEX).cache .pytest_cache
