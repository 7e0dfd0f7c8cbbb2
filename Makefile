# The two commands: `make run` and `make test`. Both set up what is missing first.
VENV   := .venv
PY     := $(VENV)/bin/python
TS     := $(wildcard assets/i18n/*.ts)
QM     := $(TS:.ts=.qm)

.PHONY: setup run demo test test-fast lint bench i18n screenshots clean

setup:
	@bash tools/bootstrap.sh

# Translations are compiled from their .ts sources, never committed.
assets/i18n/%.qm: assets/i18n/%.ts | setup
	@$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

i18n: setup $(QM)

run: setup i18n
	$(PY) -m kiosk

demo: setup i18n
	$(PY) -m kiosk --demo

test: setup i18n
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

test-fast: setup i18n
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not slow and not postgres"

lint: setup
	$(VENV)/bin/ruff check kiosk printer forms backend tests bench
	$(VENV)/bin/pyside6-qmllint $$(find kiosk -name '*.qml')

bench: setup i18n
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

screenshots: setup i18n
	QT_QPA_PLATFORM=offscreen $(PY) -m kiosk screenshots screenshots

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache $(QM)
