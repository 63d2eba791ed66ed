"""Voila, started by ``innerwork serve``, with what a room of participants needs from its server.

Everything is Voila as installed, plus:

- the kernel manager has ``RoomGuard`` (a cap, kernels owned by browsers, unconnected kernels ended;
  ``innerwork.serving.voila_guard``) and, with preheating, ``RoomPool`` (``innerwork.serving.voila_kernels``);
- the page and every kernel route go through innerwork's checks (``innerwork.serving.voila_handlers``);
- every response carries the security headers and safe cookies (``innerwork.serving.voila_headers``);
- nothing sent to a page carries a traceback or a server path, and kernel ids stay out of the log
  (``innerwork.serving.voila_scrub``).

Run as ``python -m innerwork.serving.voila_app NOTEBOOK [voila options]``.
"""

from __future__ import annotations

import voila.app
from jupyter_server.services.kernels.handlers import KernelHandler
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

from .voila_guard import RoomGuard
from .voila_handlers import kernel_socket_handler, own_kernel_only, page_handler
from .voila_headers import cookies_samesite_by_default, headers_transform
from .voila_kernels import RoomPool
from .voila_scrub import mask_kernel_ids_in_logs, scrubbing_socket

_voila_factory = voila.app.voila_kernel_manager_factory


def room_kernel_manager_factory(base_class, preheat_kernel, default_pool_size, page_config_hook=None):
    """Voila's kernel manager class, with ``RoomGuard`` and, with preheating, ``RoomPool`` in front."""
    guarded = type("GuardedKernelManager", (RoomGuard, base_class), {})
    manager = _voila_factory(guarded, preheat_kernel, default_pool_size, page_config_hook=page_config_hook)
    if not preheat_kernel:
        return manager
    return type("RoomKernelManager", (RoomPool, manager), {})


HANDLERS = {
    TornadoVoilaHandler: page_handler(TornadoVoilaHandler),
    KernelHandler: own_kernel_only(KernelHandler),
    VoilaShutdownKernelHandler: own_kernel_only(VoilaShutdownKernelHandler),
    RequestInfoSocketHandler: own_kernel_only(RequestInfoSocketHandler),
    VoilaKernelWebsocketHandler: kernel_socket_handler(scrubbing_socket(VoilaKernelWebsocketHandler)),
}


class RoomVoila(voila.app.Voila):
    """Voila with innerwork's handlers and headers."""

    classes = [*voila.app.Voila.classes, RoomGuard, RoomPool]

    def init_handlers(self):
        return [(route, HANDLERS.get(handler, handler), *rest) for route, handler, *rest in super().init_handlers()]

    def listen(self):
        self.app.add_transform(headers_transform(self.app.settings.get("headers", {})))
        super().listen()


def main() -> None:
    mask_kernel_ids_in_logs()
    cookies_samesite_by_default()
    voila.app.voila_kernel_manager_factory = room_kernel_manager_factory
    RoomVoila.launch_instance()


if __name__ == "__main__":
    main()
