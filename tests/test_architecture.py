"""The arrows of the architecture hold: import contracts (.importlinter) and a lean start-up.

The contracts are checked by import-linter over the real import graph; the start-up check imports
what `python -m kiosk` imports before its first frame and looks for the heavy libraries that the
terminal loads only later (bench/startup.py measures what they would cost).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY_AT_START = ("sqlalchemy", "reportlab", "pydantic", "httpx", "alembic", "fastapi")


def lint_imports(config: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is a dev dependency: lint-imports must be installed"
    return subprocess.run([exe, "--config", str(config), "--no-cache"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_the_import_contracts_are_kept():
    result = lint_imports(ROOT / ".importlinter")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_forbidden_import_is_caught(tmp_path):
    """The contracts are live: a contract naming an arrow that does exist (kiosk -> forms) breaks."""
    config = tmp_path / "contracts.ini"
    config.write_text(
        "[importlinter]\nroot_packages =\n    kiosk\n    forms\n\n"
        "[importlinter:contract:probe]\nname = probe\ntype = forbidden\n"
        "source_modules =\n    kiosk\nforbidden_modules =\n    forms\n", encoding="utf-8")
    result = lint_imports(config)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout


def test_the_terminal_starts_without_the_heavy_libraries():
    code = ("import sys, kiosk.__main__, kiosk.app; "
            f"print(','.join(m for m in {HEAVY_AT_START!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"imported before the first frame: {result.stdout}"
