"""Comparison -> a markdown report that reads well on GitHub and can be cited.

Every figure carries a footnote with its quote and section; changed sentences
show deletions as ``<del>`` and insertions as ``<ins>``. Report text, taxonomy fields and
paths are always escaped: they are content, never markup (``&lt;`` written in a report
shows as ``&lt;``; a ``|`` never splits a table cell; a backtick never ends a code span).
"""

from __future__ import annotations

from pathlib import PurePath

from ..model import (
    Comparison,
    DocKey,
    Document,
    MetricRow,
    Observation,
    TopicShare,
)
from ..output import display_path
from ..summary import Headline, not_comparable_reason, overview
from .common import (
    bar,
    fmt_change,
    fmt_number,
    fmt_value,
    fmt_values,
    frame_label,
    is_yearly,
    other_values,
    scrub,
    short_id,
    year_heading,
)
from .markdown_changes import changes
from .mdtext import code, md, section_title
from .sources import observation_fields, sources_markdown


def render_markdown(comparison: Comparison) -> str:
    """The whole report as one markdown string."""
    notes = _Footnotes()
    parts = [
        _header(comparison),
        _glance(comparison),
        _targets(comparison, notes),
        _alignment(comparison),
        _priorities(comparison),
        _phrases(comparison),
        changes(comparison),
        _outlines(comparison),
        notes.render(),
        sources_markdown(comparison, md),
    ]
    return scrub("\n".join(p for p in parts if p).rstrip() + "\n")


class _Footnotes:
    """Collects one footnote per cited figure: its quote and its section."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def cite(self, obs: Observation, comparison: Comparison) -> str:
        doc = comparison.doc(obs.doc)
        page = observation_fields(doc, obs)["page"]
        where = f", p. {page}" if page is not None else ""
        self.items.append(
            f"[^{obs.id.replace(':', '-')}]: {obs.doc} {short_id(obs.section)} "
            f"{md(section_title(doc, obs.section))}{where}: “{md(obs.quote)}”"
        )
        return f"[^{obs.id.replace(':', '-')}]"

    def render(self) -> str:
        if not self.items:
            return ""
        return "\n".join(["", *self.items, ""])


def _doc_line(label: str, doc: Document) -> str:
    years = f"review {doc.review_year or '?'}, plan {doc.plan_year or '?'}"
    title = md(doc.title) if doc.title else "(no title)"
    return f"- **{label}:** {title} — {years} — {code(display_path(_file_name(doc.path)))}"


def _file_name(path: str) -> str:
    """The input's file name (never the folder it was read from: a bundled report lives
    under site-packages, and a reader's folders are no one else's business)."""
    return PurePath(path.replace("\\", "/")).name or path


def _header(c: Comparison) -> str:
    pairs = c.alignment
    counts = {s: sum(1 for p in pairs if p.status == s and p.level == 1) for s in _STATUSES}
    lines = [
        "# lingdiff report",
        "",
        _doc_line("Old", c.old),
        _doc_line("New", c.new),
        "",
        f"Sections: {len(c.old.sections)} old, {len(c.new.sections)} new. "
        f"Top-level alignment: "
        + ", ".join(f"{n} {s}" for s, n in counts.items() if n)
        + (". " if pairs else "none. ")
        + f"Indicators followed: {len(c.metrics)}. Phrases: {len(c.phrases)}.",
        "",
        *_corrections(c),
    ]
    return "\n".join(lines)


def _corrections(c: Comparison) -> list[str]:
    """Which results come from the researcher's overrides file, and what it could not do."""
    if not c.corrections and not c.correction_notes:
        return []
    name = code(display_path(_file_name(c.options.overrides_path or "")))
    lines = [
        f"**Corrections** from {name} ({len(c.corrections)} applied; the pairs and rows "
        "they made are marked “(override)”):",
        "",
    ]
    lines += [f"- {md(line)}" for line in c.corrections]
    lines += [f"- not applied: {md(line.removeprefix('cannot '))}" for line in c.correction_notes]
    return [*lines, ""]


_STATUSES = ("matched", "split", "merged", "added", "removed")


