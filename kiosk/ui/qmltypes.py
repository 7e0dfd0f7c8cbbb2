"""Regenerates kiosk/ui/qml/Kiosk/ViewModels/viewmodels.qmltypes from the view-models.

The view-models are registered from Python at run time, so qmllint cannot see them; this
file describes them to the tooling (`make lint`: pyside6-qmllint). tests/kiosk checks it is
not stale. Run after changing a view-model's QML API:

    .venv/bin/python -m kiosk.ui.qmltypes
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import PySide6

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
QMLTYPES = HERE / "qml" / "Kiosk" / "ViewModels" / "viewmodels.qmltypes"


def generate(target: Path) -> None:
    tools = Path(sys.executable).parent
    # metaobjectdump learns which classes are QObjects file by file, in order: the base class
    # module goes first, so the view-models derived from it are dumped as QObjects too.
    sources = sorted((p.relative_to(ROOT) for p in (HERE / "viewmodels").glob("*.py")
                      if p.name != "__init__.py"), key=lambda p: (p.name != "session_bound.py", p))
    core_types = Path(PySide6.__file__).parent / "Qt" / "metatypes" / "qt6core_metatypes.json"
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "viewmodels.json"
        subprocess.run([str(tools / "pyside6-metaobjectdump"), "-o", str(dump), *map(str, sources)],
                       check=True, cwd=ROOT)
        subprocess.run([str(tools / "pyside6-qmltyperegistrar"), f"--generate-qmltypes={target}",
                        "--import-name=Kiosk.ViewModels", "--major-version=1", "--minor-version=0",
                        f"--foreign-types={core_types}", "-o", str(Path(tmp) / "registration.cpp"),
                        str(dump)], check=True, cwd=ROOT)
    # The registrar writes absolute source paths; the committed file must not depend on where
    # the repository was cloned.
    target.write_text(target.read_text().replace(f"{ROOT}/", ""))


if __name__ == "__main__":
    generate(QMLTYPES)
    print(QMLTYPES)
