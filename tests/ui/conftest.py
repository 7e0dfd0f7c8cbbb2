"""UI harness: the real terminal, started offscreen with a temporary config and data directory.

The pinyin engine is one per process and keeps its user dictionary under XDG_CONFIG_HOME, so
that points into a temporary folder before Qt starts: tests never read or write ~/.config.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="kiosk-ui-xdg-")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from kiosk_ui_driver import Driver  # noqa: E402

from kiosk.config import SessionTimes, load_config  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

CONFIG = """\
[terminal]
id = "NH-TEST-001"
site_name = "南海区人民医院 门诊大厅"
site_name_en = "Nanhai District People's Hospital, Outpatient Hall"
[screen]
width = 540
height = 960
[storage]
data_dir = "data"
"""


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """`make test` compiles the .ts first; a plain `pytest` run gets the same here."""
    for ts in (ROOT / "assets" / "i18n").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), "-silent",
                            str(ts), "-qm", str(qm)], check=True)


@pytest.fixture
def start_terminal(qapp, qtbot, tmp_path: Path) -> Iterator[Callable[..., Driver]]:  # noqa: ANN001
    from kiosk.app import build_terminal
    from kiosk.logs import configure_logging

    started = []

    def start(idle: tuple[int, int] | None = None, apology_seconds: float | None = None,
              screen: tuple[int, int] = (540, 960), diagonal: float = 21.5,
              counter: bool = False, service_hold_ms: int = 5000) -> Driver:
        path = tmp_path / "config.toml"
        text = CONFIG.replace("width = 540", f"diagonal_inches = {diagonal}\nwidth = {screen[0]}")
        path.write_text(text.replace("height = 960", f"height = {screen[1]}"), encoding="utf-8")
        cfg = load_config(path)
        if idle is not None:
            # Below the 10 s the config file allows, so these tests stay quick.
            cfg = cfg.with_overrides(session=SessionTimes(*idle))
        cfg.data_dir.mkdir(parents=True, exist_ok=True)
        configure_logging(cfg.log_dir)
        terminal = build_terminal(cfg, apology_seconds=apology_seconds, with_counter=counter,
                                  service_hold_ms=service_hold_ms)
        started.append(terminal)
        qtbot.waitExposed(terminal.window)
        qtbot.waitUntil(lambda: terminal.ready, timeout=5000)
        return Driver(terminal, qtbot)

    yield start
    for terminal in started:
        terminal.end_session("test over")
        terminal.close()
