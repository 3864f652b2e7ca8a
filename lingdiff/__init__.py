"""lingdiff: compare Chinese government planning reports across years and governments.

The core (``load``, ``outline``, ``figures``, ``topics``, ``align``, ``phrases``, ``compare``,
``series``, ``panel``, ``render``) is plain Python; only ``lingdiff.tui`` imports textual.

For notebooks: ``lingdiff.read(path)``, ``lingdiff.compare(old, new)``,
``lingdiff.series(paths)`` and ``lingdiff.panel(paths)`` (:mod:`lingdiff.api`), imported on
first use so that ``import lingdiff`` stays cheap. ``compare``, ``series`` and ``panel`` are
also the names of modules: ``lingdiff.series`` is always the function (the package's class
answers these names before the module's attributes), and the modules are imported by their
full names (``from lingdiff.series import Series``).
"""

from __future__ import annotations

import sys

__version__ = "0.1.0"
__all__ = ["compare", "panel", "read", "series"]


def _api(name: str) -> property:
    def get(module: object) -> object:
        from . import api

        return getattr(api, name)

    def keep(module: object, value: object) -> None:
        vars(module)[f"_{name}_module"] = value  # where the import system puts the submodule

    return property(get, keep, doc=f"lingdiff.api.{name}")


class _Package(type(sys)):  # types.ModuleType, without importing types
    """The lingdiff package, whose API functions win over its submodules of the same name."""

    read = _api("read")
    compare = _api("compare")
    series = _api("series")
    panel = _api("panel")


sys.modules[__name__].__class__ = _Package
