"""Logs rotate in the data directory and never hold identity or phone numbers."""

import logging

import pytest

from kiosk.crash import describe
from kiosk.logs import configure_logging, redact


def test_redact_masks_ids_codes_and_phones():
    line = "id 44060519900101123X code 91440605MA4UABCD1X phone 13912345678 order 42 at 2026"
    assert redact(line) == "id [id] code [id] phone [phone] order 42 at 2026"


def test_records_are_redacted_and_rotated(tmp_path):
    handler = configure_logging(tmp_path / "logs", max_bytes=2000, backups=2)
    log = logging.getLogger("kiosk.test")
    for _ in range(60):
        log.info("applicant %s called from %s", "44060519900101123X", "13912345678")
    handler.flush()
    files = sorted((tmp_path / "logs").glob("kiosk.log*"))
    assert len(files) == 3  # the live file and two backups: rotation, bounded
    text = "".join(f.read_text(encoding="utf-8") for f in files)
    assert "[id]" in text and "44060519900101123X" not in text and "13912345678" not in text
    logging.getLogger().removeHandler(handler)


def test_a_crash_is_described_without_its_message():
    try:
        raise ValueError("name 张三 id 44060519900101123X")
    except ValueError as exc:
        text = describe(type(exc), exc.__traceback__)
    assert text.startswith("builtins.ValueError at test_kiosk_logs.py:")
    assert "张三" not in text and "4406" not in text


def test_a_logged_traceback_is_redacted_too(tmp_path):
    handler = configure_logging(tmp_path / "logs")
    try:
        raise ValueError("could not encode 44060519900101123X / 13912345678")
    except ValueError:
        logging.getLogger("kiosk.test").exception("printing failed")
    handler.flush()
    text = (tmp_path / "logs" / "kiosk.log").read_text(encoding="utf-8")
    logging.getLogger().removeHandler(handler)
    assert "Traceback" in text and "ValueError: could not encode [id] / [phone]" in text
    assert "44060519900101123X" not in text and "13912345678" not in text


@pytest.mark.parametrize(("message", "kept"), [
    ("file:///k/Main.qml:53: Error: 申请人 张三 住址 广东省佛山市南海区桂城街道",
     "file:///k/Main.qml:53: Error: [text withheld, 23 characters]"),
    ("<Unknown File>:3: Error: 张三", "<Unknown File>:3: Error: [text withheld, 2 characters]"),
    ("qrc:/x.qml:7: TypeError: Property 'trim' of object 李四 is not a function",
     "qrc:/x.qml:7: TypeError: [text withheld, 46 characters]"),
    ("Error: 王五\n广东省", "Error: [text withheld, 6 characters]"),
    ("Couldn't load pipewire-0.3 library", "Couldn't load pipewire-0.3 library"),
    ("file:///k/Main.qml:53:34: QML TopBar: Binding loop detected for property \"oneRow\"",
     "file:///k/Main.qml:53:34: QML TopBar: Binding loop detected for property \"oneRow\""),
])
def test_qml_error_text_is_withheld_where_and_kind_are_kept(message, kept):
    from kiosk.logs import strip_error_text

    assert strip_error_text(message) == kept
