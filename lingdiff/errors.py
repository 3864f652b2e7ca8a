"""The one hierarchy of errors lingdiff raises on purpose.

Every shell treats a :class:`LingdiffError` as the user's problem, not a bug: one line on
stderr (the message names the file and what is wrong) and exit code 1.
"""

from __future__ import annotations


class LingdiffError(Exception):
    """An expected failure whose message is one line a user can act on."""


class LoadError(LingdiffError):
    """A report file lingdiff cannot read (missing, empty, binary, undecodable, too large…)."""


class TaxonomyError(LingdiffError, ValueError):
    """A topic taxonomy file (``--topics``) that is missing or malformed."""


class CodebookError(LingdiffError, ValueError):
    """An indicator codebook file that is missing or malformed."""


class OverridesError(LingdiffError, ValueError):
    """An overrides file (``--overrides``) that is missing, malformed or of another format."""


class OutputError(LingdiffError):
    """A report that cannot be written where asked (exists, not a regular file, disk full…)."""


class UsageError(Exception):
    """Command-line arguments that do not make sense together: one line, exit 2.

    Not a :class:`LingdiffError` (those are the input's problems, exit 1): this is the
    invocation's."""
