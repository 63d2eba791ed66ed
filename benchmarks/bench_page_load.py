"""Time until an exercise is usable in headless Chromium: innerwork vs. a plain Voila form.

Run: python benchmarks/bench_page_load.py [--runs 7]
"Usable" is when the first text box is visible and enabled, timed from navigation start in a new
browser context (a first visit). One page at a time; the servers settle between runs. Three servers:

- baseline: plain Voila with its default settings, serving a comparable ipywidgets form;
- innerwork, no preheating: `innerwork serve --workshop` with Voila's preheating turned off, so a
  kernel starts on request exactly as in the baseline: this isolates the cost of the page itself;
- innerwork preheated: `innerwork serve --workshop --room 4`, kernels started ahead of time, as a
  participant finds it on arriving. A workshop waits 30 s before refilling its pool; here the refill
  starts after 1 s so that the server can settle between page loads.
"""

import argparse
import statistics
import sys

from voila_tools import chromium, serving, time_to_usable, wait_until_idle

REFILL_AT_ONCE = ("--voila-arg=--VoilaKernelManager.fill_delay=1",)
SERVERS = {
    "plain Voila form (baseline)": ("baseline", 0, ()),
    "innerwork, no preheating": ("innerwork", 0, ()),
    "innerwork serve --room 4": ("innerwork", 4, REFILL_AT_ONCE),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="page loads per server (default 7)")
    runs = parser.parse_args().runs
    results = {}
    with chromium() as browser:
        for label, (kind, room, extra) in SERVERS.items():
            with serving(kind, room, extra=extra) as server:
                time_to_usable(browser, server.url)  # warm the server's caches and Chromium's
                wait_until_idle(server.process.pid, room)
                times = []
                for run in range(runs):
                    times.append(time_to_usable(browser, server.url))
                    print(f"{label}: run {run + 1}/{runs}: {times[-1]:.2f} s", file=sys.stderr)
                    wait_until_idle(server.process.pid, room)
            results[label] = statistics.median(times)
    base = results["plain Voila form (baseline)"]
    print(f"time to usable, median of {runs} page loads in headless Chromium:")
    for label, median in results.items():
        print(f"  {label:30} {median:5.2f} s  ({median / base:.2f}x the baseline)")


if __name__ == "__main__":
    main()
