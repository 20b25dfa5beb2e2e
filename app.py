"""Entry point: page setup, the language switch, and navigation. Every page lives in pages/."""
import streamlit as st

from common.texts import text
from dashboard.db import DatabaseMissing, database_version
from dashboard.i18n import language, language_switch, restore_language
from dashboard.navigation import pages
from dashboard.routing import routed

st.set_page_config(page_title="自治体DX 進捗ダッシュボード", page_icon=":material/monitoring:", layout="wide")
refused = restore_language()
with st.sidebar:
    language_switch()
try:
    database_version()
except DatabaseMissing:
    st.error(text("database_missing", language()))
    st.stop()
page = st.navigation(pages())
if refused:
    st.warning(text("url_notice", language(), param="lang"), icon="⚠️")
with routed():
    page.run()
