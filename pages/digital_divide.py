"""デジタルデバイド対策: 別紙1 prints the heading and no figures; the page says so rather than omitting the topic."""
import streamlit as st

from common.texts import text
from dashboard.db import database_version
from dashboard.i18n import language
from dashboard.notes import show_notes, show_sources
from dashboard.routing import require_router
from dashboard.topic_page import topic_header

require_router()

lang = language()
header = topic_header("digital_divide", lang, database_version())
st.title(header.title)
st.caption(header.heading)
st.info(header.definition, icon=":material/info:")
st.write(text("digital_divide_body", lang))
show_notes(header.notes)
show_sources(header.sources)
