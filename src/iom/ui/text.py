"""Text from data shown inside Markdown (headers, captions, badges) as text, never as markup."""

from __future__ import annotations

import re

__all__ = ["escape"]

_MARKUP = re.compile(r"([\\`*_\[\]<>$~|#:])")


def escape(text: object) -> str:
    r"""`text` with Markdown's (and Streamlit's `:color[...]`) special characters escaped.

    >>> escape("*Bold* [link](x) :red[alarm]")
    '\\*Bold\\* \\[link\\](x) \\:red\\[alarm\\]'
    """
    return _MARKUP.sub(r"\\\1", str(text))
