"""The page list: topic pages titled from the database's topic labels, in the database's order."""
from __future__ import annotations

import copy

import streamlit as st

from dashboard.db import database_version, query
from dashboard.i18n import language, pick, t

# topic code → page file; AI and RPA share one page, as 別紙1 prints them together
TOPIC_PAGES = {"governance": "governance", "frontyard": "frontyard", "standardization": "standardization",
               "mynumber": "mynumber", "security": "security", "ai": "ai_rpa", "rpa": "ai_rpa", "telework": "telework",
               "digital_divide": "digital_divide"}


@st.cache_resource(max_entries=8, show_spinner=False)
def _topic_entries(lang: str, version: tuple) -> tuple[tuple[str, str], ...]:
    """(page file name, title) per topic page, in the database's topic order; `lang` and `version` key the cache."""
    entries, seen = [], set()
    for row in query("topics").itertuples():
        name = TOPIC_PAGES[row.topic_code]
        if name not in seen:
            seen.add(name)
            entries.append((name, t("nav_ai_rpa") if name == "ai_rpa" else pick(row.label_ja, row.label_en)))
    return tuple(entries)


def pages() -> dict[str, list]:
    """The sections of st.navigation for this run. Page objects are built once per language and database version (each
    st.Page resolves its file on disk, about 0.1 ms apiece per run) and every run gets shallow copies: st.navigation
    marks the page it will run on the object, which must stay private to the session's run."""
    return {section: [copy.copy(page) for page in section_pages]
            for section, section_pages in _sections(language(), database_version()).items()}


@st.cache_resource(max_entries=8, show_spinner=False)
def _sections(lang: str, version: tuple) -> dict[str, tuple]:
    topic_pages = tuple(st.Page(f"pages/{name}.py", title=title, url_path=name) for name, title in _topic_entries(lang, version))
    return {
        t("nav_overview"): (st.Page("pages/overview.py", title=t("nav_overview"), icon=":material/dashboard:", default=True),),
        t("nav_topics"): topic_pages,
        t("nav_places"): (
            # no icons: a page's icon becomes the browser's favicon, which Streamlit fetches from Google's font server
            st.Page("pages/municipality.py", title=t("nav_municipality"), url_path="municipality"),
            st.Page("pages/prefecture.py", title=t("nav_prefecture"), url_path="prefecture"),
        ),
        t("nav_tools"): (
            st.Page("pages/benchmark.py", title=t("nav_benchmark"), icon=":material/leaderboard:", url_path="benchmark"),
            st.Page("pages/data_sources.py", title=t("nav_data"), icon=":material/table_view:", url_path="data"),
        ),
    }
