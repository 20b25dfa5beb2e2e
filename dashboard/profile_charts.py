"""The profile's chart: a government's マイナンバーカード交付率 2017–2022 against its peers' median and spread."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.charts import FONT, as_drawn, literal
from dashboard.db import database_version
from dashboard.government_data import attributions, cells, fiscal_year_of, governments, governments_in_year, indicators
from common.formatting import bracketed, gap_joined, labelled
from common.texts import text
from dashboard.i18n import language

MYNUMBER_CONCEPT = "mynumber_issued"


def mynumber_indicator() -> str | None:
    """The card-issuance series of every government (level "all"), not the Digital Agency's holding rate."""
    meta = indicators()
    chosen = meta[(meta.concept_code == MYNUMBER_CONCEPT) & (meta.level == "all")]
    return chosen.indicator_code.iloc[0] if len(chosen) else None


@st.cache_resource(max_entries=16, show_spinner=False)
def peer_spread(entity_type: str, version: tuple) -> pd.DataFrame:
    """Per date: median and quartiles of the published rate among governments of `entity_type` on that date (their
    type in that date's fiscal year); `version` keys the cache. Computed, not published."""
    frame = cells(mynumber_indicator())
    rows = []
    for as_of, day in frame.groupby("as_of"):
        in_year = governments_in_year(fiscal_year_of(as_of), version)
        members = set(in_year.government_code[in_year.entity_type == entity_type])
        values = day[day.government_code.isin(members)].value.dropna()
        if len(values):
            rows.append((as_of, values.quantile(0.25), values.median(), values.quantile(0.75), len(values)))
    return pd.DataFrame(rows, columns=["as_of", "q1", "median", "q3", "reported"])


def mynumber_figure(head) -> tuple[go.Figure, "Section"] | None:
    from dashboard.profile_model import Section

    code = mynumber_indicator()
    if code is None:
        return None
    frame = cells(code)
    own = frame[frame.government_code == head.code].sort_values("as_of")
    if own.empty:
        return None
    entity_type = governments().at[head.code, "entity_type"]
    spread = peer_spread(entity_type, database_version())
    figure = go.Figure()
    peer = head.type_label
    x_band = list(spread.as_of) + list(spread.as_of[::-1])
    figure.add_trace(go.Scatter(x=x_band, y=list(spread.q3) + list(spread.q1[::-1]), fill="toself", mode="lines",
                                line=dict(width=0), fillcolor="rgba(86,180,233,0.25)", hoverinfo="skip",
                                name=literal(text("mynumber_band", language(), peer=peer))))
    figure.add_trace(go.Scatter(x=spread.as_of, y=spread["median"], mode="lines", line=dict(color="#0072B2", dash="dash", width=2),
                                name=literal(text("mynumber_median", language(), peer=peer)),
                                hovertemplate=labelled("%{x|%Y-%m-%d}", "%{y:.1f}%", language()) + "<extra></extra>"))
    if not head.is_prefecture:
        prefecture_code = governments().at[head.code, "prefecture_government_code"]
        prefecture = frame[frame.government_code == prefecture_code].sort_values("as_of")
        figure.add_trace(go.Scatter(x=prefecture.as_of, y=prefecture.value, mode="lines", line=dict(color="#555555", dash="dot", width=2),
                                    name=literal(text("mynumber_prefecture", language(), prefecture=head.prefecture_label)),
                                    customdata=[[literal(p)] for p in prefecture.value_printed],
                                    hovertemplate=labelled("%{x|%Y-%m-%d}", "%{customdata[0]}%", language()) + "<extra></extra>"))
    figure.add_trace(go.Scatter(x=own.as_of, y=own.value, mode="lines+markers", line=dict(color="#D55E00", width=3),
                                marker=dict(size=5, symbol="circle"), name=literal(bracketed(head.title, text('mynumber_self', language()), language())),
                                customdata=[[literal(p)] for p in own.value_printed],
                                hovertemplate=labelled("%{x|%Y-%m-%d}", "%{customdata[0]}%", language()) + "<extra></extra>"))
    figure.update_layout(
        title=dict(text=literal(text("mynumber_heading", language())), x=0, xanchor="left", font=dict(size=15),
                   subtitle=dict(text=literal(f"{own.as_of.min():%Y-%m-%d} – {own.as_of.max():%Y-%m-%d}"), font=dict(size=13, color="#555"))),
        height=420, font=dict(family=FONT, size=13), margin=dict(l=10, r=10, t=80, b=10), plot_bgcolor="white",
        legend=dict(orientation="h", yanchor="top", y=-0.12, x=0), hovermode="x unified")
    figure.update_yaxes(title_text=text("mynumber_axis", language()), ticksuffix="%", gridcolor="#e5e5e5", rangemode="tozero")
    figure.update_xaxes(showgrid=False, linecolor="#444")
    merged = own.merge(spread, on="as_of", how="left")
    table = pd.DataFrame({
        text("as_of", language()): merged.as_of.dt.strftime("%Y-%m-%d"),
        text("own_rate", language()): [f"{p}%" for p in merged.value_printed],
        text("count_cards", language()): [f"{int(c):,}" if pd.notna(c) else "" for c in merged["count"]],
        text("mynumber_median", language(), peer=peer): [f"{v:.1f}%" if pd.notna(v) else "" for v in merged["median"]],
        text("peer_reporting", language()): merged.reported.astype("Int64"),
    })
    source = " ".join(attributions(dict.fromkeys(own.source_id)))
    return as_drawn(figure), Section(text("mynumber_heading", language()), table, (), gap_joined([source, text('mynumber_caption', language())], language()))
