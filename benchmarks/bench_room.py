"""A simulated room: 1,000 page loads against the static site (`innerwork build`, served by `python -m http.server`)
and 1,000 against `innerwork serve --workshop`, in the same run.

Run: python benchmarks/bench_room.py [--loads 1000] [--concurrency 50] [--site DIR] [--exercise wins-log]

What a page load is:

- static site: every file a participant's browser fetches on a first visit. The list is recorded once:
  headless Chromium opens `voici/render/workshop.html` on a recording server (the site's files,
  served in this process) and every request the server receives (the page's, its web workers' and
  its service worker's) is noted until the exercise's first text box is usable. A load replays those
  GETs with `http.client`, one file after another on a new connection each (`http.server` speaks
  HTTP/1.0; a browser would fetch up to 6 at once).
- `innerwork serve`: what a new participant's browser does, with a new cookie jar each time: GET the
  workshop page (this is where the server gives it a kernel, or answers 429 or 503), then, if it got
  the page, the page's own files (recorded the same way with Chromium on a separate server) and the
  kernel's websocket, asking for the widgets' states as the page's script does (`bench_crowd.py`);
  the load is done when every widget named in the page has its state. `--html-only` stops after the
  page's HTML. The server's own limits (`--max-participants`, pages per address, "the room is full")
  decide who gets in: that is a finding, not something the benchmark works around.

Each load comes from its own loopback address (127.0.x.y), as each person in a room has a device;
`--one-address` sends them all from 127.0.0.1, as a room behind one router seen from the internet.
`--concurrency` loads run at once (threads for the static site, asyncio for Voila). Reported for
each server: its CPU seconds (the server process and all its children, those that ended included:
/proc's utime + stime + cutime + cstime over the tree), peak memory (RSS summed over the tree,
sampled every 0.2 s; PSS beside it), outcomes by kind (HTTP status, connection error, timeout, a
websocket that failed), wall time, and latency per load (median, p95). The load generator runs in
this process on the same 2 cores; its own CPU is reported too, and the connections the machine
dropped because a server's listen queue was full (`python -m http.server` listens with a queue of 5;
a dropped connection is retried by the client's TCP after 1, 3, 7, 15, 31 s). The machine's load average is printed
before and after.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import functools
import http.client
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from voila_tools import (
    FIRST_INPUT,
    USABLE,
    chromium,
    cpu_seconds,
    free_port,
    kernels,
    memory_mb,
    serving,
    tree,
    wait_until_idle,
)

STATIC_PAGE = "voici/render/workshop.html"
RECORD_TIMEOUT_MS = 300_000
FILE_TIMEOUT = 60  # seconds for one file of the static site
VOILA_LOAD_TIMEOUT = 180  # seconds for one whole Voila load


def address(n: int, one_address: bool) -> str:
    """The loopback address load ``n`` comes from: its own device (127.0.x.y), or everyone from 127.0.0.1."""
    if one_address:
        return "127.0.0.1"
    return f"127.{n // 62_500}.{1 + n // 250 % 250}.{1 + n % 250}"


def listen_overflows() -> int:
    """Connections the kernel dropped because a listening socket's queue was full (TcpExt ListenOverflows,
    the whole machine): `http.server` listens with a queue of 5."""
    lines = Path("/proc/net/netstat").read_text().splitlines()
    for names, values in zip(lines[::2], lines[1::2], strict=False):
        if names.startswith("TcpExt:"):
            return int(dict(zip(names.split(), values.split(), strict=True)).get("ListenOverflows", 0))
    return 0


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# -- the server's process tree ------------------------------------------------------------------
class PeakMemory(threading.Thread):
    """The server tree's peak RSS and PSS (MB) and most kernels, sampled every 0.2 s until stopped."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.rss, self.pss, self.kernels, self.done = pid, 0.0, 0.0, 0, threading.Event()

    def run(self):
        while not self.done.wait(0.2):
            rss, pss = memory_mb(self.pid)
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)
            self.kernels = max(self.kernels, kernels(self.pid))

    def stop(self):
        self.done.set()
        self.join()


