"""The sidebar's search box: results as the user types, each a link to the government's page."""
from __future__ import annotations

import streamlit as st

from dashboard.markdown import md
from dashboard.db import database_version, query
from common.texts import pick, text
from dashboard.government_data import name_with_prefecture
from dashboard.i18n import language
from governments.search import MAX_BOX_CHARS, Government, SearchIndex

SEARCH_KEY = "government_search"
SEARCH_TEXT_KEY = "government_search_text"  # the typed text: plain state, kept when the page changes (widget state is not)
PROFILE_PAGE = "pages/municipality.py"
PREFECTURE_PAGE = "pages/prefecture.py"
BENCHMARK_PAGE = "pages/benchmark.py"


@st.cache_resource(max_entries=2, show_spinner=False)
def search_index(version: tuple) -> SearchIndex:
    """One index per database version, shared by every session; `version` keys the cache."""
    rows = query("government_search_index")
    return SearchIndex(Government(r.government_code, r.name_ja, r.name_kana or "", r.name_en or "", r.prefecture_code,
                                  r.prefecture_ja, r.prefecture_en or "", r.entity_type) for r in rows.itertuples())


def result_label(government: Government) -> str:
    """「府中市（東京都）」 / "Fuchu-shi (Tokyo)": same-name governments differ by their prefecture, and by their Japanese
    name where the prefecture has two of the same English name ("Esashi-cho (江差町, Hokkaido)")."""
    if government.entity_type == "pref":
        return pick(government.name_ja, government.name_en, language())
    return name_with_prefecture(government.code, language())


def link_target(government: Government) -> tuple[str, dict[str, str]]:
    """A prefecture opens the prefecture page (its municipalities); any other government its profile."""
    if government.entity_type == "pref":
        return PREFECTURE_PAGE, {"code": government.prefecture_code, "lang": language()}
    return PROFILE_PAGE, {"code": government.code, "lang": language()}


def _keep_text() -> None:
    st.session_state[SEARCH_TEXT_KEY] = st.session_state[SEARCH_KEY]


@st.fragment
def search_box() -> None:
    """Typing reruns this fragment only (after a 250 ms pause), not the page around it. The box sits above the page in
    app.py, so each page draws its own widget; the text lives in SEARCH_TEXT_KEY and the widget mirrors it."""
    st.session_state[SEARCH_KEY] = st.session_state.get(SEARCH_TEXT_KEY, "")
    typed = st.text_input(text("search_label", language()), max_chars=MAX_BOX_CHARS, key=SEARCH_KEY, type="search", live=True,
                         placeholder=text("search_placeholder", language()), help=text("search_help", language()), on_change=_keep_text)
    if not typed:
        return
    result = search_index(database_version()).search(typed)
    if result.problem:
        st.caption(text(result.problem, language(), **dict(result.problem_fields)))
        return
    for government in result.matches:
        page, params = link_target(government)
        st.page_link(page, label=md(result_label(government)), query_params=params,
                     icon=":material/map:" if government.entity_type == "pref" else ":material/location_city:")
    if result.more:
        st.caption(text("search_more", language(), count=result.more))
