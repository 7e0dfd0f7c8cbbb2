"""The Qt binding must not lose references to None or True: CPython aborts ("none_dealloc",
"bool_dealloc") when either count reaches zero. PySide6 6.12.0 lost one to None on every call
that returns None (every void Qt method) and one to True on Signal.emit and disconnect;
bench/soak.py found it as ~450 references per registration, so a terminal died after about a
hundred. pyproject.toml keeps a release without the fault; this test stops an upgrade to one
with it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QTimer, Signal


class _Sender(QObject):
    fired = Signal(str)


def _lost(ref, act, rounds: int = 200) -> int:
    act()
    before = sys.getrefcount(ref)
    for _ in range(rounds):
        act()
    return before - sys.getrefcount(ref)


def test_void_calls_and_null_returns_keep_none_alive(qapp):
    timer, obj = QTimer(), QObject()
    assert _lost(None, timer.stop) <= 0
    assert _lost(None, obj.parent) <= 0  # a null pointer comes back as None
    assert _lost(None, lambda: obj.setObjectName("a")) <= 0


def test_signals_keep_true_alive(qapp):
    a, b = _Sender(), _Sender()
    assert _lost(True, lambda: a.fired.emit("x")) <= 0

    def connect_and_disconnect():
        a.fired.connect(b.fired)
        a.fired.disconnect(b.fired)

    assert _lost(True, connect_and_disconnect) <= 0


def test_a_model_answering_none_keeps_none_alive(qapp):
    class Model(QAbstractListModel):
        def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
            return 1

        def data(self, index, role=0):
            return None

    model = Model()
    index = model.index(0, 0)
    assert _lost(None, lambda: index.data(257)) <= 0
