"""The PySide6 6.12.0 fault kiosk.emit works around, and that the work-around holds."""

import subprocess
import sys

from kiosk.emit import EMIT_DROPS_TRUE

PROGRAM = """
import sys
from PySide6.QtCore import QObject, Signal
{setup}
class A(QObject):
    s = Signal(str)
a = A()
before = sys.getrefcount(True)
for _ in range(50):
    {call}
print(before - sys.getrefcount(True), flush=True)
"""


def dropped(setup: str, call: str) -> int:
    # Without the work-around the interpreter may abort at exit (bool_dealloc): the count is
    # printed before that, and the abort itself is the symptom.
    out = subprocess.run([sys.executable, "-c", PROGRAM.format(setup=setup, call=call)],
                         capture_output=True, text=True, timeout=60)
    return int(out.stdout.strip())


def test_emit_keeps_true_alive():
    assert dropped("from kiosk.emit import emit", 'emit(a.s, "x")') == 0
    result = subprocess.run([sys.executable, "-c", PROGRAM.format(
        setup="from kiosk.emit import emit", call='emit(a.s, "x")').replace("range(50)", "range(20000)")],
        capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-500:]


def test_the_fault_is_detected_when_present():
    plain = dropped("", 'a.s.emit("x")')
    assert (plain == 50) is EMIT_DROPS_TRUE


def test_disconnect_keeps_true_alive():
    """Signal.disconnect has the same fault (bench/soak.py found it: one reference per call)."""
    from kiosk.emit import DISCONNECT_DROPS_TRUE

    setup = "from kiosk.emit import disconnect\nb = QObject()"
    fixed = dropped(setup, "a.s.connect(b.deleteLater); disconnect(a.s, b.deleteLater)")
    assert fixed == 0
    plain = dropped("b = QObject()", "a.s.connect(b.deleteLater); a.s.disconnect(b.deleteLater)")
    assert (plain >= 49) is DISCONNECT_DROPS_TRUE


def test_the_terminal_never_emits_or_disconnects_directly():
    """Every emission and disconnection in kiosk/ goes through kiosk.emit (a direct
    `dataChanged.emit` in a list model cost a reference to True per typed character)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "kiosk"
    direct = [f"{path.relative_to(root)}:{n}" for path in root.rglob("*.py") if path.name != "emit.py"
              for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if re.search(r"\.(emit|disconnect)\(", line) and not line.lstrip().startswith("#")]
    assert direct == []
