"""Whether Qt has a screen to draw on, decided before Qt is imported.

Qt aborts the whole process ("could not connect to display") when the xcb platform finds no X
server; a technician on an SSH shell then sees a core dump instead of advice. So the terminal
looks first and, finding nothing, explains in both languages how to run without a screen.
"""

from __future__ import annotations

from collections.abc import Mapping

NO_DISPLAY_EXIT = 2

NO_DISPLAY_MESSAGE = """\
未找到显示器：没有设置 DISPLAY 或 WAYLAND_DISPLAY，终端无法打开窗口。
  在无屏幕的机器上运行：xvfb-run make run
  或者离屏运行（不显示，仅供测试和截图）：QT_QPA_PLATFORM=offscreen make run
No display found: neither DISPLAY nor WAYLAND_DISPLAY is set, so the terminal cannot open a window.
  To run on a machine without a screen: xvfb-run make run
  or offscreen (nothing shown, for tests and screenshots): QT_QPA_PLATFORM=offscreen make run
"""


def display_available(environ: Mapping[str, str]) -> bool:
    """True when Qt can open a window: a platform chosen explicitly, an X server or Wayland."""
    return any(environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))
