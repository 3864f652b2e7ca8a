"""Corpus check: lingdiff on every real report of ``../shared/corpus``, scored against answers
read by hand.

    .venv/bin/python benchmarks/corpus.py [--corpus ../shared/corpus] [--gold-only]

For every report it prints one row — place, title, review/plan years, parts found, top-level
sections, figures by kind, headline indicators found, warnings, time — and checks it against
``tests/corpus_expected/*.json`` (years, parts, the real top-level sections, the plan year's GDP
growth target with its qualifier, the review year's GDP growth). Then it scores the
hand-checked pairs in ``tests/gold/*.json``: figure recall and precision on the targets
statements and review summaries (year, kind, value, unit and qualifier all right), cross-report
link F1 and section-pair F1 over the top two levels. ``tests/functional_tests/test_corpus.py``
runs the same functions and asserts the goals.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lingdiff.compare import compare  # noqa: E402
from lingdiff.figures import extract_observations  # noqa: E402
from lingdiff.figures.extract import currency  # noqa: E402
from lingdiff.load import normalise  # noqa: E402
from lingdiff.model import Comparison, Document, Observation  # noqa: E402
from lingdiff.reading import load_document  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
EXPECTED = ROOT / "tests" / "corpus_expected"
GOLD = ROOT / "tests" / "gold"
GDP_WORDS = ("生产总值", "经济增长", "GDP", "经济总量")
_PLACE = re.compile(r"在(.{2,12}?)第.{1,6}届人民代表大会")
_TITLE_NOISE = re.compile(r"[\s，。、；：！？,.;:!?“”\"'（）()—\-]")


# --------------------------------------------------------------------------- locating


def locate(doc: Document, context: str, figure: str) -> int | None:
    """Offset in ``doc.norm`` of ``figure`` inside the verbatim ``context``, or None."""
    ctx, fig = normalise(context).strip(), normalise(figure)
    at = doc.norm.find(ctx)
    if at < 0:
        squeezed = re.sub(r"\s+", "", ctx)
        at = doc.norm.find(squeezed)
        ctx = squeezed
    if at < 0:
        return None
    m = re.search(rf"(?<![\d.]){re.escape(fig)}(?!\d)", ctx)
    return at + (m.start() if m else max(ctx.find(fig), 0))


def observations_at(observations: list[Observation], pos: int) -> list[Observation]:
    """The observations whose figure covers ``pos``."""
    return [o for o in observations if o.start <= pos < max(o.end, o.start + 1)]


def _qualifiers(q: str) -> set[str]:
    return {w for w in q.split() if w}


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) < 1e-6


def _unit(u: str) -> str:
    return normalise(u).replace("％", "%")


def is_gdp(o: Observation) -> bool:
    """Is this observation about GDP (by code, or by name where no code was given)?"""
    return o.code == "gdp" or (not o.code and any(w in o.indicator for w in GDP_WORDS))


# --------------------------------------------------------------------------- per report


@dataclass
class ReportRow:
    """One report's reading: what was found and which expectations failed."""

    path: str
    place: str
    title: str
    review_year: int | None
    plan_year: int | None
    parts: str
    top_level: int
    kinds: dict[str, int]
    headline: list[str]
    warnings: list[str]
    seconds: float
    problems: list[str] = field(default_factory=list)

    @property
    def collapsed(self) -> bool:
        """Read as (almost) no structure: fewer than two top-level sections."""
        return self.top_level < 2


def _title_key(title: str) -> str:
    return _TITLE_NOISE.sub("", normalise(title))


def _has_top_section(doc: Document, title: str) -> bool:
    want = _title_key(title)
    for s in doc.sections:
        if s.level > 2:
            continue
        got = _title_key(s.title)
        if got and (got == want or (len(got) >= 6 and (got in want or want in got))):
            return True
    return False


