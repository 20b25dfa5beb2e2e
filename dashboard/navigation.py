"""The page list: topic pages titled from the database's topic labels, in the database's order."""
from __future__ import annotations

import streamlit as st

from dashboard.db import query
from dashboard.i18n import pick, t

# topic code → page file; AI and RPA share one page, as 別紙1 prints them together
TOPIC_PAGES = {"governance": "governance", "frontyard": "frontyard", "standardization": "standardization",
               "mynumber": "mynumber", "security": "security", "ai": "ai_rpa", "rpa": "ai_rpa", "telework": "telework",
               "digital_divide": "digital_divide"}


def pages() -> dict[str, list]:
    topics = query("topics")
    topic_pages, seen = [], set()
    for row in topics.itertuples():
        name = TOPIC_PAGES[row.topic_code]
        if name in seen:
            continue
        seen.add(name)
        title = t("nav_ai_rpa") if name == "ai_rpa" else pick(row.label_ja, row.label_en)
        topic_pages.append(st.Page(f"pages/{name}.py", title=title, url_path=name))
    return {
        t("nav_overview"): [st.Page("pages/overview.py", title=t("nav_overview"), icon=":material/dashboard:", default=True)],
        t("nav_topics"): topic_pages,
        t("nav_tools"): [
            st.Page("pages/benchmark.py", title=t("nav_benchmark"), icon=":material/leaderboard:", url_path="benchmark"),
            st.Page("pages/data_sources.py", title=t("nav_data"), icon=":material/table_view:", url_path="data"),
        ],
    }
