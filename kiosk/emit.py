"""Emitting a Qt signal from Python without slowly killing the interpreter.

PySide6 6.12.0's `Signal.emit()` returns `True` without taking a reference to it, so every
emission from Python drops the refcount of `True` by one; after a few thousand emissions
CPython aborts with "Fatal Python error: bool_dealloc" (tests/kiosk/test_kiosk_emit.py shows
it). A terminal emits dozens of signals per visit, so it would abort within a day. `emit()`
here gives the reference back — only if this PySide6 has the fault, measured once at import,
so a fixed release needs no change.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    fired = Signal()


def _emit_drops_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.fired.emit()
    dropped = sys.getrefcount(True) < before
    if dropped:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return dropped


EMIT_DROPS_TRUE = _emit_drops_true()


def emit(signal: Any, *args: object) -> None:
    """`signal.emit(*args)`, with the reference PySide6 6.12.0 forgets returned to `True`."""
    result = signal.emit(*args)
    if EMIT_DROPS_TRUE and result is True:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def _disconnect_drops_true(rounds: int = 4) -> bool:
    """Connect and disconnect a few times (the first call of a kind warms caches that hold
    references of their own) and see whether `True` lost one reference per call."""
    sender, receiver = _Probe(), _Probe()
    before = sys.getrefcount(True)
    for _ in range(rounds):
        sender.fired.connect(receiver.fired)
        sender.fired.disconnect(receiver.fired)
    lost = before - sys.getrefcount(True)
    if lost > 0:
        for _ in range(lost):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return lost >= rounds - 1


DISCONNECT_DROPS_TRUE = _disconnect_drops_true()


def disconnect(signal: Any, slot: Any) -> None:
    """`signal.disconnect(slot)`: the same fault as `emit` (it returns `True` without a reference
    to it; measured in bench/soak.py as one reference of `True` lost per call), so the same
    compensation, only when this PySide6 has the fault."""
    result = signal.disconnect(slot)
    if DISCONNECT_DROPS_TRUE and result is True:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def _model_none_drops(rounds: int = 4) -> bool:
    """A list model's `data()` that answers None: does the answer cost None a reference?"""
    from PySide6.QtCore import QAbstractListModel, QModelIndex

    class _Model(QAbstractListModel):
        def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
            return 1

        def data(self, index, role: int = 0) -> None:
            return None

    model = _Model()  # kept alive while its index is used
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(rounds):
        index.data(257)
    lost = before - sys.getrefcount(None)
    for _ in range(max(lost, 0)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    del index, model
    return lost >= rounds - 1


MODEL_NONE_DROPS = _model_none_drops()


def model_value(value: Any) -> Any:
    """What a model's `data()` returns, made safe: PySide6 6.12.0 drops a reference to None
    each time Qt reads a None from `data()` (bench/soak.py: ~400 per visit, and CPython aborts
    when None's count reaches zero). Giving one back when Python itself calls `data()` only
    keeps None a little more alive, which costs nothing: None is never freed."""
    if value is None and MODEL_NONE_DROPS:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    return value
