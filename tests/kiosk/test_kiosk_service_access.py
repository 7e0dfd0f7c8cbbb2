"""The technician PIN: the shipped one must be changed first, five wrong ones lock entry for ten
minutes (across restarts), the audit log holds no PIN."""

from __future__ import annotations

import stat

import pytest

from kiosk.config import Technician, hash_pin
from kiosk.diagnostics.access import Entry, ServiceAccess


@pytest.fixture
def clock():
    return [1_000_000.0]


def access(tmp_path, clock, configured=Technician.pin_hash):
    return ServiceAccess(tmp_path, configured, clock=lambda: clock[0])


def test_the_shipped_pin_must_be_changed_before_anything_else(tmp_path, clock):
    a = access(tmp_path, clock)
    assert a.try_pin("2468").entry is Entry.MUST_CHANGE
    assert a.change_pin("735190", "735199") == ("两次输入的密码不一致。", "The two PINs differ.")
    for weak in ("1234", "111111", "123456", "987654", "2468"):
        assert a.change_pin(weak, weak) is not None, weak
    assert a.change_pin("735190", "735190") is None
    assert a.try_pin("2468").entry is Entry.WRONG
    assert a.try_pin("735190").entry is Entry.OPEN
    again = access(tmp_path, clock)  # a restart keeps the new PIN
    assert again.try_pin("735190").entry is Entry.OPEN
    assert stat.S_IMODE((tmp_path / "technician.json").stat().st_mode) == 0o600


def test_five_wrong_pins_lock_entry_for_ten_minutes_across_a_restart(tmp_path, clock):
    a = access(tmp_path, clock, hash_pin("735190"))
    assert [a.try_pin("000000").remaining for _ in range(4)] == [4, 3, 2, 1]
    assert a.try_pin("000000").entry is Entry.LOCKED
    restarted = access(tmp_path, clock, hash_pin("735190"))
    locked = restarted.try_pin("735190")  # even the right PIN waits
    assert locked.entry is Entry.LOCKED and locked.locked_seconds == 600
    clock[0] += 601
    assert restarted.try_pin("735190").entry is Entry.OPEN


def test_the_audit_log_says_what_and_when_but_never_the_pin(tmp_path, clock):
    a = access(tmp_path, clock)
    a.try_pin("999999")
    a.try_pin("2468")
    a.change_pin("735190", "735190")
    a.audit("left the service mode")
    text = (tmp_path / "logs" / "service-audit.log").read_text(encoding="utf-8")
    assert "wrong PIN 1" in text and "changed the PIN" in text and "left the service mode" in text
    for pin in ("999999", "2468", "735190"):
        assert pin not in text


def test_the_configuration_check_sees_a_pin_changed_at_the_terminal(tmp_path, clock):
    from dataclasses import replace

    from kiosk.config import KioskConfig
    from kiosk.diagnostics.checks import check_configuration

    cfg = replace(KioskConfig(), data_dir=tmp_path)
    assert "shipped technician PIN" in check_configuration(cfg).detail[1]
    a = access(tmp_path, clock)
    a.try_pin("2468")
    a.change_pin("735190", "735190")
    assert "shipped technician PIN" not in check_configuration(cfg).detail[1]
