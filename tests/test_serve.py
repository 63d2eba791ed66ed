"""The Voila command line `innerwork serve` builds, and stopping it."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ports import free_port

from innerwork.serving.serve import voila_command


def test_room_sizes_the_pool_of_kernels_started_ahead_of_time():
    command = voila_command(8866, "127.0.0.1", True, 30)
    assert "--preheat_kernel=True" in command and "--pool_size=30" in command


def test_room_zero_starts_each_kernel_on_request():
    command = voila_command(8866, "127.0.0.1", True, 0)
    assert "--preheat_kernel=False" in command and "--preheat_kernel=True" not in command


def descendants(pid):
    """Process ids under ``pid``, read from /proc."""
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], list(children.get(pid, []))
    while todo:
        found.append(todo.pop())
        todo.extend(children.get(found[-1], []))
    return found


def alive(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process tree from /proc")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP])
def test_stopping_serve_stops_voila_and_every_kernel(tmp_path, stop):
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "innerwork",
            "serve",
            "--workshop",
            "--room",
            "2",
            "--no-browser",
            "--port",
            str(free_port()),
        ],
        env={**os.environ, "INNERWORK_HOME": str(tmp_path)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 90
    while len(descendants(process.pid)) < 3 and time.monotonic() < deadline:  # Voila and two kernels
        time.sleep(0.5)
    started = descendants(process.pid)
    assert len(started) >= 3, started
    process.send_signal(stop)
    assert process.wait(timeout=60) is not None
    deadline = time.monotonic() + 30
    while any(map(alive, started)) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not [pid for pid in started if alive(pid)]


def test_pool_kernels_refill_with_no_fixed_delay_and_through_innerworks_pool():
    command = voila_command(8866, "127.0.0.1", True, 30)
    assert command[1:3] == ["-m", "innerwork.serving.voila_app"]
    assert "--VoilaKernelManager.fill_delay=0" in command
    assert not any("fill_delay" in part for part in voila_command(8866, "127.0.0.1", False, 0))


def test_a_voila_arg_replaces_the_setting_of_the_same_name():
    command = voila_command(8866, "127.0.0.1", True, 30, ("--VoilaKernelManager.fill_delay=5", "--debug"))
    assert [arg for arg in command if "fill_delay" in arg] == ["--VoilaKernelManager.fill_delay=5"]
    assert command[-1] == "--debug" and "--pool_size=30" in command


def test_voila_never_opens_the_browser_itself_and_keeps_the_port_asked_for():
    command = voila_command(8866, "127.0.0.1", False, 1)
    assert "--Voila.open_browser=False" in command and "--Voila.port_retries=0" in command


def test_serve_refuses_a_port_in_use_in_one_sentence(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "innerwork", "serve", "--no-browser", "--port", str(port)],
            env={**os.environ, "INNERWORK_HOME": str(tmp_path)},
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert f"port {port} is already in use" in result.stderr and "Traceback" not in result.stderr


def kernel_starts(log: str) -> int:
    return log.count("Kernel started:")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process tree from /proc")
def test_a_room_pool_starts_kernels_in_turn_and_the_first_page_takes_a_ready_one(tmp_path):
    """Right after start the pool holds one kernel, not the room: the first page gets a preheated kernel."""
    log_path = tmp_path / "serve.log"
    port = free_port()
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "innerwork",
                "serve",
                "--workshop",
                "--room",
                "4",
                "--no-browser",
                "--port",
                str(port),
            ],
            env={**os.environ, "INNERWORK_HOME": str(tmp_path / "home"), "PYTHONUNBUFFERED": "1"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 90
        while "the page is ready at" not in log_path.read_text() and time.monotonic() < deadline:
            assert process.poll() is None, log_path.read_text()
            time.sleep(0.1)
        assert kernel_starts(log_path.read_text()) <= 1  # kernels start one after another
        import urllib.request

        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60) as page:
            assert page.status == 200 and b"application/vnd.jupyter.widget-view+json" in page.read()
        log = log_path.read_text()
        assert "Using pre-heated kernel" in log, log
        assert kernel_starts(log) <= 2, log
        while kernel_starts(log_path.read_text()) < 5 and time.monotonic() < deadline + 60:
            time.sleep(0.5)
        assert kernel_starts(log_path.read_text()) == 5  # the room of four, refilled after the page took one
    finally:
        process.terminate()
        process.wait(timeout=60)
