"""schemathesis against /openapi.json of a live server: no input, signed or not, gives a 5xx.

Bounded (a few dozen examples per operation) so the folder stays within its time budget.
"""

from __future__ import annotations

import json

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

import wire

EXAMPLES = 30
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)


@pytest.fixture(scope="module")
def database_url(tmp_path_factory):
    """SQLite only here: the endpoints' database behaviour is covered on both elsewhere."""
    return f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'backend.sqlite3'}"


@pytest.fixture(scope="module")
def api_schema(backend):
    return schemathesis.openapi.from_url(f"{backend.url}/openapi.json")


@pytest.fixture(scope="module")
def fuzz_key(backend) -> wire.KioskKey:
    return backend.add_kiosk("FUZZ-1")


@pytest.fixture(scope="module")
def window_token(backend) -> str:
    from backend.staff_auth import StaffRole

    return backend.add_staff(StaffRole.WINDOW)


def _operations(api_schema) -> list:
    """Every operation of the document (the pytest plugin's lazy loader does not run on this
    pytest, so the strategies are driven by Hypothesis directly)."""
    return [result.ok() for result in api_schema.get_all_operations()]


def _documented(api_schema, label: str) -> set[str]:
    method, path = label.split(" ", 1)
    return set(api_schema.raw_schema["paths"][path][method.lower()]["responses"])


def _runner(label: str, strategy, send, failures: list[str], seen: dict[str, set[int]], documented):
    @FUZZ_SETTINGS
    @given(case=strategy)
    def run(case) -> None:
        status, text = send(case)
        seen.setdefault(label, set()).add(status)
        if status >= 500:
            failures.append(f"{label}: {status} {text[:200]}")
        elif str(status) not in documented:
            failures.append(f"{label}: undocumented {status} {text[:200]}")

    return run


def _fuzz(api_schema, send) -> tuple[list[str], dict[str, set[int]]]:
    """Run `send(case)` over EXAMPLES generated cases per operation.

    Returns the server errors and the statuses each operation answered with, so a run that
    never got past authentication shows up."""
    failures: list[str] = []
    seen: dict[str, set[int]] = {}
    for operation in _operations(api_schema):
        documented = _documented(api_schema, operation.label)
        _runner(operation.label, operation.as_strategy(), send, failures, seen, documented)()
    return failures, seen


def test_every_operation_is_fuzzed(api_schema):
    labels = {op.label for op in _operations(api_schema)}
    assert "POST /v1/applications" in labels and "GET /v1/fleet" in labels
    # 15 = the 14 terminal and staff operations + GET /v1/district/figures; the web channel's
    # HTML pages (/apply/, /district/) are left out of the schema.
    assert "GET /v1/district/figures" in labels
    assert not any("/apply" in label or label.endswith("/district/") for label in labels)
    assert len(labels) == 15


def test_unsigned_inputs_never_cause_a_server_error(api_schema, backend):
    def send(case):
        response = case.call(base_url=backend.url)
        return response.status_code, response.text

    failures, _seen = _fuzz(api_schema, send)
    assert failures == []


def test_signed_inputs_never_cause_a_server_error(api_schema, backend, fuzz_key, window_token):
    """Signed as a registered terminal and carrying a reviewer token, so generated bodies
    reach validation and the handlers instead of stopping at 401."""

    def send(case):
        kwargs = case.as_transport_kwargs(base_url=backend.url)
        request = httpx.Request(kwargs["method"], kwargs["url"], params=kwargs.get("params"))
        body = b""
        if "json" in kwargs:
            body = json.dumps(kwargs["json"]).encode("utf-8")
        elif kwargs.get("data") is not None:
            data = kwargs["data"]
            body = data if isinstance(data, bytes) else str(data).encode("utf-8")
        headers = {k: str(v) for k, v in (kwargs.get("headers") or {}).items()}
        headers["Authorization"] = f"Bearer {window_token}"
        headers["Content-Type"] = "application/json"
        headers.update(fuzz_key.sign(kwargs["method"], request.url.raw_path.decode("ascii"), body))
        response = httpx.request(
            kwargs["method"], str(request.url), content=body, headers=headers, timeout=30
        )
        return response.status_code, response.text

    failures, seen = _fuzz(api_schema, send)
    assert failures == []
    # Signing worked: the generated bodies got past 401 into the handlers.
    assert seen["POST /v1/applications"] - {401}, seen
    assert seen["POST /v1/kiosks/{kiosk_id}/heartbeat"] - {401}, seen
