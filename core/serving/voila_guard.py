"""What keeps one workshop server usable for its whole room: a cap on kernels, kernels owned by browsers.

``RoomGuard`` is a mixin for the kernel manager ``innerwork serve`` runs (``innerwork.serving.voila_app``):

- at most ``max_participants`` kernels run at once, the ones kept ready included; a page that would
  need one more gets the "room is full" page instead (``RoomFull``), and no kernel starts;
- one address may open at most ``page_burst`` pages at once, then ``pages_per_minute``, and hold at
  most ``unconnected_per_address`` kernels whose page has not connected yet (a script that only
  fetches pages cannot take the room's kernels);
- each kernel belongs to the browser whose page took it (``Visit``, a random secret in a cookie);
  every kernel route checks it (``owns``);
- a kernel whose page has not connected within ``connect_timeout`` seconds is shut down.
"""

from __future__ import annotations

import asyncio
import contextvars
import hmac
import time
from dataclasses import dataclass

from traitlets import Float, Int
from traitlets.config import LoggingConfigurable


class RoomFull(Exception):
    """No kernel can be given to a page now: the room has as many as ``max_participants``."""


@dataclass
class Visit:
    """One page request: the browser's secret, and the kernel the page was given (once it has one)."""

    browser: str
    address: str
    kernel_id: str | None = None


# the page request being served, seen by the kernel manager while it hands out a kernel
current_visit: contextvars.ContextVar[Visit | None] = contextvars.ContextVar("innerwork_visit", default=None)


class PageRate:
    """How many pages each address may still open now: a bucket of ``burst`` that refills at ``per_minute``."""

    def __init__(self, burst: int, per_minute: float, clock=time.monotonic):
        self.burst, self.per_second, self.clock = burst, per_minute / 60, clock
        self._buckets: dict[str, tuple[float, float]] = {}  # address -> (pages left, when counted)

    def take(self, address: str) -> bool:
        """True, and counts one page, if ``address`` may open a page now."""
        now = self.clock()
        left, then = self._buckets.get(address, (self.burst, now))
        left = min(self.burst, left + (now - then) * self.per_second)
        if left < 1:
            self._buckets[address] = (left, now)
            return False
        self._buckets[address] = (left - 1, now)
        if len(self._buckets) > 10_000:  # forget addresses whose bucket is full again
            full_after = self.burst / self.per_second if self.per_second else float("inf")
            self._buckets = {a: b for a, b in self._buckets.items() if now - b[1] < full_after}
        return True


