"""Fails on import, as a plugin with a bug would."""

raise RuntimeError("this plugin is broken on purpose")
