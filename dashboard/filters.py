"""Filter widgets whose state lives in the URL and in the session, so a copied link and a return visit show the same view."""
from __future__ import annotations

from typing import Callable

import streamlit as st

from common.texts import text
from dashboard.i18n import labelled_in_language, language
from dashboard.url_state import (DISTRIBUTION_PARAMETERS, ENCODING_PARAMETER, FilterOptions, Notice, Selection, default_selection, parameter_names, parse_selection,
                                 selection_to_params)

SAVED_KEY = "saved_filters"  # page id → last Selection: survives switching pages (widget state does not)


def _widget_key(page_id: str, name: str) -> str:
    return f"{page_id}__{name}"


def page_filters(page_id: str, options: FilterOptions, year_label: Callable[[int], str], group_label: Callable[[str], str],
                 item_labels: dict[str, tuple[str, Callable[[str], str]]]) -> tuple[Selection, list[Notice]]:
    """Draw the filters and return the selection. `item_labels`: filter name → (widget label, label of each code)."""
    lang = language()
    notices: list[Notice] = []
    saved = st.session_state.setdefault(SAVED_KEY, {})
    if _widget_key(page_id, "years") not in st.session_state:  # first run of this page since arriving on it
        url = {name: st.query_params.get(name) for name in parameter_names(options) if name in st.query_params}
        if url:
            parsed = parse_selection(url, options)
            initial, notices = parsed.selection, parsed.notices
        else:
            initial = saved.get(page_id) or default_selection(options)
        st.session_state[_widget_key(page_id, "years")] = list(initial.fiscal_years)
        st.session_state[_widget_key(page_id, "groups")] = list(initial.groups)
        for item in options.item_filters:
            st.session_state[_widget_key(page_id, item.name)] = list(initial.items_for(item.name))

    # pills, not multiselects: with at most a dozen options, every choice stays visible, and none is cut off
    years = st.pills(text("fiscal_years", lang), options.fiscal_years, selection_mode="multi", format_func=year_label,
                     key=labelled_in_language(_widget_key(page_id, "years")))
    groups = st.pills(text("groups", lang), options.groups, selection_mode="multi", format_func=group_label,
                      key=labelled_in_language(_widget_key(page_id, "groups")))
    items = []
    for item in options.item_filters:
        label, code_label = item_labels[item.name]
        chosen = st.pills(label, item.allowed, selection_mode="multi", format_func=code_label,
                         key=labelled_in_language(_widget_key(page_id, item.name)))
        items.append((item.name, tuple(code for code in item.allowed if code in chosen)))
    selection = Selection(tuple(y for y in options.fiscal_years if y in years), tuple(g for g in options.groups if g in groups),
                          tuple(items))
    saved[page_id] = selection
    write_url({**selection_to_params(selection, options), "lang": lang}, keep=DISTRIBUTION_PARAMETERS)
    return selection, notices


def write_url(params: dict[str, str], keep: tuple[str, ...] = ()) -> None:
    """Replace the URL's parameters only when they differ, so an unchanged view does not touch browser history.
    The CSV encoding is kept: the download's own radio writes it (dashboard/exports.py); so are the `keep` parameters,
    which another part of the page writes (a topic page's distribution view)."""
    for name in (ENCODING_PARAMETER, *keep):
        if name in st.query_params:
            params = {**params, name: st.query_params[name]}
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)


def show_notices(notices: list[Notice]) -> None:
    for notice in notices:
        st.warning(text("url_partial_notice" if notice.partial else "url_notice", language(), param=notice.parameter),
                   icon="⚠️")
