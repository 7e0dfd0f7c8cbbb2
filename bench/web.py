"""The web channel under load: 20 concurrent clients (threads with httpx) each walk whole
applications (an individual business with the food permit: every page GET, every POST, the
check page, the submission, the confirmation and its QR) against `python -m backend serve` on
127.0.0.1 with SQLite, in its own process. Figures: response time per page as the client sees
it on loopback, p50 and p95 in ms, GET and POST separately; and the weight of each page in bytes
(HTML, and with the stylesheet, the only other thing a page loads; the confirmation also loads
its QR). Prints ONE JSON line.

    .venv/bin/python bench/web.py [--journeys N]   # journeys per client, default 3
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

import forms  # noqa: E402
from backend.web.typing_sample import answers_for_page  # noqa: E402

CLIENTS = 20


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def csrf_of(html: str) -> str:
    marker = 'name="csrf" value="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def form(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, value in pairs:
        out.setdefault(name, []).append(value)
    return out


def journey(client: httpx.Client, times: dict, weights: dict) -> None:
    app = forms.samples.valid_application("individual_business", addons=("food_business",))
    app.answers["name"] = None  # the name is optional: no clash with another client's
    del app.answers["name"]

    def timed(kind: str, method: str, url: str, **kw) -> httpx.Response:
        start = time.perf_counter()
        reply = client.request(method, url, **kw)
        times[kind].append((time.perf_counter() - start) * 1000)
        return reply

    listing = timed("GET services", "GET", "/apply/")
    weights["services"] = len(listing.content)
    reply = timed("POST start", "POST", "/apply/start",
                  data={"csrf": csrf_of(listing.text), "service": app.service, "lang": "zh"})
    path = reply.headers["location"]
    while not path.endswith("/check"):
        page_id = path.rsplit("/", 1)[1]
        page = timed(f"GET {page_id}", "GET", path)
        weights[page_id] = len(page.content)
        data = form([("csrf", csrf_of(page.text)), *answers_for_page(app, page_id)])
        reply = timed(f"POST {page_id}", "POST", path, data=data)
        if reply.status_code != 303:
            raise RuntimeError(f"{page_id}: {reply.status_code}")
        path = reply.headers["location"]
    check = timed("GET check", "GET", path)
    weights["check"] = len(check.content)
    reply = timed("POST submit", "POST", path.replace("/check", "/submit"),
                  data={"csrf": csrf_of(check.text)})
    done = timed("GET done", "GET", reply.headers["location"])
    weights["done"] = len(done.content)
    qr = timed("GET qr.svg", "GET", reply.headers["location"].replace("/done", "/qr.svg"))
    weights["qr.svg"] = len(qr.content)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--journeys", type=int, default=3)
    args = parser.parse_args()
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, KIOSK_BACKEND_LOG_LEVEL="warning")
        server = subprocess.Popen(
            [sys.executable, "-m", "backend", "serve", "--data-dir", folder, "--port", str(port)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 30
            while True:
                try:
                    if httpx.get(f"{base}/v1/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError("server did not start")
                time.sleep(0.1)
            css = len(httpx.get(f"{base}/apply/static/site.css").content)
            times: dict[str, list[float]] = defaultdict(list)
            weights: dict[str, int] = {}
            errors: list[str] = []

            def client_loop() -> None:
                with httpx.Client(base_url=base, timeout=60) as client:
                    for _ in range(args.journeys):
                        try:
                            journey(client, times, weights)
                        except Exception as exc:  # noqa: BLE001 - counted and reported
                            errors.append(type(exc).__name__ + ": " + str(exc)[:80])

            started = time.perf_counter()
            threads = [threading.Thread(target=client_loop) for _ in range(CLIENTS)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=20)

    def pct(values: list[float], q: int) -> float:
        return round(statistics.quantiles(values, n=100, method="inclusive")[q - 1], 1)

    pages = {
        kind: {"n": len(v), "p50_ms": pct(v, 50), "p95_ms": pct(v, 95)}
        for kind, v in sorted(times.items()) if len(v) > 1
    }
    every = [x for v in times.values() for x in v]
    heaviest = max(w for k, w in weights.items() if k != "qr.svg")
    print(json.dumps({
        "bench": "web", "clients": CLIENTS, "journeys": CLIENTS * args.journeys,
        "errors": errors[:5], "error_count": len(errors), "seconds": round(elapsed, 1),
        "requests": len(every), "all_p50_ms": pct(every, 50), "all_p95_ms": pct(every, 95),
        "pages": pages, "weight_bytes": dict(sorted(weights.items())), "css_bytes": css,
        "heaviest_page_with_css_bytes": heaviest + css,
        "done_page_with_css_and_qr_bytes": weights["done"] + css + weights["qr.svg"],
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
