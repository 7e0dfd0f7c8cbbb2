# The two commands: `make run` and `make test`. Both first set up whatever is missing on this
# machine (Debian packages Qt needs, a CJK font, the virtual environment), then do their job.
# Set-up is idempotent: when nothing is missing it compares one hash and returns.
SHELL  := /bin/bash
VENV   := .venv
PY     := $(VENV)/bin/python
PYTHON ?= python3
TS     := $(wildcard assets/i18n/*.ts)
QM     := $(TS:.ts=.qm)

# Qt's offscreen and xcb platforms (EGL/GL, xkbcommon, fontconfig, dbus, xcb-*), libpulse0 (Qt
# Virtual Keyboard's QML links QtMultimedia), a CJK font for the screens, the receipt and the
# licence PDF, and poppler-utils so a technician can check a licence PDF on the terminal.
# chromium + chromium-driver: the web channel's browser tests and screenshots (tests/backend/web).
APT_PACKAGES := libegl1 libgl1 libopengl0 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 \
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 \
  libxcb1 libx11-6 libxcb-render0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 \
  libpulse0 fonts-wqy-microhei fonts-noto-cjk fonts-unifont poppler-utils \
  chromium chromium-driver

.PHONY: setup system-packages venv run test test-fast lint bench i18n screenshots clean

setup: system-packages venv

system-packages:
	@missing=(); for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "ok installed" || missing+=("$$p"); \
	done; \
	if (( $${#missing[@]} )); then \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  echo "setup: installing Debian packages: $${missing[*]}"; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends "$${missing[@]}"; \
	fi

venv:
	@[ -x $(PY) ] || { echo "setup: creating $(VENV) with $$($(PYTHON) --version)"; $(PYTHON) -m venv $(VENV); }
	@want=$$(sha256sum pyproject.toml | cut -d' ' -f1); \
	if [ "$$want" != "$$(cat $(VENV)/.installed 2>/dev/null)" ]; then \
	  echo "setup: installing the project and its dev extras into $(VENV)"; \
	  $(PY) -m pip install -q --upgrade pip && \
	  $(PY) -m pip install -q -e '.[dev]' && echo "$$want" > $(VENV)/.installed; \
	fi

# Translations are compiled from their .ts sources by the build, never committed.
assets/i18n/%.qm: assets/i18n/%.ts | setup
	@$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

i18n: setup $(QM)

# With a display: the terminal, on its embedded defaults (the demo backend, virtual printers).
# Without one (a server, a container, CI): the same terminal offscreen, walked by the demo
# script, which writes screenshots, the receipt, the licence and summary.json to $(DEMO_OUT).
DEMO_OUT ?= demo-output
run: setup i18n
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ "$$QT_QPA_PLATFORM" != offscreen ]; then \
	  $(PY) -m kiosk; \
	else \
	  echo "run: 没有显示器，以无界面方式运行演示 / no display: running the demo headless into $(DEMO_OUT)/"; \
	  QT_QPA_PLATFORM=offscreen $(PY) -m kiosk demo --out $(DEMO_OUT); \
	fi

test: setup i18n
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

test-fast: setup i18n
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not slow and not postgres"

lint: setup
	$(VENV)/bin/ruff check kiosk printer reader forms backend wire tests bench
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pyside6-qmllint $$(find kiosk -name '*.qml')

bench: setup i18n
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

screenshots: setup i18n
	QT_QPA_PLATFORM=offscreen $(PY) -m kiosk screenshots screenshots

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache $(QM)
