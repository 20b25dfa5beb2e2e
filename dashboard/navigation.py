"""The page list: topic pages titled from the database's topic labels, in the database's order."""
from __future__ import annotations

import copy

import streamlit as st

from common.texts import pick, text
from dashboard.db import database_version, query
from dashboard.i18n import language

# topic code → page file; AI and RPA share one page, as 別紙1 prints them together
TOPIC_PAGES = {"governance": "governance", "frontyard": "frontyard", "standardization": "standardization",
               "mynumber": "mynumber", "security": "security", "ai": "ai_rpa", "rpa": "ai_rpa", "telework": "telework",
               "digital_divide": "digital_divide"}


def topic_entries(lang: str) -> list[tuple[str, str]]:
    """(page file name, title) per topic page, in the database's topic order."""
    entries, seen = [], set()
    for row in query("topics").itertuples():
        name = TOPIC_PAGES[row.topic_code]
        if name not in seen:
            seen.add(name)
            entries.append((name, text("nav_ai_rpa", lang) if name == "ai_rpa" else pick(row.label_ja, row.label_en, lang)))
    return entries


def pages() -> dict[str, list]:
    """The sections of st.navigation for this run: shallow copies of page objects built once per language and database
    version. Building them takes 4–6 ms a run (each st.Page resolves its file on disk), copying 0.1 ms; and a copy is
    needed anyway, since st.navigation marks the page it will run on the object, which must stay private to the run."""
    return {section: [copy.copy(page) for page in section_pages]
            for section, section_pages in _sections(language(), database_version()).items()}


@st.cache_resource(max_entries=8, show_spinner=False)
def _sections(lang: str, version: tuple) -> dict[str, tuple]:
    """`lang` and `version` key the cache: topic titles come from the database."""
    return {
        text("nav_overview", lang): (st.Page("pages/overview.py", title=text("nav_overview", lang), icon=":material/dashboard:",
                                             default=True),),
        text("nav_topics", lang): tuple(st.Page(f"pages/{name}.py", title=title, url_path=name)
                                        for name, title in topic_entries(lang)),
        text("nav_places", lang): (
            # no icons: a page's icon becomes the browser's favicon
            st.Page("pages/municipality.py", title=text("nav_municipality", lang), url_path="municipality"),
            st.Page("pages/prefecture.py", title=text("nav_prefecture", lang), url_path="prefecture"),
        ),
        text("nav_tools", lang): (
            st.Page("pages/benchmark.py", title=text("nav_benchmark", lang), icon=":material/leaderboard:", url_path="benchmark"),
            st.Page("pages/data_sources.py", title=text("nav_data", lang), icon=":material/table_view:", url_path="data"),
        ),
    }
