"""The pages' name for the one text helper (`iom.text`): data shown in Markdown as text."""

from __future__ import annotations

from iom.text import escape, terminal

__all__ = ["escape", "terminal"]
