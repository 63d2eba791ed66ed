"""``innerwork serve``: the workshop page on Voila, with settings a room of participants needs."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from .paths import shipped

PAGE = "workshop.ipynb"
SPACED_KERNEL_MANAGER = "innerwork.voila_kernels.SpacedKernelManager"


def voila_command(port: int, host: str, open_browser: bool, workshop: bool, room: int, extra: tuple[str, ...] = ()) -> list[str]:
    """The Voila command line for the workshop page. ``room=0`` starts no kernel ahead of time.

    A setting in ``extra`` (``--voila-arg``) replaces innerwork's own setting of the same name.
    """
    notebooks = shipped("notebooks")
    ours = [
        f"--port={port}", f"--Voila.ip={host}", f"--Voila.open_browser={open_browser}",
        # notebooks/voila.json (read because Voila runs in that folder) hides sources and tracebacks,
        # refuses template overrides from the URL and sets a Content-Security-Policy
        # kernels started before anyone arrives, sized for the room
        f"--preheat_kernel={room > 0}", f"--pool_size={room}",
        # in a workshop the room arrives together: start the kernels that refill the pool 30 s later,
        # so that they do not compete with the room's first pages (bench_crowd.py)
        *(["--VoilaKernelManager.fill_delay=30"] if workshop else []),
        # and they start one a second, leaving CPU for the people already working
        *([f"--VoilaConfiguration.multi_kernel_manager_class={SPACED_KERNEL_MANAGER}"] if room else []),
        # kernels of closed or abandoned tabs are shut down after a while
        f"--MappingKernelManager.cull_idle_timeout={900 if workshop else 3600}",
        # many kernels starting at once can clash on TCP ports
        "--KernelManager.transport=ipc",
    ]
    replaced = {arg.split("=", 1)[0] for arg in extra}
    return [sys.executable, "-m", "voila", str(notebooks / PAGE),
            *(arg for arg in ours if arg.split("=", 1)[0] not in replaced), *extra]


def serve_environment(workshop: bool, exercise: str | None, keep_on_server: bool,
                      gentle_check: bool = True, preview: str | None = None) -> dict[str, str]:
    """The environment every participant's kernel inherits."""
    env = dict(os.environ)
    env.pop("INNERWORK_PREVIEW", None)
    if preview:
        env["INNERWORK_PREVIEW"] = preview
        env["INNERWORK_STORE"] = "memory"
    if not gentle_check:
        disabled = [name for name in env.get("INNERWORK_DISABLE_PLUGINS", "").split(",") if name]
        env["INNERWORK_DISABLE_PLUGINS"] = ",".join([*disabled, "gentle_check"])
    if workshop and not keep_on_server:
        env["INNERWORK_STORE"] = "memory"
    env["INNERWORK_MODE"] = "workshop" if workshop else "personal"
    if exercise:
        env["INNERWORK_EXERCISE"] = exercise
    else:
        env.pop("INNERWORK_EXERCISE", None)
    return env


def run(command: list[str], env: dict[str, str]) -> int:
    """Run Voila until it stops, or until the facilitator presses Ctrl-C or the service is stopped.

    A SIGTERM or SIGHUP (a service manager, a closed terminal) is passed on to Voila, which shuts its
    kernels down, so no participant's kernel is left running after ``innerwork serve`` ends.
    """
    process = subprocess.Popen(command, env=env, cwd=str(Path(command[3]).parent))

    def pass_on(signum, frame):
        process.send_signal(signal.SIGTERM)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), pass_on)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        return process.wait()
