"""Entry point: page setup, the language switch, and navigation. Every page lives in pages/."""
from pathlib import Path

import streamlit as st

from common.texts import text
from dashboard.availability import require_database, stopped_when_unavailable
from dashboard.government_search import search_box
from dashboard.i18n import language, language_switch, restore_language
from dashboard.navigation import pages
from dashboard.routing import routed

# The icon ships with the app and is sent inline (an SVG becomes a data: URL): a `:material/…:` icon would make every
# browser fetch it from Google's font server, and the dashboard must run offline, inside government networks.
PAGE_ICON = Path(__file__).resolve().parent / "dashboard" / "assets" / "page_icon.svg"
st.set_page_config(page_title="自治体DX 進捗ダッシュボード", page_icon=PAGE_ICON, layout="wide")
refused = restore_language()
with st.sidebar:
    language_switch()
require_database()
with st.sidebar:
    search_box()
with stopped_when_unavailable():
    page = st.navigation(pages(), expanded=True)  # every page in view: the nav would otherwise fold behind "View 3 more"
if refused:
    st.warning(text("url_notice", language(), param="lang"), icon="⚠️")
with routed(), stopped_when_unavailable():
    page.run()
