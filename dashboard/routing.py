"""Every page must run inside app.py's router (language switch, navigation, database check).

Streamlit treats a `pages/` folder beside the entry script as an old-style multipage app until some session has run
st.navigation (and Streamlit's AppTest resets that state before every run). A page can then run without app.py: as
the first request after a server start, through a deep link. The page notices and reruns once; by then Streamlit has
switched to st.navigation, and app.py runs as it should.
"""
from contextlib import contextmanager

import streamlit as st

ROUTED_KEY = "routed_by_app"


@contextmanager
def routed():
    """Held by app.py while it runs the page, and only then: cleared even when the page reruns or stops."""
    st.session_state[ROUTED_KEY] = True
    try:
        yield
    finally:
        st.session_state[ROUTED_KEY] = False


def require_router() -> None:
    if not st.session_state.get(ROUTED_KEY):
        # Calling st.navigation is the public way to tell Streamlit this app routes with st.navigation, not the
        # pages/ folder; registering the app's own pages also resolves this URL to this page, so the rerun stays on it.
        from dashboard.availability import stopped_when_unavailable
        from dashboard.navigation import pages

        with stopped_when_unavailable():  # the page list comes from the database
            st.navigation(pages(), position="hidden")
        st.rerun()
