#!/usr/bin/env bash
# Sets up a fresh machine for the kiosk: the Debian libraries Qt needs, a CJK font,
# and a virtual environment with the project and its dev extras. Idempotent: when
# nothing is missing it only compares a hash and returns (about a second).
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's offscreen and xcb platforms (EGL/GL, xkbcommon, fontconfig, dbus, xcb-*),
# libpulse0 (Qt Virtual Keyboard's QML links QtMultimedia), a CJK font for the
# screens and the licence PDF, poppler-utils for technicians checking PDFs.
APT_PACKAGES=(
  libegl1 libgl1 libopengl0 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-xkb1 libpulse0 fonts-wqy-microhei poppler-utils
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "bootstrap: creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
have="$(cat .venv/.installed 2>/dev/null || true)"
if [ "$want" != "$have" ]; then
  echo "bootstrap: installing the project and its dev extras into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[dev]'
  echo "$want" > .venv/.installed
fi
