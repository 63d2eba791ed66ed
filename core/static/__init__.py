"""``innerwork build``: a static workshop site where each exercise runs in the participant's own browser (Voici and Pyodide), asking nothing of any host but its own: the exact versions that work together (``pins``), wheels for the browser (``wheels``), Pyodide's core files (``pyodide``), the page itself (``page``) and the build in order (``build``).

May import ``catalogue``, ``registry``, ``content`` and the foundations. ``shims/`` holds source packed into wheels for the browser, never imported here.
"""
