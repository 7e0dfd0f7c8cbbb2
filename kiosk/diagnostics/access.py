"""Who may enter the service mode: the technician PIN, its lockout, its forced change.

The PIN's salted hash comes from `[technician] pin_hash`; once changed at a terminal, the new
hash is kept in `data_dir/technician.json` (mode 0600) and wins. The shipped default must be
changed at the first entry before anything else is allowed. Five wrong PINs lock entry for ten
minutes, counted across restarts. Every entry, exit and action is appended to
`data_dir/logs/service-audit.log` with when and what: no personal data, the PIN never.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kiosk.config import Technician, hash_pin, verify_pin

MAX_WRONG = 5
LOCK_SECONDS = 600
MIN_DIGITS = 6


class Entry(StrEnum):
    OPEN = "open"
    MUST_CHANGE = "must-change"
    WRONG = "wrong"
    LOCKED = "locked"


@dataclass(frozen=True)
class Attempt:
    entry: Entry
    remaining: int = 0  # wrong PINs left before the lock
    locked_seconds: int = 0


class ServiceAccess:
    def __init__(self, data_dir: Path, configured_hash: str, clock: Callable[[], float] = time.time) -> None:
        self._file = Path(data_dir) / "technician.json"
        self._audit = Path(data_dir) / "logs" / "service-audit.log"
        self._configured = configured_hash
        self._clock = clock

    def _state(self) -> dict:
        try:
            return json.loads(self._file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _save(self, state: dict) -> None:
        self._file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._file.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(state, handle)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(self._file)

    @property
    def pin_hash(self) -> str:
        return self._state().get("pin_hash") or self._configured

    def audit(self, what: str) -> None:
        self._audit.parent.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self._clock()))
        with self._audit.open("a", encoding="utf-8") as log:
            log.write(f"{stamp} technician {what}\n")

    def try_pin(self, pin: str) -> Attempt:
        state = self._state()
        now = self._clock()
        if state.get("locked_until", 0) > now:
            self.audit("entry refused: locked")
            return Attempt(Entry.LOCKED, locked_seconds=int(state["locked_until"] - now))
        if not verify_pin(pin, self.pin_hash):
            wrong = state.get("wrong", 0) + 1
            if wrong >= MAX_WRONG:
                state.update(wrong=0, locked_until=now + LOCK_SECONDS)
                self._save(state)
                self.audit(f"wrong PIN {wrong}: entry locked for {LOCK_SECONDS // 60} minutes")
                return Attempt(Entry.LOCKED, locked_seconds=LOCK_SECONDS)
            state["wrong"] = wrong
            self._save(state)
            self.audit(f"wrong PIN {wrong}")
            return Attempt(Entry.WRONG, remaining=MAX_WRONG - wrong)
        state.update(wrong=0, locked_until=0)
        self._save(state)
        if self.pin_hash == Technician.pin_hash:
            self.audit("entered with the shipped PIN: must change it")
            return Attempt(Entry.MUST_CHANGE)
        self.audit("entered")
        return Attempt(Entry.OPEN)

    def change_pin(self, new: str, repeat: str) -> tuple[str, str] | None:
        """None when changed; else what is wrong with it, in both languages."""
        if new != repeat:
            return ("两次输入的密码不一致。", "The two PINs differ.")
        if len(new) < MIN_DIGITS or not new.isdigit():
            return (f"密码至少 {MIN_DIGITS} 位数字。", f"A PIN is at least {MIN_DIGITS} digits.")
        if len(set(new)) == 1 or new in "01234567890" or new in "98765432109":
            return ("密码太容易猜到（重复或连续数字）。", "That PIN is too easy to guess (repeated or running digits).")
        if verify_pin(new, Technician.pin_hash):
            return ("不能使用出厂密码。", "The shipped PIN cannot be used.")
        state = self._state()
        state["pin_hash"] = hash_pin(new)
        self._save(state)
        self.audit("changed the PIN")
        return None