class RoomGuard(LoggingConfigurable):
    """A mixin for the kernel manager: caps kernels, binds each to its browser, ends unconnected ones."""

    max_participants = Int(
        0, config=True, help="Kernels running at once at most, those kept ready included (0: no limit)."
    )
    connect_timeout = Float(
        60.0, config=True, help="Seconds a page has to connect to its kernel before the kernel is shut down."
    )
    page_burst = Int(10, config=True, help="Pages one address may open in quick succession.")
    pages_per_minute = Float(10.0, config=True, help="Pages one address may open a minute, after the burst.")
    disconnected_timeout = Float(
        0.0,
        config=True,
        help="Seconds a kernel is kept once its page's last connection has closed "
        "(0: until the idle cull). innerwork serve sets it where answers are saved.",
    )
    unconnected_per_address = Int(
        3, config=True, help="Kernels one address may hold whose page has not connected to them yet."
    )

    def __init__(self, **kwargs):
        self._owners: dict[str, str] = {}  # kernel id -> secret of the browser that owns it
        self._connected: set[str] = set()
        self._open_sockets: dict[str, int] = {}  # kernel id -> its page's open websockets
        self._unconnected: dict[str, int] = {}  # address -> its pages opening, or given a kernel not yet connected
        self._address: dict[str, str] = {}  # kernel id -> address of its page, until the page connects
        self._starting = 0
        super().__init__(**kwargs)
        self.page_rate = PageRate(self.page_burst, self.pages_per_minute)

    # the cap

    def kernel_count(self) -> int:
        """Kernels running or starting."""
        return len(self.list_kernel_ids()) + self._starting

    def at_cap(self) -> bool:
        return 0 < self.max_participants <= self.kernel_count()

    async def start_kernel(self, *args, **kwargs):
        """Start a kernel; for a page (a ``Visit``), only under the cap, and give it to that page's browser."""
        visit = current_visit.get()
        if visit is not None and self.at_cap():
            raise RoomFull()
        self._starting += 1
        try:
            kernel_id = await super().start_kernel(*args, **kwargs)
        finally:
            self._starting -= 1
        if visit is not None and visit.kernel_id is None:
            self.give(kernel_id, visit)
        return kernel_id

    # pages from one address

    def page_allowed(self, address: str) -> bool:
        """True, and counts the page, if ``address`` may open one more page now."""
        if self._unconnected.get(address, 0) >= self.unconnected_per_address or not self.page_rate.take(address):
            return False
        self._unconnected[address] = self._unconnected.get(address, 0) + 1
        return True

    def page_done(self, visit: Visit) -> None:
        """The page's response is over: a page with no kernel no longer counts; one with a kernel, until it connects."""
        if visit.kernel_id is None:
            self._uncount(visit.address)
        else:
            self._address[visit.kernel_id] = visit.address
            self.expect_connection(visit.kernel_id)

    def _uncount(self, address: str | None) -> None:
        if address is not None and self._unconnected.get(address, 0) > 0:
            self._unconnected[address] -= 1
            if not self._unconnected[address]:
                del self._unconnected[address]

    # owners

    def give(self, kernel_id: str, visit: Visit) -> None:
        """``kernel_id`` now belongs to the browser of ``visit``."""
        visit.kernel_id = kernel_id
        self._owners[kernel_id] = visit.browser

    def owns(self, kernel_id: str | None, browser: str | None) -> bool:
        """True if ``browser`` (a cookie's secret) is the one whose page took ``kernel_id``."""
        owner = self._owners.get(kernel_id or "")
        return owner is not None and browser is not None and hmac.compare_digest(owner, browser)

    # pages that never connect

    def connected(self, kernel_id: str) -> None:
        """The page has opened its kernel's websocket."""
        self._connected.add(kernel_id)
        self._open_sockets[kernel_id] = self._open_sockets.get(kernel_id, 0) + 1
        self._uncount(self._address.pop(kernel_id, None))

    def disconnected(self, kernel_id: str) -> None:
        """One of the page's websockets closed; with none left, the kernel ends after ``disconnected_timeout``.

        A reloaded or closed tab does not always say goodbye (Voila's shutdown request can be refused),
        so without this every reload would keep a kernel until the idle cull and fill the cap.
        """
        self._open_sockets[kernel_id] = max(0, self._open_sockets.get(kernel_id, 0) - 1)
        if self._open_sockets[kernel_id] == 0 and self.disconnected_timeout > 0:
            asyncio.get_running_loop().call_later(
                self.disconnected_timeout, lambda: asyncio.ensure_future(self._end_if_still_disconnected(kernel_id))
            )

    async def _end_if_still_disconnected(self, kernel_id: str) -> None:
        if self._open_sockets.get(kernel_id, 0) == 0 and kernel_id in self.list_kernel_ids():
            self.log.info("A page closed %s s ago; shutting its kernel down.", self.disconnected_timeout)
            try:
                await self.shutdown_kernel(kernel_id)
            except Exception:  # already gone
                self.log.debug("The closed page's kernel was already gone.", exc_info=True)

    def expect_connection(self, kernel_id: str) -> None:
        """Shut ``kernel_id`` down unless its page connects within ``connect_timeout`` seconds."""
        if self.connect_timeout > 0:
            asyncio.get_running_loop().call_later(
                self.connect_timeout, lambda: asyncio.ensure_future(self._end_if_unconnected(kernel_id))
            )

    async def _end_if_unconnected(self, kernel_id: str) -> None:
        if kernel_id in self._owners and kernel_id not in self._connected and kernel_id in self.list_kernel_ids():
            self.log.info(
                "A page did not connect to its kernel within %s s; shutting the kernel down.", self.connect_timeout
            )
            try:
                await self.shutdown_kernel(kernel_id)
            except Exception:  # already gone
                self.log.debug("The unconnected kernel was already gone.", exc_info=True)

    async def shutdown_kernel(self, kernel_id: str, *args, **kwargs):
        self._owners.pop(kernel_id, None)
        self._connected.discard(kernel_id)
        self._open_sockets.pop(kernel_id, None)
        self._uncount(self._address.pop(kernel_id, None))
        return await super().shutdown_kernel(kernel_id, *args, **kwargs)
