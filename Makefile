# The two commands of the README: `make run` and `make test`. Both set up from nothing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint bench clean

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

clean:
	rm -rf $(VENV) quotes.db quotes.db-wal quotes.db-shm
