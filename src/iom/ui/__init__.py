"""The Streamlit dashboard: a router (`app.py`), shared state (`state.py`) and thin pages."""
