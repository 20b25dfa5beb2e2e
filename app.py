"""Entry point: page setup, the language switch, and navigation. Every page lives in pages/."""
import streamlit as st

from dashboard.db import DatabaseMissing, database_version
from dashboard.filters import restore_language
from dashboard.i18n import LANGUAGE_KEY, t
from dashboard.navigation import pages
from dashboard.routing import mark_routed

st.set_page_config(page_title="自治体DX 進捗ダッシュボード", page_icon=":material/monitoring:", layout="wide")
refused = restore_language()
with st.sidebar:
    st.radio(t("language"), ["ja", "en"], format_func={"ja": "日本語", "en": "English"}.get, key=LANGUAGE_KEY, horizontal=True)
try:
    database_version()
except DatabaseMissing:
    st.error(t("database_missing"))
    st.stop()
page = st.navigation(pages())
if refused:
    st.warning(t("url_notice", param="lang"), icon="⚠️")
mark_routed()
page.run()
