"""The dashboard's router: `st.navigation` over the pages in `iom/ui/pages/`."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

__all__ = ["PAGES", "main", "page"]

PAGES_DIR = Path(__file__).resolve().parent / "pages"

# name (also the URL path) -> (file, title, icon)
PAGES: dict[str, tuple[str, str, str]] = {
    "home": ("home.py", "Home", ":material/home:"),
    "cohort": ("cohort.py", "Cohort", ":material/format_list_numbered:"),
    "person": ("person.py", "Person profile", ":material/person_search:"),
    "referrals": ("referrals.py", "Referrals", ":material/move_to_inbox:"),
    "plan": ("plan.py", "Plan", ":material/assignment:"),
    "my-work": ("my_work.py", "My work", ":material/checklist:"),
    "pathways": ("pathways.py", "Pathways", ":material/route:"),
    "search": ("search.py", "Search", ":material/search:"),
}


def page(name: str) -> StreamlitPage:
    """The page called `name`, the same object `st.navigation` runs (for `st.switch_page`)."""
    file, title, icon = PAGES[name]
    return st.Page(PAGES_DIR / file, title=title, icon=icon, url_path=name, default=name == "home")


def main() -> None:
    """Set up the page and run the one the URL (or a switch) asks for."""
    st.set_page_config(page_title="iom", page_icon=":material/hub:", layout="wide")
    st.navigation([page(name) for name in PAGES]).run()
