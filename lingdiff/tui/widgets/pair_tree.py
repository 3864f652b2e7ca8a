"""The tree of section pairs: status mark, section number and title, alignment score."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.widgets import Tree
from textual.widgets._tree import TreeNode

from ..index import PAIR_MARKS, ComparisonIndex
from .quiet_scroll import QuietVirtualSize


class PairTree(QuietVirtualSize, Tree[str]):
    """Section pairs of both reports, nested as the outlines nest; node data is the pair id."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "pair-tree--added",
        "pair-tree--removed",
        "pair-tree--regrouped",
        "pair-tree--matched",
        "pair-tree--score",
    }

    DEFAULT_CSS = """
    PairTree {
        & > .pair-tree--added { color: $text-success; }
        & > .pair-tree--removed { color: $text-error; }
        & > .pair-tree--regrouped { color: $text-warning; }
        & > .pair-tree--matched { text-style: dim; }
        & > .pair-tree--score { text-style: dim; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(Text("sections"), id=id, classes=classes)
        self.show_root = False
        self.guide_depth = 2
        self._pair_nodes: dict[str, TreeNode[str]] = {}
        self._shown_size: Size | None = None
        """The size of the last resize (None: never shown)."""
        self._labels: dict[str, Text] = {}
        """Each pair's label, made once (a component style costs ~1 ms to look up)."""

    def notify_style_update(self) -> None:
        """Focus or theme changed the styles: redraw the lines. Textual's tree also lays out
        the whole screen again here, which cost tens of milliseconds a focus change on the
        national pair; the lines' sizes do not depend on their styles."""
        ScrollView.notify_style_update(self)  # the tree's own override, minus the layout
        self._line_cache.clear()
        self.refresh()

    def _invalidate(self) -> None:
        """Nodes were added or removed: draw the lines again. Textual's tree also lays out
        the whole screen here (once per node added); only its length changed, which
        :class:`QuietVirtualSize` passes to the scrollbars."""
        self._clear_line_cache()
        self._updates += 1
        self.root._reset()
        self.refresh()

    def _on_resize(self, event: events.Resize) -> None:
        """Textual's tree lays out and draws all its lines again on every resize (a tab's
        first visit included); the lines are kept by width already, so a repaint will do,
        and none on the first show (the frame that showed the tree drew it)."""
        event.prevent_default()  # not the tree's own handler
        self._line_cache.grow(event.size.height)
        first_show, self._shown_size = not self._shown_size, event.size
        if not first_show:
            self.refresh()

    def forget_labels(self) -> None:
        """The theme changed: make the labels again with its colours."""
        self._labels = {}

    def rebuild(self, index: ComparisonIndex, visible: frozenset[str] | None) -> None:
        """Show the pairs in ``visible`` (all when None), fully expanded."""
        self.clear()
        self._pair_nodes = {}
        if not self._labels:
            styles = {
                role: self.get_component_rich_style(f"pair-tree--{role}", partial=True)
                for role in ("added", "removed", "regrouped", "matched", "score")
            }
            self._labels = {pid: self._label(index, pid, styles) for pid in index.pairs}

        def add(parent: TreeNode[str], pid: str) -> None:
            kids = [k for k in index.children.get(pid, []) if visible is None or k in visible]
            label = self._labels[pid]
            if kids:
                node = parent.add(label, data=pid, expand=True)
                for kid in kids:
                    add(node, kid)
            else:
                node = parent.add_leaf(label, data=pid)
            self._pair_nodes[pid] = node

        for pid in index.children.get(None, []):
            if visible is None or pid in visible:
                add(self.root, pid)

    def _label(self, index: ComparisonIndex, pid: str, styles: dict[str, Style]) -> Text:
        pair = index.pairs[pid]
        role = {"added": "added", "removed": "removed", "matched": "matched"}.get(
            pair.status, "regrouped"
        )
        label = Text(PAIR_MARKS.get(pair.status, "?") + " ", style=styles[role])
        score = styles["score"]
        if pair.status in ("matched", "split", "merged"):  # first: long titles get cut
            label.append(f"{pair.score:.2f} ", style=score)
        else:
            label.append(" " * 5)
        if pair.override:  # made by the researcher's correction (a / x)
            label.append("✎ ", style=styles["regrouped"])
        label.append(Text(index.pair_title(pid)))
        return label

    def select_pair(self, pid: str) -> bool:
        """Move the cursor to a pair's node (False if the pair is not in the tree)."""
        node = self._pair_nodes.get(pid)
        if node is None:
            return False
        _ = self.last_line  # lays out the tree lines, so that the node knows its line
        self.move_cursor(node, animate=False)
        # again after the refresh, forced: a tree laid out just now has no scrollbar yet
        self.call_after_refresh(self._reveal, node)
        return True

    def _reveal(self, node: TreeNode[str]) -> None:
        top = self.scroll_offset.y
        if node.line >= 0 and top <= node.line < top + self.scrollable_content_region.height:
            return  # already in view: no second frame
        if node.line >= 0:
            region = Region(0, node.line, max(1, self.size.width), 1)
            self.scroll_to_region(region, animate=False, force=True, immediate=True)

    @property
    def pair_ids(self) -> list[str]:
        """The pairs now in the tree."""
        return list(self._pair_nodes)
