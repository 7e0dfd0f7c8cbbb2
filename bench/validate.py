"""forms figures: validating a full application, loading every definition cold, searching.

- validate_median_ms / validate_p95_ms: validate_application on a limited company with 5
  shareholders and 3 add-ons (food, drug retail, class III devices); target median <= 1 ms.
- load_cold_median_ms: in a fresh interpreter with forms imported, the first forms.services():
  reading and checking every service, add-on and the catalogue; target <= 50 ms.
- import_and_load_cold_median_ms: the same from nothing, `import forms` included, with bytecode
  cached as an installed package has it (pip writes .pyc; this machine's environment sets
  PYTHONDONTWRITEBYTECODE, so the bench caches into a temporary PYTHONPYCACHEPREFIX).
- import_and_load_nobytecode_median_ms: the same when every module is compiled from source.
  Medians of LOAD_RUNS fresh processes.
- field_median_ms: one validate_field call (a resident ID), what the kiosk runs per keystroke.
- search_median_ms: catalogue_search("cyfw") over the whole catalogue.
Prints ONE JSON line.   .venv/bin/python bench/validate.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VALIDATE_RUNS = 2000
LOAD_RUNS = 15
COLD_LOAD = (
    "import time; t0 = time.perf_counter(); import forms; t1 = time.perf_counter(); "
    "forms.services(); t2 = time.perf_counter(); print((t2 - t1) * 1000, (t2 - t0) * 1000)"
)


def timed(call, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def cold_load_ms(env: dict[str, str]) -> tuple[list[float], list[float]]:
    """(load only, import + load) in milliseconds, one pair per fresh interpreter."""
    load, total = [], []
    for _ in range(LOAD_RUNS):
        out = subprocess.run([sys.executable, "-c", COLD_LOAD], cwd=ROOT, capture_output=True,
                             text=True, check=True, env=env)
        first, second = out.stdout.split()
        load.append(float(first))
        total.append(float(second))
    return load, total


def with_bytecode(cache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    subprocess.run([sys.executable, "-c", COLD_LOAD], cwd=ROOT, env=env, check=True,
                   capture_output=True)            # first run writes the bytecode
    return env


def main() -> None:
    import forms
    from forms import samples

    app = samples.valid_application(
        "limited_company", shareholders=5,
        addons=("food_business", "drug_retail", "class3_device_permit"))
    if forms.validate_application(app):
        raise SystemExit("the benchmark application is not valid")
    timed(lambda: forms.validate_application(app), 200)           # warm caches first
    validate = timed(lambda: forms.validate_application(app), VALIDATE_RUNS)
    operator_id = app.answers["legal_rep_id"]
    field = timed(lambda: forms.validate_field("limited_company", "legal_rep_id", operator_id,
                                               app.answers), VALIDATE_RUNS)
    search = timed(lambda: forms.catalogue_search("cyfw"), 500)
    with tempfile.TemporaryDirectory() as cache:
        load, total = cold_load_ms(with_bytecode(cache))
    _, uncached = cold_load_ms({**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    print(json.dumps({
        "validate_median_ms": round(statistics.median(validate), 4),
        "validate_p95_ms": round(statistics.quantiles(validate, n=20)[-1], 4),
        "load_cold_median_ms": round(statistics.median(load), 2),
        "load_cold_max_ms": round(max(load), 2),
        "import_and_load_cold_median_ms": round(statistics.median(total), 2),
        "import_and_load_nobytecode_median_ms": round(statistics.median(uncached), 2),
        "field_median_ms": round(statistics.median(field), 4),
        "search_median_ms": round(statistics.median(search), 4),
        "catalogue_items": len(forms.load_definitions().catalogue.items),
    }))


if __name__ == "__main__":
    main()
