"""Runs every benchmark in bench/ and prints their figures as one table.

Each benchmark is a script that prints one JSON line of figures as its last line of output;
this runner only collects and lays them out, so a benchmark stays runnable on its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(script: Path) -> tuple[dict[str, object] | None, str]:
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=HERE.parent, timeout=1800
    )
    lines = [line for line in proc.stdout.splitlines() if line.strip().startswith("{")]
    took = f"{time.monotonic() - started:.1f}s"
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
        return None, f"failed (exit {proc.returncode}, {took}): {tail[0]}"
    return json.loads(lines[-1]), took


def main() -> int:
    failed = 0
    for script in sorted(HERE.glob("*.py")):
        if script.name == Path(__file__).name:
            continue
        figures, note = run(script)
        print(f"== {script.stem} ({note})")
        if figures is None:
            failed += 1
            continue
        width = max(len(k) for k in figures) if figures else 0
        for key, value in figures.items():
            print(f"   {key:<{width}}  {json.dumps(value, ensure_ascii=False)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
