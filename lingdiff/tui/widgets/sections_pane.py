"""The Sections tab: the tree of section pairs beside the synchronised old | new view."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Static, Tree

from ...model import DocKey
from ...render.common import fmt_number
from ..diff_layout import GUTTER, SEPARATOR, column_width, is_stacked
from ..diffrows import build_rows
from ..index import ComparisonIndex
from .diff_view import DiffView
from .pair_tree import PairTree
from .search_bar import SearchBar

LEGEND = "=same <split >merged +new -gone"
"""The tree's key to its marks (the number after a mark is the pair's likeness, 0–1, as the
line above the rows says)."""
TREE_SHARE, TREE_MIN, TREE_MAX = 0.3, 28, 52
"""The tree's width: a share of the screen, within bounds (as in app.tcss)."""
SCROLLBAR = 2
"""Cells of the diff's (always kept) vertical scrollbar gutter."""


def diff_width(screen_width: int, tree_shown: bool = True) -> int:
    """The width the diff view will have on a screen this wide (to wrap ahead of time)."""
    tree = min(TREE_MAX, max(TREE_MIN, int(screen_width * TREE_SHARE))) if tree_shown else 0
    return screen_width - tree - SCROLLBAR


class SectionsPane(Horizontal):
    """Tree of pairs on the left; pair details, column heads, rows and search on the right."""

    # repaint=False: the watchers redraw what changes (the tree, the rows, the lines above)
    changes_only: reactive[bool] = reactive(False, init=False, repaint=False)
    """Show only changed sentences, and only the pairs holding one."""

    topic_filter: reactive[str] = reactive("", init=False, repaint=False)
    """Show only the pairs of this topic (empty: all)."""

    search: reactive[str] = reactive("", init=False, repaint=False)
    """Text highlighted in both columns."""

    def __init__(self, index: ComparisonIndex, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index = index
        self._tree_shows: frozenset[str] | None = None
        self._heads_shown: Text | None = None
        """The column heads shown (the same again is not drawn again)."""
        """The pairs the tree was last built with (None: not built, or built stale)."""

    def compose(self) -> ComposeResult:
        """The tree, and the right-hand column."""
        yield PairTree(id="pair-tree")
        with Vertical(id="diff-side"):
            yield Static(Text(""), id="pair-info")
            yield Static(Text(""), id="column-heads")
            yield DiffView(id="diff")
            yield SearchBar(id="search-bar")

    @property
    def tree(self) -> PairTree:
        """The tree of pairs."""
        return self.query_one(PairTree)

    @property
    def diff(self) -> DiffView:
        """The side-by-side rows."""
        return self.query_one(DiffView)

    @property
    def search_bar(self) -> SearchBar:
        """The search bar."""
        return self.query_one(SearchBar)

    def on_mount(self) -> None:
        """Fill the rows and the tree; wrap the rows for the screen's width ahead of time."""
        if not self.query(DiffView):
            return  # mounted while the app ends (a background build cut short)
        self.diff.pair_listener = self._enter_pair
        self.diff.set_rows(build_rows(self.index, self.diff.row_styles()))
        self.diff.prepare(diff_width(self.app.size.width, not self.has_class("-no-tree")))
        self.app.theme_changed_signal.subscribe(self, self._restyle)
        self._apply_filters()
        self._show_heads()

    def _restyle(self, _theme: object) -> None:
        """Rebuild rows and tree labels with the new theme's colours."""
        self.call_after_refresh(self._rebuild_styled)

    def _rebuild_styled(self) -> None:
        self.tree.forget_labels()
        self._tree_shows = None
        self.diff.set_rows(build_rows(self.index, self.diff.row_styles()))
        self._apply_filters()

    # -------------------------------------------------------------- filters
    def watch_changes_only(self) -> None:
        """Re-filter tree and rows."""
        self._apply_filters()

    def watch_topic_filter(self) -> None:
        """Re-filter tree and rows."""
        self._apply_filters()

    def watch_search(self, query: str) -> None:
        """Highlight the text and show the count."""
        total = self.diff.set_search(query)
        self.search_bar.show_count(0, total, self.diff.match_rows)

    def visible_pairs(self) -> frozenset[str] | None:
        """The pairs the filters let through (None: all)."""
        visible: frozenset[str] | None = None
        if self.topic_filter:
            visible = self.index.pairs_of_topic(self.topic_filter)
        if self.changes_only:
            changed = self.index.changed_pairs
            visible = changed if visible is None else visible & changed
        return visible

    def _apply_filters(self) -> None:
        visible = self.visible_pairs()
        current = self.diff.current_row
        shows = frozenset(self.index.pairs) if visible is None else visible
        if shows != self._tree_shows:  # the same pairs (all changed, say): the tree stays,
            self._tree_shows = shows  # and so do its drawn lines
            with self.prevent(Tree.NodeHighlighted):
                self.tree.rebuild(self.index, visible)
        self.diff.set_filter(visible, self.changes_only)
        self.tree.border_title = self._filter_label(visible)
        self.tree.border_subtitle = LEGEND
        if self.search:
            self.search_bar.show_count(0, self.diff.set_search(self.search), self.diff.match_rows)
        row = self.diff.current_row
        if row is not None:
            with self.prevent(Tree.NodeHighlighted):
                self.tree.select_pair(row.pair)
            self._show_pair(row.pair)
        elif current is None:
            self._show_pair("")

    def _filter_label(self, visible: frozenset[str] | None) -> Text:
        count = len(self.index.pairs) if visible is None else len(visible)
        label = Text(f"{count} section pairs")
        if self.changes_only:
            label.append(f" · changes only ({self.diff.hidden_unchanged} unchanged hidden)")
        if self.topic_filter:
            label.append(" · ")
            label.append(self.index.topic_labels.get(self.topic_filter, self.topic_filter))
        return label

    # ------------------------------------------------------------- movement
    def next_change(self, direction: int) -> bool:
        """Go to the next or previous changed sentence."""
        return self.diff.next_change(direction)

    def next_section(self, direction: int) -> bool:
        """Go to the next or previous section pair."""
        return self.diff.next_pair(direction)

    def goto_pair(self, pair: str) -> None:
        """Show a pair (clearing filters that hide it)."""
        visible = self.visible_pairs()
        if visible is not None and pair not in visible:
            self.topic_filter = ""
            self.changes_only = False
        self.diff.goto_pair(pair)

    def goto_sentence(self, doc: str, index: int) -> None:
        """Show a sentence's row (clearing filters that hide it); a section's title is shown
        by its pair's heading row."""
        if not self.diff.goto_sentence(doc, index):
            self.topic_filter = ""
            self.changes_only = False
            if not self.diff.goto_sentence(doc, index):
                section = self.index.comparison.doc(doc).sentences[index].section  # type: ignore[arg-type]
                for pid, pair in self.index.pairs.items():
                    if section in (pair.old if doc == "old" else pair.new):
                        self.diff.goto_pair(pid)
                        break
        self.diff.focus()

    def sentence_under_cursor(self) -> tuple[DocKey, int] | None:
        """The sentence of the cursor row (the new report's when both have one)."""
        row = self.diff.current_row
        if row is None or row.kind != "sentence":
            return None
        if row.new_index is not None:
            return "new", row.new_index
        return ("old", row.old_index) if row.old_index is not None else None

    def toggle_tree(self) -> None:
        """Hide the tree of pairs (the rows get the whole width), or show it again."""
        self.toggle_class("-no-tree")

    def open_search(self, text: str = "") -> None:
        """Show the search bar (with ``text`` already typed, if given)."""
        self.search_bar.open(text)

    # --------------------------------------------------------------- events
    @on(Tree.NodeHighlighted, "#pair-tree")
    def _tree_moved(self, event: Tree.NodeHighlighted[str]) -> None:
        if event.node.data:
            self.diff.goto_pair(event.node.data)
            self._show_pair(event.node.data)

    @on(Tree.NodeSelected, "#pair-tree")
    def _tree_selected(self, event: Tree.NodeSelected[str]) -> None:
        self.diff.focus()

    def _enter_pair(self, pair: str) -> None:
        """The rows' cursor entered another pair: follow it in the tree and the pair's line
        (called by the view at once, so that a key costs one frame, not two)."""
        with self.prevent(Tree.NodeHighlighted):
            self.tree.select_pair(pair)
        self._show_pair(pair)

    @on(SearchBar.Changed)
    def _search_changed(self, event: SearchBar.Changed) -> None:
        self.search = event.query

    @on(SearchBar.Step)
    def _search_step(self, event: SearchBar.Step) -> None:
        if self.diff.next_match(event.direction):
            self.search_bar.show_count(
                self.diff.match_position(), self.diff.match_count, self.diff.match_rows
            )

    @on(SearchBar.Closed)
    def _search_closed(self, event: SearchBar.Closed) -> None:
        self.diff.focus()

    def on_resize(self) -> None:
        """Keep the column heads over the columns."""
        self.call_after_refresh(self._show_heads)

    # --------------------------------------------------------------- labels
    def _show_heads(self) -> None:
        """The column heads for the rows' width (the width they are wrapped for while the tab
        is hidden: shown with the rows on the first visit, not a frame later)."""
        width = self.diff.scrollable_content_region.width or self.diff.layout_width
        heads = self._heads(width)
        if heads != self._heads_shown:
            self._heads_shown = heads
            self.query_one("#column-heads", Static).update(heads, layout=False)

    def _heads(self, width: int) -> Text:
        c = self.index.comparison
        col = column_width(width)
        heads = Text(" " * GUTTER)
        if is_stacked(width):
            for key, doc in (("old", c.old), ("new", c.new)):
                where = "above" if key == "old" else "below"
                heads.append(f"{key}: {doc.review_year or '?'}/{doc.plan_year or '?'} ", "bold")
                heads.append(f"{where}   ")
            return heads
        for key, doc in (("old", c.old), ("new", c.new)):
            label = f"{key}: {doc.review_year or '?'} review · {doc.plan_year or '?'} plan"
            head = Text(label, style="bold")
            head.truncate(col, pad=True)
            heads.append(head)
            if key == "old":
                heads.append(SEPARATOR)
        return heads

    def _show_pair(self, pair: str) -> None:
        info = self.query_one("#pair-info", Static)
        p = self.index.pairs.get(pair)
        if p is None:
            info.update(Text("No section pairs to show." if pair == "" else ""), layout=False)
            return
        rows = self.index.sentence_pairs.get(pair, [])
        counts = {s: sum(1 for r in rows if r.status == s) for s in ("changed", "added", "removed")}
        text = Text(p.status, style="bold")
        if p.status in ("matched", "split", "merged"):
            text.append(f", likeness {fmt_number(round(p.score, 2))} of 1")
        topic = self.index.topic_labels.get(p.topic, p.topic)
        if topic:
            text.append(" · topic ")
            text.append(topic)
        text.append(" · " + ", ".join(f"{n} {s}" for s, n in counts.items()) + " sentences")
        if p.reason:
            text.append(" · ")
            text.append(p.reason, style="dim")
        info.update(text, layout=False)
