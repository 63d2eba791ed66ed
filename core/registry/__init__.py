"""The plugin registry: loading plugins through the ``innerwork`` entry point (or ``--plugins-dir``), isolating one that fails, calling runtime hooks one plugin at a time (``plugins``), and what the loaded plugins registered: exercise types, step kinds and content folders (``registered``).

May import ``hookspecs``, ``errors`` and ``content``.
"""
