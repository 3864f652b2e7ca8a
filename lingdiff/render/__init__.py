"""Pure renderers: a :class:`~lingdiff.model.Comparison` in, report text out.

Each format's module is imported only when it is asked for (``lingdiff report
--format json`` need not load the markdown renderer).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~3 ms at start-up)
if TYPE_CHECKING:
    from ..model import Comparison

_RENDERERS = {
    "md": ("markdown", "render_markdown"),
    "json": ("json", "render_json"),
    "csv": ("csv", "render_csv"),
    "bibtex": ("cite", "render_bibtex"),
    "csl-json": ("cite", "render_csl_json"),
}
FORMATS = tuple(_RENDERERS)


def writer(fmt: str) -> Callable[[Comparison, Callable[[str], None]], None]:
    """The function that writes a comparison in ``fmt`` through the function it is given, in
    pieces where the format allows (JSON: a long report never exists as one string)."""
    if fmt == "json":
        return import_module(".json", __name__).write_json
    render = renderer(fmt)

    def whole(comparison: Comparison, emit: Callable[[str], None]) -> None:
        emit(render(comparison))

    return whole


def renderer(fmt: str) -> Callable[[Comparison], str]:
    """The function that renders a comparison in ``fmt`` (md, json, csv, bibtex, csl-json)."""
    module, name = _RENDERERS[fmt]
    return getattr(import_module(f".{module}", __name__), name)


def __getattr__(name: str) -> object:
    """``render_markdown``, ``render_json``, ``render_csv``, ``comparison_dict`` on demand."""
    for module, attr in (*_RENDERERS.values(), ("json", "comparison_dict")):
        if name == attr:
            return getattr(import_module(f".{module}", __name__), attr)
    raise AttributeError(name)
