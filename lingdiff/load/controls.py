"""Characters that could act on a terminal or reorder what it shows, as one pattern.

A report is content, never commands: terminal escape sequences (CSI ``ESC[2J``, OSC
``ESC]0;title BEL``, DCS/SOS/PM/APC strings, two-character escapes such as ``ESC c``), C0
controls other than tab and line breaks, DEL, C1 controls (U+0080–U+009F, including the
one-character CSI/OSC forms) and bidi controls (U+202A–U+202E, U+2066–U+2069, LRM, RLM,
ALM) are removed when a report is read, and counted for a warning.
"""

from __future__ import annotations

_ESC_SEQUENCES = (
    r"\x1b\[[0-?]*[ -/]*[@-~]?",  # CSI
    r"\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?",  # OSC, ended by BEL or ST
    r"\x1b[PX^_][^\x1b\n]*(?:\x1b\\)?",  # DCS, SOS, PM, APC
    r"\x1b[ -/]*[0-~]?",  # two-character escapes (ESC c, ESC 7, ESC ( B) and a lone ESC
    r"\x9b[0-?]*[ -/]*[@-~]?",  # C1 CSI
    r"[\x9d\x90\x98\x9e\x9f][^\x07\x9c\x1b\n]*[\x07\x9c]?",  # C1 OSC, DCS, SOS, PM, APC
)
_CONTROL_CHARS = (
    r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\x80-\x84\x86-\x9f"
    r"\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]"
)
CONTROL = "|".join((*_ESC_SEQUENCES, _CONTROL_CHARS))
"""One regular expression (text) matching one escape sequence or one control character.
Tab, line feed, carriage return, vertical tab, form feed and NEL are line breaks or spaces,
handled by the cleaner."""
