"""What the prefecture page shows, computed once per prefecture (or Japan), indicator, language and database version:
municipalities × initiatives with symbols, counts against the national share, who lacks each initiative, the map."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.charts import FONT, as_drawn, literal
from common.csv_export import dataframe_to_csv_bytes
from common.formatting import bracketed, gap_joined, labelled
from dashboard.government_data import cells, distinct_names, governments, indicators, iso_date, latest, names_in_prefecture
from common.texts import pick, text
from dashboard.i18n import language
from dashboard.maps import drawn_outlines, japan_map
from dashboard.peer_text import status_text
from governments.peers import DONE, NOT_DONE, NOT_REPORTED, NOT_SURVEYED, statuses_of

SYMBOLS = {DONE: "●", NOT_DONE: "○", NOT_SURVEYED: "×", NOT_REPORTED: "－"}
# the same four symbols as the heatmap's markers: ● filled circle, ○ open circle, × cross, － dash
STATUS_MARKERS = {DONE: "circle", NOT_DONE: "circle-open", NOT_SURVEYED: "x-thin-open", NOT_REPORTED: "line-ew-open"}
# heatmap cell values: one per status, so the colour scale is categorical (Okabe–Ito sky blue and yellow, grey, white:
# light enough that every symbol is drawn in black and read without colour)
STATUS_LEVELS = {DONE: 3, NOT_DONE: 2, NOT_SURVEYED: 1, NOT_REPORTED: 0}
STATUS_COLORS = ["#ffffff", "#bbbbbb", "#F0E442", "#56B4E9"]
# levels 0…3 drawn over −0.5…3.5: each level a flat quarter of the scale
CATEGORICAL_SCALE = [[edge, color] for index, color in enumerate(STATUS_COLORS) for edge in (index / 4, (index + 1) / 4)]


def answer_indicators() -> pd.DataFrame:
    """The municipalities' 実施/未実施 indicators of the Digital Agency table, in the source's order."""
    meta = indicators()
    return meta[(meta.level == "muni") & (meta.kind == "answer")]


def municipality_statuses(prefecture_code: str | None) -> tuple[pd.DataFrame, dict[str, pd.Timestamp]]:
    """Rows: municipalities (of one prefecture, or all); columns: indicator codes; cells: status as printed (or
    not_reported). Also each indicator's as-of date."""
    frame = governments()
    municipalities = frame[(frame.entity_type != "pref") & ((frame.prefecture_code == prefecture_code) if prefecture_code else True)]
    statuses, dates = {}, {}
    for code in answer_indicators().indicator_code:
        values = cells(code)
        if values.empty:
            continue
        values, as_of = latest(values)
        known = statuses_of(values)
        statuses[code] = [known.get(c, NOT_REPORTED) for c in municipalities.government_code]
        dates[code] = as_of
    return pd.DataFrame(statuses, index=municipalities.government_code), dates


@st.cache_resource(max_entries=4, show_spinner=False)
def national_statuses(version: tuple) -> pd.DataFrame:
    """Every municipality's statuses; `version` keys the cache."""
    return municipality_statuses(None)[0]


def share(column: pd.Series) -> tuple[int, int, float | None]:
    """(done, answered, share %): the base is who answered 実施 or 未実施; the share is computed."""
    done = int((column == DONE).sum())
    answered = int(column.isin([DONE, NOT_DONE]).sum())
    return done, answered, (100 * done / answered if answered else None)


def indicator_label(code: str) -> str:
    row = indicators().loc[code]
    return pick(row.label_ja.strip(), row.label_en, language())


def profile_url(code: str) -> str:
    """A link relative to the page, so that it works wherever the app is served."""
    return f"municipality?code={code}&lang={language()}"


@dataclass(frozen=True)
class PrefectureView:
    title: str
    heatmap: go.Figure
    matrix: pd.DataFrame      # sortable: name, link, one column per indicator with symbol and word
    counts: pd.DataFrame      # per indicator: done/answered in the prefecture, its share, the national share
    lacking: pd.DataFrame     # long: indicator, municipality, link
    csv: bytes
    file_name: str
    as_of: str


