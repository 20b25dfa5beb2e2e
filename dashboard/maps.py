"""Maps drawn on plain x/y axes (longitude, latitude) from the prefecture outlines in the database: no base map, no
tiles, no TopoJSON fetched by Plotly's geo traces, so they draw with no network at all."""
from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.charts import FONT, literal
from dashboard.db import query
from governments.peers import DONE, NOT_DONE, NOT_REPORTED, NOT_SURVEYED
from governments.outlines import Outline, aspect_ratio, outlines
from common.formatting import bracketed
from dashboard.i18n import language

# Shares in five classes, coloured from viridis (readable in greyscale and by colour-blind readers); no answers: grey
SHARE_CLASSES: tuple[tuple[float, float, str], ...] = ((0, 20, "#fde725"), (20, 40, "#5ec962"), (40, 60, "#21918c"),
                                                       (60, 80, "#3b528b"), (80, 100.0001, "#440154"))
NO_SHARE_COLOR = "#d9d9d9"
# A municipality's answer as a marker: never colour alone — each has its own symbol
STATUS_MARKERS = {DONE: ("circle", "#0072B2"), NOT_DONE: ("circle-open", "#D55E00"), NOT_SURVEYED: ("x-thin-open", "#000000"),
                  NOT_REPORTED: ("diamond-open", "#777777")}
JAPAN_LONGITUDES = (122.5, 149.0)
JAPAN_LATITUDES = (24.0, 45.8)


@st.cache_resource(max_entries=2, show_spinner=False)
def drawn_outlines(version: tuple) -> tuple[Outline, ...]:
    """The prefecture outlines simplified for drawing, once per database version (about 0.3 s); `version` keys the cache."""
    rows = query("prefecture_outlines")
    return outlines((row.prefecture_code, _geometry(json.loads(row.geojson))) for row in rows.itertuples())


def _geometry(geojson: dict) -> dict:
    """The geometry of a GeoJSON Feature, or the geometry itself."""
    return geojson["geometry"] if geojson.get("type") == "Feature" else geojson


def share_class(share: float | None) -> tuple[str, str]:
    """(legend label, colour) of a share."""
    if share is None or pd.isna(share):
        return "–", NO_SHARE_COLOR
    low, high, color = next(c for c in SHARE_CLASSES if c[0] <= share < c[1])
    return f"{low}–{min(int(high), 100)}%", color


def japan_map(drawn: tuple[Outline, ...], prefectures: pd.DataFrame, points: pd.DataFrame, title: tuple[str, str],
              labels: dict[str, str], no_share_label: str, height: int = 720,
              longitudes: tuple[float, float] = JAPAN_LONGITUDES, latitudes: tuple[float, float] = JAPAN_LATITUDES) -> go.Figure:
    """Prefectures filled by share class (one trace per class: a legend entry each), a hover marker at each prefectural
    office, and every municipality as a point whose symbol says its answer.

    `prefectures`: prefecture_code, name, share, hover, lat, lng. `points`: government_code, name, status, lat, lng.
    `labels`: answer status → legend label. customdata of every marker: [code, "pref" | "muni"], for a click to open it.
    """
    figure = go.Figure()
    shares = dict(zip(prefectures.prefecture_code, prefectures.share))
    classes: dict[tuple[str, str], tuple[list, list]] = {}
    for outline in drawn:
        if outline.code not in shares:
            continue
        label, color = share_class(shares[outline.code])
        xs, ys = classes.setdefault((label if color != NO_SHARE_COLOR else no_share_label, color), ([], []))
        if xs:
            xs.append(None)
            ys.append(None)
        xs += outline.x
        ys += outline.y
    order = [c[2] for c in SHARE_CLASSES] + [NO_SHARE_COLOR]
    for (label, color), (xs, ys) in sorted(classes.items(), key=lambda item: order.index(item[0][1])):
        figure.add_trace(go.Scatter(x=xs, y=ys, fill="toself", fillcolor=color, mode="lines", line=dict(color="#666666", width=0.5),
                                    name=literal(label), legendgroup="share", hoverinfo="skip", legendrank=order.index(color)))
    figure.add_trace(go.Scatter(
        x=prefectures.lng, y=prefectures.lat, mode="markers", marker=dict(size=14, color="rgba(0,0,0,0)"),
        customdata=[[code, "pref"] for code in prefectures.prefecture_code], text=[literal(h) for h in prefectures.hover],
        hovertemplate="%{text}<extra></extra>", showlegend=False, name=""))
    for status, (symbol, color) in STATUS_MARKERS.items():
        rows = points[points.status == status]
        if rows.empty:
            continue
        figure.add_trace(go.Scatter(
            x=rows.lng, y=rows.lat, mode="markers", name=literal(bracketed(labels[status], f"{len(rows):,}", language())), legendgroup="points",
            marker=dict(symbol=symbol, size=3.5 if status == DONE else 4.5, color=color, opacity=0.65, line=dict(width=1, color=color)),
            customdata=[[code, "muni"] for code in rows.government_code], text=[literal(n) for n in rows.name],
            hovertemplate="%{text}<extra>" + literal(labels[status]) + "</extra>"))
    main, sub = title
    figure.update_layout(
        title=dict(text=literal(main), subtitle=dict(text=literal(sub), font=dict(size=13, color="#555")), x=0, xanchor="left"),
        height=height, font=dict(family=FONT, size=13), margin=dict(l=0, r=0, t=70, b=0), plot_bgcolor="#f4f8fb",
        legend=dict(orientation="v", x=0.01, y=0.98, bgcolor="rgba(255,255,255,0.85)", groupclick="toggleitem"),
        dragmode="pan", hovermode="closest", clickmode="event+select")
    figure.update_xaxes(range=list(longitudes), visible=False, constrain="domain")
    figure.update_yaxes(range=list(latitudes), visible=False, scaleanchor="x", scaleratio=aspect_ratio(sum(latitudes) / 2))
    return figure