def check_figure(
    doc: Document, obs: list[Observation], fact: dict, kind: str, year: int | None
) -> str:
    """ "" when the GDP figure described by ``fact`` was read right, else what is wrong."""
    pos = locate(doc, fact["context"], _value_text(fact))
    if pos is None:
        return f"context not found: {fact['context']}"
    here = [o for o in observations_at(obs, pos) if o.measure == "growth"] or observations_at(
        obs, pos
    )
    if not here:
        return f"no figure read at {fact['context']}"
    o = here[0]
    wrong = []
    if not is_gdp(o):
        wrong.append(f"indicator {o.indicator!r}")
    if o.kind != kind or o.year != year:
        wrong.append(f"{o.kind} {o.year}")
    if not _same_value(o.value, fact["value"]) or not _same_value(
        o.value_high, fact.get("value_high")
    ):
        wrong.append(f"value {o.value}-{o.value_high}")
    want_q = _qualifiers(fact.get("qualifier", ""))
    if not want_q <= _qualifiers(o.qualifier):
        wrong.append(f"qualifier {o.qualifier!r}")
    return "; ".join(wrong)


def _value_text(fact: dict) -> str:
    v = fact["value"]
    return f"{v:g}"


def check_report(path: Path, expected: dict | None) -> ReportRow:
    """Read one report and compare it with its expected facts (if any)."""
    t0 = time.perf_counter()
    doc = load_document(path, "new")
    obs = list(extract_observations(doc))
    seconds = time.perf_counter() - t0
    tops = doc.top_sections()
    place = getattr(doc, "place", "") or _place(doc)
    row = ReportRow(
        path=str(path),
        place=place,
        title=doc.title[:30],
        review_year=doc.review_year,
        plan_year=doc.plan_year,
        parts="".join(s.part[0] for s in tops),
        top_level=len(tops),
        kinds=dict(Counter(o.kind for o in obs)),
        headline=sorted({o.code for o in obs if o.code}),
        warnings=list(doc.warnings),
        seconds=seconds,
    )
    if expected:
        _check_expected(doc, obs, expected, row)
    return row


def _check_expected(doc: Document, obs: list[Observation], exp: dict, row: ReportRow) -> None:
    if (doc.review_year, doc.plan_year) != (exp["review_year"], exp["plan_year"]):
        row.problems.append(f"years {doc.review_year}/{doc.plan_year}")
    parts = {s.part for s in doc.sections}
    for part in {t["part"] for t in exp["top_sections"]} & {"review", "plan"}:
        if part not in parts:
            row.problems.append(f"no {part} part")
    for top in exp["top_sections"]:
        if not _has_top_section(doc, top["title"]):
            row.problems.append(f"missing section {top['title'][:16]}")
    if exp.get("gdp_target"):
        wrong = check_figure(doc, obs, exp["gdp_target"], "target", exp["plan_year"])
        if wrong:
            row.problems.append(f"GDP target: {wrong}")
    if exp.get("gdp_actual"):
        wrong = check_figure(doc, obs, exp["gdp_actual"], "actual", exp["review_year"])
        if wrong:
            row.problems.append(f"GDP actual: {wrong}")


def _place(doc: Document) -> str:
    m = _PLACE.search(doc.norm[:3000])
    return m.group(1) if m else ""


def expected_facts() -> dict[str, dict]:
    """Every report's expected facts, by path relative to the corpus folder."""
    facts: dict[str, dict] = {}
    for f in sorted(EXPECTED.glob("*.json")):
        facts.update(json.loads(f.read_text(encoding="utf-8")))
    return facts


# --------------------------------------------------------------------------- gold pairs


@dataclass
class GoldScore:
    """How lingdiff does on one hand-checked pair."""

    name: str
    figures: int = 0
    figures_right: int = 0
    targets: int = 0
    targets_right: int = 0
    figures_found: int = 0
    in_scope: int = 0
    in_scope_right: int = 0
    link_tp: int = 0
    link_fp: int = 0
    link_fn: int = 0
    pair_tp: int = 0
    pair_fp: int = 0
    pair_fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Gold figures read with year, kind, value, unit and qualifier all right."""
        return self.figures_right / self.figures if self.figures else 1.0

    @property
    def target_recall(self) -> float:
        """Recall on the targets statements alone (targets and five-year goals)."""
        return self.targets_right / self.targets if self.targets else 1.0

    @property
    def precision(self) -> float:
        """Of lingdiff's figures in the gold paragraphs, the share that are gold figures."""
        return self.in_scope_right / self.in_scope if self.in_scope else 1.0

    @property
    def link_f1(self) -> float:
        """F1 of "these two figures belong to one indicator row" across the reports."""
        return _f1(self.link_tp, self.link_fp, self.link_fn)

    @property
    def pair_f1(self) -> float:
        """F1 of section pairs (added/removed count as pairs with nothing) over two levels."""
        return _f1(self.pair_tp, self.pair_fp, self.pair_fn)


