"""One client floods a workshop server with 200 requests: does memory stay under the cap, and does a participant still get in?

Run: python benchmarks/bench_flood.py [--requests 200] [--room 4]
`innerwork serve --workshop --room 4` with its default cap (--max-participants) and page rate. First,
a real participant's page in Chromium (from 127.0.0.1) on the idle server: time to usable, median
of 3 (the baseline). Then one flooding client (from 127.0.0.2, 20 requests at a time, no cookies,
no websocket, as a script would) sends a bounded flood: plain page requests, `?template=`/`?theme=`
overrides and kernel API calls with made-up ids; while it runs, the participant opens the page
again (3 times). Reported: the participant's time to usable (flooded vs. idle, target under 3x),
what the flood got back, the most kernels and the peak memory of the server's process tree, against
the cap.
"""

import argparse
import asyncio
import collections
import statistics
import sys
import threading
import time
import uuid

from voila_tools import chromium, kernels, memory_mb, serving, time_to_usable, wait_until_idle

FLOOD_ADDRESS = "127.0.0.2"
KERNEL_MB = 100  # innerwork.serving.serve.KERNEL_MB: what the cap allows a kernel


def flood_paths(requests: int) -> list[str]:
    kinds = ["", "", "", "?template=lab", "?theme=dark", f"api/kernels/{uuid.uuid4()}"]
    return [kinds[n % len(kinds)] for n in range(requests)]


async def flood(url: str, requests: int, at_once: int = 20) -> collections.Counter:
    from tornado.httpclient import AsyncHTTPClient, HTTPRequest

    AsyncHTTPClient.configure(None, max_clients=at_once)
    client = AsyncHTTPClient()

    async def one(path):
        try:
            response = await client.fetch(
                HTTPRequest(url + path, network_interface=FLOOD_ADDRESS, request_timeout=120), raise_error=False
            )
            return response.code
        except Exception as exc:
            return type(exc).__name__

    return collections.Counter(await asyncio.gather(*(one(path) for path in flood_paths(requests))))


class Peak(threading.Thread):
    """The most kernels and memory of the server's process tree, sampled every 0.2 s."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.kernels, self.rss, self.pss, self.done = pid, 0, 0.0, 0.0, threading.Event()

    def run(self):
        while not self.done.wait(0.2):
            rss, pss = memory_mb(self.pid)
            self.kernels, self.rss, self.pss = (
                max(self.kernels, kernels(self.pid)),
                max(self.rss, rss),
                max(self.pss, pss),
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--room", type=int, default=4)
    args = parser.parse_args()
    from innerwork.serving.serve import available_memory_mb, default_max_participants

    cap = default_max_participants(args.room, available_memory_mb())
    with chromium() as browser, serving("innerwork", args.room) as server:
        time_to_usable(browser, server.url)  # warm the server's caches and Chromium's
        wait_until_idle(server.process.pid, args.room)
        idle = []
        for _ in range(3):
            idle.append(time_to_usable(browser, server.url))
            wait_until_idle(server.process.pid, args.room)
        before_rss, before_pss = memory_mb(server.process.pid)
        peak = Peak(server.process.pid)
        peak.start()
        result = {}
        flooding = threading.Thread(target=lambda: result.update(codes=asyncio.run(flood(server.url, args.requests))))
        started = time.monotonic()
        flooding.start()
        time.sleep(1)
        flooded = []
        for _ in range(3):
            flooded.append(time_to_usable(browser, server.url))
        flooding.join()
        flood_seconds = time.monotonic() - started
        time.sleep(5)
        peak.done.set()
        peak.join()
    idle_median, flooded_median = statistics.median(idle), statistics.median(flooded)
    print(f"innerwork serve --workshop --room {args.room}: cap {cap} kernels (default --max-participants)")
    print(
        f"  participant's page, time to usable: idle median {idle_median:.2f} s ({', '.join(f'{t:.2f}' for t in idle)}); "
        f"during the flood median {flooded_median:.2f} s ({', '.join(f'{t:.2f}' for t in flooded)}): "
        f"{flooded_median / idle_median:.2f}x (target under 3x)"
    )
    print(
        f"  flood from {FLOOD_ADDRESS}: {args.requests} requests in {flood_seconds:.1f} s, answers: "
        + ", ".join(f"{code}: {n}" for code, n in sorted(result["codes"].items(), key=str))
    )
    print(
        f"  server process tree: at most {peak.kernels} kernels (cap {cap}); peak RSS {peak.rss:.0f} MB, "
        f"PSS {peak.pss:.0f} MB (idle before the flood: RSS {before_rss:.0f} MB, PSS {before_pss:.0f} MB); "
        f"cap x {KERNEL_MB} MB + idle = {cap * KERNEL_MB + before_rss:.0f} MB"
    )


if __name__ == "__main__":
    sys.exit(main())
