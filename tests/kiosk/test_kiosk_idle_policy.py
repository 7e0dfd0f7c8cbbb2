"""The idle rule as arithmetic, and the one application-wide activity filter."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QMouseEvent

from kiosk.idle import IdlePhase, IdlePolicy, IdleWatch

POLICY = IdlePolicy(idle_seconds=120, warning_seconds=20)


@pytest.mark.parametrize(("quiet", "phase", "left"), [
    (0, IdlePhase.ACTIVE, 120), (99.9, IdlePhase.ACTIVE, 21), (100, IdlePhase.WARNING, 20),
    (119.2, IdlePhase.WARNING, 1), (120, IdlePhase.EXPIRED, 0),
])
def test_warning_at_100_s_wipe_at_120_s(quiet, phase, left):
    assert POLICY.phase(quiet) is phase
    assert POLICY.seconds_left(quiet) == left


@given(st.floats(min_value=0, max_value=119.999))
def test_the_next_check_never_skips_a_visible_change(quiet):
    wait = POLICY.next_check(quiet)
    assert wait > 0
    later = quiet + wait
    if quiet < POLICY.warn_after:
        assert later == pytest.approx(POLICY.warn_after)
    else:  # the countdown ticks once a second and lands exactly on the end
        assert wait <= 1.0 + 1e-9
        shown, before = POLICY.seconds_left(later - 1e-6), POLICY.seconds_left(quiet)
        if wait > 0.001:
            assert shown == before
        else:  # the 1 ms timer floor (QTimer's resolution) may pass a change due in under 1 ms
            assert shown in (before, before - 1)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def press() -> QMouseEvent:
    return QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(1, 1), QPointF(1, 1),
                       Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)


def test_a_touch_restarts_the_quiet_period_but_not_during_the_warning(qapp):
    clock = FakeClock()
    watch = IdleWatch(POLICY, clock)
    watch.arm()
    target = QObject()
    clock.now += 90
    watch.eventFilter(target, press())
    assert watch.seconds_left() == 120
    clock.now += 105
    watch.age(105)  # the timer's check, as it would fire
    assert watch.phase is IdlePhase.WARNING
    watch.eventFilter(target, press())
    assert watch.phase is IdlePhase.WARNING and watch.seconds_left() == 15
    watch.restart()  # "I need more time"
    assert watch.phase is IdlePhase.ACTIVE and watch.seconds_left() == 120
    watch.disarm()


def test_expiry_is_announced_once(qapp):
    clock = FakeClock()
    watch = IdleWatch(POLICY, clock)
    fired = []
    watch.expired.connect(lambda: fired.append(1))
    watch.arm()
    watch.age(121)
    watch.age(200)
    assert fired == [1]
    assert not watch.armed
