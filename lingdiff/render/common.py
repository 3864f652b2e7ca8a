"""Formatting shared by every shell: figures, arrows, bars, section labels."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lexicon import AFTER_FIGURE
from ..model import Comparison, DocKey, MetricRow, Observation, Section
from ..summary import change_word, target_change

__all__ = ["change_word", "target_change"]  # re-exported: shells format changes with it


def fmt_number(value: float) -> str:
    """A number without a spurious ``.0`` (``6.0`` stays ``6``, ``6.25`` stays ``6.25``)."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}"


def fmt_value(obs: Observation) -> str:
    """A figure the way a reader expects it: ``7.5%以上``, ``超21亿元``, ``6%—6.5%``."""
    number = fmt_number(obs.value)
    if obs.value_high is not None:
        number = f"{number}{obs.unit}—{fmt_number(obs.value_high)}"
    before, after = split_qualifier(obs.qualifier)
    if obs.direction < 0:
        before += "下降"  # the value is as written; the decline is part of the figure
    elif obs.measure == "change" and obs.direction > 0:
        before += "增加"  # a change (比上年增加8000亿元) never reads as a level
    approx = "".join(w for w in ("余", "多") if w in after)
    after = after.replace("余", "").replace("多", "") if approx else after
    unit = obs.unit
    if approx and obs.value_high is None:
        # 余/多 follow the number, or its 万/亿 magnitude: 1.4万余人, 2000余个
        head = unit[0] if unit[:1] in ("万", "亿", "千", "百") else ""
        return f"{before}{number}{head}{approx}{unit[len(head) :]}{after}"
    return f"{before}{number}{unit}{after}"


def split_qualifier(qualifier: str) -> tuple[str, str]:
    """Split a qualifier into the part written before the figure and the part after."""
    if not qualifier:
        return "", ""
    before: list[str] = []
    after: list[str] = []
    for word in qualifier.replace("…", " ").replace(",", " ").split():
        (after if word in AFTER_FIGURE else before).append(word)
    return "".join(before), "".join(after)


def fmt_values(observations: Sequence[Observation]) -> str:
    """Several figures of one cell, joined with ``、``; a figure the report repeats shows once."""
    return "、".join(dict.fromkeys(fmt_value(o) for o in observations))


YEARLY_KINDS = frozenset(("actual", "target"))
"""The kinds a yearly column shows: the review year's actual and the plan year's target."""


def is_yearly(obs: Observation) -> bool:
    """True for a figure of the review or plan year (not a five-year one, not undated)."""
    return obs.kind in YEARLY_KINDS


def other_values(row: MetricRow, doc: DocKey) -> tuple[Observation, ...]:
    """One report's figures of the row that no yearly column shows: five-year reviews and
    goals, and figures whose year the report leaves unclear."""
    return tuple(o for o in row.observations if o.doc == doc and o.kind not in YEARLY_KINDS)


def frame_label(obs: Observation) -> str:
    """The time frame of a figure outside the yearly columns: ``2021-2025 review``,
    ``2026-2030 goal``, ``year unclear``."""
    if obs.kind == "five-year review":
        return f"{obs.period or obs.year or '?'} review"
    if obs.kind == "five-year goal":
        return f"{obs.period or obs.year or '?'} goal"
    if obs.kind == "unknown":
        return "year unclear"
    return f"{obs.year or '?'} {obs.kind}"


def fmt_other(observations: Sequence[Observation]) -> list[str]:
    """Figures outside the yearly columns as ``2021-2025 review: 5.5%``, one per time frame
    (a frame's figures joined with ``、``, a repeated figure once), in the order given."""
    frames: dict[str, dict[str, None]] = {}
    for o in observations:
        frames.setdefault(frame_label(o), {})[fmt_value(o)] = None
    return [f"{frame}: {'、'.join(values)}" for frame, values in frames.items()]


def fmt_change(row: MetricRow) -> str:
    """``↓ -2 pp`` (percentage points for growth rates), or an empty string if not comparable.

    ``~`` marks a difference taken from the midpoint of a range; a change of a decline says
    so in words (``↓ -0.5 pp (smaller decline)``).
    """
    arrow, diff = target_change(row)
    if diff is None:
        return ""
    if diff == 0:
        return "→ same"
    new = row.values("new", "target")[0]
    ranged = new.value_high is not None or row.values("old", "target")[0].value_high is not None
    unit = "pp" if new.unit == "%" else new.unit
    sign = "+" if diff > 0 else ""
    text = f"{arrow} {'~' if ranged else ''}{sign}{fmt_number(round(diff, 4))} {unit}".rstrip()
    word = change_word(row)
    return f"{text} ({word})" if word else text


def section_label(section: Section) -> str:
    """``（一）加快产业发展…`` style label; the preamble and unnumbered parts get a stand-in."""
    if section.id.endswith(":0") and not section.title:
        return "(preamble)"
    label = f"{section.number}{section.title}" if section.number else section.title
    return label or "(untitled)"


def short_id(section_id: str) -> str:
    """``old:3.1`` -> ``3.1``."""
    return section_id.split(":", 1)[-1]


def year_heading(comparison: Comparison, doc: DocKey, kind: str) -> str:
    """Column heading like ``2019 actual`` or ``2026 target``."""
    d = comparison.doc(doc)
    year = d.review_year if kind == "actual" else d.plan_year
    return f"{year if year else '?'} {kind}"


def bar(share: float, width: int = 20) -> str:
    """A unicode bar for a share between 0 and 1 (eighth-block resolution)."""
    blocks = " ▏▎▍▌▋▊▉█"
    cells = max(0.0, min(1.0, share)) * width
    full = int(cells)
    rest = round((cells - full) * 8)
    if rest == 8:
        full, rest = full + 1, 0
    return ("█" * full + (blocks[rest] if rest else "")).ljust(width)


_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""What must never reach a terminal or a file viewer: C0 controls but tab and newline (ESC
starts a terminal escape), DEL, C1 controls, bidirectional overrides, and lone surrogates
(which are not text and cannot be written as UTF-8)."""


def scrub(text: str) -> str:
    """The last line of defence of the markdown and CSV renderers: every character of
    :data:`_UNSAFE` left in the output becomes U+FFFD (the loader already removes them from
    report text, so normally nothing changes)."""
    return _UNSAFE.sub("\ufffd", text)


def is_safe(text: str) -> bool:
    """Does ``text`` hold no character of :data:`_UNSAFE`?"""
    return _UNSAFE.search(text) is None


def escape_unsafe_json(text: str) -> str:
    """The JSON renderer's defence: such characters (only ever inside JSON strings) become
    ``\\uXXXX`` escapes, so the JSON text is safe to print and still decodes to the same data."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
