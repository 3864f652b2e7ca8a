"""Line breaking of Chinese report text by terminal cell width, with kinsoku rules.

Rich's own wrapping breaks wherever a line is full, so a line may start with
``。`` or ``，``. A typesetter would not do that: closing punctuation hangs at
the end of the previous line (*burasagari*), and an opening bracket never ends
a line. :func:`wrap_text` does the same for a :class:`rich.text.Text`, keeping
its styles, so the side-by-side panes read like a printed report.

Pure: no textual import; the line lengths are measured with
:func:`rich.cells.cell_len`, so wide characters count as two cells.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

CLOSING = frozenset("。，、；：？！）」』”’》〉】〕…,.;:?!)]}%")
"""Characters that must not start a line."""

OPENING = frozenset("（「『“‘《〈【〔([{")
"""Characters that must not end a line."""

HANG = 2
"""Cells a line may overhang its width to hold closing punctuation (one full-width mark)."""

_WORD_CHARS = frozenset("0123456789.%‰+-_/")


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in _WORD_CHARS)


def _tokens(plain: str) -> list[tuple[int, int]]:
    """Unbreakable runs: a Latin word or number (``222.5``, ``5G``) whole, anything else alone."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(plain)
    while i < n:
        j = i + 1
        if _is_word_char(plain[i]):
            while j < n and _is_word_char(plain[j]):
                j += 1
        spans.append((i, j))
        i = j
    return spans


def break_offsets(plain: str, width: int, hang: int = HANG) -> list[int]:
    """Offsets where lines of ``plain`` start (0 excluded), for lines of ``width`` cells.

    A line holds at most ``width`` cells, plus up to ``hang`` cells of closing
    punctuation hanging at its end. When more closing punctuation follows than
    can hang, the last character before it moves down too, so no line starts
    with a closing mark. An opening bracket at the end of a line moves down.
    A Latin word or number longer than a line is cut where the line is full.
    """
    width = max(1, width)
    breaks: list[int] = []
    line_start = 0
    used = 0
    for start, end in _tokens(plain):
        size = cell_len(plain[start:end])
        if used + size <= width:
            used += size
            continue
        if plain[start] in CLOSING and start > line_start and used + size <= width + hang:
            used += size  # hang it at the end of this line
            continue
        if start > line_start:
            line_start = _settle(plain, line_start, start)
            breaks.append(line_start)
            used = cell_len(plain[line_start:start])
        if used + size <= width:
            used += size
            continue
        for i in range(start, end):  # a word longer than a line: cut it where lines fill
            cells = cell_len(plain[i])
            if used + cells > width and i > line_start:
                breaks.append(i)
                line_start, used = i, 0
            used += cells
    return breaks


def _settle(plain: str, line_start: int, brk: int) -> int:
    """Move a break earlier so the new line starts well and the old one ends well."""
    pos = brk
    # Closing punctuation may not start the next line: take characters down with it.
    while pos > line_start + 1 and plain[pos] in CLOSING:
        pos -= 1
    # An opening bracket may not end the line.
    while pos > line_start + 1 and plain[pos - 1] in OPENING:
        pos -= 1
    return pos if pos > line_start else brk


def wrap_text(text: Text, width: int, hang: int = HANG) -> list[Text]:
    """``text`` cut into lines of ``width`` cells (closing punctuation may hang by ``hang``).

    Styles are kept; newlines in the text start new lines; an empty text gives
    one empty line. Joining the lines gives back the text without its newlines.
    """
    lines: list[Text] = []
    for para in text.split("\n", allow_blank=True) if text.plain else [text]:
        plain = para.plain
        offsets = break_offsets(plain, width, hang) if plain else []
        lines.extend(para.divide(offsets) if offsets else [para])
    return lines or [Text()]


def text_segments(text: Text, console: Console) -> list[Segment]:
    """The segments of one line of text, its base style included.

    (``Text.render`` leaves the base style out when the text has no spans.)
    """
    segments = list(text.render(console))
    if text.style:
        segments = list(Segment.apply_style(segments, console.get_style(text.style)))
    return segments


class Kinsoku:
    """A Rich renderable that wraps a Text with :func:`wrap_text` at the width it is given.

    Use it wherever report text may wrap (option lists, modal quotes), so that no
    line starts with closing punctuation there either. Closing punctuation hangs
    into the last ``hang`` cells, which plain text leaves free.
    """

    def __init__(self, text: Text, hang: int = HANG) -> None:
        self.text = text
        self.hang = hang

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The wrapped lines, each ending in a newline."""
        width = max(1, options.max_width - self.hang)
        lines = wrap_text(self.text, width, self.hang)
        new_line = Segment.line()
        for line in lines:
            yield from text_segments(line, console)
            yield new_line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """As wide as the longest line, at least as wide as the widest character."""
        widest = max((cell_len(line) for line in self.text.plain.split("\n")), default=0)
        return Measurement(min(4, widest), widest + self.hang)
