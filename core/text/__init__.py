"""Text helpers every layer may use: Markdown rendered to safe HTML or plain words (``markdown``), and user text neutralised for display and export (``cleantext``).

Imports nothing else from innerwork.
"""
