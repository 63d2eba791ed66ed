"""Voila's web handlers, each with the check innerwork adds (see ``innerwork.serving.voila_guard``).

- The page (``RoomPage``): sets the browser's secret cookie, refuses an address that opens pages too
  fast or holds too many kernels it never connected to (429) and answers "the room is full" when no kernel can be had (503), both without
  starting a kernel; ``?template=`` and ``?theme=`` are ignored, so they never start a kernel
  outside the pool.
- Every route that names a kernel (``OwnKernelOnly``): 403 unless the request carries the secret of
  the browser whose page took that kernel.
"""

from __future__ import annotations

import secrets
from html import escape

from tornado.web import HTTPError, RequestHandler

from .voila_guard import RoomFull, Visit, current_visit

BROWSER_COOKIE = "innerwork-browser"

NOTICE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}}</style>
</head><body><main><h1>{title}</h1><p>{text}</p>
<p>If you need to talk to someone now, please tell the facilitator, or call your local emergency number.</p>
</main></body></html>
"""
ROOM_FULL = (
    "The room is full",
    "This workshop has as many participants as it can take right now. "
    "Please ask the facilitator; you can try again in a few minutes by reloading this page.",
)
TOO_FAST = (
    "One moment, please",
    "This device opened many pages in a short time. Wait a few seconds, then reload this page.",
)


def browser_secret(handler: RequestHandler) -> str | None:
    """The browser's secret from its cookie, or None if it sent none (or something that is not one)."""
    value = handler.get_cookie(BROWSER_COOKIE)
    return value if value and 30 <= len(value) <= 100 and value.replace("-", "").replace("_", "").isalnum() else None


def is_https(handler: RequestHandler) -> bool:
    """True if the browser reached us over HTTPS, directly or through a proxy that says so."""
    forwarded = handler.request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower()
    return handler.request.protocol == "https" or forwarded == "https"


def notice(handler: RequestHandler, status: int, title_and_text: tuple[str, str]) -> None:
    """Answer with a short plain page; no kernel, no detail about the server."""
    title, text = title_and_text
    handler.clear()
    handler.set_status(status)
    handler.set_header("Content-Type", "text/html; charset=utf-8")
    handler.set_header("Cache-Control", "no-store")
    handler.set_header("Retry-After", "30")
    handler.finish(NOTICE.format(title=escape(title), text=escape(text)))


def page_handler(base: type) -> type:
    """Voila's notebook page handler, with innerwork's checks in front."""

    class RoomPage(base):
        async def get(self, path=None):
            if path:  # Voila redirects these to its files handler; no kernel is involved
                return await super().get(path)
            manager = self.kernel_manager
            for override in ("template", "theme"):
                self.request.arguments.pop(override, None)
                self.request.query_arguments.pop(override, None)
            address = self.request.remote_ip or ""
            if not manager.page_allowed(address):
                return notice(self, 429, TOO_FAST)
            browser = browser_secret(self) or secrets.token_urlsafe(32)
            self.set_cookie(
                BROWSER_COOKIE, browser, path=self.base_url, httponly=True, samesite="Strict", secure=is_https(self)
            )
            visit = Visit(browser, address)
            token = current_visit.set(visit)
            try:
                await super().get(path)
            except RoomFull:
                self.log.warning("The room is full (%s kernels); a page was turned away.", manager.kernel_count())
                notice(self, 503, ROOM_FULL)
            finally:
                current_visit.reset(token)
                manager.page_done(visit)

    return RoomPage


class OwnKernelOnly:
    """A mixin for handlers of routes that name a kernel: only the browser that owns it gets through."""

    def prepare(self):
        kernel_id = self.path_kwargs.get("kernel_id") or (self.path_args[0] if self.path_args else None)
        if not self.application.settings["kernel_manager"].owns(kernel_id, browser_secret(self)):
            raise HTTPError(403)
        return super().prepare()

    def write_error(self, status_code: int, **kwargs) -> None:
        """A status line only: nothing about the server or the kernel."""
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{status_code} {self._reason}\n")


def own_kernel_only(base: type) -> type:
    """``base`` (a handler of a kernel's route) behind ``OwnKernelOnly``."""
    return type(base.__name__, (OwnKernelOnly, base), {})


def kernel_socket_handler(base: type) -> type:
    """The kernel websocket handler: owner only; it tells the manager the page has connected."""

    class RoomKernelSocket(OwnKernelOnly, base):
        async def open(self, kernel_id):
            self._innerwork_kernel = kernel_id
            self.kernel_manager.connected(kernel_id)
            return await super().open(kernel_id)

        def on_close(self):
            kernel_id = getattr(self, "_innerwork_kernel", None)
            if kernel_id:
                self.kernel_manager.disconnected(kernel_id)
            return super().on_close()

    return RoomKernelSocket