def _glance(c: Comparison) -> str:
    """The headlines: targets old → new, biggest shifts, sections and slogans added or gone."""
    o = overview(c)
    lines = ["## At a glance", ""]
    if o.headlines:
        lines.extend(_glance_targets(c, o.headlines))
    if o.one_sided:
        lines.extend(_one_sided(c, o.one_sided))
    if o.gains or o.losses:
        lines.append(
            "**Attention** gained: "
            + (", ".join(_shift(t) for t in o.gains) or "none")
            + "; lost: "
            + (", ".join(_shift(t) for t in o.losses) or "none")
            + "."
        )
        lines.append("")
    for label, pairs, doc, side in (
        ("New sections", o.added_sections, c.new, "new"),
        ("Dropped sections", o.removed_sections, c.old, "old"),
    ):
        if pairs:
            names = [
                f"{short_id(sid)} {md(section_title(doc, sid))}"
                for p in pairs
                for sid in getattr(p, side)
            ]
            lines.extend([f"**{label}:** " + "; ".join(names) + ".", ""])
    for label, rows in (
        ("New slogans", o.new_slogans),
        ("Gone slogans", o.gone_slogans),
        ("Used more or less", o.shifted_phrases),
    ):
        if rows:
            lines.append(
                f"**{label}:** "
                + "、".join(f"{md(p.phrase)} ({p.old_count}→{p.new_count})" for p in rows)
                + "."
            )
            lines.append("")
    if o.replaced_phrases:
        swaps = (f"{md(p.phrase)} → {md(p.replaced_by)}" for p in o.replaced_phrases)
        lines.extend(["**Replaced:** " + "、".join(swaps) + ".", ""])
    if len(lines) == 2:
        lines.extend(["Nothing to report.", ""])
    return "\n".join(lines)


def _glance_targets(c: Comparison, rows: tuple[Headline, ...]) -> list[str]:
    """The headline targets as a table: measure, each report's target with its actual."""
    o_act, o_tgt = year_heading(c, "old", "actual"), year_heading(c, "old", "target")
    n_act, n_tgt = year_heading(c, "new", "actual"), year_heading(c, "new", "target")
    lines = [
        "**Targets** — each report's plan-year target, with its review-year actual:",
        "",
        f"| Indicator | Measure | {o_act} | {o_tgt} | {n_act} | {n_tgt} | Change of target |",
        "|---|---|---|---|---|---|---|",
    ]
    for h in rows:
        cells = [md(h.row.indicator), h.row.measure]
        for doc in ("old", "new"):
            for kind in ("actual", "target"):
                cells.append(md(fmt_values(h.figures(doc, kind))) or "—")  # type: ignore[arg-type]
        reason = not_comparable_reason(h.row)
        change = fmt_change(h.row) or (f"not comparable ({reason})" if reason else "")
        if h.outcome:
            change += f"; old target {h.outcome}"
        cells.append(change)
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _one_sided(c: Comparison, rows: tuple[tuple[MetricRow, DocKey], ...]) -> list[str]:
    """Indicators followed in both reports whose target only one of them sets."""
    out = []
    for sets, other in (("old", "new"), ("new", "old")):
        year = c.doc(other).plan_year or other  # type: ignore[arg-type]
        named = [
            f"{md(r.indicator)} ({r.measure}; {c.doc(sets).plan_year or sets}: "  # type: ignore[arg-type]
            f"{md(fmt_values(r.values(sets, 'target')))})"  # type: ignore[arg-type]
            for r, d in rows
            if d == sets
        ]
        if named:
            verb = "sets no target for" if other == "new" else "set no target for"
            out.extend([f"**{year} {verb}:** " + "; ".join(named) + ".", ""])
    return out


def _shift(t: TopicShare) -> str:
    return f"{md(t.label)} {'+' if t.change_pp > 0 else ''}{t.change_pp:.1f} pp"


