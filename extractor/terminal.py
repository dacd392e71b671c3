"""Printing what users control (paths, ids, extracted text) to a terminal, safely.

rich reads ``[...]`` in a string as markup, so a ``[/x]`` in a doc id or a title would raise
``MarkupError`` or restyle the output; and an ESC or OSC sequence in a file name would reach the
terminal raw. Everything user-controlled goes through :func:`plain` (a ``Text``, never parsed as
markup) or :func:`safe` (escaped markup), with control characters shown as visible symbols of
the same length, so that character offsets into the text still hold.
"""

from __future__ import annotations

from rich.markup import escape
from rich.text import Text

# C0 controls (but tab and newline) as the Unicode "control pictures" (U+2400...), DEL as U+2421,
# C1 controls as U+FFFD: one character for one, so offsets are unchanged.
_VISIBLE = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\t\n"}
_VISIBLE[0x7F] = 0x2421
_VISIBLE.update({code: 0xFFFD for code in range(0x80, 0xA0)})


def printable(value: object) -> str:
    """``value`` as text with every control character but tab and newline made visible."""
    return str(value).translate(_VISIBLE)


def safe(value: object) -> str:
    """``value`` ready to sit inside a rich markup string."""
    return escape(printable(value))


def plain(value: object, style: str = "") -> Text:
    """``value`` as a rich ``Text`` (no markup), control characters made visible."""
    return Text(printable(value), style=style)


def error_line(message: object) -> Text:
    """The one red ``error:`` line the CLI prints for a failure."""
    return Text.assemble(("error: ", "red"), printable(message))
