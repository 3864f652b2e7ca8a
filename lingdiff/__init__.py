"""lingdiff: compare two Chinese government planning reports of different years.

The core (``load``, ``outline``, ``metrics``, ``topics``, ``align``, ``phrases``,
``compare``, ``render``) is plain Python; only ``lingdiff.tui`` imports textual.
"""

__version__ = "0.1.0"
