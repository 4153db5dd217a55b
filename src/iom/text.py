r"""Text from data or a URL shown as text: the one helper every page and command uses.

`escape` is for Streamlit calls that render Markdown (headers, captions, warnings, badges,
metric labels, radio options): a stored name `**bold** [link](javascript:…)`,
`![t](http://host/x.png)` or `]` inside a badge shows as those characters, never as bold, a
link, an image or a broken badge. A backslash does not stop GFM's autolinks in the browser
(`http\://a.example`, `www\.a.example` and `a@b.example` still became links), so an
invisible word joiner (U+2060) goes after `http`/`https`, after `www` and after `@`.
`terminal` is for command-line output: control and escape characters (a title change, a
screen clear, a carriage return that overwrites a line, bidi overrides) are shown as visible
`\x1b`-style escapes instead of reaching the terminal. `spreadsheet` is for every CSV or
Excel cell an export writes: text starting `=`, `+`, `-`, `@` or a tab gets a leading `'`
(OWASP's CSV-injection advice), so a spreadsheet never runs it as a formula.

>>> escape("*Bold* [link](x) :red[alarm] www.evil.example").replace(JOINER, "+")
'\\*Bold\\* \\[link\\](x) \\:red\\[alarm\\] www+.evil.example'
>>> escape("http://evil.example/login a@b.example").replace(JOINER, "+")
'http+\\://evil.example/login a@+b.example'
>>> terminal("Ann\x1b]0;owned\x07 Smith")
'Ann\\x1b]0;owned\\x07 Smith'
>>> spreadsheet('=HYPERLINK("http://evil.example")')
'\'=HYPERLINK("http://evil.example")'
"""

from __future__ import annotations

import re

__all__ = ["JOINER", "escape", "spreadsheet", "terminal"]

# Markdown's and Streamlit's special characters: with `[` and `]` escaped nothing reads as a
# link, an image or a badge; with `:` escaped no `:red[...]` directive or `:emoji:` runs.
_MARKUP = re.compile(r"([\\`*_\[\]<>$~|#:])")
JOINER = "\u2060"  # word joiner: invisible, and no autolink runs across it
# GFM makes `http://`, `https://`, `www.` and `name@host.tld` text a link, escaped or not.
_AUTOLINK = re.compile(r"(?i)\b(https?|www)(?=\\?[:.])|(@)")
_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may read as a formula
_CONTROL_WITH_BREAKS = re.compile(
    r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: object) -> str:
    """`text` with Markdown's special characters escaped and line breaks made spaces."""
    flat = _BREAKS.sub(" ", str(text))
    marked = _MARKUP.sub(r"\\\1", _CONTROL.sub(_visible, flat))
    return _AUTOLINK.sub(lambda m: m.group(0) + JOINER, marked)


def terminal(text: object, *, lines: bool = True) -> str:
    """`text` for a terminal: control characters shown as escapes (line breaks kept if `lines`)."""
    pattern = _CONTROL if lines else _CONTROL_WITH_BREAKS
    return pattern.sub(_visible, str(text))


def spreadsheet(value: object) -> object:
    """A cell for a CSV or Excel export: text that a spreadsheet would run as a formula gets a
    leading `'`, control characters are shown as escapes; other values are unchanged."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA):
        value = "'" + value
    return terminal(value)
