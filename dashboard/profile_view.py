"""The profile page: one government's values beside its peers, its MyNumber series, its online procedures, what 別紙1
says of its group since, a CSV and a print view. The URL holds the government: /municipality?code=XXXXXX."""
from __future__ import annotations

import streamlit as st

from dashboard.markdown import md
from dashboard.print_style import PRINT_CSS
from dashboard.db import database_version
from dashboard.filters import write_url
from dashboard.government_data import attributions, government_code_from_url
from dashboard.government_search import BENCHMARK_PAGE, PREFECTURE_PAGE
from common.texts import text
from dashboard.i18n import language
from dashboard.profile_model import Section, build_profile
from dashboard.topic_page import CHART_CONFIG
from dashboard.url_state import PROFILE_VIEW, parse_profile_view
from common.formatting import labelled

PRINT_KEY = "profile__print"


def render_profile_page() -> None:
    st.markdown(PRINT_CSS, unsafe_allow_html=True)  # static stylesheet only, no user text
    code, problem = government_code_from_url()
    if problem:
        st.title(text("nav_municipality", language()))
        (st.info if code is None and st.query_params.get("code") is None else st.error)(md(problem))
        return
    profile = build_profile(code, language(), database_version())
    if PRINT_KEY not in st.session_state:  # first run since arriving: the link may ask for the print view (view=print)
        st.session_state[PRINT_KEY], refused = parse_profile_view(st.query_params.get(PROFILE_VIEW))
        if refused:
            st.warning(text("url_notice", language(), param=PROFILE_VIEW), icon="⚠️")
    head = profile.header
    st.title(md(head.title))
    st.caption(md(head.other_names))
    columns = st.columns(4)
    columns[0].metric(text("type", language()), head.type_label)
    columns[1].metric(text("prefecture", language()), head.prefecture_label)
    columns[2].metric(text("population", language()), head.population.split("（")[0].split(" (")[0])
    columns[3].metric(text("government_code", language()), head.code)
    st.caption(md(labelled(text('population', language()), head.population, language())))
    if not head.is_prefecture:
        st.page_link(PREFECTURE_PAGE, label=md(text("open_prefecture", language(), prefecture=head.prefecture_label)),
                     query_params={"code": head.prefecture_code, "lang": language()}, icon=":material/map:")
    st.page_link(BENCHMARK_PAGE, label=text("open_benchmark", language()), query_params={"code": head.code, "lang": language()},
                 icon=":material/leaderboard:")
    printing = st.toggle(text("print_view_toggle", language()), key=PRINT_KEY)
    write_url({"code": code, "lang": language(), **({PROFILE_VIEW: "print"} if printing else {})})
    if printing:
        st.caption(text("print_hint", language()))
    else:
        st.write(text("profile_intro", language()))
    if profile.indicators is None:
        st.info(text("no_government_data", language()))
    else:
        section(profile.indicators, printing)
    if profile.mynumber:
        figure, table = profile.mynumber
        st.subheader(text("mynumber_heading", language()), anchor=False)
        st.plotly_chart(figure, config={**CHART_CONFIG, "staticPlot": printing}, width="stretch", key="profile__mynumber")
        section(table, printing, heading=False)
    if profile.online is not None:
        section(profile.online, printing)
    if profile.later:
        st.subheader(text("later_heading", language()), anchor=False)
        for later in profile.later:
            section(later, printing, level="small")
    if not printing:
        st.download_button(text("download_profile", language()), data=profile.csv, file_name=profile.file_name, mime="text/csv",
                           key="profile__download", on_click="ignore", icon=":material/download:")
    attribution()


def section(part: Section, printing: bool, heading: bool = True, level: str = "sub") -> None:
    if heading:
        if level == "sub":
            st.subheader(md(part.title), anchor=False)
        else:
            st.markdown(f"**{md(part.title)}**")
    if printing:
        st.table(part.table, hide_index=True)
    else:
        st.dataframe(part.table, hide_index=True, width="stretch")
    if part.caption:
        st.caption(md(part.caption))
    if part.sentences:
        with st.container(border=True):
            for sentence in part.sentences:
                st.text(sentence)  # text, not markdown: names and values shown as they are
    if part.more_sentences:
        with st.expander(text("more_sentences", language()), expanded=printing):
            st.text("\n".join(part.more_sentences))


def attribution() -> None:
    st.divider()
    st.subheader(text("attribution_heading", language()), anchor=False)
    st.text("\n".join(attributions(["digital_agency_dx_table", "mynumber_card_issuance", "local_government_list"])))
