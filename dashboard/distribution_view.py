"""Draws a topic page's distribution view (dashboard/distribution_model.py): the chart, the counts by type, and the
list of governments filterable by type, prefecture (and answer), each name linked to its profile. The choice of
indicator and the filters are kept in the URL (`dist`, `dist_types`, `dist_answers`, `dist_pref`) and in the session,
so a shared link and a return visit show the same view."""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from common.texts import text
from dashboard.db import database_version
from dashboard.distribution_model import ANSWERS, Distribution, choice_labels, distribution
from dashboard.filters import show_notices
from dashboard.i18n import labelled_in_language
from dashboard.peer_text import status_text
from dashboard.topic_page import chart_config
from governments.peers import DATABASE_STATUS
from dashboard.url_state import (DISTRIBUTION_PARAMETERS, DistributionFilters, Notice, distribution_to_params,
                                 parse_distribution_filters, parse_distribution_indicator)

SAVED_KEY = "saved_distributions"  # page id → the URL parameters of its last view: survives switching pages
IN_URL = {answer: status for status, answer in DATABASE_STATUS.items()}  # 調査無し → not_surveyed: a link stays ASCII
FROM_URL = {status: answer for answer, status in IN_URL.items()}


def keys(page_id: str) -> dict[str, str]:
    return {name: f"{page_id}__distribution{suffix}" for name, suffix in
            (("indicator", ""), ("types", "_types"), ("answers", "_answers"), ("prefecture", "_prefecture"))}


def show_distribution(page_id: str, indicator_codes: tuple[str, ...], lang: str) -> None:
    st.subheader(text("distribution_heading", lang))
    st.caption(text("distribution_intro", lang))
    version = database_version()
    key = keys(page_id)
    if key["types"] not in st.session_state:  # first run since arriving on the page: the URL, else the last view
        show_notices(restore(page_id, indicator_codes, lang, version))
    code = indicator_codes[0]
    if len(indicator_codes) > 1:
        labels = choice_labels(indicator_codes, lang, version)
        code = st.selectbox(text("distribution_choose", lang), indicator_codes, format_func=labels.get,
                            key=labelled_in_language(key["indicator"]))
    view = distribution(code, lang, version)
    st.plotly_chart(view.figure, config=chart_config(lang), width="stretch", key=f"{page_id}__distribution_chart")
    st.caption(view.source)  # the attribution and the note: plain text, never markdown
    with st.expander(text("distribution_by_type", lang), expanded=view.kind == "answer"):
        st.dataframe(view.by_type, hide_index=True, width="stretch")
    st.markdown(f"**{text('distribution_list', lang)}**")
    filters = list_filters(key, view, lang)
    chosen = pd.Series(True, index=view.governments.index)
    if filters.types:
        chosen &= view.governments.type_code.isin(filters.types)
    if filters.prefecture:
        chosen &= view.governments.prefecture_code == filters.prefecture
    if filters.answers:
        chosen &= view.governments.answer.isin(filters.answers)
    rows = view.shown_list.filter(pa.array(chosen.to_numpy()))
    st.caption(text("distribution_shown", lang, shown=rows.num_rows, total=view.shown_list.num_rows))
    link = {text("profile_link", lang): st.column_config.LinkColumn(display_text=text("open_profile", lang))}
    st.dataframe(rows, hide_index=True, width="stretch", height=420, column_config=link)
    in_url = DistributionFilters(filters.types, tuple(IN_URL[answer] for answer in filters.answers), filters.prefecture)
    # the indicator is named only where the page offers several and it is not the first (the default)
    params = distribution_to_params(code if code != indicator_codes[0] else None, in_url)
    st.session_state.setdefault(SAVED_KEY, {})[page_id] = params
    write_distribution_url(params)


def restore(page_id: str, indicator_codes: tuple[str, ...], lang: str, version: tuple) -> list[Notice]:
    """Put the view named by the URL (or the session's last one) into the widgets' state; what cannot be used is
    dropped and said (url_state.Notice), never repeated."""
    url = {name: st.query_params.get(name) for name in DISTRIBUTION_PARAMETERS if name in st.query_params}
    params = url if url else st.session_state.get(SAVED_KEY, {}).get(page_id, {})
    code, notices = parse_distribution_indicator(params, indicator_codes)
    view = distribution(code, lang, version)
    filters, more = parse_distribution_filters(params, list(view.type_labels), [IN_URL[a] for a in ANSWERS] if view.kind == "answer" else [],
                                               list(view.prefecture_labels))
    key = keys(page_id)
    if len(indicator_codes) > 1:
        st.session_state[key["indicator"]] = code
    st.session_state[key["types"]] = list(filters.types)
    st.session_state[key["answers"]] = [FROM_URL[status] for status in filters.answers]
    st.session_state[key["prefecture"]] = filters.prefecture
    return notices + more


def list_filters(key: dict[str, str], view: Distribution, lang: str) -> DistributionFilters:
    """The list's filters. A choice the indicator now shown does not offer (a type, after switching to the prefectures'
    own indicators) is dropped before the widget is drawn."""
    if any(code not in view.type_labels for code in st.session_state.get(key["types"], [])):
        st.session_state[key["types"]] = [code for code in st.session_state[key["types"]] if code in view.type_labels]
    if st.session_state.get(key["prefecture"]) not in (None, *view.prefecture_labels):
        st.session_state[key["prefecture"]] = None
    left, right = st.columns(2)
    types = left.multiselect(text("distribution_filter_types", lang), list(view.type_labels), format_func=view.type_labels.get,
                             placeholder=text("distribution_filter_all", lang), key=labelled_in_language(key["types"]))
    prefecture = right.selectbox(text("distribution_filter_prefecture", lang), list(view.prefecture_labels),
                                 format_func=view.prefecture_labels.get, index=None,
                                 placeholder=text("distribution_all_prefectures", lang),
                                 key=labelled_in_language(key["prefecture"]))
    answers: list[str] = []
    if view.kind == "answer":
        answers = st.multiselect(text("distribution_filter_answers", lang), list(ANSWERS), format_func=status_text,
                                 placeholder=text("distribution_filter_all", lang),
                                 key=labelled_in_language(key["answers"]))
    return DistributionFilters(tuple(code for code in view.type_labels if code in types),
                               tuple(answer for answer in ANSWERS if answer in answers), prefecture)


def write_distribution_url(params: dict[str, str]) -> None:
    """Set the view's own parameters, leaving the page's filters, language and encoding as they are; only a change is
    written, so an unchanged view does not touch browser history."""
    for name in DISTRIBUTION_PARAMETERS:
        if name in params and st.query_params.get(name) != params[name]:
            st.query_params[name] = params[name]
        elif name not in params and name in st.query_params:
            del st.query_params[name]
