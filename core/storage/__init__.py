"""Where answers and settings are kept: the SQLite answers file and the in-memory store of a workshop page (``store``), every file a store writes (``storefiles``), the passphrase lock (``crypto``), and a person's own settings (``settings``).

May import ``errors`` and ``paths`` only, so a new backend needs nothing from the layers above.
"""
