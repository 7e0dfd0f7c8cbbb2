"""Applications accepted per second from 20 concurrent signed clients, on SQLite and on
PostgreSQL, beside a bare FastAPI endpoint measured in the same run with the same client.

Each server runs in its own process (uvicorn, one worker, access log off) on 127.0.0.1; the
client is one asyncio process with 20 connections. Every application is a valid individual
business with a unique name, so each one takes the full path: signature, nonce, forms
validation, name register, credit code, licence, commit. The three targets are driven in
interleaved rounds and the median round counts, because this 2-core machine is shared.
Bounded: REQUESTS posts per target in ROUNDS rounds, each capped at SECONDS.
Prints ONE JSON line.

    .venv/bin/python bench/backend.py [--requests N] [--rounds R] [--seconds S]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLIENTS = 20
THREADS = int(os.environ.get("BENCH_BACKEND_THREADS", "8"))  # the server's --threads
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


class Target:
    """One server under test, started once and driven for several interleaved rounds, so
    load from anything else on the machine hits every target alike."""

    def __init__(
        self, name: str, command: list[str], port: int, path: str, ready: str, key=None
    ) -> None:
        self.name, self.port, self.path, self.key = name, port, path, key
        self.proc = subprocess.Popen(command, cwd=ROOT)
        wait_ready(port, self.proc, ready)
        self.rounds: list[dict[str, float]] = []

    def drive(self, bodies, seconds: float) -> None:
        cpu_before = tree_cpu_seconds(self.proc.pid)
        result = asyncio.run(drive(self.port, self.path, bodies, seconds, self.key))
        # The server's CPU use shows who limits the rate: a server near 1.0 (one core, the
        # GIL) is the bottleneck; one far below it is waiting for the client.
        result["server_cpu"] = (tree_cpu_seconds(self.proc.pid) - cpu_before) / result["seconds"]
        self.rounds.append(result)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)

    def median_rate(self) -> float:
        return statistics.median(r["per_second"] for r in self.rounds)

    def median_cpu(self) -> float:
        return statistics.median(r["server_cpu"] for r in self.rounds)


def tree_cpu_seconds(root: int) -> float:
    """User + system CPU seconds of a process and its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        ticks[pid] = int(fields[11]) + int(fields[12])
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(ticks.get(pid, 0) for pid in tree) / os.sysconf("SC_CLK_TCK")


def bare_target() -> Target:
    port = free_port()
    return Target(
        "bare", [sys.executable, __file__, "--serve-bare", str(port)], port, "/bare", "/docs"
    )


def backend_target(name: str, db_args: list[str], data_dir: Path, workers: int = 1) -> Target:
    """`python -m backend serve` as a technician would start it, with its own terminal key."""
    from wire import KioskKey

    base = [sys.executable, "-m", "backend"]
    key_file = data_dir / f"bench-key-{name}.json"
    register = [*base, "add-kiosk", f"BENCH-{name}", "--key-file", str(key_file)]
    subprocess.run(
        [*register, "--data-dir", str(data_dir), *db_args],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    port = free_port()
    command = [
        *base,
        "serve",
        "--port",
        str(port),
        "--data-dir",
        str(data_dir),
        "--log-level",
        "warning",
        "--threads",
        str(THREADS),
        "--workers",
        str(workers),
        *db_args,
    ]
    return Target(name, command, port, "/v1/applications", "/openapi.json", KioskKey.load(key_file))


def create_postgres() -> str | None:
    try:
        import psycopg

        name = f"kiosk_bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name
    except Exception:  # noqa: BLE001 - reported in the figures, not raised
        return None


def drop_postgres(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=1500, help="per target, all rounds")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=10.0, help="cap per round")
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
    load_before = os.getloadavg()[0]
    targets, postgres_ran = measure(args.requests // args.rounds, args.rounds, args.seconds)
    figures = figures_of(targets, args.rounds, args.requests // args.rounds, load_before)
    if not postgres_ran:
        figures["postgres"] = "PostgreSQL on 127.0.0.1:5432 unavailable"
    print(json.dumps(figures))
    return 0


def measure(per_round: int, rounds: int, seconds: float) -> tuple[list[Target], bool]:
    """Start the targets, warm them up, drive them in interleaved rounds, stop them."""
    pg_name = create_postgres()
    targets: list[Target] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            targets.append(bare_target())
            targets.append(backend_target("sqlite", [], Path(tmp) / "sqlite"))
            if pg_name:
                url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{pg_name}"
                targets.append(backend_target("postgres", ["--db", url], Path(tmp) / "pg"))
                # One process is bound by the GIL; PostgreSQL lets a second one share the load.
                targets.append(
                    backend_target("postgres_2_workers", ["--db", url], Path(tmp) / "pg", 2)
                )
            for target in targets:  # warm-up: connections, caches, first counters
                asyncio.run(drive(target.port, target.path, applications(CLIENTS), 30, target.key))
            for _ in range(rounds):
                for target in targets:
                    target.drive(applications(per_round), seconds)
    finally:
        for target in targets:
            target.stop()
        if pg_name:
            drop_postgres(pg_name)
    return targets, pg_name is not None


def figures_of(
    targets: list[Target], rounds: int, per_round: int, load_before: float
) -> dict[str, object]:
    bare = targets[0].median_rate()
    figures: dict[str, object] = {
        "clients": CLIENTS,
        "server_threads": THREADS,
        "rounds": rounds,
        "requests_per_round": per_round,
        "loadavg_1m_before": round(load_before, 2),
        "bare_fastapi_per_s": round(bare, 1),
        "bare_server_cpu": round(targets[0].median_cpu(), 2),
    }
    for target in targets[1:]:
        rate = target.median_rate()
        figures[f"{target.name}_accepted_per_s"] = round(rate, 1)
        figures[f"{target.name}_vs_bare"] = round(rate / bare, 3)
        figures[f"{target.name}_server_cpu"] = round(target.median_cpu(), 2)
        figures[f"{target.name}_errors"] = sum(r["errors"] for r in target.rounds)
    return figures


if __name__ == "__main__":
    sys.exit(main())