def pool(a: GoldScore, b: GoldScore) -> GoldScore:
    """Two scores added up (micro-averaged over every figure, link and pair)."""
    counts = (
        "figures", "figures_right", "targets", "targets_right", "figures_found", "in_scope",
        "in_scope_right", "link_tp", "link_fp", "link_fn", "pair_tp", "pair_fp", "pair_fn",
    )  # fmt: skip
    out = GoldScore(a.name)
    for name in counts:
        setattr(out, name, getattr(a, name) + getattr(b, name))
    return out


def _f1(tp: int, fp: int, fn: int) -> float:
    if tp == 0:
        return 1.0 if fp == 0 and fn == 0 else 0.0
    p, r = tp / (tp + fp), tp / (tp + fn)
    return 2 * p * r / (p + r)


def score_gold(gold: dict, corpus: Path = CORPUS) -> GoldScore:
    """Compare the two reports of a gold file and score lingdiff against it."""
    old = load_document(corpus / gold["old"], "old")
    new = load_document(corpus / gold["new"], "new")
    comparison = compare(old, new)
    score = GoldScore(gold["name"])
    matched = _score_figures(comparison, gold, score)
    _score_links(comparison, gold, matched, score)
    _score_sections(comparison, gold, score)
    return score


def _figure_right(o: Observation, g: dict) -> list[str]:
    wrong = []
    if o.year != g["year"] or o.kind != g["kind"]:
        wrong.append(f"{o.kind} {o.year}")
    if not _same_value(o.value, g["value"]) or not _same_value(o.value_high, g.get("value_high")):
        wrong.append(f"value {o.value}")
    if _unit(o.unit) != _unit(g["unit"]):
        wrong.append(f"unit {o.unit}")
    if _qualifiers(o.qualifier) != _qualifiers(g.get("qualifier", "")):
        wrong.append(f"qualifier {o.qualifier!r}")
    return wrong


def _score_figures(c: Comparison, gold: dict, score: GoldScore) -> dict[int, Observation]:
    by_doc = {
        key: [o for row in c.metrics for o in row.observations if o.doc == key]
        for key in ("old", "new")
    }
    matched: dict[int, Observation] = {}
    lines: dict[str, set[int]] = {"old": set(), "new": set()}
    for n, g in enumerate(gold["figures"]):
        doc = c.doc(g["doc"])
        score.figures += 1
        is_target = g["kind"] in ("target", "five-year goal")
        score.targets += is_target
        pos = locate(doc, g["context"], g["text"])
        if pos is None:
            score.misses.append(f"{g['doc']}: context not found {g['context']}")
            continue
        lines[g["doc"]].add(doc.norm.count("\n", 0, pos))
        here = observations_at(by_doc[g["doc"]], pos)
        if not here:
            score.misses.append(f"{g['doc']}: not read {g['context']} [{g['text']}]")
            continue
        score.figures_found += 1
        best = min(here, key=lambda o: len(_figure_right(o, g)))
        matched[n] = best
        wrong = _figure_right(best, g)
        if wrong:
            score.misses.append(f"{g['doc']}: {g['context']} [{g['text']}]: {', '.join(wrong)}")
        else:
            score.figures_right += 1
            score.targets_right += is_target
    gold_spans = {(matched[n].doc, matched[n].start) for n in matched}
    for key in ("old", "new"):
        doc = c.doc(key)
        seen: set[int] = set()
        for o in by_doc[key]:
            if o.start in seen or doc.norm.count("\n", 0, o.start) not in lines[key]:
                continue
            seen.add(o.start)
            score.in_scope += 1
            score.in_scope_right += (key, o.start) in gold_spans
    return matched


