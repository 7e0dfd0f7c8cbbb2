"""When a walk-away session ends: the rule as pure arithmetic, and the one event filter.

Library self-checkouts warn about 20 s before the end and reset at 2–3 minutes, and Section
508 (1194.25) asks that the user be warned and able to ask for more time. So with
idle_seconds = 120 and warning_seconds = 20 the countdown appears after 100 s without a touch
and the session is wiped at 120 s unless "I need more time" is pressed.
"""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from kiosk.emit import emit


class IdlePhase(enum.Enum):
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


@dataclass(frozen=True)
class IdlePolicy:
    idle_seconds: float
    warning_seconds: float

    @property
    def warn_after(self) -> float:
        return max(0.0, self.idle_seconds - self.warning_seconds)

    def phase(self, quiet: float) -> IdlePhase:
        if quiet >= self.idle_seconds:
            return IdlePhase.EXPIRED
        return IdlePhase.WARNING if quiet >= self.warn_after else IdlePhase.ACTIVE

    def seconds_left(self, quiet: float) -> int:
        """What the countdown shows: whole seconds, rounded up, so it never reads 0 too early."""
        return max(0, math.ceil(self.idle_seconds - quiet))

    def next_check(self, quiet: float) -> float:
        """Seconds until something visible changes: the warning, the next tick, or the end."""
        if quiet < self.warn_after:
            return self.warn_after - quiet
        remaining = self.idle_seconds - quiet
        # Tick on the whole-second boundaries of the countdown: 19.3 s left -> wake in 0.3 s.
        return max(0.001, remaining - math.floor(remaining - 1e-9))


# A person at the terminal produces these; hover and paint events do not count. Built on first
# use: QEvent.Type is a 180-member enum that costs PySide6 ~3 ms to create.
_activity: frozenset[QEvent.Type] = frozenset()


def activity_events() -> frozenset[QEvent.Type]:
    global _activity
    if not _activity:
        t = QEvent.Type
        _activity = frozenset({t.MouseButtonPress, t.MouseButtonRelease, t.TouchBegin,
                               t.TouchUpdate, t.TouchEnd, t.KeyPress, t.Wheel})
    return _activity


class IdleWatch(QObject):
    """Application-wide activity filter plus one single-shot timer rescheduled to the next
    boundary, so a touch costs one clock read and no timer restart."""

    phase_changed = Signal()
    tick = Signal()
    expired = Signal()

    def __init__(self, policy: IdlePolicy, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        self._clock = clock
        self._last = clock()
        self._armed = False
        self._phase = IdlePhase.ACTIVE
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)

    # -- state -------------------------------------------------------------------------------
    @property
    def armed(self) -> bool:
        return self._armed

    @property
    def phase(self) -> IdlePhase:
        return self._phase

    def seconds_left(self) -> int:
        return self.policy.seconds_left(self._clock() - self._last)

    # -- control -----------------------------------------------------------------------------
    def arm(self) -> None:
        """A session has begun: start counting from now."""
        self._armed = True
        self.restart()

    def disarm(self) -> None:
        self._armed = False
        self._timer.stop()
        self._set_phase(IdlePhase.ACTIVE)

    def restart(self) -> None:
        """'I need more time', or a fresh session: the full idle period again."""
        self._last = self._clock()
        self._set_phase(IdlePhase.ACTIVE)
        if self._armed:
            self._schedule()

    def age(self, seconds: float) -> None:
        """Behave as if nobody had touched the screen for `seconds` (screenshots, demos)."""
        self._last = self._clock() - seconds
        if self._armed:
            self._check()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # Once the countdown shows, only its buttons count: a stray touch elsewhere must not
        # silently keep a walked-away session alive.
        if self._armed and self._phase is IdlePhase.ACTIVE and event.type() in activity_events():
            self._last = self._clock()
        return False

    # -- internals ---------------------------------------------------------------------------
    def _schedule(self) -> None:
        quiet = self._clock() - self._last
        self._timer.start(max(1, int(self.policy.next_check(quiet) * 1000)))

    def _check(self) -> None:
        if not self._armed:
            return
        phase = self.policy.phase(self._clock() - self._last)
        if phase is IdlePhase.EXPIRED:
            self._armed = False
            self._set_phase(IdlePhase.EXPIRED)
            emit(self.expired)
            return
        self._set_phase(phase)
        if phase is IdlePhase.WARNING:
            emit(self.tick)
        self._schedule()

    def _set_phase(self, phase: IdlePhase) -> None:
        if phase is not self._phase:
            self._phase = phase
            emit(self.phase_changed)
