"""Draws a topic page's distribution view (dashboard/distribution_model.py): the chart, the counts by type, and the
list of governments filterable by type (and by answer), each name linked to its profile."""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from common.texts import text
from dashboard.db import database_version
from dashboard.distribution_model import ANSWERS, distribution
from dashboard.peer_text import status_text
from dashboard.prefecture_model import indicator_label
from dashboard.topic_page import chart_config


def show_distribution(page_id: str, indicator_codes: tuple[str, ...], lang: str) -> None:
    st.subheader(text("distribution_heading", lang))
    st.caption(text("distribution_intro", lang))
    version = database_version()
    code = indicator_codes[0]
    if len(indicator_codes) > 1:
        labels = {c: indicator_label(c) for c in indicator_codes}  # not the models: only the chosen one is built
        code = st.selectbox(text("distribution_choose", lang), indicator_codes, format_func=labels.get, key=f"{page_id}__distribution")
    view = distribution(code, lang, version)
    st.plotly_chart(view.figure, config=chart_config(lang), width="stretch", key=f"{page_id}__distribution_chart")
    st.caption(view.source)  # the attribution and the note: plain text, never markdown
    with st.expander(text("distribution_by_type", lang), expanded=view.kind == "answer"):
        st.dataframe(view.by_type, hide_index=True, width="stretch")
    st.markdown(f"**{text('distribution_list', lang)}**")
    types = st.multiselect(text("distribution_filter_types", lang), list(view.type_labels), format_func=view.type_labels.get,
                           placeholder=text("distribution_filter_all", lang), key=f"{page_id}__distribution_types__{code}")
    chosen = view.governments.type_code.isin(types) if types else pd.Series(True, index=view.governments.index)
    if view.kind == "answer":
        answers = st.multiselect(text("distribution_filter_answers", lang), list(ANSWERS), format_func=status_text,
                                 placeholder=text("distribution_filter_all", lang),
                                 key=f"{page_id}__distribution_answers__{code}")
        if answers:
            chosen &= view.governments.answer.isin(answers)
    rows = view.shown_list.filter(pa.array(chosen.to_numpy()))
    st.caption(text("distribution_shown", lang, shown=rows.num_rows, total=view.shown_list.num_rows))
    link = {text("profile_link", lang): st.column_config.LinkColumn(display_text=text("open_profile", lang))}
    st.dataframe(rows, hide_index=True, width="stretch", height=420, column_config=link)
