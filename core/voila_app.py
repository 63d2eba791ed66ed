"""Voila, started by ``innerwork serve``, with innerwork's pool of kernels for a room.

Voila builds its pooled kernel manager from a factory; this module wraps that factory so the
manager it builds has ``RoomPool`` in front (``innerwork.voila_kernels``). Everything else is
Voila as installed. Run as ``python -m innerwork.voila_app NOTEBOOK [voila options]``.
"""
from __future__ import annotations

import voila.app

from .voila_kernels import RoomPool

_voila_factory = voila.app.voila_kernel_manager_factory


def room_kernel_manager_factory(base_class, preheat_kernel, default_pool_size, page_config_hook=None):
    """Voila's kernel manager class; with preheating, with ``RoomPool`` in front of it."""
    manager = _voila_factory(base_class, preheat_kernel, default_pool_size, page_config_hook=page_config_hook)
    if not preheat_kernel:
        return manager
    return type("RoomKernelManager", (RoomPool, manager), {})


def main() -> None:
    voila.app.voila_kernel_manager_factory = room_kernel_manager_factory
    voila.app.main()


if __name__ == "__main__":
    main()
