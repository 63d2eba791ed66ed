"""Tools for people who write exercises and plugins: the conformance kit (``testing``), pytest fixtures (``pytest_plugin``) and ``innerwork new-plugin`` (``scaffold``).

May import every layer except ``serving``.
"""
