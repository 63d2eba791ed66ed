"""The static site (`innerwork build`) beside `innerwork serve`, in the same run: time to a usable exercise
on a first visit and on a reload, site size and the bytes a participant downloads.

Run: python benchmarks/bench_static.py [--runs 3]
Both show the same exercise (voila_tools.EXERCISE); "usable" is when its first text box is visible
and enabled, timed from navigation start (voila_tools.open_page). A first visit is a new browser
context (empty cache and storage); a reload is `page.reload()` in the same context, after the first
visit. The static site is served by `python -m http.server`'s own handler on 127.0.0.1, counting the
bytes it sends (the Pyodide worker's downloads included); `innerwork serve` is its default personal
mode with one kernel kept ready, and its bytes are what Chromium's network log reports for the page
(responses and websocket frames). Each run also times `innerwork serve`'s first page after start
(bench_first_page.first_page: a new `innerwork serve --workshop`, from the moment it listens until its
first page is usable), the figure the static site's goals are set against. The build uses the
download cache (`INNERWORK_BUILD_CACHE`).
"""

from __future__ import annotations

import argparse
import functools
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bench_first_page import first_page
from voila_tools import EXERCISE, FIRST_INPUT, USABLE, chromium, serving, wait_until_idle

REFILL_AT_ONCE = ("--voila-arg=--VoilaKernelManager.fill_delay=1",)
TIMEOUT_MS = 300_000


class _Counted:
    """A response stream that adds what is written to the server's count."""

    def __init__(self, stream, server):
        self.stream, self.server = stream, server

    def write(self, data):
        self.server.sent += len(data)
        return self.stream.write(data)

    def __getattr__(self, name):
        return getattr(self.stream, name)


class CountingHandler(SimpleHTTPRequestHandler):
    def setup(self):
        super().setup()
        self.wfile = _Counted(self.wfile, self.server)

    def log_message(self, *args):
        pass


@functools.cache
def build(site: Path) -> float:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "innerwork", "build", str(site), "--exercise", EXERCISE], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(done.stdout + done.stderr)
    return time.monotonic() - started


def static_server(site: Path) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CountingHandler, directory=str(site)))
    server.sent = 0
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def usable_after(page) -> float:
    return page.wait_for_function(USABLE, arg=FIRST_INPUT, timeout=TIMEOUT_MS, polling="raf").json_value() / 1000


class PageBytes:
    """The bytes Chromium's network log reports for a page: response bodies and headers, websocket frames."""

    def __init__(self, context, page):
        self.total = 0
        cdp = context.new_cdp_session(page)
        cdp.on("Network.loadingFinished", lambda e: self._add(e["encodedDataLength"]))
        cdp.on("Network.webSocketFrameReceived", lambda e: self._add(len(e["response"]["payloadData"])))
        cdp.send("Network.enable")

    def _add(self, n):
        self.total += n


#: what the Pyodide kernel logs as it starts running the page's cell (Pyodide and the kernel have started)
CELL_STARTS = "No new packages to load"


def visit(browser, url: str, count) -> tuple[float, float, int, int, float | None, float | None]:
    """(first visit s, reload s, first visit bytes, reload bytes, and on a static page when its cell
    started running on the first visit and the reload, in s after navigating) in a new context."""
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    counter = count(context, page)
    cell_starts: list[float] = []
    page.on("console", lambda m: CELL_STARTS in m.text and cell_starts.append(time.monotonic()))
    navigated = time.monotonic()
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    first = usable_after(page)
    first_cell = cell_starts[0] - navigated if cell_starts else None
    first_bytes = counter()
    page.wait_for_timeout(2000)  # let late requests finish before the reload
    before, cell_starts[:] = counter(), []
    navigated = time.monotonic()
    page.reload(wait_until="commit", timeout=TIMEOUT_MS)
    again = usable_after(page)
    again_cell = cell_starts[0] - navigated if cell_starts else None
    page.wait_for_timeout(2000)
    reload_bytes = counter() - before
    context.close()
    return first, again, first_bytes, reload_bytes, first_cell, again_cell


def folder_size(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="visits (first + reload) per page (default 3)")
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="innerwork-bench-static-") as folder:
        site = Path(folder) / "site"
        build_seconds = build(site)
        size, files = folder_size(site)
        print(f"build (download cache warm): {build_seconds:.1f} s; site {size / 1e6:.1f} MB in {files} files")
        results: dict[str, list] = {"static": [], "serve": []}
        after_start: list[float] = []
        http = static_server(site)
        with chromium() as browser, serving("innerwork", room=1, personal=True, extra=REFILL_AT_ONCE) as voila:

            def static_count(context, page):
                start = http.sent
                return lambda: http.sent - start

            def serve_count(context, page):
                counter = PageBytes(context, page)
                return lambda: counter.total

            static_url = f"http://127.0.0.1:{http.server_address[1]}/voici/render/workshop.html"
            for run in range(runs):  # interleaved, so both meet the same machine
                for name, url, count in (("static", static_url, static_count), ("serve", voila.url, serve_count)):
                    if name == "serve":
                        wait_until_idle(voila.process.pid, 1)
                    results[name].append(visit(browser, url, count))
                    first, again, b1, b2, cell1, cell2 = results[name][-1]
                    cells = f"; its cell started at {cell1:.2f} / {cell2:.2f} s" if cell1 and cell2 else ""
                    print(
                        f"{name}: run {run + 1}/{runs}: first visit {first:.2f} s ({b1 / 1e6:.1f} MB), "
                        f"reload {again:.2f} s ({b2 / 1e6:.2f} MB){cells}",
                        file=sys.stderr,
                    )
                after_start.append(first_page(browser, "innerwork"))
                print(f"serve's first page after start: run {run + 1}/{runs}: {after_start[-1]:.2f} s", file=sys.stderr)
        http.shutdown()
    median = {name: [statistics.median(r[i] for r in rows) for i in range(4)] for name, rows in results.items()}
    s, v = median["static"], median["serve"]
    print(f"median of {runs} in headless Chromium (static site vs innerwork serve):")
    print(f"  first visit: {s[0]:6.2f} s vs {v[0]:5.2f} s  ({s[0] / v[0]:.1f}x)")
    print(f"  reload:      {s[1]:6.2f} s vs {v[1]:5.2f} s  ({s[1] / v[1]:.1f}x)")
    started = statistics.median(after_start)
    print(f"  innerwork serve's first page after start: {started:.2f} s; the static site's first visit is")
    print(f"  {s[0] / started:.1f}x it (goal: 3x at most) and its reload {s[1] / started:.1f}x it (goal: 2x at most)")
    print(f"  downloaded, first visit: {s[2] / 1e6:6.1f} MB vs {v[2] / 1e6:.2f} MB")
    print(f"  downloaded, reload:      {s[3] / 1e6:6.2f} MB vs {v[3] / 1e6:.2f} MB")
    for name, rows in results.items():
        print(f"  {name} runs: " + "; ".join(f"{row[0]:.1f}/{row[1]:.1f} s" for row in rows))
    cells = [(row[4], row[5]) for row in results["static"] if row[4] and row[5]]
    if cells:
        first_cell, again_cell = (statistics.median(c[i] for c in cells) for i in (0, 1))
        print(
            f"  static: the page's cell started (Pyodide and the kernel ready) at {first_cell:.2f} s / "
            f"{again_cell:.2f} s (first visit / reload, median); innerwork's page took the remaining "
            f"{s[0] - first_cell:.2f} s / {s[1] - again_cell:.2f} s"
        )


if __name__ == "__main__":
    main()
