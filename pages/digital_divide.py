"""デジタルデバイド対策: 別紙1 prints the heading and no figures; the page says so rather than omitting the topic."""
import streamlit as st

from dashboard.db import database_version
from dashboard.i18n import language
from dashboard.notes import indicator_context, show_notes, show_sources
from dashboard.routing import require_router
from dashboard.topic_page import topic_header

require_router()

header = topic_header("digital_divide", language(), database_version())
st.title(header.title)
st.caption(header.heading)
st.info(header.definition, icon=":material/info:")
st.write("別紙1の該当箇所は見出しだけで、表も数値もありません。推測で補うことはせず、公表されていないことをそのまま示します。"
         if language() == "ja" else
         "The relevant part of 別紙1 is a heading with no table and no figure. We do not fill the gap; we show that nothing is published.")
notes, title, lines = indicator_context(header.indicator_code, language(), database_version())
show_notes(notes)
show_sources([(title, lines)])
