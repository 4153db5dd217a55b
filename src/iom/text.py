r"""Text from data or a URL shown as text: the one helper every page and command uses.

`escape` is for Streamlit calls that render Markdown (headers, captions, warnings, badges,
metric labels): a stored name `**bold** [link](javascript:…)`, `![t](http://host/x.png)` or
`]` inside a badge shows as those characters, never as bold, a link, an image or a broken
badge. `terminal` is for command-line output: control and escape characters (a title change,
a screen clear, a carriage return that overwrites a line, bidi overrides) are shown as visible
`\x1b`-style escapes instead of reaching the terminal.

>>> escape("*Bold* [link](x) :red[alarm] www.evil.example")
'\\*Bold\\* \\[link\\](x) \\:red\\[alarm\\] www\\.evil.example'
>>> terminal("Ann\x1b]0;owned\x07 Smith")
'Ann\\x1b]0;owned\\x07 Smith'
"""

from __future__ import annotations

import re

__all__ = ["escape", "terminal"]

# Markdown's and Streamlit's special characters: with `[` and `]` escaped nothing reads as a
# link, an image or a badge; with `:` escaped no `http://` text becomes a link.
_MARKUP = re.compile(r"([\\`*_\[\]<>$~|#:])")
_WWW = re.compile(r"(?i)\b(www)\.")  # GFM makes `www.` text a link; `www\.` stays text
_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_WITH_BREAKS = re.compile(
    r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: object) -> str:
    """`text` with Markdown's special characters escaped and line breaks made spaces."""
    flat = _BREAKS.sub(" ", str(text))
    return _WWW.sub(r"\1\\.", _MARKUP.sub(r"\\\1", _CONTROL.sub(_visible, flat)))


def terminal(text: object, *, lines: bool = True) -> str:
    """`text` for a terminal: control characters shown as escapes (line breaks kept if `lines`)."""
    pattern = _CONTROL if lines else _CONTROL_WITH_BREAKS
    return pattern.sub(_visible, str(text))
