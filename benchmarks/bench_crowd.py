"""A room of thirty opening the page at once: innerwork serve --workshop vs. plain Voila defaults.

Run: python benchmarks/bench_crowd.py [--people 30]
One real Chromium page (the headline figure: time until its first text box is usable) and, at the
same moment, people - 1 protocol-level participants from a separate load-generator process. Each of
those fetches the page over HTTP, opens the kernel's websocket and asks for the widget states the
way the page's own script does (ipywidgets' "jupyter.widget.control" comm); it is usable once the
states of all the page's widgets arrive. Thirty Chromium pages on two cores would measure the
browsers, not the server. For 75 s after arriving, while a preheated pool refills, the Chromium
participant keeps clicking "Next" and "Back"; then the server is left to settle.
Reported: p50/p95/max time to usable, failures, the latency of those step changes, peak memory of the server's whole process tree (RSS, and PSS, which counts a shared page once), and
the load generator's CPU.
"""

import argparse
import asyncio
import json
import re
import resource
import statistics
import subprocess
import sys
import threading
import time
import uuid

from voila_tools import change_step, chromium, memory_mb, open_page, serving, summary, wait_until_idle

TIMEOUT = 120
STEPPING_SECONDS = 75  # covers Voila's 30 s wait before refilling the pool, and the refill


# -- one protocol-level participant ---------------------------------------------------------------
def _message(msg_type: str, content: dict, session: str, metadata: dict | None = None) -> str:
    header = {
        "msg_id": uuid.uuid4().hex,
        "msg_type": msg_type,
        "session": session,
        "username": "bench",
        "version": "5.3",
        "date": "",
    }
    return json.dumps(
        {
            "header": header,
            "parent_header": {},
            "metadata": metadata or {},
            "content": content,
            "channel": "shell",
            "buffers": [],
        }
    )


def _decode(frame) -> dict:
    if isinstance(frame, str):
        return json.loads(frame)
    # binary frame: count, offsets, then the JSON message followed by its buffers
    count = int.from_bytes(frame[:4], "big")
    offsets = [int.from_bytes(frame[4 + 4 * i : 8 + 4 * i], "big") for i in range(count)]
    end = offsets[1] if count > 1 else len(frame)
    return json.loads(frame[offsets[0] : end])


async def participant(url: str, address: str) -> float:
    """Seconds until the page's widget states have all arrived over the kernel's websocket.

    Each participant comes from its own loopback ``address``, as each person in a room has a device, and
    keeps the page's cookies for the websocket, as a browser does (innerwork's kernels answer only the
    browser whose page took them).
    """
    from tornado.httpclient import AsyncHTTPClient, HTTPRequest
    from tornado.websocket import websocket_connect

    start = time.perf_counter()
    page = await AsyncHTTPClient().fetch(HTTPRequest(url, request_timeout=TIMEOUT, network_interface=address))
    cookies = {"Cookie": "; ".join(c.split(";")[0] for c in page.headers.get_list("Set-Cookie"))}
    html = page.body.decode()
    kernel = re.search(r'"kernelId":\s*"([^"]+)"', html).group(1)
    views = set(re.findall(r'"model_id":\s*"([0-9a-f]+)"', html))
    session = uuid.uuid4().hex
    ws_url = url.replace("http", "ws", 1) + f"api/kernels/{kernel}/channels?session_id={session}"
    socket = await websocket_connect(HTTPRequest(ws_url, headers=cookies, network_interface=address))
    comm = uuid.uuid4().hex
    await socket.write_message(
        _message(
            "comm_open",
            {"comm_id": comm, "target_name": "jupyter.widget.control", "data": {}},
            session,
            {"version": "1.0.0"},
        )
    )
    await socket.write_message(_message("comm_msg", {"comm_id": comm, "data": {"method": "request_states"}}, session))
    while True:
        frame = await socket.read_message()
        if frame is None:
            raise ConnectionError("the kernel's websocket closed")
        message = _decode(frame)
        content = message.get("content", {})
        if message["header"]["msg_type"] == "comm_msg" and content.get("comm_id") == comm:
            states = content["data"].get("states", {})
            if not views or not views <= set(states):
                raise AssertionError(f"{len(views - set(states))} of the page's widgets missing from the kernel")
            socket.close()
            return time.perf_counter() - start


async def crowd(url: str, people: int) -> list:
    results = await asyncio.gather(
        *(asyncio.wait_for(participant(url, f"127.0.1.{n + 1}"), TIMEOUT) for n in range(people)),
        return_exceptions=True,
    )
    return [r if isinstance(r, float) else f"{type(r).__name__}: {r}" for r in results]


