# Two commands set everything up on a fresh machine with only Python and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: quiz test check bench build clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

quiz: $(STAMP)
	$(BIN)/quizgen quiz

test: $(STAMP)
	$(BIN)/python -m pytest -q -rs
	$(BIN)/ruff check quizgen tests benchmarks
	$(BIN)/ruff format --check quizgen tests benchmarks
	$(BIN)/mypy quizgen tests

check: $(STAMP)
	$(BIN)/quizgen check

build: $(STAMP)
	$(BIN)/quizgen build

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
