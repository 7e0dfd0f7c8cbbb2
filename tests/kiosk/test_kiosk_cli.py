"""`python -m kiosk` refuses clearly: no display, a bad setting, QML that does not load."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(args, env_changes=None, drop=(), timeout=60):
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(env_changes or {})
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=timeout)


def test_no_display_explains_itself_in_both_languages(tmp_path):
    result = run(["-m", "kiosk", "--config", str(write(tmp_path, ""))],
                 drop=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    assert result.returncode == 2
    assert "未找到显示器" in result.stderr and "No display found" in result.stderr
    assert "xvfb-run make run" in result.stderr and "QT_QPA_PLATFORM=offscreen" in result.stderr
    assert "qt.qpa" not in result.stderr  # Qt was never started


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bad_setting_refuses_to_start_and_names_it(tmp_path):
    result = run(["-m", "kiosk", "--config", str(write(tmp_path, "[session]\nidle_seconds = 5\n"))],
                 env_changes={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 3
    assert "配置错误" in result.stderr and "session.idle_seconds" in result.stderr
    assert "5" in result.stderr and "10 to 1800" in result.stderr


def test_an_unknown_setting_refuses_to_start(tmp_path):
    result = run(["-m", "kiosk", "--config", str(write(tmp_path, "[screen]\nwidht = 1080\n"))],
                 env_changes={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 3 and "screen.widht" in result.stderr


def test_qml_that_does_not_load_exits_non_zero(tmp_path):
    config = str(write(tmp_path, '[storage]\ndata_dir = "d"\n'))
    code = ("import sys; from kiosk.config import load_config; from kiosk.app import run; "
            f"sys.exit(run(load_config({config!r}), entry=('Kiosk.Shell', 'NoSuchScreen')))")
    result = run(["-c", code], env_changes={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 4
    assert "did not load" in (tmp_path / "d" / "logs" / "kiosk.log").read_text(encoding="utf-8")


def test_screenshots_renders_every_screen_in_both_languages(tmp_path):
    config = write(tmp_path, '[storage]\ndata_dir = "d"\n[screen]\nwidth = 540\nheight = 960\n')
    result = run(["-m", "kiosk", "--config", str(config), "screenshots", str(tmp_path / "shots")],
                 env_changes={"QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    names = {p.name for p in (tmp_path / "shots").glob("*.png")}
    for screen in ("attract", "services", "service", "scope", "scope-keyboard", "idle-warning", "apology"):
        assert {f"{screen}-zh_CN.png", f"{screen}-en_US.png"} <= names
    # every walk reaches confirm in both languages, and the answered person list has its variants
    for service in ("individual_business", "sole_proprietorship", "limited_company"):
        for locale in ("zh_CN", "en_US"):
            assert any(n.startswith(f"journey-{service}-") and n.endswith(f"-confirm-{locale}.png")
                       for n in names), (service, locale)
    assert "journey-limited_company-02-step-answered-large-text-en_US.png" in names
    from PySide6.QtGui import QImage

    image = QImage(str(tmp_path / "shots" / "attract-zh_CN.png"))
    assert (image.width(), image.height()) == (540, 960)
    colours = {image.pixel(x, y) for x in range(0, 540, 9) for y in range(0, 960, 9)}
    assert len(colours) > 20  # drawn, not blank
