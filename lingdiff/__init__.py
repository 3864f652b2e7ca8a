"""lingdiff: compare two Chinese government planning reports of different years.

The core (``load``, ``outline``, ``metrics``, ``topics``, ``align``, ``phrases``,
``compare``, ``render``) is plain Python; only ``lingdiff.tui`` imports textual.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lingdiff")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"
