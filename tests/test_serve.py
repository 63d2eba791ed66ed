"""The Voila command line `innerwork serve` builds, and stopping it."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from innerwork.serve import voila_command
from ports import free_port


def test_room_sizes_the_pool_of_kernels_started_ahead_of_time():
    command = voila_command(8866, "127.0.0.1", False, True, 30)
    assert "--preheat_kernel=True" in command and "--pool_size=30" in command


def test_room_zero_starts_each_kernel_on_request():
    command = voila_command(8866, "127.0.0.1", False, True, 0)
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
    process = subprocess.Popen([sys.executable, "-m", "innerwork", "serve", "--workshop", "--room", "2",
                                "--no-browser", "--port", str(free_port())],
                               env={**os.environ, "INNERWORK_HOME": str(tmp_path)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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


def test_a_workshop_refills_its_pool_after_the_room_has_arrived():
    assert "--VoilaKernelManager.fill_delay=30" in voila_command(8866, "127.0.0.1", False, True, 30)
    assert not any("fill_delay" in part for part in voila_command(8866, "127.0.0.1", False, False, 1))


def test_a_voila_arg_replaces_the_setting_of_the_same_name():
    command = voila_command(8866, "127.0.0.1", False, True, 30, ("--VoilaKernelManager.fill_delay=5", "--debug"))
    assert [arg for arg in command if "fill_delay" in arg] == ["--VoilaKernelManager.fill_delay=5"]
    assert command[-1] == "--debug" and "--pool_size=30" in command


def test_kernels_that_fill_a_pool_start_one_after_another():
    assert any("SpacedKernelManager" in arg for arg in voila_command(8866, "127.0.0.1", False, True, 30))
    assert not any("SpacedKernelManager" in arg for arg in voila_command(8866, "127.0.0.1", False, True, 0))


def test_spaced_kernel_manager_spaces_out_real_kernel_starts():
    import asyncio

    from innerwork.voila_kernels import SpacedKernelManager

    async def start_three():
        manager = SpacedKernelManager(start_spacing=0.5)
        started = []

        async def start():
            kernel_id = await manager.start_kernel(kernel_name="python3")
            started.append(time.monotonic())
            return kernel_id
        try:
            ids = await asyncio.gather(start(), start(), start())
        finally:
            await manager.shutdown_all(now=True)
        return ids, sorted(started)
    ids, started = asyncio.run(start_three())
    assert len(set(ids)) == 3
    assert all(later - earlier >= 0.45 for earlier, later in zip(started, started[1:]))
