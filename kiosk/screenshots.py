"""`python -m kiosk screenshots DIR`: every screen in every configured language, as PNG.

For reviewing layouts and translations without a terminal: the real application is started
offscreen with the given settings and driven through its view-models (never through fake
screens), and each state is grabbed to DIR/<screen>-<locale>.png; then every stage of every service
(kiosk/journey_screenshots.py) to DIR/journey-<service>-<NN>-<stage>-<locale>.png.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from kiosk.config import KioskConfig

log = logging.getLogger("kiosk.screenshots")

SAMPLE_SCOPE_QUERY = "食品"  # shows all four kinds of need: none, filing, permit here, elsewhere


def _states(t) -> list[tuple[str, Callable[[], None]]]:  # noqa: ANN001 (Terminal, lazily imported)
    from kiosk.ui.viewmodels.journey import Screen

    first_service = t.services.services[0]["id"]

    def go(screen: Screen, **session: object) -> Callable[[], None]:
        def apply() -> None:
            t.idle_watch.disarm()
            for name in ("large_text", "high_contrast", "service_id", "scope_query"):
                t.session.set(name, session.get(name, t.session.get(name).__class__()))
            t.journey.go_to(screen)
        return apply

    def keyboard(**look: object) -> Callable[[], None]:
        def apply() -> None:
            go(Screen.SCOPE, scope_query=SAMPLE_SCOPE_QUERY, **look)()
            field = _find(t, "scopeField")
            field.forceActiveFocus()
            t.app.inputMethod().show()
        return apply

    def idle_warning() -> None:
        go(Screen.SERVICES)()
        t.idle_watch.arm()
        t.idle_watch.age(t.cfg.session.idle_seconds - t.cfg.session.warning_seconds + 0.5)

    def apology() -> None:
        t.end_session("screenshots")  # as after a real crash: wiped, no countdown left over
        t.journey.show_apology()

    return [
        ("attract", go(Screen.ATTRACT)),
        ("attract-large-text", go(Screen.ATTRACT, large_text=True)),
        ("attract-high-contrast", go(Screen.ATTRACT, high_contrast=True)),
        ("services", go(Screen.SERVICES)),
        ("service", go(Screen.SERVICE, service_id=first_service)),
        ("scope", go(Screen.SCOPE, scope_query=SAMPLE_SCOPE_QUERY)),
        ("scope-large-text", go(Screen.SCOPE, scope_query=SAMPLE_SCOPE_QUERY, large_text=True)),
        ("scope-keyboard", keyboard()),
        ("scope-keyboard-large-text", keyboard(large_text=True)),
        ("scope-keyboard-high-contrast", keyboard(high_contrast=True)),
        ("idle-warning", idle_warning),
        ("apology", apology),
    ]


def _find(t, name: str):  # noqa: ANN001, ANN202
    from PySide6.QtQuick import QQuickItem

    item = t.window.findChild(QQuickItem, name)
    if item is None:
        raise LookupError(f"no item named {name!r} on screen {t.journey.screen}")
    return item


def settle(t, rounds: int = 3) -> None:  # noqa: ANN001
    """Let bindings, loaders and the keyboard's animation finish before grabbing."""
    from PySide6.QtCore import QEventLoop, QTimer

    for _ in range(rounds):
        loop = QEventLoop()
        QTimer.singleShot(120, loop.quit)
        loop.exec()


def _grab(t, directory: Path, name: str) -> Path:  # noqa: ANN001
    settle(t)
    path = directory / f"{name}.png"
    if not t.window.grabWindow().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def render_all(cfg: KioskConfig, directory: Path) -> int:
    from kiosk.app import QML_LOAD_FAILED_EXIT, QmlLoadError, build_terminal
    from kiosk.config import SessionTimes
    from kiosk.journey_screenshots import walk_journeys
    from kiosk.logs import configure_logging, route_qt_messages

    cfg = replace(cfg, session=SessionTimes(idle_seconds=1800, warning_seconds=20))
    cfg.data_dir.mkdir(parents=True, exist_ok=True)
    configure_logging(cfg.log_dir, level=cfg.logging.level)
    route_qt_messages()
    directory.mkdir(parents=True, exist_ok=True)
    try:
        t = build_terminal(cfg, with_counter=False)
    except QmlLoadError as exc:
        log.critical("%s", exc)
        return QML_LOAD_FAILED_EXIT
    while not t.ready:  # the keyboard is configured just after the first frame
        settle(t, rounds=1)
    written = []
    for locale in cfg.locales.available:
        for name, apply in _states(t):
            t.session.set("locale", locale)
            apply()
            settle(t)
            path = directory / f"{name}-{locale}.png"
            if not t.window.grabWindow().save(str(path)):
                log.error("could not write %s", path)
                return 1
            written.append(path)
            t.app.inputMethod().hide()
            t.journey.apologyDone()
        written += walk_journeys(t, lambda name, loc=locale: _grab(t, directory, f"{name}-{loc}"), locale)
    t.end_session("screenshots")
    t.close()
    print("\n".join(str(p) for p in written))
    return 0
