"""The prefecture page. Without a code: Japan on a map, prefectures coloured by an initiative, every municipality a
point, the table beside. With /prefecture?code=NN: that prefecture's municipalities × initiatives, the counts against
the national share, who lacks each initiative, and a CSV for a council report."""
from __future__ import annotations

import re

import streamlit as st

from common.formatting import gap_joined, labelled
from common.government_code import half_width_digits
from dashboard.markdown import md
from dashboard.db import database_version
from dashboard.filters import write_url
from dashboard.government_data import attributions, governments
from dashboard.government_search import PREFECTURE_PAGE, PROFILE_PAGE
from common.texts import text
from dashboard.i18n import labelled_in_language, language
from dashboard.prefecture_model import answer_indicators, indicator_label, national_map, prefecture_view
from dashboard.topic_page import CHART_CONFIG
from dashboard.url_state import MAX_PARAMETER_LENGTH

INDICATOR_KEY = "prefecture__indicator"


def prefecture_from_url() -> tuple[str | None, bool]:
    """(two-digit prefecture code or None, whether the URL's value had to be refused). A 6-digit code of a prefecture
    (170003) is read as its prefecture, full-width digits as digits (as the profile reads its code); anything else but
    1–47 is refused."""
    raw = st.query_params.get("code")
    if raw is None or not raw.strip():
        return None, False
    if len(raw) > MAX_PARAMETER_LENGTH:
        return None, True
    value = half_width_digits(raw).strip()
    if not re.fullmatch(r"[0-9]{1,2}|[0-9]{2}0{3}[0-9]", value):
        return None, True
    number = int(value[:2]) if len(value) == 6 else int(value)
    if not 1 <= number <= 47:
        return None, True
    code = f"{number:02d}"
    if len(value) == 6 and value not in governments().index:  # 17000x with a wrong check digit
        return None, True
    return code, False


def chosen_indicator() -> str:
    """The map's initiative: from the widget, else the URL, else the first; an unknown value falls back silently to the
    first (the choice is visible on the page)."""
    options = list(answer_indicators().indicator_code)
    if INDICATOR_KEY not in st.session_state:
        wanted = st.query_params.get("indicator")
        st.session_state[INDICATOR_KEY] = wanted if wanted in options else options[0]
    return st.selectbox(text("map_indicator", language()), options, format_func=indicator_label,
                        key=labelled_in_language(INDICATOR_KEY))


def render_prefecture_page() -> None:
    code, refused = prefecture_from_url()
    if refused:
        st.warning(text("prefecture_code_invalid", language()), icon="⚠️")
    if code is None:
        render_national()
    else:
        render_prefecture(code)
    st.divider()
    st.subheader(text("attribution_heading", language()), anchor=False)
    st.text("\n".join(attributions(["digital_agency_dx_table", "local_government_list", "prefecture_outlines"])))


def render_national() -> None:
    st.title(text("national_heading", language()))
    indicator = chosen_indicator()
    write_url({"indicator": indicator, "lang": language()})
    figure, table = national_map(indicator, language(), database_version())
    left, right = st.columns([2, 1])
    with left:
        event = st.plotly_chart(figure, config={**CHART_CONFIG, "scrollZoom": True}, width="stretch", key="prefecture__map",
                                on_select="rerun", selection_mode="points")
        st.caption(text("map_caption", language()))
    with right:
        st.dataframe(table, hide_index=True, width="stretch", height=640,
                     column_config={text("profile_link", language()): st.column_config.LinkColumn(display_text=text("open_profile", language()))})
    open_clicked(event)


def open_clicked(event) -> None:
    """A click on a municipality opens its profile; on a prefecture's marker, the prefecture's page."""
    points = (event or {}).get("selection", {}).get("points", []) if isinstance(event, dict) else \
        getattr(getattr(event, "selection", None), "points", []) or []
    for point in points:
        data = point.get("customdata") or []
        if len(data) == 2 and data[1] == "muni" and data[0] in governments().index:
            st.switch_page(PROFILE_PAGE, query_params={"code": data[0], "lang": language()})
        if len(data) == 2 and data[1] == "pref" and re.fullmatch(r"[0-9]{2}", str(data[0])):
            st.switch_page(PREFECTURE_PAGE, query_params={"code": data[0], "lang": language()})


def render_prefecture(code: str) -> None:
    write_url({"code": code, "lang": language()})
    view = prefecture_view(code, language(), database_version())
    st.title(md(view.title))
    own = governments().query("entity_type == 'pref' and prefecture_code == @code").government_code.iloc[0]
    st.page_link(PROFILE_PAGE, label=md(text("prefecture_own_profile", language(), prefecture=view.title)),
                 query_params={"code": own, "lang": language()}, icon=":material/account_balance:")
    st.page_link(PREFECTURE_PAGE, label=text("national_heading", language()), query_params={"lang": language()}, icon=":material/map:")
    st.write(text("prefecture_view_intro", language()))
    st.caption(gap_joined([text('symbol_legend', language()), labelled(text('as_of', language()), view.as_of, language())], language()))
    st.subheader(text("counts_heading", language()), anchor=False)
    st.dataframe(view.counts, hide_index=True, width="stretch")
    st.caption(md(gap_joined([*attributions(["digital_agency_dx_table"]), text("computed_note", language())], language())))
    st.plotly_chart(view.heatmap, config=CHART_CONFIG, width="stretch", key="prefecture__heatmap")
    link = {text("profile_link", language()): st.column_config.LinkColumn(display_text=text("open_profile", language()))}
    st.dataframe(view.matrix, hide_index=True, width="stretch", column_config=link)
    st.download_button(text("download_prefecture", language()), data=view.csv, file_name=view.file_name, mime="text/csv",
                       key="prefecture__download", on_click="ignore", icon=":material/download:")
    st.subheader(text("lacking_heading", language()), anchor=False)
    if view.lacking.empty:
        st.info(text("lacking_none", language()))
    else:
        st.dataframe(view.lacking, hide_index=True, width="stretch", column_config=link)
