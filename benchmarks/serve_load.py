"""Requests per second and latency of ``refuso serve`` under concurrent clients.

Starts ``python -m lint serve`` on a free port in a temporary folder (no configuration: refuso's own
rules, LanguageTool off), waits until it answers, then has ``--clients`` threads post the seed article
to ``/v2/check`` ``--requests`` times each, and prints requests per second and the median, p95 and
worst latency. It MEASURES and reports; it never asserts.

    .venv/bin/python benchmarks/serve_load.py
    .venv/bin/python benchmarks/serve_load.py --clients 8 --requests 25
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c6597b0d87ed5ff2.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str, process: subprocess.Popen[bytes]) -> None:
    while True:
        try:
            with urllib.request.urlopen(f"{url}/v2/languages", timeout=5):
                return
        except OSError:
            if process.poll() is not None:
                sys.exit("refuso serve exited before answering")
            time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=25, help="requests per client")
    args = parser.parse_args()

    body = urllib.parse.urlencode({"text": SEED.read_text(encoding="utf-8"), "language": "it"}).encode()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "REFUSO_CACHE_DIR": os.path.join(folder, "cache")}
        command = [sys.executable, "-m", "lint", "serve", "--port", str(port), "--workers", str(args.clients)]
        process = subprocess.Popen(command, cwd=folder, env=env, stderr=subprocess.DEVNULL)
        try:
            _wait(url, process)
            urllib.request.urlopen(f"{url}/v2/check", data=body, timeout=120).read()  # the rules load once

            def one(_: int) -> float:
                start = time.perf_counter()
                urllib.request.urlopen(f"{url}/v2/check", data=body, timeout=120).read()
                return time.perf_counter() - start

            total = args.clients * args.requests
            began = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.clients) as pool:
                latencies = sorted(pool.map(one, range(total)))
            elapsed = time.perf_counter() - began
        finally:
            process.terminate()
            process.wait(timeout=60)
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    print(f"{total} checks of the seed ({len(body)} bytes) by {args.clients} clients in {elapsed:.1f} s")
    print(f"{total / elapsed:.1f} requests per second")
    print(
        f"latency: median {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"worst {latencies[-1] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
