"""The dashboard's router: `st.navigation` over the pages in `iom/ui/pages/`, in sections."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

__all__ = ["PAGES", "SECTIONS", "Page", "grouped", "main", "page", "page_file", "sections"]

PAGES_DIR = Path(__file__).resolve().parent / "pages"

# The sidebar's sections, in order; a section shows once it has a page.
SECTIONS = ("IOM", "OCGs", "Admin")


@dataclass(frozen=True)
class Page:
    """One dashboard page: its script under pages/, title, icon and sidebar section."""

    file: str
    title: str
    icon: str
    section: str


# name (also the URL path) -> page. A new page is one entry here, in its capability's folder.
PAGES: dict[str, Page] = {
    "home": Page("overview/home.py", "Home", ":material/home:", "IOM"),
    "cohort": Page("cohort/cohort.py", "Cohort", ":material/format_list_numbered:", "IOM"),
    "person": Page("people/person.py", "Person profile", ":material/person_search:", "IOM"),
    "households": Page("cohort/households.py", "Households", ":material/home_work:", "IOM"),
    "ocgs": Page("disruption/ocgs.py", "OCG list", ":material/groups:", "OCGs"),
    "ocg": Page("disruption/ocg.py", "OCG profile", ":material/badge:", "OCGs"),
    "tactics": Page("disruption/tactics.py", "Tactics", ":material/strategy:", "OCGs"),
    "ledger": Page("disruption/ledger.py", "Ledger", ":material/receipt_long:", "OCGs"),
    "meeting": Page("disruption/meeting.py", "Meeting", ":material/forum:", "OCGs"),
    "network": Page("network/network.py", "Network explorer", ":material/hub:", "OCGs"),
    "referrals": Page("casework/referrals.py", "Referrals", ":material/move_to_inbox:", "IOM"),
    "plan": Page("casework/plan.py", "Plan", ":material/assignment:", "IOM"),
    "my-work": Page("casework/my_work.py", "My work", ":material/checklist:", "IOM"),
    "pathways": Page("casework/pathways.py", "Pathways", ":material/route:", "IOM"),
    "search": Page("casework/search.py", "Search", ":material/search:", "IOM"),
}


def page_file(name: str) -> Path:
    """The script of the page called `name`."""
    return PAGES_DIR / PAGES[name].file


def page(name: str) -> StreamlitPage:
    """The page called `name`, the same object `st.navigation` runs (for `st.switch_page`)."""
    entry = PAGES[name]
    return st.Page(
        page_file(name),
        title=entry.title,
        icon=entry.icon,
        url_path=name,
        default=name == "home",
    )


def grouped() -> dict[str, list[str]]:
    """Section title -> the names of its pages, in SECTIONS order; empty sections left out."""
    unknown = {p.section for p in PAGES.values()} - set(SECTIONS)
    if unknown:
        raise ValueError(f"pages in unknown sections: {sorted(unknown)}")
    names = {s: [n for n, p in PAGES.items() if p.section == s] for s in SECTIONS}
    return {section: pages for section, pages in names.items() if pages}


def sections() -> dict[str, list[StreamlitPage]]:
    """What `st.navigation` shows: each section's pages, under its title."""
    return {section: [page(n) for n in names] for section, names in grouped().items()}


def main() -> None:
    """Set up the page and run the one the URL (or a switch) asks for."""
    st.set_page_config(page_title="iom", page_icon=":material/hub:", layout="wide")
    st.navigation(sections()).run()
