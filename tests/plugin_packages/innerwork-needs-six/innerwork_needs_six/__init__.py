"""A plugin whose code needs six: a static site downloads six's pure wheel for it."""

import six

from innerwork import hookimpl

seen = []


@hookimpl
def exercise_saved(entry):
    seen.append(six.ensure_str(entry.id))
