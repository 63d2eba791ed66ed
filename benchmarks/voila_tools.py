"""What the page benchmarks share: the servers, the baseline form, process-tree readings and Chromium.

The baseline is what the issue asks to compare against: a plain Voila notebook holding a comparable
ipywidgets form (a title, a text box, a slider step behind "Next", a "Saved" label backed by SQLite),
served by Voila with its default settings.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EXERCISE = "before-session-preparation"  # its first step is a text box and no step is required
FIRST_INPUT = ".jupyter-widgets textarea"  # where a participant first types, on both pages

BASELINE_FORM = r"""
import os, sqlite3, tempfile
import ipywidgets as W
from IPython.display import display

db = sqlite3.connect(os.path.join(tempfile.mkdtemp(), "answers.db"), check_same_thread=False)
db.execute("CREATE TABLE answers (step TEXT PRIMARY KEY, value TEXT)")
saves = 0
saved = W.Label("Saved")
saved.add_class("bench-saved")

def save(step, value):
    global saves
    db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?)", (step, str(value)))
    db.commit()
    saves += 1
    saved.value = f"Saved ({saves})"

text = W.Textarea(placeholder="Write here", continuous_update=True)
text.observe(lambda c: save("bring", c["new"]), "value")
slider = W.IntSlider(min=0, max=10, description="Mood")
slider.observe(lambda c: save("mood", c["new"]), "value")
steps = [[W.HTML("<h3>What would you like to bring to your next session?</h3>"), text],
         [W.HTML("<h3>How are you feeling about it?</h3>"), slider]]
body = W.VBox(steps[0])
body.add_class("bench-step")
back, next_ = W.Button(description="Back"), W.Button(description="Next", button_style="primary")
back.on_click(lambda _: setattr(body, "children", steps[0]))
next_.on_click(lambda _: setattr(body, "children", steps[1]))
display(W.VBox([W.HTML("<h2>Before your session</h2>"), saved, body, W.HBox([back, next_])]))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def baseline_notebook(folder: Path) -> Path:
    """Write the baseline notebook into ``folder`` and return its path."""
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": "baseline",
                "metadata": {},
                "outputs": [],
                "source": BASELINE_FORM,
            }
        ],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = folder / "baseline.ipynb"
    path.write_text(json.dumps(notebook))
    return path


