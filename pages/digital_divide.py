"""デジタルデバイド対策: 別紙1 prints the heading and no figures; the page says so rather than omitting the topic."""
import streamlit as st

from dashboard.db import database_version, query
from dashboard.i18n import language, pick
from dashboard.notes import indicator_context, show_notes, show_sources
from dashboard.routing import require_router

require_router()

topic = query("topics").set_index("topic_code").loc["digital_divide"]
indicator = query("topic_indicators", topic_code="digital_divide").iloc[0]
st.title(pick(topic.label_ja, topic.label_en))
st.caption(topic.heading_printed)
st.info(pick(indicator.definition_ja, indicator.definition_en), icon=":material/info:")
st.write("別紙1の該当箇所は見出しだけで、表も数値もありません。推測で補うことはせず、公表されていないことをそのまま示します。"
         if language() == "ja" else
         "The relevant part of 別紙1 is a heading with no table and no figure. We do not fill the gap; we show that nothing is published.")
notes, title, lines = indicator_context(indicator.indicator_code, language(), database_version())
show_notes(notes)
show_sources([(title, lines)])
