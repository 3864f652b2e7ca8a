"""Pure renderers: a :class:`~lingdiff.model.Comparison` in, report text out."""

from .csv import render_csv
from .json import comparison_dict, render_json
from .markdown import render_markdown

FORMATS = {"md": render_markdown, "json": render_json, "csv": render_csv}

__all__ = ["FORMATS", "comparison_dict", "render_csv", "render_json", "render_markdown"]
