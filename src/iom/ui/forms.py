"""Form helpers for the pages: show a refused save as one escaped sentence, keep the page going.

`guard()` stops a page on any library error (the page cannot be drawn); a form whose input is
wrong, or whose plan someone else saved first, should instead say so next to the form and
let the rest of the page render.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from iom.errors import EditConflict, InvalidInput
from iom.ui.text import escape

__all__ = ["attempt"]


@contextmanager
def attempt() -> Iterator[None]:
    """Run a save: bad input or an edit conflict is shown (escaped) and the page carries on."""
    try:
        yield
    except InvalidInput as e:
        st.error(f"Not saved. {escape(e)}", icon=":material/error:")
    except EditConflict as e:
        st.warning(f"Not saved. {escape(e)}", icon=":material/sync_problem:")