# -- results ------------------------------------------------------------------------------------
@dataclass
class Load:
    """One page load: its outcome ("ok", or the first thing that went wrong), seconds, bytes received."""

    outcome: str
    seconds: float
    received: int = 0


@dataclass
class Phase:
    """One server's figures for the whole room."""

    server: str
    loads: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    requests: dict[str, int] = field(default_factory=dict)  # every request's answer, by status or error
    wall_seconds: float = 0.0
    latency_ok: dict[str, float] = field(default_factory=dict)
    latency_all: dict[str, float] = field(default_factory=dict)
    cpu_before: float = 0.0  # server tree, from its start until the room arrives (kernels kept ready included)
    cpu_loads: float = 0.0  # server tree, from the first request until the last answer
    cpu_until_quiet: float = 0.0  # the same, until the server was quiet again
    quiet_after: float = 0.0  # seconds after the last answer
    rss_idle: float = 0.0
    rss_peak: float = 0.0
    pss_peak: float = 0.0
    kernels_peak: int = 0
    kernels_after: int = 0
    received_per_ok_load_mb: float = 0.0
    client_cpu: float = 0.0
    listen_overflows: int = 0  # the whole machine's, during the loads


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)
    at = lambda q: ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]  # noqa: E731
    return {"median": at(0.5), "p95": at(0.95), "max": ordered[-1]}


class Progress:
    """Counts finished loads and prints a line every few seconds."""

    def __init__(self, name: str, total: int):
        self.name, self.total, self.done, self.failed = name, total, 0, 0
        self.started = self.printed = time.monotonic()
        self.lock = threading.Lock()

    def add(self, load: Load):
        with self.lock:
            self.done += 1
            self.failed += load.outcome != "ok"
            now = time.monotonic()
            if now - self.printed >= 5 or self.done == self.total:
                self.printed = now
                print(
                    f"  {self.name}: {self.done}/{self.total} loads after {now - self.started:.0f} s, "
                    f"{self.failed} not ok (load average {load_average()})",
                    file=sys.stderr,
                )


def client_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(phase: Phase, pid: int, run_loads, quiet_timeout: float = 180) -> list[Load]:
    """Run the loads against the server ``pid``, filling ``phase`` with what the server spent."""
    phase.rss_idle = memory_mb(pid)[0]
    memory = PeakMemory(pid)
    memory.start()
    cpu_before, client_before, overflows = cpu_seconds(pid, ended_children=True), client_cpu(), listen_overflows()
    phase.cpu_before = cpu_before
    started = time.monotonic()
    loads = run_loads()
    phase.wall_seconds = time.monotonic() - started
    phase.cpu_loads = cpu_seconds(pid, ended_children=True) - cpu_before
    phase.client_cpu = client_cpu() - client_before
    phase.listen_overflows = listen_overflows() - overflows
    try:
        wait_until_idle(pid, 0, timeout=quiet_timeout)
    except RuntimeError:
        print(f"  {phase.server}: not quiet within {quiet_timeout:.0f} s", file=sys.stderr)
    phase.quiet_after = time.monotonic() - started - phase.wall_seconds
    phase.cpu_until_quiet = cpu_seconds(pid, ended_children=True) - cpu_before
    memory.stop()
    phase.rss_peak, phase.pss_peak, phase.kernels_peak = memory.rss, memory.pss, memory.kernels
    phase.kernels_after = kernels(pid)
    phase.loads = len(loads)
    phase.outcomes = dict(collections.Counter(load.outcome for load in loads))
    phase.latency_ok = percentiles([load.seconds for load in loads if load.outcome == "ok"])
    phase.latency_all = percentiles([load.seconds for load in loads])
    ok = [load.received for load in loads if load.outcome == "ok"]
    phase.received_per_ok_load_mb = sum(ok) / len(ok) / 1e6 if ok else 0.0
    return loads


# -- recording a first visit with Chromium --------------------------------------------------------
class RecordingServer(ThreadingHTTPServer):
    """Serves a site's files and notes every request: (method, path, status, If-Modified-Since or "")."""

    def __init__(self, site: Path):
        self.requests: list[tuple[str, str, int, str]] = []
        super().__init__(("127.0.0.1", 0), functools.partial(RecordingHandler, directory=str(site)))


