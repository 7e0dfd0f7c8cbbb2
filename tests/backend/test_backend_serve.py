"""`python -m backend` as a technician runs it: a real process, its own data directory."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(args: list[str]) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "backend", *args, "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stdout.read().decode()
        try:
            if httpx.get(f"{url}/openapi.json", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise AssertionError("python -m backend did not answer within 60 s")


def _listening_on(port: int) -> set[str]:
    """The IPv4/IPv6 addresses with a listening socket on `port`, read from /proc/net."""
    addresses = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            host, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                raw = bytes.fromhex(host)
                # /proc prints each 32-bit word in host (little-endian) order.
                words = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
                addresses.add(socket.inet_ntop(socket.AF_INET if len(raw) == 4 else socket.AF_INET6, words))
    return addresses


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    proc.wait(timeout=15)


def test_no_arguments_but_a_data_dir_serves_sqlite_on_loopback(tmp_path):
    proc, url = _serve(["--data-dir", str(tmp_path)])
    try:
        assert httpx.get(f"{url}/v1/health").json()["database"] == "sqlite"
        document = httpx.get(f"{url}/openapi.json").json()
        assert "/v1/applications" in document["paths"]
        assert (tmp_path / "backend.sqlite3").exists()
        assert _listening_on(int(url.rsplit(":", 1)[1])) == {"127.0.0.1"}  # never all interfaces
    finally:
        _stop(proc)


@pytest.mark.postgres
def test_db_url_serves_postgresql(tmp_path, postgres_url):
    proc, url = _serve(
        [
            "serve",
            "--db",
            postgres_url,
            "--data-dir",
            str(tmp_path),
            "--final-veto-level",
            "section",
        ]
    )
    try:
        assert httpx.get(f"{url}/v1/health").json()["database"] == "postgresql"
        assert httpx.get(f"{url}/v1/licences/91440605MA0000007Y/verify").status_code == 404
        assert not (tmp_path / "backend.sqlite3").exists()
    finally:
        _stop(proc)


@pytest.mark.postgres
def test_several_worker_processes_share_one_postgresql(tmp_path, postgres_url):
    import json

    import wire
    from backend.__main__ import main
    from forms import samples

    key_file = tmp_path / "key.json"
    assert main(["add-kiosk", "W-1", "--db", postgres_url, "--key-file", str(key_file)]) == 0
    key = wire.KioskKey.load(key_file)
    proc, url = _serve(["serve", "--db", postgres_url, "--workers", "2"])
    try:
        codes = []
        for trade in ("甲乙", "丙丁", "戊己", "庚辛", "壬癸", "子丑"):  # over both workers
            application = samples.valid_application("sole_proprietorship")
            application.answers["name"] = f"佛山市南海区{trade}五金店"
            body = json.dumps(application.to_json()).encode()
            headers = key.sign("POST", "/v1/applications", body)
            headers |= {wire.HEADER_IDEMPOTENCY: application.id, "Content-Type": "application/json"}
            response = httpx.post(f"{url}/v1/applications", content=body, headers=headers)
            assert response.status_code == 201, response.text
            codes.append(response.json()["licence"]["credit_code"])
        assert len(set(codes)) == 6  # one counter, whichever process served the request
    finally:
        _stop(proc)
