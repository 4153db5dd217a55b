"""The iom dashboard: `streamlit run streamlit_app.py` (or `iom up`)."""

from iom.ui.app import main

main()
