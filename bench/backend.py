"""Applications accepted per second from 20 concurrent signed clients, on SQLite and on
PostgreSQL, beside a bare FastAPI endpoint measured in the same run with the same client.

Each server runs in its own process (uvicorn, one worker, access log off) on 127.0.0.1; the
client is one asyncio process with 20 connections. Every application is a valid individual
business with a unique name, so each one takes the full path: signature, nonce, forms
validation, name register, credit code, licence, commit. Bounded: at most REQUESTS posts or
SECONDS per target. Prints ONE JSON line.

    .venv/bin/python bench/backend.py [--requests N] [--seconds S]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLIENTS = 20
TRADE_POOL = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬梅兰竹菊松柏桃李杏"
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"


def bare_app():
    """The yardstick: FastAPI parsing the same JSON body and answering a small JSON object."""
    from typing import Any

    from fastapi import Body, FastAPI

    app = FastAPI()

    @app.post("/bare", status_code=201)
    async def bare(payload: dict[str, Any] = Body(...)) -> dict[str, str]:  # noqa: B008
        return {"id": str(payload.get("id")), "status": "received"}

    return app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(port: int, proc: subprocess.Popen, path: str) -> None:
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}{path}", timeout=1).status_code < 500:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("server did not start within 60 s")


def applications(count: int) -> list[tuple[str, bytes]]:
    from forms import samples

    names = ("".join(c) for c in itertools.permutations(TRADE_POOL, 3))
    made = []
    for _ in range(count):
        app = samples.valid_application("individual_business")
        app.answers["name"] = f"佛山市南海区桂城{next(names)}百货店"
        made.append((app.id, json.dumps(app.to_json(), ensure_ascii=False).encode("utf-8")))
    return made


async def drive(
    port: int, path: str, bodies: list[tuple[str, bytes]], seconds: float, key=None
) -> dict[str, float]:
    """Post the bodies with CLIENTS concurrent workers; count 200/201 answers."""
    import httpx

    queue: asyncio.Queue = asyncio.Queue()
    for item in bodies:
        queue.put_nowait(item)
    accepted = errors = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=60
    ) as client:

        async def worker() -> None:
            nonlocal accepted, errors
            while time.perf_counter() < deadline:
                try:
                    app_id, body = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                headers = {"Content-Type": "application/json"}
                if key is not None:
                    headers.update(key.sign("POST", path, body))
                    headers["Idempotency-Key"] = app_id
                response = await client.post(path, content=body, headers=headers)
                if response.status_code in (200, 201):
                    accepted += 1
                else:
                    errors += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CLIENTS)))
        elapsed = time.perf_counter() - started
    return {
        "accepted": accepted,
        "errors": errors,
        "seconds": elapsed,
        "per_second": accepted / elapsed if elapsed else 0.0,
    }


def run_bare(bodies, seconds) -> dict[str, float]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, __file__, "--serve-bare", str(port)], cwd=ROOT)
    try:
        wait_ready(port, proc, "/docs")
        asyncio.run(drive(port, "/bare", bodies[:CLIENTS], 30))  # warm-up
        return asyncio.run(drive(port, "/bare", bodies[CLIENTS:], seconds))
    finally:
        proc.terminate()
        proc.wait(10)


def run_backend(db_args: list[str], data_dir: Path, bodies, seconds) -> dict[str, float]:
    from forms.wire import KioskKey

    base = [sys.executable, "-m", "backend"]
    key_file = data_dir / "bench-key.json"
    subprocess.run(
        [
            *base,
            "add-kiosk",
            "BENCH-1",
            "--key-file",
            str(key_file),
            "--data-dir",
            str(data_dir),
            *db_args,
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    key = KioskKey.load(key_file)
    port = free_port()
    proc = subprocess.Popen(
        [
            *base,
            "serve",
            "--port",
            str(port),
            "--data-dir",
            str(data_dir),
            "--log-level",
            "warning",
            *db_args,
        ],
        cwd=ROOT,
    )
    try:
        wait_ready(port, proc, "/openapi.json")
        asyncio.run(drive(port, "/v1/applications", bodies[:CLIENTS], 30, key))  # warm-up
        return asyncio.run(drive(port, "/v1/applications", bodies[CLIENTS:], seconds, key))
    finally:
        proc.terminate()
        proc.wait(10)


def run_postgres(bodies, seconds, data_dir: Path) -> dict[str, float] | str:
    try:
        import psycopg

        name = f"kiosk_bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except Exception as exc:  # noqa: BLE001 - reported in the figures, not raised
        return f"PostgreSQL unavailable: {type(exc).__name__}"
    try:
        url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
        return run_backend(["--db", url], data_dir, bodies, seconds)
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1500)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--serve-bare", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bare:
        import uvicorn

        uvicorn.run(
            bare_app(),
            host="127.0.0.1",
            port=args.serve_bare,
            log_level="warning",
            access_log=False,
        )
        return 0
    os.environ.setdefault("PYTHONPATH", str(ROOT))
    total = args.requests + CLIENTS
    with tempfile.TemporaryDirectory() as tmp:
        bare = run_bare(applications(total), args.seconds)
        sqlite = run_backend([], Path(tmp) / "sqlite", applications(total), args.seconds)
        postgres = run_postgres(applications(total), args.seconds, Path(tmp) / "pg")
    figures: dict[str, object] = {
        "clients": CLIENTS,
        "bare_fastapi_per_s": round(bare["per_second"], 1),
        "sqlite_accepted_per_s": round(sqlite["per_second"], 1),
        "sqlite_vs_bare": round(sqlite["per_second"] / bare["per_second"], 3),
        "sqlite_errors": sqlite["errors"],
        "sqlite_accepted": sqlite["accepted"],
    }
    if isinstance(postgres, dict):
        figures |= {
            "postgres_accepted_per_s": round(postgres["per_second"], 1),
            "postgres_vs_bare": round(postgres["per_second"] / bare["per_second"], 3),
            "postgres_errors": postgres["errors"],
            "postgres_accepted": postgres["accepted"],
        }
    else:
        figures["postgres"] = postgres
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