# -- the process tree -------------------------------------------------------------------------
def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(f"/proc/{entry.name}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    return children


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    children, found, todo = _children(), [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _field(path: str, name: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of the whole tree in MB. PSS shares each shared page out among the processes using it."""
    pids = tree(pid)
    rss = sum(_field(f"/proc/{p}/status", "VmRSS") for p in pids)
    pss = sum(_field(f"/proc/{p}/smaps_rollup", "Pss") for p in pids)
    return rss / 1024, pss / 1024


def cpu_seconds(pid: int, ended_children: bool = False) -> float:
    """CPU seconds of ``pid`` and its descendants; with ``ended_children``, also of children that ended
    and were waited for (a server's kernels that were shut down)."""
    total = 0
    for p in tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(f) for f in fields[11 : 15 if ended_children else 13])  # utime, stime (cutime, cstime)
    return total / os.sysconf("SC_CLK_TCK")


def kernels(pid: int) -> int:
    """How many kernels run under ``pid``."""
    count = 0
    for p in tree(pid):
        try:
            count += b"ipykernel_launcher" in Path(f"/proc/{p}/cmdline").read_bytes()
        except OSError:
            pass
    return count


def wait_until_idle(pid: int, kernels_expected: int = 0, timeout: float = 300):
    """Wait until the server tree has its kernels and is quiet for 3 s in a row: under 5% of a core,
    plus 0.5% for each kernel (an idle kernel still wakes up now and then)."""
    deadline, quiet, last = time.monotonic() + timeout, 0, cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(1)
        now, running = cpu_seconds(pid), kernels(pid)
        quiet = quiet + 1 if now - last < 0.05 + 0.005 * running and running >= kernels_expected else 0
        last = now
        if quiet >= 3:
            return
    raise RuntimeError(f"the server did not settle within {timeout:.0f} s")


# -- servers ---------------------------------------------------------------------------------
class Server:
    """``innerwork serve`` or plain Voila on 127.0.0.1, in a temporary home, stopped on exit."""

    def __init__(self, name: str, command: list[str], cwd: Path, env: dict[str, str], kernels_expected: int):
        self.name, self.port = name, free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = open(cwd / f"{name.replace(' ', '-')}.log", "w+")
        command = [part.replace("{port}", str(self.port)) for part in command]
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        try:
            self._wait_for_answer()
            wait_until_idle(self.process.pid, kernels_expected)
        except BaseException:  # a server that never got ready is not left running
            self.stop()
            raise

    def _wait_for_answer(self):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} stopped:\n{self.output()}")
            try:  # an address Voila answers without starting a kernel
                urllib.request.urlopen(self.url + "voila/static/voila.js", timeout=5)
                return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"{self.name} did not answer:\n{self.output()}")

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


@contextmanager
def serving(kind: str, room: int = 0, personal: bool = False, extra: tuple[str, ...] = (), exercise: str = EXERCISE):
    """A running server: ``kind`` is "baseline" (plain Voila, default settings) or "innerwork".

    For innerwork, ``room`` kernels are started ahead of time (``innerwork serve --room``); ``room=0``
    turns that off so the page itself is compared with the baseline on equal terms.
    ``personal`` keeps answers in an SQLite file in a temporary home instead of the workshop's memory.
    ``extra`` are more options for ``innerwork serve``; ``exercise`` is the one its page shows.
    """
    with tempfile.TemporaryDirectory(prefix="innerwork-bench-") as folder:
        folder = Path(folder)
        env = {**os.environ, "INNERWORK_HOME": str(folder / "home"), "PYTHONUNBUFFERED": "1"}
        if kind == "baseline":
            notebook = baseline_notebook(folder)
            command = [sys.executable, "-m", "voila", str(notebook), "--no-browser", "--port={port}"]
            server = Server("plain Voila", command, folder, env, 0)
        else:
            command = [
                sys.executable,
                "-m",
                "innerwork",
                "serve",
                "--no-browser",
                "--port",
                "{port}",
                "--exercise",
                exercise,
                *([] if personal else ["--workshop"]),
            ]
            command += ["--room", str(room), *extra]
            server = Server(f"innerwork room {room}", command, folder, env, room)
        try:
            yield server
        finally:
            server.stop()


# -- Chromium --------------------------------------------------------------------------------
@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium (as .ci/run does)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


USABLE = """sel => { const e = document.querySelector(sel);
  return e && !e.disabled && e.offsetParent !== null && e.getBoundingClientRect().height > 0 && performance.now(); }"""


def open_page(browser, url: str, timeout_ms: int = 120_000):
    """A first visit in a new context: (context, page, seconds from navigation start until the first
    text box is visible and enabled)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    usable = page.wait_for_function(USABLE, arg=FIRST_INPUT, timeout=timeout_ms, polling="raf").json_value()
    return context, page, usable / 1000


def time_to_usable(browser, url: str, timeout_ms: int = 120_000) -> float:
    context, _, seconds = open_page(browser, url, timeout_ms)
    context.close()
    return seconds


CHANGE_STEP = """async ({step, label}) => {
  const CONTROL = 'textarea, input, select, button, .widget-slider';
  const box = document.querySelector(step), old = box.querySelector(CONTROL), before = box.textContent;
  const button = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === label);
  return await new Promise(resolve => {
    const shown = () => box.textContent !== before && box.querySelector(CONTROL) && !(old && old.isConnected);
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (shown()) { observer.disconnect(); resolve(performance.now() - start); }
    });
    observer.observe(box, {subtree: true, childList: true, characterData: true});
    setTimeout(() => { observer.disconnect(); resolve(null); }, 15000);
    button.click();
  });
}"""
STEP_SELECTOR = {"baseline": ".bench-step", "innerwork": ".innerwork-step"}


def change_step(page, kind: str, label: str) -> float | None:
    """Milliseconds from a click on ``label`` ("Next" or "Back") until the other step is in the page;
    None if it is not there after 15 s."""
    return page.evaluate(CHANGE_STEP, {"step": STEP_SELECTOR[kind], "label": label})


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):.2f} s, p95 {p95:.2f} s, max {ordered[-1]:.2f} s"