def _targets(c: Comparison, notes: _Footnotes) -> str:
    lines = ["## Targets and figures", ""]
    if not c.metrics:
        return "\n".join([*lines, "No figures were found.", ""])
    yearly = [r for r in c.metrics if any(is_yearly(o) for o in r.observations)]
    both = [r for r in yearly if _yearly_docs(r) == {"old", "new"}]
    one = [r for r in yearly if _yearly_docs(r) != {"old", "new"}]
    lines.append(
        f"{len(both)} indicators appear in both reports; {len(one)} in only one. Values are as "
        "written, with their qualifier, and each has a footnote with its quote and section. "
        "Change of target compares the two plan-year targets (pp = percentage points). "
        "For headline indicators an empty cell says why: (not stated) — the report does not "
        "name it there; (other measure) — it gives another measure of it; (no figure) — named "
        "without a number; (not extracted) — named beside a number lingdiff did not read, "
        "check the report. A bare — is an empty cell of any other indicator."
    )
    lines.append("")
    lines.extend(_metric_table(c, both, notes))
    if one:
        lines.extend(
            [
                "",
                f"<details><summary>Figures found in only one report ({len(one)})</summary>",
                "",
                *_metric_table(c, one, notes),
                "",
                "</details>",
            ]
        )
    lines.append("")
    lines.extend(_other_table(c, notes))
    return "\n".join(lines)


def _yearly_docs(row: MetricRow) -> set[str]:
    return {o.doc for o in row.observations if is_yearly(o)}


def _other_table(c: Comparison, notes: _Footnotes) -> list[str]:
    """Five-year reviews and goals, and figures of no clear year: the yearly columns have no
    place for them, so they get a table of their own (one cell per report)."""
    rows = [r for r in c.metrics if any(not is_yearly(o) for o in r.observations)]
    if not rows:
        return []
    heads = [f"{c.doc(d).plan_year or '?'} report ({d})" for d in ("old", "new")]
    lines = [
        "### Five-year reviews and goals, and figures of no clear year",
        "",
        f"{len(rows)} indicators have figures about a five-year plan period (the period a "
        "report reviews, or the one it plans for) or about no year the report makes clear.",
        "",
        f"| Indicator | Measure | {heads[0]} | {heads[1]} |",
        "|---|---|---|---|",
    ]
    for row in rows:
        cells = [md(row.indicator) + (" (override)" if row.override else ""), md(row.measure)]
        for d in ("old", "new"):
            frames: dict[str, dict[str, str]] = {}
            for o in other_values(row, d):  # type: ignore[arg-type]
                shown = frames.setdefault(frame_label(o), {})
                label = fmt_value(o)
                shown[label] = shown.get(label, md(label)) + notes.cite(o, c)
            parts = [f"{md(f)}: {'、'.join(v.values())}" for f, v in frames.items()]
            cells.append("<br>".join(parts) or "—")
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def _metric_table(c: Comparison, rows: list[MetricRow], notes: _Footnotes) -> list[str]:
    cols = [("old", "actual"), ("old", "target"), ("new", "actual"), ("new", "target")]
    head = ["Indicator", "Measure"]
    head += [f"{year_heading(c, d, k)} ({d})" for d, k in cols]
    head.append("Change of target")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        cells = [md(row.indicator) + (" (override)" if row.override else ""), md(row.measure)]
        for d, k in cols:
            shown: dict[str, str] = {}  # a repeated figure shows once, with all its quotes
            for o in row.values(d, k):
                label = fmt_value(o)
                shown[label] = shown.get(label, md(label)) + notes.cite(o, c)
            cells.append("、".join(shown.values()) or _ABSENT_MARK.get(_absence(row, d, k), "—"))
        cells.append(md(fmt_change(row)))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


_ABSENT_MARK = {
    "not stated": "(not stated)",
    "stated in another measure": "(other measure)",
    "stated without a figure": "(no figure)",
    "not extracted": "(not extracted)",
}


def _absence(row: MetricRow, doc: str, kind: str) -> str:
    return next((a.reason for a in row.absent if a.doc == doc and a.kind == kind), "")


def _pair_cell(doc: Document, ids: tuple[str, ...]) -> str:
    if not ids:
        return "—"
    out = []
    for sid in ids:
        out.append(f"{short_id(sid)} {md(section_title(doc, sid))}")
    return "<br>".join(out)


