"""The first page after start, and a latecomer after a burst: innerwork serve --workshop vs. plain Voila.

Run: python benchmarks/bench_first_page.py [--runs 5] [--room 30]

1. First page after start: the server is started and, the moment it listens, a first visit in
   headless Chromium opens the page; the figure is the time from "listening" until the first text
   box is visible and enabled. A new server each run. `innerwork serve --workshop` with its default
   settings (a room of 30) against plain Voila with its defaults, started the same way.
2. A latecomer after a burst: `innerwork serve --workshop` fills its pool of 30 and settles; 30 plain
   page requests take every kernel at once; as soon as they are answered, a latecomer opens the page
   in Chromium (time to usable from navigation start). The baseline is a page of plain Voila on an
   idle server, timed the same way in the same run.
Medians and ratios to the baseline are printed.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from voila_tools import (
    EXERCISE,
    FIRST_INPUT,
    USABLE,
    baseline_notebook,
    chromium,
    free_port,
    serving,
    time_to_usable,
    wait_until_idle,
)


def start(kind: str, folder: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "INNERWORK_HOME": str(folder / "home"), "PYTHONUNBUFFERED": "1"}
    if kind == "baseline":
        command = [sys.executable, "-m", "voila", str(baseline_notebook(folder)), "--no-browser", f"--port={port}"]
    else:
        command = [
            sys.executable,
            "-m",
            "innerwork",
            "serve",
            "--workshop",
            "--no-browser",
            "--port",
            str(port),
            "--exercise",
            EXERCISE,
        ]
    return subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def listening(url: str, process: subprocess.Popen) -> float:
    """Wait until the server answers a request that starts no kernel; the moment it does."""
    while process.poll() is None:
        try:
            urllib.request.urlopen(url + "voila/static/voila.js", timeout=5).close()
            return time.monotonic()
        except OSError:
            time.sleep(0.02)
    raise RuntimeError("the server stopped")


def first_page(browser, kind: str) -> float:
    """Seconds from the moment a new server listens until its first page is usable."""
    with tempfile.TemporaryDirectory(prefix="innerwork-bench-") as folder:
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        process = start(kind, Path(folder), port)
        try:
            since = listening(url, process)
            context = browser.new_context()
            page = context.new_page()
            page.goto(url, wait_until="commit", timeout=120_000)
            page.wait_for_function(USABLE, arg=FIRST_INPUT, timeout=120_000, polling="raf")
            seconds = time.monotonic() - since
            context.close()
            return seconds
        finally:
            process.terminate()
            process.wait(timeout=60)
            time.sleep(2)  # let the machine settle after the kernels are shut down


def latecomers(browser, room: int, runs: int) -> list[float]:
    """Time to usable for a latecomer who arrives just after a burst of ``room`` pages emptied the pool."""
    times = []
    # the burst comes from one address here, as plain page requests: lift the per-address limits and the cap
    # that protect a real room from such a client (bench_flood.py measures those)
    limits = (
        "--max-participants",
        "500",
        "--voila-arg=--RoomGuard.page_burst=1000",
        "--voila-arg=--RoomGuard.pages_per_minute=1000",
        "--voila-arg=--RoomGuard.unconnected_per_address=1000",
    )
    with serving("innerwork", room, extra=limits) as server:
        for run in range(runs):
            with ThreadPoolExecutor(room) as pool:
                bodies = list(pool.map(lambda _: urllib.request.urlopen(server.url, timeout=300).read(), range(room)))
            assert all(b"widget-view" in body for body in bodies)
            times.append(time_to_usable(browser, server.url))
            print(f"latecomer after a burst of {room}: run {run + 1}/{runs}: {times[-1]:.2f} s", file=sys.stderr)
            # the pool refilled (the burst's pages never connect, so their kernels end after 60 s)
            wait_until_idle(server.process.pid, room, timeout=600)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each measurement (default 5)")
    parser.add_argument("--room", type=int, default=30, help="pages in the burst (default 30, the default room)")
    parser.add_argument("--only", choices=["first", "latecomer"], help="run one of the two measurements")
    args = parser.parse_args()
    with chromium() as browser:
        if args.only != "latecomer":
            first = {"baseline": [], "innerwork": []}
            for run in range(args.runs):
                for kind in first:  # interleaved, so both see the same machine
                    first[kind].append(first_page(browser, kind))
                    print(f"first page, {kind}: run {run + 1}/{args.runs}: {first[kind][-1]:.2f} s", file=sys.stderr)
            base, ours = statistics.median(first["baseline"]), statistics.median(first["innerwork"])
            print(f"first page after start (from listening to usable), median of {args.runs}:")
            print(f"  plain Voila form (baseline)      {base:5.2f} s")
            print(f"  innerwork serve --workshop       {ours:5.2f} s  ({ours / base:.2f}x; target 1.3x)")
        if args.only != "first":
            with serving("baseline") as server:
                time_to_usable(browser, server.url)
                idle = []
                for _ in range(args.runs):
                    wait_until_idle(server.process.pid)
                    idle.append(time_to_usable(browser, server.url))
            late = latecomers(browser, args.room, min(args.runs, 3))
            base, ours = statistics.median(idle), statistics.median(late)
            print(
                f"latecomer just after {args.room} pages emptied the pool (navigation to usable), median of {len(late)}:"
            )
            print(f"  plain Voila page, idle server    {base:5.2f} s  (median of {len(idle)})")
            print(f"  innerwork latecomer              {ours:5.2f} s  ({ours / base:.2f}x; target 3x)")


if __name__ == "__main__":
    main()