def load_generator(url: str, people: int):
    """Wait for "go" on stdin, run the crowd, print its results and this process's CPU seconds as JSON."""
    sys.stdin.readline()
    before = resource.getrusage(resource.RUSAGE_SELF)
    wall = time.perf_counter()
    results = asyncio.run(crowd(url, people))
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    print(json.dumps({"results": results, "cpu": cpu, "wall": time.perf_counter() - wall}))


# -- the benchmark --------------------------------------------------------------------------------
class PeakMemory(threading.Thread):
    """Samples the server tree's memory every 0.2 s until stopped."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, (0.0, 0.0), threading.Event()

    def run(self):
        while not self.done.wait(0.2):
            rss, pss = memory_mb(self.pid)
            self.peak = (max(self.peak[0], rss), max(self.peak[1], pss))


def room_arrives(browser, server, kind: str, people: int, room: int) -> dict:
    generator = subprocess.Popen(
        [sys.executable, __file__, "--load-generator", server.url, str(people - 1)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    time.sleep(1)  # let it import tornado before the clock starts
    memory = PeakMemory(server.process.pid)
    memory.start()
    arrival = time.monotonic()
    generator.stdin.write("go\n")
    generator.stdin.flush()
    steps = []
    try:
        context, page, headline = open_page(browser, server.url, TIMEOUT * 1000)
    except Exception as exc:  # a page that never became usable is a failure, reported below
        headline = f"{type(exc).__name__}: {exc}".splitlines()[0]
    report = json.loads(generator.communicate(timeout=TIMEOUT + 30)[0])
    if isinstance(headline, float):
        # the Chromium participant goes back and forth between two steps while the server catches up
        while time.monotonic() < arrival + STEPPING_SECONDS:
            steps += [change_step(page, kind, "Next"), change_step(page, kind, "Back")]
            page.wait_for_timeout(250)
        context.close()
    wait_until_idle(server.process.pid, room + people)  # a preheated pool has refilled
    memory.done.set()
    memory.join()
    report.update(headline=headline, peak=memory.peak, steps=steps)
    return report


def describe(label: str, report: dict, people: int) -> str:
    crowd_times = [r for r in report["results"] if isinstance(r, float)]
    failures = [r for r in report["results"] if not isinstance(r, float)]
    headline = report["headline"]
    everyone = crowd_times + ([headline] if isinstance(headline, float) else [])
    failed = len(failures) + (not isinstance(headline, float))
    shown = [step for step in report["steps"] if step is not None]
    lines = [
        f"{label}: {people} people at once",
        "  Chromium page usable after: " + (f"{headline:.2f} s" if isinstance(headline, float) else headline),
        f"  all {people}: {summary(everyone) if everyone else 'none usable'}; failures: {failed}",
        f"  protocol clients only: {summary(crowd_times) if crowd_times else 'none usable'}",
        f"  step changes in the Chromium page in the {STEPPING_SECONDS} s after arriving ({len(report['steps'])}): "
        + (f"median {statistics.median(shown):.0f} ms, max {max(shown):.0f} ms" if shown else "none")
        + f"; not shown within 15 s: {len(report['steps']) - len(shown)}",
        f"  server process tree peak memory: RSS {report['peak'][0]:.0f} MB, PSS {report['peak'][1]:.0f} MB",
        f"  load generator: {report['cpu']:.2f} s CPU over {report['wall']:.2f} s "
        f"({100 * report['cpu'] / report['wall']:.0f}% of one core)",
    ]
    lines += [f"  failure: {f}" for f in failures[:3]]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=30, help="participants arriving at once (default 30)")
    parser.add_argument(
        "--skip-baseline", action="store_true", help="measure innerwork only (the p95 target is absolute)"
    )
    parser.add_argument("--load-generator", nargs=2, metavar=("URL", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load_generator:
        return load_generator(args.load_generator[0], int(args.load_generator[1]))
    people = args.people
    reports = {}
    with chromium() as browser:
        for label, kind, room in (
            ("plain Voila defaults (baseline)", "baseline", 0),
            (f"innerwork serve --workshop (room {people})", "innerwork", people),
        ):
            if kind == "baseline" and args.skip_baseline:
                continue
            print(f"{label}: starting the server and waiting for it to settle...", file=sys.stderr)
            # the cap leaves room for the pool to refill after everyone has arrived, as before there was a cap
            with serving(kind, room, extra=("--max-participants", str(room + people)) if room else ()) as server:
                reports[label] = room_arrives(browser, server, kind, people, room)
            print(describe(label, reports[label], people), file=sys.stderr)
    for label, report in reports.items():
        print(describe(label, report, people))


if __name__ == "__main__":
    main()
