"""What every page shares: the store (opened once per process), who is acting, and `guard()`.

`guard()` is the dashboard's edge: the library's own errors become one sentence (an outage,
a configuration to fix, a record that isn't there) and the page stops; anything else is a
bug and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from iom.connection import Store, connect
from iom.errors import EMPTY_STORE, ConfigError, IomError, RecordNotFound, StoreUnavailable
from iom.overview import StoreSummary, store_summary
from iom.security.access import Actor
from iom.settings import Settings
from iom.text import escape

__all__ = ["EMPTY_STORE", "actor", "get_store", "guard", "require_data", "store_key"]


def store_key() -> str:
    """Which store the environment names (backend, place, graph): the cache key for it."""
    settings = Settings.from_env()
    where = settings.store_uri or str(settings.data_dir)
    return f"{settings.backend}:{where}:{settings.graph}"


@st.cache_resource(show_spinner="Opening the data store…")
def _open(key: str) -> Store:
    """The store for `key`, opened once per process (starts the embedded server if needed)."""
    return connect(Settings.from_env())


def get_store() -> Store:
    """The configured store (IOM_DATA_DIR, IOM_GRAPH, NEO4J_*), shared by every session."""
    return _open(store_key())


def actor(purpose: str) -> Actor:
    """Who is acting: the local user for now (IOM_USER / IOM_ROLE); `st.user` once sign-in lands."""
    return Actor.local(purpose)


def _unreachable(error: StoreUnavailable) -> str:
    message = str(error).rstrip(".")
    hint = "" if "iom up" in message else " Start it with `iom up` (or check NEO4J_URI)."
    return f"The data store is not reachable: {message}.{hint}"


@contextmanager
def guard() -> Iterator[None]:
    """Show the library's errors as one sentence and stop the page; let bugs through."""
    try:
        yield
    except StoreUnavailable as e:
        st.error(escape(_unreachable(e)))
        st.stop()
    except ConfigError as e:
        st.error(escape(f"iom is not configured correctly: {e}"))
        st.stop()
    except RecordNotFound as e:  # its message may hold an id typed into the URL
        st.warning(escape(f"{str(e)[:1].upper()}{str(e)[1:]}."))
        st.stop()
    except IomError as e:
        st.error(escape(str(e)))
        st.stop()


def require_data(store: Store) -> StoreSummary:
    """The store's summary; an empty store gets an info sentence and stops the page."""
    summary = store_summary(store)
    if summary.empty:
        st.info(EMPTY_STORE)
        st.stop()
    return summary
