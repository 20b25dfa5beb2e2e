"""Entry point: page setup, the language switch, and navigation. Every page lives in pages/."""
import streamlit as st

from dashboard.db import DatabaseMissing, database_version
from dashboard.government_search import search_box
from dashboard.i18n import language_switch, restore_language, t
from dashboard.navigation import pages
from dashboard.routing import routed

st.set_page_config(page_title="自治体DX 進捗ダッシュボード", page_icon=":material/monitoring:", layout="wide")
refused = restore_language()
with st.sidebar:
    language_switch()
try:
    database_version()
except DatabaseMissing:
    st.error(t("database_missing"))
    st.stop()
with st.sidebar:
    search_box()
page = st.navigation(pages())
if refused:
    st.warning(t("url_notice", param="lang"), icon="⚠️")
with routed():
    page.run()
