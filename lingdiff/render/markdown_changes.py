"""The markdown report's "What was reworded" part: the changed sentences of each aligned pair,
real rewordings first, deleted characters in ``<del>`` and inserted ones in ``<ins>``."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import (
    Comparison,
    EditOp,
    SectionPair,
    SentencePair,
)
from .common import (
    short_id,
)
from .mdtext import md, section_title

REWORDED_MIN_KEPT = 0.3
"""A changed sentence keeping less than this share of its characters is a rewrite, listed with
the added and removed sentences rather than as a rewording."""


def _kept_share(sp: SentencePair) -> float:
    kept = sum(len(op.old_text) for op in sp.ops if op.tag == "equal")
    total = max(1, sum(len(op.old_text) for op in sp.ops), sum(len(op.new_text) for op in sp.ops))
    return kept / total


def changes(c: Comparison) -> str:
    """Changed sentences, folded: rewordings first, then sentences added, removed or rewritten."""
    lines = ["## Changes inside aligned sections", ""]
    reworded: dict[str, list[SentencePair]] = {}
    other: dict[str, list[SentencePair]] = {}
    for sp in c.sentence_pairs:
        if sp.status == "changed" and sp.ops and _kept_share(sp) >= REWORDED_MIN_KEPT:
            reworded.setdefault(sp.pair, []).append(sp)
        elif sp.status in ("changed", "added", "removed", "moved"):
            other.setdefault(sp.pair, []).append(sp)
    if not reworded and not other:
        return "\n".join([*lines, "No sentence changes.", ""])
    n_reworded = sum(map(len, reworded.values()))
    n_other = sum(map(len, other.values()))
    lines.append(
        f"{n_reworded} sentences reworded, {n_other} added, removed, moved or rewritten. "
        "<del>struck</del> text was removed, <ins>underlined</ins> text was added; "
        "figures change as a whole."
    )
    lines.append("")
    pairs = {p.id: p for p in c.alignment}
    for title, groups in (
        (f"Reworded sentences ({n_reworded})", reworded),
        (f"Sentences added, removed, moved or rewritten ({n_other})", other),
    ):
        if not groups:
            continue
        lines.extend([f"<details><summary>{title}</summary>", ""])
        for pair_id, items in groups.items():
            pair = pairs.get(pair_id)
            lines.append(f"### {_pair_heading(c, pair) if pair else md(pair_id)}")
            lines.append("")
            lines.extend(f"- {_sentence_line(c, sp)}" for sp in items)
            lines.append("")
        lines.extend(["</details>", ""])
    return "\n".join(lines)


def _pair_heading(c: Comparison, pair: SectionPair) -> str:
    old = " + ".join(f"{short_id(s)} {md(section_title(c.old, s))}" for s in pair.old) or "—"
    new = " + ".join(f"{short_id(s)} {md(section_title(c.new, s))}" for s in pair.new) or "—"
    return f"{old} → {new} ({pair.status})"


def _sentence_line(c: Comparison, sp: SentencePair) -> str:
    old = c.old.sentences[sp.old].text if sp.old is not None else ""
    new = c.new.sentences[sp.new].text if sp.new is not None else ""
    if sp.status == "changed" and sp.ops:
        return f"changed ({sp.score:.2f}): {_ops_markup(sp.ops)}"
    if sp.status == "added":
        return f"added: <ins>{_esc(new)}</ins>"
    if sp.status == "removed":
        return f"removed: <del>{_esc(old)}</del>"
    if sp.status == "moved":
        target = {p.id: p for p in c.alignment}.get(sp.moved_to)
        where = f" to {_pair_heading(c, target)}" if target else ""
        body = _ops_markup(sp.ops) if sp.ops else _esc(new or old)
        return f"moved{where} ({sp.score:.2f}): {body}"
    return _esc(new or old)


def _esc(text: str) -> str:
    return md(text)


def _ops_markup(ops: Iterable[EditOp]) -> str:
    out: list[str] = []
    for op in ops:
        if op.tag == "equal":
            out.append(_esc(op.old_text))
        elif op.tag == "delete":
            out.append(f"<del>{_esc(op.old_text)}</del>")
        elif op.tag == "insert":
            out.append(f"<ins>{_esc(op.new_text)}</ins>")
        else:
            out.append(f"<del>{_esc(op.old_text)}</del><ins>{_esc(op.new_text)}</ins>")
    return "".join(out)
