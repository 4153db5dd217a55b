"""Dashboard pages, run by `st.navigation` as scripts: widgets and rendering only."""
