"""Kernels kept ready for a room: Voila's pool of preheated kernels, arranged so nobody waits long.

Voila's own pool starts every kernel at once and hands a page the oldest slot, even while that
kernel is still starting: on a 2-core machine the first page of a room of thirty waited 35 s.
Here (``RoomPool``):

- kernels start one at a time, each once the one before has run the page, so the first is ready
  first, and the pool grows to the room's size while the machine is quiet;
- a page takes whichever kernel is ready, and a page that finds none ready makes the next one
  start at once;
- a refill waits until the room is quiet (the server and its kernels use little CPU), so people
  already working keep the CPU, but never longer than ``max_refill_wait`` seconds;
- a refill waits while the room is at its cap (``RoomGuard.max_participants``); a page that finds
  no ready kernel then gets ``RoomFull`` instead of waiting, as does a page that finds more pages
  already waiting than the cap leaves kernels for.

``innerwork.serving.voila_app`` puts ``RoomPool`` in front of Voila's pooled kernel manager.
"""

from __future__ import annotations

import asyncio
import os
import time

from traitlets import Float
from traitlets.config import LoggingConfigurable

from .voila_guard import RoomFull, current_visit

TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def process_cpu_seconds(pid: int) -> float:
    """CPU seconds a process has used, read from /proc (0 where it cannot be read)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime
    except (OSError, ValueError, IndexError):
        return 0.0


class RoomPool(LoggingConfigurable):
    """A mixin for Voila's ``VoilaKernelManager``: start in turn, serve the ready, refill when quiet."""

    quiet_below = Float(
        0.5, config=True, help="The room counts as quiet when the server and its kernels use less than this many cores."
    )
    max_refill_wait = Float(30.0, config=True, help="Seconds a refill waits at most for the machine to be quiet.")

    def __init__(self, **kwargs):
        self._one_at_a_time = asyncio.Lock()
        self._page_waiting = asyncio.Event()  # set while at least one page waits for a kernel
        self._pages_waiting = 0
        self._first_started = False
        self._room_full = asyncio.Event()  # set while a refill waits for a kernel to end
        super().__init__(**kwargs)
        if self.notebook_path is not None:
            # lets the first page use the pool while its first kernel is still starting
            configuration = self.parent.voila_configuration
            self.notebook_data.setdefault(
                self.notebook_path,
                {"kernel_ids": set(), "template": configuration.template, "theme": configuration.theme},
            )

    async def _initialize(self, notebook_path: str, kernel_id: str | None = None, **kwargs):
        if kernel_id is not None:  # a restart: the kernel exists already
            return await super()._initialize(notebook_path, kernel_id, **kwargs)
        async with self._one_at_a_time:
            if self._first_started:
                await self._until_quiet_or_wanted()
            self._first_started = True
            await self._until_below_cap()
            content = await super()._initialize(notebook_path, None, **kwargs)
            # the next kernel starts once this one has run the page (or failed to)
            await asyncio.wait({content["task"]}, timeout=self.max_refill_wait)
            return content

    async def _until_quiet_or_wanted(self) -> None:
        """Return when the machine is quiet, a page is waiting for a kernel, or after ``max_refill_wait``."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.max_refill_wait
        while not self._page_waiting.is_set() and loop.time() < deadline:
            before, since = self._room_cpu_seconds(), time.monotonic()
            try:
                await asyncio.wait_for(self._page_waiting.wait(), timeout=0.5)
            except asyncio.TimeoutError:
                pass
            if (self._room_cpu_seconds() - before) / (time.monotonic() - since) < self.quiet_below:
                return

    def _room_cpu_seconds(self) -> float:
        """CPU seconds used so far by this server and the kernels it started: the room's share of the machine."""
        times = os.times()
        used = times.user + times.system
        for kernel_id in list(self._kernels):
            pid = getattr(getattr(self._kernels[kernel_id], "provisioner", None), "pid", None)
            if pid:
                used += process_cpu_seconds(pid)
        return used

    async def _until_below_cap(self) -> None:
        """Return once one more kernel fits under the room's cap."""
        while self.at_cap():
            self._room_full.set()
            await asyncio.sleep(0.5)
        self._room_full.clear()

    def _more_pages_waiting_than_kernels_to_come(self) -> bool:
        """True when the cap leaves no kernel for the latest page waiting: it is told the room is full at
        once, instead of after the kernels before it have started (tens of seconds in a crowd)."""
        owned = len(self._owners.keys() & set(self.list_kernel_ids()))  # a kernel that died is no one's any more
        return 0 < self.max_participants < owned + self._pages_waiting

    async def get_rendered_notebook(self, notebook_name: str, *args, **kwargs):
        """Hand the page a ready kernel; if none is ready, start the next one now and take the first ready.

        Raises ``RoomFull`` if none is ready and none can start. The kernel taken belongs to the page's browser.
        """
        pool = self._pools.get(notebook_name, [])
        self._pages_waiting += 1
        self._page_waiting.set()
        try:
            while pool and not any(task.done() for task in pool):
                if self._room_full.is_set() or self._more_pages_waiting_than_kernels_to_come():
                    raise RoomFull()
                room_full = asyncio.ensure_future(self._room_full.wait())
                await asyncio.wait([*pool, room_full], return_when=asyncio.FIRST_COMPLETED)
                room_full.cancel()
        finally:
            self._pages_waiting -= 1
            if not self._pages_waiting:
                self._page_waiting.clear()
        ready = [task for task in pool if task.done() and not task.exception()]
        if not ready and self.at_cap():
            raise RoomFull()
        if ready:  # Voila hands out the first slot: put a ready kernel there
            pool.remove(ready[0])
            pool.insert(0, ready[0])
        visit = current_visit.get()
        token = current_visit.set(None)  # the refill Voila starts now belongs to no page
        try:
            rendered = await super().get_rendered_notebook(notebook_name, *args, **kwargs)
        finally:
            current_visit.reset(token)
        if visit is not None:
            self.give(rendered[2], visit)
        return rendered
