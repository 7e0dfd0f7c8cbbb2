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
