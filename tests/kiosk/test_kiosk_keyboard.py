"""The start-up check that the on-screen keyboard offers Chinese, and the reset call."""

import logging

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.keyboard import OnScreenKeyboard


class FakeSettings(QObject):
    """Stands in for VirtualKeyboardSettings: the same property names, signal and slot."""

    availableLocalesChanged = Signal()

    def __init__(self, available):
        super().__init__()
        self._available, self.active, self.locale, self.resets = available, [], "", 0

    def _get_available(self):
        return self._available

    availableLocales = Property("QVariantList", _get_available, notify=availableLocalesChanged)

    def _get_active(self):
        return self.active

    def _set_active(self, value):
        self.active = list(value)

    activeLocales = Property("QVariantList", _get_active, _set_active)

    @Slot()
    def userDataReset(self):  # noqa: N802 (Qt's name)
        self.resets += 1


def test_chinese_present_is_logged_as_information(qapp, caplog):
    settings = FakeSettings(["en_US", "zh_CN"])
    with caplog.at_level(logging.INFO, logger="kiosk.keyboard"):
        keyboard = OnScreenKeyboard(settings)
    assert settings.active == ["zh_CN", "en_US"]
    assert keyboard.chinese_available is True
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    keyboard.forget()
    assert settings.resets == 1 and keyboard.resets == 1
    keyboard.stop()


def test_chinese_missing_is_an_error_in_the_log(qapp, caplog):
    settings = FakeSettings([])
    with caplog.at_level(logging.INFO, logger="kiosk.keyboard"):
        keyboard = OnScreenKeyboard(settings)
        assert keyboard.chinese_available is None  # layouts not scanned yet: no verdict
        settings._available = ["en_US", "de_DE"]
        settings.availableLocalesChanged.emit()
    assert keyboard.chinese_available is False
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors and "zh_CN" in errors[0] and "en_US, de_DE" in errors[0]
    keyboard.stop()


def test_a_visit_opens_the_layout_of_its_language():
    from kiosk.keyboard import layout_for

    assert layout_for("en_US", ("zh_CN", "en_US")) == "en_US"
    assert layout_for("zh_CN", ("zh_CN", "en_US")) == "zh_CN"
    assert layout_for("fr_FR", ("zh_CN", "en_US")) == "zh_CN"  # no such layout: the first offered


def test_the_layout_is_set_again_even_when_the_setting_already_holds_it():
    """The language key changes the keyboard, not the setting: a plain re-set would be lost."""
    settings = FakeSettings(["en_US", "zh_CN"])
    seen = []
    keyboard = OnScreenKeyboard(settings)
    settings_set = settings.setProperty

    def record(name, value):
        seen.append((name, value))
        return settings_set(name, value)

    settings.setProperty = record
    keyboard.show_layout_for("zh_CN")
    assert seen == [("locale", ""), ("locale", "zh_CN")]
    keyboard.stop()
