"""The terminal's Qt Quick user interface: Python view-models (viewmodels/) and QML (qml/)."""

from pathlib import Path

QML_DIR = Path(__file__).resolve().parent / "qml"
