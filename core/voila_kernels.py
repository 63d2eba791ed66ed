"""A kernel manager for Voila that starts kernels one after another, spaced out.

Refilling a pool of thirty kernels at once takes both cores of a small machine for twenty seconds,
and the people already working then wait seconds for their clicks to be answered. Started one after
another, the refill takes a little longer and leaves CPU for them (``benchmarks/bench_crowd.py``).
"""
import asyncio

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Float


class SpacedKernelManager(AsyncMappingKernelManager):
    """Starts one kernel at a time, and the next no sooner than ``start_spacing`` seconds later."""

    start_spacing = Float(1.0, config=True, help="Seconds between the starts of two kernels.")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._one_at_a_time = asyncio.Lock()

    async def start_kernel(self, *args, **kwargs):
        async with self._one_at_a_time:
            kernel_id = await super().start_kernel(*args, **kwargs)
            await asyncio.sleep(self.start_spacing)
        return kernel_id
