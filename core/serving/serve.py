"""``innerwork serve``: the workshop page on Voila, with settings a room of participants needs."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import webbrowser

from ..paths import DATA, shipped

PAGE = "workshop.ipynb"
# holds voila/templates/innerwork: the page's template, stylesheet and script
TEMPLATES = DATA / "jupyter"
# an address Voila answers without starting a kernel
READY_PATH = "voila/static/voila.js"
NO_KERNEL = (
    "innerwork needs a Python kernel to run the page, and none is installed here: "
    "run `pip install ipykernel` in the environment where innerwork is installed, then try again."
)


def python_kernel_missing() -> str | None:
    """None if a Python kernel can be started for the page; otherwise one sentence saying how to fix it."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        return NO_KERNEL
    return None


# a participant's kernel holds about 80 MB once it has built the page (benchmarks/README.md); with a margin
KERNEL_MB = 100
# the share of the memory available at start that a room's kernels may take
MEMORY_SHARE = 0.75


def available_memory_mb() -> int | None:
    """Memory available to new processes, in MB (Linux's MemAvailable), or None where unknown."""
    try:
        with open("/proc/meminfo") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def default_max_participants(room: int, available_mb: int | None) -> int:
    """The room and half again (at least 10), but no more kernels than fit in 3/4 of the available memory."""
    wanted = max(10, room + room // 2)
    if available_mb is None:
        return wanted
    return max(1, min(wanted, int(available_mb * MEMORY_SHARE) // KERNEL_MB))


def voila_command(
    port: int,
    host: str,
    workshop: bool,
    room: int,
    extra: tuple[str, ...] = (),
    max_participants: int | None = None,
    shared_address: bool = False,
) -> list[str]:
    """The Voila command line for the workshop page. ``room=0`` starts no kernel ahead of time.

    ``max_participants`` caps the kernels running at once (default: ``default_max_participants``).
    ``shared_address``: participants arrive through one address (a venue's router), so the limits per
    address are those of the whole room; the cap still holds.
    A setting in ``extra`` (``--voila-arg``) replaces innerwork's own setting of the same name.
    """
    if max_participants is None:
        max_participants = default_max_participants(room, available_memory_mb())
    notebooks = shipped("notebooks")
    ours = [
        # the browser is opened by ``run`` once the page answers, not before; the port is the one asked for
        f"--port={port}",
        f"--Voila.ip={host}",
        "--Voila.open_browser=False",
        "--Voila.port_retries=0",
        # notebooks/voila.json (read because Voila runs in that folder) hides sources and tracebacks,
        # refuses template overrides from the URL and sets a Content-Security-Policy
        # kernels started before anyone arrives, sized for the room
        f"--preheat_kernel={room > 0}",
        f"--pool_size={room}",
        # innerwork's own page template (core/data/jupyter/voila/templates/innerwork), found through JUPYTER_PATH
        "--template=innerwork",
        # pool kernels start one at a time and refill when the machine is quiet (voila_kernels.RoomPool),
        # with no fixed delay of Voila's own
        *(["--VoilaKernelManager.fill_delay=0"] if room else []),
        # at most this many kernels at once, those kept ready included; beyond, "the room is full"
        f"--RoomGuard.max_participants={max_participants}",
        # one address for everyone: it may open as many pages as the room holds at once, and one more,
        # which is told that the room is full (not asked to wait)
        *(
            [
                f"--RoomGuard.page_burst={max_participants + 1}",
                f"--RoomGuard.pages_per_minute={max(10, max_participants)}",
                f"--RoomGuard.unconnected_per_address={max_participants + 1}",
            ]
            if shared_address
            else []
        ),
        # kernels of closed or abandoned tabs are shut down after a while
        f"--MappingKernelManager.cull_idle_timeout={900 if workshop else 3600}",
        # where answers are saved as they are typed, a closed or reloaded page's kernel ends 2 minutes later
        *([] if workshop else ["--RoomGuard.disconnected_timeout=120"]),
        # many kernels starting at once can clash on TCP ports
        "--KernelManager.transport=ipc",
    ]
    replaced = {arg.split("=", 1)[0] for arg in extra}
    return [
        sys.executable,
        "-m",
        "innerwork.serving.voila_app",
        str(notebooks / PAGE),
        *(arg for arg in ours if arg.split("=", 1)[0] not in replaced),
        *extra,
    ]


def serve_environment(
    workshop: bool,
    exercise: str | None,
    keep_on_server: bool,
    gentle_check: bool = True,
    preview: str | None = None,
    plan: str | None = None,
    help_region: str | None = None,
) -> dict[str, str]:
    """The environment every participant's kernel inherits.

    ``plan`` is a checked workshop plan as JSON (``innerwork.app.plan.Plan.to_json``); ``help_region``
    lists that region's helplines first.
    """
    env = dict(os.environ)
    env["JUPYTER_PATH"] = os.pathsep.join([str(TEMPLATES), *filter(None, [env.get("JUPYTER_PATH")])])
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
    for name, value in (("INNERWORK_EXERCISE", exercise), ("INNERWORK_PLAN", plan)):
        if value:
            env[name] = value
        else:
            env.pop(name, None)
    if help_region:
        env["INNERWORK_HELP_REGION"] = help_region
    return env


def port_taken(host: str, port: int) -> bool:
    """True if something already listens on ``host``:``port``."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def local_address(host: str) -> str:
    """The address this machine reaches a server listening on ``host`` at."""
    return "127.0.0.1" if host in ("0.0.0.0", "", "::") else f"[{host}]" if ":" in host else host


def wait_until_answering(process: subprocess.Popen, host: str, port: int, timeout: float = 120) -> bool:
    """Wait until Voila answers on ``port``; False if it stopped first or did not answer in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            urllib.request.urlopen(f"http://{local_address(host)}:{port}/{READY_PATH}", timeout=2).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def run(command: list[str], env: dict[str, str], host: str, port: int, open_browser: bool, say=print) -> int:
    """Run Voila until it stops, or until the facilitator presses Ctrl-C or the service is stopped.

    The page's address is printed, and the browser opened, only once the server answers.
    A SIGTERM or SIGHUP (a service manager, a closed terminal) is passed on to Voila, which shuts its
    kernels down, so no participant's kernel is left running after ``innerwork serve`` ends.
    """
    process = subprocess.Popen(command, env=env, cwd=str(shipped("notebooks")))

    def pass_on(signum, frame):
        process.send_signal(signal.SIGTERM)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), pass_on)
    try:
        url = f"http://{local_address(host) if host in ('0.0.0.0', '::') else host}:{port}/"
        answered = wait_until_answering(process, host, port)
        if answered:
            say(f"innerwork: the page is ready at {url}  (Ctrl-C to stop)")
            if open_browser:
                webbrowser.open(url)
        elif process.poll() is None:
            say(f"innerwork: the server has not answered on port {port} yet; still waiting (Ctrl-C to stop)")
        code = process.wait()
        if code and not answered:
            say(f"innerwork: the server stopped before it answered (exit status {code}); its messages are above.")
        return code
    except KeyboardInterrupt:
        process.terminate()
        return process.wait()
