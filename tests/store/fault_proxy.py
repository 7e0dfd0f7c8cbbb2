"""A fault-injecting HTTP/1.1 proxy on loopback: a share of requests meet a 503, a reset before
the backend sees them, a reset after it answered (the answer is lost), or silence after it
answered (the client times out). Requests are parsed just enough (headers + Content-Length) to
decide per request, not per connection, since httpx keeps connections alive."""

from __future__ import annotations

import contextlib
import random
import socket
import struct
import threading
from collections import Counter

FAULTS = ("503", "reset-before", "reset-after", "silent-after")
SERVICE_UNAVAILABLE = (b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n"
                       b"content-length: 17\r\nconnection: keep-alive\r\n\r\n{\"code\":\"proxy\"}\n")


class FaultProxy:
    def __init__(self, upstream_port: int, *, fault_rate: float = 0.3, seed: int = 1,
                 silence_seconds: float = 2.0) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.fault_rate = fault_rate
        self.silence_seconds = silence_seconds
        self.rng = random.Random(seed)
        self.counts: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._closed = True
        self.listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _choose(self) -> str:
        with self.lock:
            fault = self.rng.choice(FAULTS) if self.rng.random() < self.fault_rate else "pass"
            self.counts[fault] += 1
            return fault

    def _serve(self, client: socket.socket) -> None:
        upstream = None
        try:
            reader = _Reader(client)
            while True:
                request = reader.message()
                if request is None:
                    return
                fault = self._choose()
                if fault == "503":
                    client.sendall(SERVICE_UNAVAILABLE)
                    continue
                if fault == "reset-before":
                    return _reset(client)
                if upstream is None:
                    upstream = socket.create_connection(self.upstream)
                    upstream_reader = _Reader(upstream)
                upstream.sendall(request)
                response = upstream_reader.message()
                if response is None:
                    return _reset(client)
                if fault == "reset-after":
                    return _reset(client)
                if fault == "silent-after":
                    client.settimeout(self.silence_seconds)
                    with contextlib.suppress(OSError):
                        client.recv(1)
                    return
                client.sendall(response)
        except OSError:
            return
        finally:
            client.close()
            if upstream is not None:
                upstream.close()


def _reset(sock: socket.socket) -> None:
    """Close with RST (SO_LINGER 0): the peer sees "connection reset", not a clean end."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


class _Reader:
    """Reads whole HTTP/1.1 messages framed by Content-Length (what httpx and uvicorn send here)."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""

    def message(self) -> bytes | None:
        while b"\r\n\r\n" not in self.buffer:
            if not self._more():
                return None
        head, _, rest = self.buffer.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(rest) < length:
            if not self._more():
                return None
            head, _, rest = self.buffer.partition(b"\r\n\r\n")
        self.buffer = rest[length:]
        return head + b"\r\n\r\n" + rest[:length]

    def _more(self) -> bool:
        chunk = self.sock.recv(65536)
        self.buffer += chunk
        return bool(chunk)
