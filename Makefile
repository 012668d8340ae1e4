# The two commands of the README: `make run` and `make test`. Both set up from nothing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint eval bench clean

$(BIN)/quotes: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# Every dependency, the spaCy model included, is pinned by version and sha256.
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(BIN)/quotes

install: $(BIN)/quotes

run: install
	$(BIN)/quotes migrate
	$(BIN)/quotes ingest seeds/
	$(BIN)/quotes serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/ruff check app tests migrations scripts
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check app tests migrations scripts
	$(BIN)/ruff format --check app tests migrations scripts

# Accuracy with the shared scorers: the seed, the extra gold articles, PolNeAR dev.
SHARED ?= ../shared
OUT ?= /tmp/quotes-eval
eval: install
	mkdir -p $(OUT)
	$(PYTHON) $(SHARED)/eval/make_docs.py gold --gold $(SHARED)/data --out $(OUT)/seed_docs.jsonl
	$(BIN)/quotes extract -i $(OUT)/seed_docs.jsonl -o $(OUT)/seed_pred.jsonl
	$(PYTHON) $(SHARED)/eval/score.py gold --gold $(SHARED)/data/seed-gold.json --pred $(OUT)/seed_pred.jsonl
	$(PYTHON) $(SHARED)/eval/make_docs.py gold --gold tests/data/gold --text-dir tests/data/gold --out $(OUT)/extra_docs.jsonl
	$(BIN)/quotes extract -i $(OUT)/extra_docs.jsonl -o $(OUT)/extra_pred.jsonl
	$(PYTHON) $(SHARED)/eval/score.py gold --gold tests/data/gold --text-dir tests/data/gold --pred $(OUT)/extra_pred.jsonl
	$(PYTHON) $(SHARED)/eval/make_docs.py polnear --gold $(SHARED)/data/polnear/dev.jsonl --out $(OUT)/dev_docs.jsonl
	$(BIN)/quotes extract -i $(OUT)/dev_docs.jsonl -o $(OUT)/dev_pred.jsonl
	$(PYTHON) $(SHARED)/eval/score.py polnear --gold $(SHARED)/data/polnear/dev.jsonl --pred $(OUT)/dev_pred.jsonl

# Speed and memory: extraction against the bare parse; the API at a million statements.
bench: install
	$(BIN)/python scripts/bench_extract.py
	$(BIN)/python scripts/bench_api.py

clean:
	rm -rf $(VENV) quotes.db quotes.db-wal quotes.db-shm
