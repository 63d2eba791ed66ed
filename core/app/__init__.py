"""One person doing one exercise, without widgets: answers, checks, notes and saving (``session``), where answers are kept in words (``privacy``), helplines (``help``), a facilitator's workshop plan (``plan``), exports (``export``), and Looking back's series and plain-words reading (``series``, ``reading``).

May import ``content``, ``registry``, ``catalogue``, ``storage`` and ``text``; never ipywidgets.
"""