def _alignment(c: Comparison) -> str:
    lines = ["## Sections aligned", ""]
    if not c.alignment:
        return "\n".join([*lines, "No alignment.", ""])
    lines.append("| Old section | New section | Status | Score | Reason |")
    lines.append("|---|---|---|---|---|")
    for pair in c.alignment:
        indent = "&nbsp;&nbsp;" * (pair.level - 1)
        lines.append(
            f"| {indent}{_pair_cell(c.old, pair.old)} | {indent}{_pair_cell(c.new, pair.new)} "
            f"| {pair.status}{' (override)' if pair.override else ''} | {pair.score:.2f} "
            f"| {md(pair.reason)} |"
        )
    lines.append("")
    return "\n".join(lines)


def _priorities(c: Comparison) -> str:
    lines = ["## Priorities (attention share per topic)", ""]
    if not c.topics:
        return "\n".join([*lines, "No topics.", ""])
    top = max(max(t.old_share, t.new_share) for t in c.topics) or 1.0
    lines.append("| Topic | Old share | New share | Change | Old | New |")
    lines.append("|---|---:|---:|---:|---|---|")
    for t in c.topics:  # t.topic is a validated key, [a-z][a-z0-9_]*: nothing to escape
        change = t.change_pp
        lines.append(
            f"| {md(t.label)} ({t.topic}, CAP {md(t.cap)}) | {t.old_share * 100:.1f}% "
            f"| {t.new_share * 100:.1f}% | {'+' if change > 0 else ''}{change:.1f} pp "
            f"| `{bar(t.old_share / top, 12)}` | `{bar(t.new_share / top, 12)}` |"
        )
    lines.append("")
    h_old, h_new = c.diversity
    lines.append(
        f"Diversity of attention (Shannon entropy of the shares, bits): old {h_old:.2f}, "
        f"new {h_new:.2f}."
    )
    lines.append("")
    return "\n".join(lines)


_KIND_NAMES = {"slogan": "slogan", "quoted": "quoted", "term": "key term"}


def _phrases(c: Comparison) -> str:
    lines = ["## Slogans and key phrases", ""]
    if not c.phrases:
        return "\n".join([*lines, "No phrases.", ""])
    for status, heading in (("added", "New"), ("removed", "Gone"), ("kept", "Kept")):
        rows = [p for p in c.phrases if p.status == status]
        lines.append(f"### {heading} ({len(rows)})")
        lines.append("")
        if not rows:
            lines.extend(["None.", ""])
            continue
        lines.append("| Phrase | Kind | Old | New | Variants, replacement | Where (new / old) |")
        lines.append("|---|---|---:|---:|---|---|")
        for p in rows:
            where = ", ".join(short_id(s) for s in (p.new_sections or p.old_sections)[:4])
            linked = "、".join(p.variants)
            if p.replaced_by or p.replaces:
                arrow = (
                    f"replaced by {p.replaced_by}" if p.replaced_by else f"replaces {p.replaces}"
                )
                linked = f"{linked}; {arrow}" if linked else arrow
            lines.append(
                f"| {md(p.phrase)} | {md(_KIND_NAMES.get(p.kind, p.kind))} | {p.old_count} "
                f"| {p.new_count} | {md(linked)} | {where} |"
            )
        lines.append("")
    return "\n".join(lines)


def _outlines(c: Comparison) -> str:
    lines = ["## Outlines", ""]
    for label, doc in (("Old", c.old), ("New", c.new)):
        lines.append(f"### {label}: {md(doc.title or display_path(_file_name(doc.path)))}")
        lines.append("")
        for s in doc.sections:
            indent = "  " * (s.level - 1)
            number = f"**{md(s.number)}** " if s.number else ""
            title = md(s.title) if s.title else ("(preamble)" if s.id.endswith(":0") else "")
            lines.append(
                f"{indent}- {number}{title} {code(short_id(s.id))} · {md(s.part)} · "
                f"{fmt_number(s.end - s.start)} chars"
            )
        lines.append("")
    return "\n".join(lines)
