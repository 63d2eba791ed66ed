"""``innerwork serve`` and ``preview`` on Voila: starting and stopping the server (``serve``), the Voila application with innerwork's additions (``voila_app``), the pool of kernels for a room (``voila_kernels``), and the workshop's limits and privacy: the room guard, handlers, headers and log scrubbing (``voila_guard``, ``voila_handlers``, ``voila_headers``, ``voila_scrub``).

Runs the page in ``ui`` inside kernels; imports only ``paths`` and its own modules in the server process.
"""
