"""From files to exercises: finding and validating content files with file:line errors and building their steps (``loader``), authors' style warnings (``lint``) and upgrading files written for an older version of their type (``migrate``).

May import ``content``, ``registry`` and the foundations.
"""
