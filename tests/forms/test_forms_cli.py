"""The technician's command line: check FILE.json, scope TEXT, definitions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from forms import samples
from forms.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path, data, name="app.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_check_valid_file(tmp_path, capsys):
    app = samples.valid_application("limited_company", shareholders=5,
                                    addons=("food_business", "drug_retail"))
    code, out, _ = run(capsys, "check", write(tmp_path, app.to_json()))
    assert code == 0
    assert json.loads(out) == {"valid": True, "problems": []}


def test_check_file_with_problems(tmp_path, capsys):
    data = samples.valid_application("individual_business").to_json()
    data["answers"]["operator_mobile"] = "123"
    code, out, _ = run(capsys, "check", write(tmp_path, data))
    assert code == 1
    report = json.loads(out)
    assert report["valid"] is False
    assert report["problems"] == [{"field": "operator_mobile", "code": "mobile.format",
                                   "zh": report["problems"][0]["zh"],
                                   "en": report["problems"][0]["en"]}]
    assert set(report["problems"][0]) == {"field", "code", "zh", "en"}


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00", b"[1, 2]",
                                     b'{"id": "x"}', b"[" * 100000, b"1" * 5000])
def test_check_unreadable_or_malformed_file(tmp_path, capsys, content):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    code, out, err = run(capsys, "check", str(path))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 2 and lines[0] != lines[1]         # zh line, then en line


def test_check_missing_file(tmp_path, capsys):
    code, _, err = run(capsys, "check", str(tmp_path / "absent.json"))
    assert code == 2 and "cannot read" in err


def test_scope_search(capsys):
    code, out, _ = run(capsys, "scope", "cyfw")
    assert code == 0
    assert json.loads(out) == [{"id": "catering_services", "text": "餐饮服务",
                                "en": "Catering services", "kind": "licensed",
                                "addon_id": "food_business", "category": "catering"}]


def test_definitions_command(capsys):
    code, out, _ = run(capsys, "definitions")
    assert code == 0 and json.loads(out)["catalogue_items"] >= 150


def test_python_dash_m_forms_runs_as_a_process(tmp_path):
    data = samples.valid_application("sole_proprietorship").to_json()
    data["declarations"] = []
    result = subprocess.run([sys.executable, "-m", "forms", "check", write(tmp_path, data)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert {p["code"] for p in json.loads(result.stdout)["problems"]} == {"declaration.missing"}


def test_check_reports_a_lone_surrogate_key_without_crashing(tmp_path):
    data = samples.valid_application("individual_business").to_json()
    text = json.dumps(data).replace('"answers": {', '"answers": {"\\ud800\\u202e": 1, ', 1)
    path = tmp_path / "odd.json"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "forms", "check", str(path)], cwd=ROOT,
                            capture_output=True, timeout=60)
    assert result.returncode == 1
    report = json.loads(result.stdout.decode("utf-8"))
    assert [(p["field"], p["code"]) for p in report["problems"]] == [("??", "unknown_field")]


def test_describe_lists_steps_and_fields(capsys):
    code, out, _ = run(capsys, "describe", "limited_company")
    described = json.loads(out)
    assert code == 0 and [s["id"] for s in described["steps"]] == ["company", "shareholders",
                                                                    "officers"]
    assert described["steps"][1]["rules"] == ["capital_matches_contributions"]
    code, _, err = run(capsys, "describe", "bakery")
    assert code == 2 and "food_business" in err
