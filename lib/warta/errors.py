"""The error users can fix: bad arguments, unreadable input, unknown names.

The CLI prints a ``WartaError`` (or an ``OSError``: a missing file, a folder it cannot write) as
one line and exits with status 2; anything else is a bug and keeps its traceback.
"""


class WartaError(Exception):
    """A problem with the user's input or arguments, with a message that says how to fix it."""