def _gold_key(g: dict) -> tuple[str, str, str, str]:
    """What makes two gold figures one row: the indicator (its code where it has one), the
    measure, the period, and the currency of an amount of money (175亿美元 and 约合1243亿元人民币
    are one flow in two currencies: two rows, named apart, both coded fdi)."""
    money = g["unit"].endswith("元")
    return (
        g.get("code") or g["indicator"],
        g["measure"],
        g.get("period") or "",
        currency(g["unit"]) if money else "",
    )


def _score_links(
    c: Comparison, gold: dict, matched: dict[int, Observation], score: GoldScore
) -> None:
    row_of = {o.id: row.id for row in c.metrics for o in row.observations}
    figs = gold["figures"]
    olds = [n for n in matched if figs[n]["doc"] == "old"]
    news = [n for n in matched if figs[n]["doc"] == "new"]
    for a in olds:
        for b in news:
            want = _gold_key(figs[a]) == _gold_key(figs[b])
            got = row_of.get(matched[a].id) == row_of.get(matched[b].id)
            if want and got:
                score.link_tp += 1
            elif got:
                score.link_fp += 1
            elif want:
                score.link_fn += 1


def _section_map(doc: Document, sections: list[dict]) -> dict[str, str]:
    """Gold section id -> lingdiff section id, by title (the best match within two levels)."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for s in sections:
        want = _title_key(s["title"])
        best, best_score = None, 0.0
        for t in doc.sections:
            if t.level > 3 or t.id in taken:
                continue
            got = _title_key(t.title)
            if not got:
                continue
            if got == want:
                sc = 1.0
            elif len(min(got, want, key=len)) >= 6 and (got in want or want in got):
                sc = 0.8
            else:
                continue
            if sc > best_score:
                best, best_score = t.id, sc
        if best:
            out[s["id"]] = best
            taken.add(best)
    return out


def _score_sections(c: Comparison, gold: dict, score: GoldScore) -> None:
    maps = {k: _section_map(c.doc(k), gold["documents"][k]["sections"]) for k in ("old", "new")}
    want: set[tuple[str, str]] = set()
    for p in gold["section_pairs"]:
        olds = [maps["old"].get(i, f"?old{i}") for i in p["old"]] or [""]
        news = [maps["new"].get(i, f"?new{i}") for i in p["new"]] or [""]
        want.update((a, b) for a in olds for b in news)
    mapped = {"old": set(maps["old"].values()), "new": set(maps["new"].values())}
    got: set[tuple[str, str]] = set()
    for pair in c.alignment:
        if pair.status in ("added", "removed"):  # a whole subtree is added or removed
            key = "new" if pair.status == "added" else "old"
            for sid in (*pair.old, *pair.new):
                for sub in _descendants(c.doc(key), sid):
                    if sub in mapped[key]:
                        got.add(("", sub) if key == "new" else (sub, ""))
        olds = [i for i in pair.old if i in mapped["old"]]
        news = [i for i in pair.new if i in mapped["new"]]
        if not olds and not news:
            continue
        if (pair.old and not olds) or (pair.new and not news):
            # one side is below the gold's two levels: pair with what is there
            olds = olds or [""]
            news = news or [""]
        got.update((a, b) for a in (olds or [""]) for b in (news or [""]))
    score.pair_tp = len(want & got)
    score.pair_fp = len(got - want)
    score.pair_fn = len(want - got)


def _descendants(doc: Document, sid: str) -> list[str]:
    return [s.id for s in doc.sections if s.id.startswith(sid + ".")]


def gold_files() -> list[dict]:
    """The hand-checked pairs."""
    return [json.loads(f.read_text(encoding="utf-8")) for f in sorted(GOLD.glob("*.json"))]


# --------------------------------------------------------------------------- readings


def readings(corpus: Path = CORPUS) -> list[str]:
    """One line per figure of every corpus report (where, kind, year, period, name, value…) and
    one per metric row of each province's 2025 -> 2026 pair (its members by offset): a rule
    change is checked by diffing these lines before and after it."""
    lines = []
    for rel in sorted(expected_facts()):
        doc = load_document(corpus / rel, "new")
        for o in extract_observations(doc):
            high = f"-{o.value_high:g}" if o.value_high is not None else ""
            lines.append(
                f"{rel}\t{o.start}\t{o.kind}\t{o.year}\t{o.period or ''}\t{o.indicator}\t"
                f"{o.code}\t{o.measure}\t{o.direction}\t{o.value:g}{high}\t{o.unit}\t"
                f"{o.qualifier}\t{o.scope}"
            )
    for old in sorted((corpus / "provinces" / "2025").glob("*.docx")):
        name = old.name.replace("2025", "2026").replace(".docx", ".txt")
        new = corpus / "provinces" / "2026" / name
        if not new.exists():
            continue
        c = compare(load_document(old, "old"), load_document(new, "new"))
        for row in c.metrics:
            members = " ".join(f"{o.doc}@{o.start}" for o in row.observations)
            lines.append(f"pair {new.stem[5:]}\t{row.indicator}\t{members}")
    return lines


# --------------------------------------------------------------------------- printing


def main(argv: list[str] | None = None) -> int:
    """Print the per-report table, the summary and the gold scores."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--gold-only", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every gold miss")
    ap.add_argument(
        "--readings",
        type=Path,
        help="write every figure of every report and every linked row of the province pairs "
        "to this file, one per line, to diff the readings before and after a rule change",
    )
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus: {args.corpus} not found", file=sys.stderr)
        return 1
    if args.readings:
        args.readings.write_text("".join(f"{line}\n" for line in readings(args.corpus)))
        return 0
    if not args.gold_only:
        _print_reports(args.corpus)
    _print_gold(args.corpus, args.verbose)
    return 0


