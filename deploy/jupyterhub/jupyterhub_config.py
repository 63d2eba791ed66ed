"""JupyterHub for innerwork: each participant signs in and lands on their own workshop page.

Every user gets a single-user server of their own: their own kernel, and their answers in
their own home folder (``~/.local/share/innerwork``), never visible to anyone else. Run it with:

    jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

Defaults are for a real machine: system accounts (PAM) and one local process per user. Sizing
(memory per user, culling) is explained in deploy/jupyterhub/README.md.
"""
import os
import sys

from innerwork.paths import shipped

c = get_config()  # noqa: F821 (provided by JupyterHub)

c.JupyterHub.bind_url = os.environ.get("INNERWORK_HUB_URL", "http://127.0.0.1:8000")

# Each user's server opens on the workshop page (Voila's server extension), from innerwork's own notebooks.
c.Spawner.notebook_dir = str(shipped("notebooks"))
c.Spawner.default_url = "/voila/render/workshop.ipynb"
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.environment = {"INNERWORK_MODE": "personal"}
# The same settings as notebooks/voila.json: no sources, no tracebacks, no template or theme from the URL.
c.Spawner.args = [
    "--VoilaConfiguration.strip_sources=True",
    "--VoilaConfiguration.show_tracebacks=False",
    "--VoilaConfiguration.allow_template_override=NO",
    "--VoilaConfiguration.allow_theme_override=NO",
    # a participant's kernel is shut down after 20 idle minutes
    "--MappingKernelManager.cull_idle_timeout=1200",
    "--MappingKernelManager.cull_interval=60",
]
# About 120 MB per user (server plus one kernel, see README.md); leave headroom.
c.Spawner.mem_limit = "400M"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

# With jupyterhub-idle-culler installed, a participant's whole server stops after an idle hour.
try:
    import jupyterhub_idle_culler  # noqa: F401
except ImportError:
    pass
else:
    c.JupyterHub.load_roles = [{"name": "idle-culler", "services": ["idle-culler"],
                                "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]}]
    c.JupyterHub.services = [{"name": "idle-culler",
                              "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600"]}]
