"""The exercise types that ship with innerwork, each an ordinary plugin."""
