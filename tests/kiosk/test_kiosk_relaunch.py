"""The service mode's restart: the process starts its own command line again (execv), keeping
its PID, after the terminal closed everything (kiosk.app.run returns RESTART_EXIT)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_the_process_comes_back_with_the_same_command_line_and_pid(tmp_path):
    script = tmp_path / "generation.py"
    script.write_text(textwrap.dedent("""
        import os, sys
        generation = int(os.environ.get("GENERATION", "0"))
        print(generation, os.getpid(), " ".join(sys.argv[1:]), flush=True)
        if generation == 0:
            os.environ["GENERATION"] = "1"
            from kiosk.relaunch import relaunch
            relaunch()
        """), encoding="utf-8")
    run = subprocess.run([sys.executable, str(script), "--config", "x.toml"], capture_output=True,
                         text=True, timeout=60, check=True)
    first, second = [line.split(" ", 2) for line in run.stdout.splitlines()]
    assert first[0] == "0" and second[0] == "1"
    assert first[1] == second[1]  # the same process: systemd sees the same service
    assert first[2] == second[2] == "--config x.toml"


def test_main_relaunches_only_on_the_restart_code(monkeypatch):
    import kiosk.__main__ as entry
    import kiosk.app
    import kiosk.relaunch

    relaunched = []
    monkeypatch.setattr(kiosk.relaunch, "relaunch", lambda: relaunched.append(True))
    monkeypatch.setattr(entry, "display_available", lambda env: True)
    for code, expected in ((0, []), (4, []), (kiosk.app.RESTART_EXIT, [True])):
        relaunched.clear()
        monkeypatch.setattr(kiosk.app, "run", lambda cfg, code=code: code)
        assert entry.main([]) == code
        assert relaunched == expected