@st.cache_resource(max_entries=128, show_spinner=False)
def prefecture_view(prefecture_code: str, lang: str, version: tuple) -> PrefectureView:
    """`lang` and `version` key the cache."""
    frame = governments()
    prefecture = frame[(frame.entity_type == "pref") & (frame.prefecture_code == prefecture_code)].iloc[0]
    statuses, dates = municipality_statuses(prefecture_code)
    national = national_statuses(version)
    names = names_in_prefecture(statuses.index, lang)  # told apart: the heatmap merges equal row labels
    named = dict(zip(statuses.index, names))
    labels = {code: indicator_label(code) for code in statuses.columns}
    title = pick(prefecture.name_ja, prefecture.name_en, lang)
    matrix = pd.DataFrame({text("municipality", lang): names, text("profile_link", lang): [profile_url(c) for c in statuses.index],
                           text("government_code", lang): list(statuses.index)})
    for code in statuses.columns:
        matrix[labels[code]] = [f"{SYMBOLS[s]} {status_text(s)}" for s in statuses[code]]
    counts, lacking = [], []
    for code in statuses.columns:
        done, answered, local_share = share(statuses[code])
        _, _, national_share = share(national[code])
        missing = int((~statuses[code].isin([DONE, NOT_DONE])).sum())
        counts.append([labels[code], f"{done}/{answered}", _rounded(local_share), _rounded(national_share), missing,
                       iso_date(dates[code])])
        for government, value in statuses[code].items():
            if value == NOT_DONE:
                lacking.append([labels[code], named[government],
                                profile_url(government), government])
    counts_frame = pd.DataFrame(counts, columns=[text("indicator", lang), text("count_in_prefecture", lang), text("share_in_prefecture", lang),
                                                 text("share_national", lang), text("not_answered", lang), text("as_of", lang)])
    lacking_frame = pd.DataFrame(lacking, columns=[text("indicator", lang), text("municipality", lang), text("profile_link", lang), text("government_code", lang)])
    export = pd.DataFrame({text("government_code", lang): list(statuses.index), text("municipality", lang): names})
    for code in statuses.columns:  # the cells exactly as published; a blank is "not reported"
        export[bracketed(labels[code], iso_date(dates[code]), lang)] = [s if s != NOT_REPORTED else "" for s in statuses[code]]
    as_of = text("list_separator", lang).join(sorted({iso_date(d) for d in dates.values()}))
    return PrefectureView(title, as_drawn(heatmap(statuses, names, labels, title)), matrix, counts_frame, lacking_frame,
                          dataframe_to_csv_bytes(export, encoding="utf-8-sig"), f"prefecture_{prefecture_code}.csv", as_of)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def heatmap(statuses: pd.DataFrame, names: list[str], labels: dict[str, str], title: str) -> go.Figure:
    """Municipalities (rows) × initiatives (columns); each cell carries its symbol, so it reads without colour. The
    symbols are markers, not cell text: Plotly measures every text it draws, which took seconds for 179 × 15 cells.
    Every cell has one marker, and the markers carry the hover: beside them, the heatmap's own hover showed nothing."""
    z = statuses.apply(lambda column: column.map(STATUS_LEVELS)).to_numpy()
    x = [literal(labels[c]) for c in statuses.columns]
    y = [literal(n) for n in names]
    figure = go.Figure(go.Heatmap(z=z, x=x, y=y, zmin=-0.5, zmax=3.5, colorscale=CATEGORICAL_SCALE, showscale=False,
                                  xgap=1, ygap=1, hoverinfo="skip"))
    hovertemplate = labelled("%{y} × %{x}", "%{customdata}", language()) + "<extra></extra>"
    cells = statuses.to_numpy()
    for status, marker in STATUS_MARKERS.items():
        rows, columns = (cells == status).nonzero()
        figure.add_trace(go.Scatter(
            x=[x[c] for c in columns], y=[y[r] for r in rows], customdata=[status_text(status)] * len(rows), mode="markers",
            hovertemplate=hovertemplate, showlegend=False,
            marker=dict(symbol=marker, size=9, color="#000000", line=dict(width=1.5, color="#000000"))))
    figure.update_layout(title=dict(text=literal(text("heatmap_title", language(), prefecture=title)), x=0, xanchor="left", y=0.99, yanchor="top"),
                         height=160 + 18 * len(names), font=dict(family=FONT, size=12), margin=dict(l=10, r=10, t=190, b=10),
                         plot_bgcolor="white", hoverdistance=-1)  # no cutoff: the nearest marker is the cell's own
    # the cells fill the plot exactly: left to Plotly, the range would be padded for the markers
    figure.update_xaxes(side="top", tickangle=-40, range=[-0.5, len(x) - 0.5])
    figure.update_yaxes(range=[len(y) - 0.5, -0.5])  # reversed: the first municipality on top
    return figure


@st.cache_resource(max_entries=64, show_spinner=False)
def national_map(indicator_code: str, lang: str, version: tuple) -> tuple[go.Figure, pd.DataFrame]:
    """Japan: prefectures filled by the share of their municipalities that have done it, every municipality a point;
    and the table beside it. `lang` and `version` key the cache."""
    frame = governments()
    statuses = national_statuses(version)[indicator_code]
    municipalities = frame.loc[statuses.index]
    prefectures = frame[frame.entity_type == "pref"]
    rows = []
    for prefecture in prefectures.itertuples():
        mine = statuses[municipalities.prefecture_code == prefecture.prefecture_code]
        done, answered, value = share(mine)
        name = pick(prefecture.name_ja, prefecture.name_en, lang)
        hover = labelled(name, f"{done}/{answered}", lang)
        hover = bracketed(hover, f"{value:.1f}%", lang) if value is not None else hover
        rows.append(dict(prefecture_code=prefecture.prefecture_code, name=name, done=done, answered=answered,
                         share=value, missing=len(mine) - answered, hover=hover, lat=prefecture.lat, lng=prefecture.lng))
    table = pd.DataFrame(rows)
    points = pd.DataFrame(dict(government_code=municipalities.government_code,
                               name=distinct_names(municipalities.government_code, lang), status=statuses.to_numpy(),
                               lat=municipalities.lat, lng=municipalities.lng)).dropna(subset=["lat", "lng"])
    labels = {s: status_text(s) for s in SYMBOLS}
    as_of = latest(cells(indicator_code))[1]
    figure = japan_map(drawn_outlines(version), table, points, (text("map_heading", lang, indicator=indicator_label(indicator_code)),
                                                                 gap_joined([text('map_share_legend', lang), iso_date(as_of)], lang)),
                       labels, text("peer_none", lang))
    shown = pd.DataFrame({text("prefecture", lang): table.name, text("count_in_prefecture", lang): [f"{d}/{a}" for d, a in zip(table.done, table.answered)],
                          text("share_in_prefecture", lang): [_rounded(v) for v in table.share], text("not_answered", lang): table.missing,
                          text("profile_link", lang): [f"prefecture?code={c}&lang={lang}" for c in table.prefecture_code]})
    return as_drawn(figure), shown