class RecordingHandler(SimpleHTTPRequestHandler):
    def log_request(self, code="-", size="-"):
        assert isinstance(self.server, RecordingServer)
        since = self.headers.get("If-Modified-Since", "")
        self.server.requests.append((self.command, self.path, int(getattr(code, "value", code)), since))

    def log_message(self, *args):
        pass


def wait_usable(page) -> float:
    return page.wait_for_function(USABLE, arg=FIRST_INPUT, timeout=RECORD_TIMEOUT_MS, polling="raf").json_value() / 1000


def record_static(browser, site: Path) -> tuple[list[tuple[str, int, str]], float, int]:
    """The GETs (path, status, If-Modified-Since) of a first visit until the page is usable, its time to
    usable, and how many requests came in the 3 s after (not replayed). A conditional GET (the service
    worker's script, fetched again) is replayed with its header."""
    server = RecordingServer(site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        context = browser.new_context(service_workers="allow")
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/{STATIC_PAGE}", wait_until="commit")
        usable = wait_usable(page)
        recorded = list(server.requests)
        page.wait_for_timeout(3000)
        late = len(server.requests) - len(recorded)
        context.close()
    finally:
        server.shutdown()
        server.server_close()
    others = [r for r in recorded if r[0] != "GET"]
    if others:
        print(f"  not replayed (not GET): {others[:5]}", file=sys.stderr)
    return [(path, status, since) for method, path, status, since in recorded if method == "GET"], usable, late


def record_voila(browser, url: str) -> tuple[list[str], float]:
    """The paths of the files a first visit of the workshop page fetches besides the page itself and the
    kernel's routes, until the page is usable; and its time to usable."""
    origin = url.rstrip("/")
    seen: list[str] = []

    def note(request):
        if request.method == "GET" and request.url.startswith(origin) and request.resource_type != "websocket":
            path = request.url[len(origin) :] or "/"
            if path != "/" and "/api/" not in path and path not in seen:
                seen.append(path)

    context = browser.new_context()
    page = context.new_page()
    page.on("request", note)
    page.goto(url, wait_until="commit")
    usable = wait_usable(page)
    recorded = list(seen)
    context.close()
    return recorded, usable


# -- the static site --------------------------------------------------------------------------------
def fetch(port: int, path: str, source: str, buffer: bytearray, since: str = "") -> tuple[str, int]:
    """GET ``path`` from ``source``: (status or "connection error" or "timeout", bytes of the body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=FILE_TIMEOUT, source_address=(source, 0))
    received = 0
    try:
        connection.request("GET", path, headers={"If-Modified-Since": since} if since else {})
        response = connection.getresponse()
        while count := response.readinto(buffer):
            received += count
        return str(response.status), received
    except TimeoutError:
        return "timeout", received
    except (OSError, http.client.HTTPException):
        return "connection error", received
    finally:
        connection.close()


def static_load(port: int, files: list[tuple[str, int, str]], source: str, requests: collections.Counter) -> Load:
    buffer = bytearray(1 << 18)
    started, received, outcome = time.perf_counter(), 0, "ok"
    for path, expected, since in files:
        answer, count = fetch(port, path, source, buffer, since)
        requests[answer] += 1
        received += count
        if answer != str(expected) and outcome == "ok":
            outcome = answer
    return Load(outcome, time.perf_counter() - started, received)


def static_room(site: Path, files: list[tuple[str, int, str]], args, folder: Path) -> Phase:
    port = free_port()
    log = open(folder / "http.server.log", "w")
    command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)]
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    phase = Phase("static site (python -m http.server)")
    try:
        deadline = time.monotonic() + 30
        while fetch(port, "/" + STATIC_PAGE, "127.0.0.1", bytearray(1 << 16))[0] != "200":
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit(f"python -m http.server did not answer; see {log.name}")
            time.sleep(0.2)
        requests: collections.Counter = collections.Counter()
        progress = Progress("static", args.loads)

        def run_loads() -> list[Load]:
            loads = []
            with ThreadPoolExecutor(args.concurrency) as pool:
                futures = [
                    pool.submit(static_load, port, files, address(n, args.one_address), requests)
                    for n in range(args.loads)
                ]
                for future in as_completed(futures):
                    loads.append(future.result())
                    progress.add(loads[-1])
            return loads

        measure(phase, server.pid, run_loads, quiet_timeout=30)
        phase.requests = dict(requests)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return phase


# -- innerwork serve ---------------------------------------------------------------------------------
async def voila_load(url: str, assets: list[str], source: str, html_only: bool, requests: collections.Counter) -> Load:
    """One new participant: the page (a new cookie jar), its files, the kernel's websocket and the widget states."""
    from bench_crowd import _decode, _message
    from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
    from tornado.websocket import websocket_connect

    client = AsyncHTTPClient()
    started, received = time.perf_counter(), 0

    async def get(target: str, headers=None):
        nonlocal received
        try:
            response = await client.fetch(
                HTTPRequest(target, headers=headers, network_interface=source, request_timeout=VOILA_LOAD_TIMEOUT),
                raise_error=False,
            )
        except HTTPClientError as exc:
            answer = "timeout" if exc.code == 599 and "imeout" in str(exc) else "connection error"
            requests[answer] += 1
            return answer, None
        except OSError:
            requests["connection error"] += 1
            return "connection error", None
        answer = "connection error" if response.code == 599 else str(response.code)
        requests[answer] += 1
        received += len(response.body or b"")
        return answer, response

    answer, page = await get(url)
    if answer != "200":
        return Load(answer, time.perf_counter() - started, received)
    cookies = {"Cookie": "; ".join(c.split(";")[0] for c in page.headers.get_list("Set-Cookie"))}
    html = page.body.decode()
    origin = url.rstrip("/")
    for path in assets:
        answer, _ = await get(origin + path, cookies)
        if answer != "200":
            return Load(f"page's file {answer}", time.perf_counter() - started, received)
    if html_only:
        return Load("ok", time.perf_counter() - started, received)
    found = re.search(r'"kernelId":\s*"([^"]+)"', html)
    if not found:
        return Load("no kernel in the page", time.perf_counter() - started, received)
    views = set(re.findall(r'"model_id":\s*"([0-9a-f]+)"', html))
    session = uuid.uuid4().hex
    ws_url = url.replace("http", "ws", 1) + f"api/kernels/{found.group(1)}/channels?session_id={session}"
    try:
        socket = await websocket_connect(HTTPRequest(ws_url, headers=cookies, network_interface=source))
    except Exception as exc:
        requests[f"websocket {getattr(exc, 'code', type(exc).__name__)}"] += 1
        return Load("websocket refused", time.perf_counter() - started, received)
    requests["websocket"] += 1
    comm = uuid.uuid4().hex
    open_comm = {"comm_id": comm, "target_name": "jupyter.widget.control", "data": {}}
    await socket.write_message(_message("comm_open", open_comm, session, {"version": "1.0.0"}))
    await socket.write_message(_message("comm_msg", {"comm_id": comm, "data": {"method": "request_states"}}, session))
    try:
        while True:
            frame = await socket.read_message()
            if frame is None:
                return Load("websocket closed", time.perf_counter() - started, received)
            received += len(frame)
            message = _decode(frame)
            content = message.get("content", {})
            if message["header"]["msg_type"] == "comm_msg" and content.get("comm_id") == comm:
                states = set(content["data"].get("states", {}))
                outcome = "ok" if views and views <= states else "widgets missing"
                return Load(outcome, time.perf_counter() - started, received)
    finally:
        socket.close()


async def voila_loads(url: str, assets: list[str], args, requests: collections.Counter, progress: Progress):
    from tornado.httpclient import AsyncHTTPClient

    AsyncHTTPClient.configure(None, max_clients=2 * args.concurrency)
    at_once = asyncio.Semaphore(args.concurrency)

    async def one(n: int) -> Load:
        async with at_once:
            started = time.perf_counter()
            try:
                load = await asyncio.wait_for(
                    voila_load(url, assets, address(n, args.one_address), args.html_only, requests), VOILA_LOAD_TIMEOUT
                )
            except asyncio.TimeoutError:
                load = Load("timeout", time.perf_counter() - started)
            except Exception as exc:
                load = Load(f"error: {type(exc).__name__}", time.perf_counter() - started)
            progress.add(load)
            return load

    return list(await asyncio.gather(*(one(n) for n in range(args.loads))))


def record_voila_visit(browser, exercise: str) -> tuple[list[str], float]:
    print("innerwork serve: recording a first visit's files (a server with one kernel ready)...", file=sys.stderr)
    with serving("innerwork", room=1, exercise=exercise) as recorder:
        assets, usable = record_voila(browser, recorder.url)
    print(f"  {len(assets)} files besides the page, usable after {usable:.2f} s", file=sys.stderr)
    return assets, usable


def in_own_thread(function):
    """``function()`` run in a new thread (its own event loop, whatever this thread runs), its result returned."""
    result: dict = {}
    worker = threading.Thread(target=lambda: result.update(value=function()))
    worker.start()
    worker.join()
    return result["value"]


def voila_room(assets: list[str], args) -> Phase:
    from innerwork.serving.serve import available_memory_mb, default_max_participants

    cap = default_max_participants(args.room, available_memory_mb())
    print(
        f"innerwork serve --workshop --room {args.room}: starting (cap about {cap} kernels) and waiting for its "
        "room of kernels...",
        file=sys.stderr,
    )
    phase = Phase(f"innerwork serve --workshop --room {args.room}")
    with serving("innerwork", room=args.room, exercise=args.exercise) as server:
        pid = server.process.pid
        requests: collections.Counter = collections.Counter()
        progress = Progress("innerwork serve", args.loads)
        print(f"  ready: {kernels(pid)} kernels; {args.loads} loads, {args.concurrency} at once...", file=sys.stderr)
        run = functools.partial(asyncio.run, voila_loads(server.url, assets, args, requests, progress))
        measure(phase, pid, lambda: in_own_thread(run))
        phase.requests = dict(requests)
        pids = tree(pid)
    time.sleep(2)
    stray = [p for p in pids if Path(f"/proc/{p}").exists()]
    if stray:
        print(f"  still running after the server stopped, ended now: {stray}", file=sys.stderr)
        for p in stray:
            try:
                os.kill(p, 15)
            except OSError:
                pass
    return phase


# -- the report ---------------------------------------------------------------------------------
def seconds(stats: dict[str, float]) -> str:
    return f"{stats['median']:.2f} / {stats['p95']:.2f} s" if stats else "none"


def report(static: Phase | None, voila: Phase | None) -> str:
    phases = [p for p in (static, voila) if p]
    rows = [
        ("page loads", lambda p: f"{p.loads}"),
        ("outcomes", lambda p: ", ".join(f"{k}: {v}" for k, v in sorted(p.outcomes.items()))),
        ("requests' answers", lambda p: ", ".join(f"{k}: {v}" for k, v in sorted(p.requests.items()))),
        ("wall time", lambda p: f"{p.wall_seconds:.1f} s"),
        ("latency, ok loads, median / p95", lambda p: seconds(p.latency_ok)),
        ("latency, all loads, median / p95", lambda p: seconds(p.latency_all)),
        ("server CPU during the loads", lambda p: f"{p.cpu_loads:.1f} s"),
        ("server CPU until quiet again", lambda p: f"{p.cpu_until_quiet:.1f} s (+{p.quiet_after:.0f} s)"),
        ("server CPU per ok load", lambda p: f"{p.cpu_until_quiet / max(1, p.outcomes.get('ok', 0)):.3f} s"),
        ("server CPU before the room (start)", lambda p: f"{p.cpu_before:.1f} s"),
        ("memory idle, RSS", lambda p: f"{p.rss_idle:.0f} MB"),
        ("peak memory, RSS (PSS)", lambda p: f"{p.rss_peak:.0f} MB ({p.pss_peak:.0f} MB)"),
        ("kernels at most / after", lambda p: f"{p.kernels_peak} / {p.kernels_after}"),
        ("received per ok load", lambda p: f"{p.received_per_ok_load_mb:.2f} MB"),
        ("load generator CPU", lambda p: f"{p.client_cpu:.1f} s"),
        ("listen queue overflows (machine)", lambda p: f"{p.listen_overflows}"),
    ]
    width = max(len(label) for label, _ in rows)
    lines = [" " * width + " | " + " | ".join(p.server for p in phases)]
    lines += [f"{label:<{width}} | " + " | ".join(show(p) for p in phases) for label, show in rows]
    if static and voila:
        ratio = lambda a, b: f"{a / b:.1f}x" if b else "n/a"  # noqa: E731
        lines.append(
            f"innerwork serve / static site: CPU during the loads {ratio(voila.cpu_loads, static.cpu_loads)}, "
            f"until quiet {ratio(voila.cpu_until_quiet, static.cpu_until_quiet)}; "
            f"peak RSS {ratio(voila.rss_peak, static.rss_peak)}; "
            f"ok loads {voila.outcomes.get('ok', 0)} vs {static.outcomes.get('ok', 0)}"
        )
    return "\n".join(lines)


def build(site: Path, exercise: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "innerwork", "build", str(site), "--exercise", exercise], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(done.stdout + done.stderr)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawTextHelpFormatter,
    )
    parser.add_argument("--loads", type=int, default=1000, help="page loads against each server (default 1000)")
    parser.add_argument("--concurrency", type=int, default=50, help="loads at once (default 50)")
    parser.add_argument(
        "--site", type=Path, help="a site `innerwork build DIR --exercise ID` wrote (default: build one now)"
    )
    parser.add_argument("--exercise", default="wins-log", help="the exercise both pages show (default wins-log)")
    parser.add_argument("--room", type=int, default=30, help="innerwork serve --room (default 30, as --workshop)")
    parser.add_argument("--one-address", action="store_true", help="every load from 127.0.0.1 (default: one each)")
    parser.add_argument("--html-only", action="store_true", help="Voila: the page and its files, no websocket")
    parser.add_argument("--only", choices=["static", "voila"], help="measure one server only")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()
    print(f"load average before: {load_average()} ({os.cpu_count()} cores)", file=sys.stderr)
    results: dict = {"arguments": {k: str(v) for k, v in vars(args).items()}, "load_average_before": load_average()}
    static = voila = None
    with tempfile.TemporaryDirectory(prefix="innerwork-bench-room-") as folder:
        site = args.site
        if args.only != "voila" and site is None:
            site = Path(folder) / "site"
            print(f"building the site for {args.exercise}...", file=sys.stderr)
            build(site, args.exercise)
        with chromium() as browser:  # both first visits are recorded before the room arrives, then Chromium closes
            if args.only != "voila":
                if not (site / STATIC_PAGE).exists():
                    raise SystemExit(f"{site / STATIC_PAGE} is missing: is {site} a site `innerwork build` wrote?")
                print("static site: recording a first visit's files with Chromium...", file=sys.stderr)
                files, usable, late = record_static(browser, site)
                size = sum(
                    (site / urlsplit(path).path.lstrip("/")).stat().st_size
                    for path, status, _ in files
                    if status == 200
                )
                print(
                    f"  {len(files)} GETs ({size / 1e6:.1f} MB of files) until usable after {usable:.1f} s; "
                    f"{late} more in the 3 s after (not replayed)",
                    file=sys.stderr,
                )
                results["static_visit"] = {"files": files, "usable_seconds": usable, "late_requests": late}
            if args.only != "static":
                assets, voila_usable = record_voila_visit(browser, args.exercise)
                results["voila_visit"] = {"files": assets, "usable_seconds": voila_usable}
        if args.only != "voila":
            print(f"static site: {args.loads} loads, {args.concurrency} at once...", file=sys.stderr)
            static = static_room(site, files, args, Path(folder))
            print(report(static, None), file=sys.stderr)
        if args.only != "static":
            voila = voila_room(assets, args)
    results["load_average_after"] = load_average()
    print(f"load average after: {load_average()}", file=sys.stderr)
    print(report(static, voila))
    results.update({"static": static and asdict(static), "voila": voila and asdict(voila)})
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