def _print_reports(corpus: Path) -> None:
    facts = expected_facts()
    rows = []
    print(
        "| report | place | review/plan | parts | top | figures a/t/5r/5g/u | codes | ms |", end=""
    )
    print(" problems |")
    print("|---|---|---|---|---|---|---|---|---|")
    for rel in sorted(facts):
        row = check_report(corpus / rel, facts[rel])
        rows.append(row)
        k = row.kinds
        kinds = "/".join(
            str(k.get(x, 0))
            for x in ("actual", "target", "five-year review", "five-year goal", "unknown")
        )
        print(
            f"| {Path(rel).stem[:16]} | {row.place} | {row.review_year}/{row.plan_year} "
            f"| {row.parts} | {row.top_level} | {kinds} | {len(row.headline)} "
            f"| {row.seconds * 1000:.0f} | {'; '.join(row.problems)} |"
        )
    bad = [r for r in rows if r.problems]
    print(
        f"\n{len(rows)} reports; {len(rows) - len(bad)} as expected; "
        f"{sum(r.collapsed for r in rows)} collapses; "
        f"median {sorted(r.seconds for r in rows)[len(rows) // 2] * 1000:.0f} ms per report\n"
    )


def _print_gold(corpus: Path, verbose: bool) -> None:
    print(
        "| gold pair | figures | recall | targets recall | precision | link F1 | section-pair F1 |"
    )
    print("|---|---|---|---|---|---|---|")
    pooled = GoldScore("all pairs")
    for gold in gold_files():
        s = score_gold(gold, corpus)
        pooled = pool(pooled, s)
        print(
            f"| {s.name} | {s.figures} | {s.recall:.2f} | {s.target_recall:.2f} "
            f"| {s.precision:.2f} | {s.link_f1:.2f} | {s.pair_f1:.2f} |"
        )
        if verbose:
            for miss in s.misses:
                print(f"    {miss}")
    s = pooled
    print(
        f"| **{s.name}** | {s.figures} | {s.recall:.2f} | {s.target_recall:.2f} "
        f"| {s.precision:.2f} | {s.link_f1:.2f} | {s.pair_f1:.2f} |"
    )


if __name__ == "__main__":
    raise SystemExit(main())
