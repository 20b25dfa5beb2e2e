"""Every page must run inside app.py's router (language switch, navigation, database check).

Streamlit treats a `pages/` folder beside the entry script as an old-style multipage app until some session has run
st.navigation. A link straight to a page, as the first request after a server start, would then run the page alone.
The page notices and reruns once; by then Streamlit has switched to st.navigation, and app.py runs as it should.
"""
import streamlit as st

ROUTED_KEY = "routed_by_app"


def mark_routed() -> None:
    st.session_state[ROUTED_KEY] = True


def require_router() -> None:
    if not st.session_state.get(ROUTED_KEY):
        # Calling st.navigation is the public way to tell Streamlit this app routes with st.navigation, not the
        # pages/ folder; the rerun then runs app.py, which resolves the same URL to this page.
        # Registering the app's own pages also resolves this URL to this page, so the rerun stays on it.
        from dashboard.navigation import pages

        st.navigation(pages(), position="hidden")
        st.rerun()
