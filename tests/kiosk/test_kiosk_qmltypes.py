"""The tooling description of Kiosk.ViewModels matches the view-models as they are now."""

from kiosk.ui.qmltypes import QMLTYPES, generate


def test_viewmodels_qmltypes_is_current(tmp_path):
    fresh = tmp_path / "viewmodels.qmltypes"
    generate(fresh)
    assert fresh.read_text() == QMLTYPES.read_text(), "run: .venv/bin/python -m kiosk.ui.qmltypes"
