"""Start-up: process start to the attract screen's first frame, against a bare QML window.

Both are started the same way (a fresh interpreter, offscreen, QT_IM_MODULE=qtvirtualkeyboard)
and report the moment their window's first frame is swapped (QQuickWindow.frameSwapped), on
the system-wide monotonic clock, then exit at once. The bare window holds only an InputPanel,
the floor of this stack (measured: about 0.20 s on this 2-core machine). Peak resident memory comes from
wait4() of each child. Byte-code is cached (in a temporary PYTHONPYCACHEPREFIX) as on an
installed terminal. Prints ONE JSON line; the goal is terminal/bare <= 1.3.

    .venv/bin/python bench/startup.py [--repeats N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

REPORT = """
def report():
    import os, time
    print("FIRST_FRAME", time.monotonic_ns(), flush=True)
    os._exit(0)
"""

TERMINAL = REPORT + """
from kiosk.config import load_config
from kiosk.app import run
run(load_config({config!r}), on_first_frame=report)
"""

BARE = REPORT + """
import sys
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
app = QGuiApplication(sys.argv[:1])
engine = QQmlApplicationEngine()
engine.loadData(b'''
import QtQuick
import QtQuick.VirtualKeyboard
Window {
    width: 1080; height: 1920; visible: true
    InputPanel { width: parent.width; y: parent.height - height }
}
''')
window = engine.rootObjects()[0]
window.frameSwapped.connect(report)
app.exec()
"""


def start_once(code: str, pycache: str) -> tuple[float, float]:
    """Seconds from spawn to first frame, and the child's peak RSS in MiB."""
    # Byte-code cached as on an installed terminal (pip compiles it at install), even where
    # the shell sets PYTHONDONTWRITEBYTECODE: otherwise every run would time the compiler.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", QT_IM_MODULE="qtvirtualkeyboard",
               PYTHONPYCACHEPREFIX=pycache)
    started = time.monotonic_ns()
    child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    frames = [line.split()[1] for line in out.splitlines() if line.startswith("FIRST_FRAME")]
    if child.returncode != 0 or not frames:
        raise SystemExit(f"child failed (exit {child.returncode}): {out[-500:]}")
    return (int(frames[0]) - started) / 1e9, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.toml"
        config.write_text('[storage]\ndata_dir = "data"\n[logging]\nlevel = "WARNING"\n',
                          encoding="utf-8")
        terminal_code, bare_code = TERMINAL.format(config=str(config)), BARE
        pycache = str(Path(tmp) / "pycache")
        start_once(terminal_code, pycache)  # fills the byte-code and page caches; not counted
        start_once(bare_code, pycache)
        terminal, bare = [], []
        for _ in range(args.repeats):  # interleaved, so drift in machine load hits both alike
            terminal.append(start_once(terminal_code, pycache))
            bare.append(start_once(bare_code, pycache))
    t_time = statistics.median(t for t, _ in terminal)
    b_time = statistics.median(t for t, _ in bare)
    t_rss = statistics.median(r for _, r in terminal)
    b_rss = statistics.median(r for _, r in bare)
    print(json.dumps({
        "bench": "startup", "repeats": args.repeats,
        "terminal_first_frame_s": round(t_time, 3), "bare_first_frame_s": round(b_time, 3),
        "ratio": round(t_time / b_time, 2), "goal_ratio": 1.3,
        "terminal_peak_rss_mib": round(t_rss, 1), "bare_peak_rss_mib": round(b_rss, 1),
        "rss_ratio": round(t_rss / b_rss, 2),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
