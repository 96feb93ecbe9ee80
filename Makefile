# Two commands a new machine needs: `make run` and `make test` (see README).
# PYTHON picks the interpreter (default: the first of python3.11, 3.12, 3.13, python3);
# VENV the folder of its virtual environment.
PYTHON ?=
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml scripts/setup.sh | sha256sum | cut -c1-12)

.PHONY: run test test-pythons lint format check-all screenshots bench bench-scaling bench-import bench-storage fuzz clean bundle install-desktop translations

$(STAMP): pyproject.toml scripts/setup.sh
	bash scripts/setup.sh $(VENV) $(PYTHON)
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

## The whole suite on Python 3.12 and 3.13 as well, each in its own venv (.venv-3.12,
## .venv-3.13); `make test` runs it on the default Python.
test-pythons:
	$(MAKE) --no-print-directory test PYTHON=python3.12 VENV=.venv-3.12
	$(MAKE) --no-print-directory test PYTHON=python3.13 VENV=.venv-3.13

## Launch the app (on the bundled sample project the first time). Without a screen it
## says so in one line and how to work headless.
run: $(STAMP)
	$(BIN)/annotator $(PROJECT)

## The whole default test suite, headless, then lint, the types and the layers.
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 -p no:cacheprovider $(PYTEST_ARGS)
	$(BIN)/ruff check annotator tests scripts
	$(BIN)/ruff format --check annotator tests scripts
	$(BIN)/mypy --cache-dir $(VENV)/mypy-cache
	$(BIN)/lint-imports --cache-dir $(VENV)/import-linter-cache

## ruff, then mypy (strict; the opt-out list is in pyproject.toml) and the import
## contracts (core below ui below cli; no Qt in the core).
lint: $(STAMP)
	$(BIN)/ruff check annotator tests scripts
	$(BIN)/ruff format --check annotator tests scripts
	$(BIN)/mypy --cache-dir $(VENV)/mypy-cache
	$(BIN)/lint-imports --cache-dir $(VENV)/import-linter-cache

format: $(STAMP)
	$(BIN)/ruff format annotator tests scripts
	$(BIN)/ruff check --fix annotator tests scripts

## Extract the UI's strings into resources/translations/*.ts and compile the .qm files
## the app loads (docs/translating.md).
translations: $(STAMP)
	$(BIN)/python scripts/translations.py

## Screenshots of the real window under Xvfb (needs apt: xvfb, fonts).
screenshots: $(STAMP)
	bash scripts/screenshots.sh

## Full benchmarks against DESIGN.md budgets; rewrites docs/benchmarks.md.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.run

## The same at 1,000, 10,000 and 50,000 documents, about 35 minutes (the largest project
## is ~6 GB, kept in the temporary folder or ANNOTATOR_BENCH_CACHE); rewrites the
## scaling part of docs/benchmarks.md and docs/benchmarks-scaling.png.
bench-scaling: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.run --scales 1000,10000,50000

## Import quality on the real-page corpus (../shared/corpora): both ways in, per language
## and per kind of junk; rewrites its section of docs/benchmarks.md (a minute or two).
bench-import: $(STAMP)
	$(BIN)/python -m tests.benchmarks.import_quality

## sqlite-utils against raw SQL for each storage use (issue 19) on the reference project,
## each in turn in one run; rewrites its section of docs/benchmarks.md (about 10 minutes).
bench-storage: $(STAMP)
	$(BIN)/python -m tests.benchmarks.bench_storage

## One-folder app in dist/annotator/ (PyInstaller), smoke-tested without Python (Xvfb).
bundle: $(STAMP)
	bash scripts/bundle.sh

## Menu entry, icons and the .annotator file type for the current user (Linux).
install-desktop:
	bash scripts/install-desktop.sh $(if $(EXEC),--exec "$(EXEC)")

## Long fuzzing: 10,000 random cases per target (about an hour on 2 cores); the default
## test run fuzzes each target briefly. Failures print a reproducible example.
fuzz: $(STAMP)
	ANNOTATOR_FUZZ=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n 2 -p no:cacheprovider \
		--timeout 0 tests/fuzz --hypothesis-show-statistics $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info
