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
- name_median_ms / name_segmented_median_ms: one company-name validate_field, warm: an ordinary
  name, and one holding a restricted term's characters (精英国际, which runs the segmenter).
- name_first_ms: in a fresh process with forms loaded, the first ordinary name check (reads the
  character, industry and place-name lists); segmenter_first_ms: the first check of a name that
  needs the segmenter (jieba loads its dictionary, from its cache file after the first run).
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


FIRST_NAME = (
    "import time, forms; forms.services(); t0 = time.perf_counter(); "
    "forms.validate_field('limited_company', 'name', '佛山市南海区明德餐饮有限公司', {}); "
    "t1 = time.perf_counter(); "
    "forms.validate_field('limited_company', 'name', '佛山市南海区精英国际贸易有限公司', {}); "
    "t2 = time.perf_counter(); print((t1 - t0) * 1000, (t2 - t1) * 1000)"
)
FIRST_RUNS = 5


def first_name_ms() -> tuple[list[float], list[float]]:
    plain, segmented = [], []
    for _ in range(FIRST_RUNS):
        out = subprocess.run([sys.executable, "-c", FIRST_NAME], cwd=ROOT, capture_output=True,
                             text=True, check=True)
        first, second = out.stdout.split()
        plain.append(float(first))
        segmented.append(float(second))
    return plain, segmented


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
    name = timed(lambda: forms.validate_field("limited_company", "name",
                                              "佛山市南海区明德餐饮管理有限公司", {}), VALIDATE_RUNS)
    forms.validate_field("limited_company", "name", "佛山市南海区精英国际贸易有限公司", {})
    segmented = timed(lambda: forms.validate_field("limited_company", "name",
                                                   "佛山市南海区精英国际贸易有限公司", {}), 500)
    first_plain, first_segmented = first_name_ms()
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
        "name_median_ms": round(statistics.median(name), 4),
        "name_segmented_median_ms": round(statistics.median(segmented), 4),
        "name_first_ms": round(statistics.median(first_plain), 2),
        "segmenter_first_ms": round(statistics.median(first_segmented), 1),
        "catalogue_items": len(forms.load_definitions().catalogue.items),
    }))


if __name__ == "__main__":
    main()
