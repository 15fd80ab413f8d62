# Two commands set everything up on a fresh machine with only Python and make.
# `make quiz` installs only what the quiz needs; `make test` adds the test tools on top.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
TESTING := $(VENV)/.installed-test

.PHONY: quiz test check bench build clean

$(RUNTIME): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME)

$(TESTING): $(RUNTIME)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(TESTING)

# Ctrl-C ends the quiz with exit code 130 (answers saved): that is not a failure of make.
quiz: $(RUNTIME)
	@$(BIN)/quizgen quiz || test $$? -eq 130

test: $(TESTING)
	$(BIN)/python -m pytest -q -rs
	$(BIN)/ruff check quizgen tests benchmarks
	$(BIN)/ruff format --check quizgen tests benchmarks
	$(BIN)/mypy quizgen tests

check: $(RUNTIME)
	$(BIN)/quizgen check

build: $(RUNTIME)
	$(BIN)/quizgen build

bench: $(TESTING)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
